import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDurationSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockWarningDueDataSchema = z.strictObject({
  ...clockHeadShape,
  warning: isoDurationSchema.describe('how long before due this warning is, e.g. PT1H'),
});

export const clockWarningDueV1 = defineEntry({
  detailType: 'Clock.WarningDue',
  version: 1,
  title: '时限临期预警',
  titleEn: 'Clock warning due',
  description: '距到期还剩 warning 所示时长（如 PT1H）。',
  descriptionEn: 'The deadline is `warning` away (e.g. PT1H).',
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
