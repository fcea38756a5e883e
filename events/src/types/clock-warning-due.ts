import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDurationSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockWarningDueDataSchema = z.strictObject({
  ...clockHeadShape,
  warning: z
    .union([isoDurationSchema, z.string().regex(/^D-\d{1,2}T\d{2}:\d{2}$/)])
    .describe('PT1H: one hour before due; D-1T09:00: 09:00 on the working day before the due day'),
});

export const clockWarningDueV1 = defineEntry({
  detailType: 'Clock.WarningDue',
  version: 1,
  title: '时限临期预警',
  titleEn: 'Clock warning due',
  description: '临期预警：warning 为 PT1H 表示距到期还剩1小时，D-1T09:00 表示到期日前一个工作日9时。',
  descriptionEn:
    'A warning before due: `PT1H` one hour before, `D-1T09:00` 09:00 on the working day before the due day.',
  data: clockWarningDueDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJKHZE80GZ9YNZEGWST0PXEP',
      occurredAt: '2026-03-04T14:50:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
      policyId: 'opinion.release',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      departmentId: 'emergency',
      dueAt: '2026-03-04T15:00:00+08:00',
      at: '2026-03-04T14:50:00+08:00',
      warning: 'PT30M',
    },
  },
});
