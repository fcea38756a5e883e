import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockStartedDataSchema = z.strictObject({
  ...clockHeadShape,
  period: z.string().regex(/^P/).optional().describe('the period in the clock\u2019s counting unit, e.g. P10D'),
  documentNo: z.string().max(200).optional().describe('the decision that set the period, where one did'),
});

export const clockStartedV1 = defineEntry({
  detailType: 'Clock.Started',
  version: 1,
  title: '时限开始计时',
  titleEn: 'Clock started',
  description: '一项法定或政策时限开始计时（at 为起算时间）。',
  descriptionEn: 'A statutory or policy deadline starts running (`at` is the start instant).',
  data: clockStartedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJP4C58098F2S9C9MK71TRSC',
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
      at: '2026-03-04T10:00:00+08:00',
    },
  },
});
