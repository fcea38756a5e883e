import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { usernameSchema } from '../fields';
import { alertHeadShape } from '../parts/alert';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const alertAcknowledgedDataSchema = z.strictObject({ ...alertHeadShape, acknowledgedBy: usernameSchema });

export const alertAcknowledgedV1 = defineEntry({
  detailType: 'Alert.Acknowledged',
  version: 1,
  title: '预警已确认',
  titleEn: 'Alert acknowledged',
  description: '预警已被确认，停止升级；事项完成前按周期提醒。',
  descriptionEn: 'Someone acknowledged the alert: escalation stops; reminders continue until the deadline is met.',
  data: alertAcknowledgedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJXVJA80ANRDF66ZCBV61R9F',
      occurredAt: '2026-03-04T15:12:00+08:00',
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
      at: '2026-03-04T15:12:00+08:00',
      acknowledgedBy: 'emergency.leader',
    },
  },
});
