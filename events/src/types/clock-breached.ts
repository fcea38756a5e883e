import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockBreachedDataSchema = z.strictObject({ ...clockHeadShape });

export const clockBreachedV1 = defineEntry({
  detailType: 'Clock.Breached',
  version: 1,
  title: '时限已超期',
  titleEn: 'Clock breached',
  description: '时限已过且未完成（at 为到期后第一个超时时刻）。',
  descriptionEn: 'The deadline passed unmet (`at` is the first late instant).',
  data: clockBreachedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJKHZE809K2RR4YK19FCWT7D',
      occurredAt: '2026-03-04T15:00:00.001+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV79-release',
      policyId: 'opinion.release',
      subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '某路段化工车辆侧翻事故' },
      departmentId: 'emergency',
      dueAt: '2026-03-04T15:00:00+08:00',
      at: '2026-03-04T15:00:00.001+08:00',
    },
  },
});
