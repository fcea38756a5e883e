import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { alertHeadShape } from '../parts/alert';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const alertRemindedDataSchema = z.strictObject({ ...alertHeadShape });

export const alertRemindedV1 = defineEntry({
  detailType: 'Alert.Reminded',
  version: 1,
  title: '预警再次提醒',
  titleEn: 'Alert reminded',
  description: '已确认但未办结的预警按周期再次提醒。',
  descriptionEn: 'An acknowledged but unresolved alert reminds its recipients again.',
  data: alertRemindedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJVTCQZ0K0E6VJ6MBWKF26MK',
      occurredAt: '2026-03-04T15:42:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      alertId: '01KJVTAXC0VDCDM9Q97T1WPBEB',
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
      departmentId: 'emergency',
      level: 'leader',
      recipients: ['emergency.leader'],
      reason: 'breach',
      clockKind: 'release',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      at: '2026-03-04T15:42:00+08:00',
    },
  },
});
