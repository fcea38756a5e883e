import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { textSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockPausedDataSchema = z.strictObject({
  ...clockHeadShape,
  pauseId: z.string().regex(/^p\d{1,4}$/),
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,63}$/)
    .describe('a pause reason code of the clock policy'),
  by: textSchema(128),
  documentNo: textSchema(200).optional(),
  openPauses: z.number().int().min(1),
});

export const clockPausedV1 = defineEntry({
  detailType: 'Clock.Paused',
  version: 1,
  title: '时限暂停计算',
  titleEn: 'Clock paused',
  description: '时限因 reason 所示事由暂停计算（at 为暂停时间），暂停期间不计入期限；openPauses 为仍未结束的暂停数。',
  descriptionEn:
    'The deadline stops running for `reason` (`at`); paused time is not counted. `openPauses` counts the pauses still open.',
  data: clockPausedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJP4C58098F2S9C9MK71TRSD',
      occurredAt: '2026-03-04T10:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV80',
      policyId: 'transfer.reverse-review',
      subject: { type: 'reverse-transfer', id: '01KJRPRW80Z9MRYBX3PC4HQV81', title: '某某食品公司不起诉案' },
      departmentId: 'procuratorate',
      dueAt: '2026-03-16T23:59:59.999+08:00',
      at: '2026-03-04T10:00:00.000+08:00',
      pauseId: 'p1',
      reason: 'consulting-procuratorate',
      by: 'procuratorate.duty',
      documentNo: '征求意见函〔2026〕1号',
      openPauses: 1,
    },
  },
});
