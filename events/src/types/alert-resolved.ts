import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { alertHeadShape } from '../parts/alert';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const alertResolvedDataSchema = z.strictObject({
  ...alertHeadShape,
  resolution: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/)
    .describe('why: clock-met, clock-cancelled, superseded…'),
});

export const alertResolvedV1 = defineEntry({
  detailType: 'Alert.Resolved',
  version: 1,
  title: '预警已解除',
  titleEn: 'Alert resolved',
  description: '预警解除：时限已完成、已取消或被新的预警取代。',
  descriptionEn: 'The alert is over: the deadline was met or cancelled, or a newer alert superseded it.',
  data: alertResolvedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJVTEJJ0DDKCV01P66H0Z4WH',
      occurredAt: '2026-03-04T15:50:00+08:00',
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
      at: '2026-03-04T15:50:00+08:00',
      resolution: 'clock-met',
    },
  },
});
