import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { alertHeadShape, alertLevelSchema } from '../parts/alert';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const alertEscalatedDataSchema = z.strictObject({ ...alertHeadShape, fromLevel: alertLevelSchema });

export const alertEscalatedV1 = defineEntry({
  detailType: 'Alert.Escalated',
  version: 1,
  title: '预警升级',
  titleEn: 'Alert escalated',
  description: '预警在确认时限内无人确认，升级至上一级（带班领导、部门负责人）。',
  descriptionEn: 'Nobody acknowledged in time; the alert moves up a level (leader on duty, then department head).',
  data: alertEscalatedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJXVJA8099WPQJCVYHPRFEZ6',
      occurredAt: '2026-03-04T15:10:00.001+08:00',
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
      at: '2026-03-04T15:10:00.001+08:00',
      fromLevel: 'officer',
    },
  },
});
