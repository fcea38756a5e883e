import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema, textSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockResumedDataSchema = z.strictObject({
  ...clockHeadShape,
  pauseId: z.string().regex(/^p\d{1,4}$/),
  reason: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  by: textSchema(128),
  pausedAt: isoDateTimeSchema,
  running: z.boolean().describe('false while another pause is still open'),
  previousDueAt: isoDateTimeSchema,
});

export const clockResumedV1 = defineEntry({
  detailType: 'Clock.Resumed',
  version: 1,
  title: '时限恢复计算',
  titleEn: 'Clock resumed',
  description: '一项暂停结束（at 为恢复时间）；running 为真时时限重新计算，dueAt 为重新计算后的到期时间。',
  descriptionEn: 'A pause ended (`at`); when `running`, the deadline runs again and `dueAt` is the recomputed due.',
  data: clockResumedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJP4C58098F2S9C9MK71TRSE',
      occurredAt: '2026-03-06T10:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV80',
      policyId: 'transfer.reverse-review',
      subject: { type: 'reverse-transfer', id: '01KJRPRW80Z9MRYBX3PC4HQV81', title: '某某食品公司不起诉案' },
      departmentId: 'procuratorate',
      dueAt: '2026-03-18T23:59:59.999+08:00',
      at: '2026-03-06T10:00:00.000+08:00',
      pauseId: 'p1',
      reason: 'consulting-procuratorate',
      by: 'procuratorate.duty',
      pausedAt: '2026-03-04T10:00:00.000+08:00',
      running: true,
      previousDueAt: '2026-03-16T23:59:59.999+08:00',
    },
  },
});
