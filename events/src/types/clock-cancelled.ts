import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { textSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

// Not in the first list of issue-3 types, but a regrade (Ⅱ → Ⅲ) or closing an incident cancels
// clocks, and the alerts service must hear of it to resolve their open alerts.
export const clockCancelledDataSchema = z.strictObject({
  ...clockHeadShape,
  reason: textSchema(500).optional(),
});

export const clockCancelledV1 = defineEntry({
  detailType: 'Clock.Cancelled',
  version: 1,
  title: '时限已取消',
  titleEn: 'Clock cancelled',
  description: '时限不再适用（如事件降级或办结）。',
  descriptionEn: 'The deadline no longer applies (e.g. the incident was regraded down or closed).',
  data: clockCancelledDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJXVJA80M3TP627QEXEYB62R',
      occurredAt: '2026-03-06T09:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-press-conference',
      policyId: 'opinion.press-conference',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      departmentId: 'emergency',
      dueAt: '2026-03-05T10:00:00+08:00',
      at: '2026-03-06T09:00:00+08:00',
      reason: 'incident-closed',
    },
  },
});
