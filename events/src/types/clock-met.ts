import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockMetDataSchema = z.strictObject({
  ...clockHeadShape,
  late: z.boolean().optional().describe('met after it had breached'),
  whilePaused: z.boolean().optional().describe('met while the clock was paused: not counted as on time while running'),
});

export const clockMetV1 = defineEntry({
  detailType: 'Clock.Met',
  version: 1,
  title: '时限已完成',
  titleEn: 'Clock met',
  description: '时限要求的事项已完成（at 为完成时间；late 表示超期后完成）。',
  descriptionEn: 'What the deadline required was done (`at`); `late` when done after the breach.',
  data: clockMetDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJKHZE80C68ENCD7GJD480A6',
      occurredAt: '2026-03-04T14:20:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
      policyId: 'opinion.release',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      departmentId: 'emergency',
      dueAt: '2026-03-04T15:00:00+08:00',
      at: '2026-03-04T14:20:00+08:00',
      late: false,
    },
  },
});
