import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { isoDateTimeSchema, textSchema } from '../fields';
import { clockHeadShape } from '../parts/clock';
import { owningDepartmentSubscribers, platformPublishers } from '../parts/platform-audience';

export const clockExtendedDataSchema = z.strictObject({
  ...clockHeadShape,
  by: z.string().regex(/^P/).describe('ISO 8601 duration in the clock\u2019s counting unit'),
  decidedBy: textSchema(128),
  role: textSchema(64),
  reason: textSchema(500),
  documentNo: textSchema(200).optional(),
  consent: z
    .strictObject({ parties: z.array(textSchema(128)).min(2), documentNo: textSchema(200).optional() })
    .optional(),
  previousDueAt: isoDateTimeSchema,
});

export const clockExtendedV1 = defineEntry({
  detailType: 'Clock.Extended',
  version: 1,
  title: '时限已延长',
  titleEn: 'Clock extended',
  description: '经有权决定者决定延长时限（by 为延长的期间）；consent 记录双方当事人的同意。',
  descriptionEn:
    'The deadline was extended by `by` on the decision of someone allowed to; `consent` records both parties\u2019 consent.',
  data: clockExtendedDataSchema,
  publishers: platformPublishers,
  subscribers: owningDepartmentSubscribers,
  example: {
    meta: {
      eventId: '01KJP4C58098F2S9C9MK71TRSF',
      occurredAt: '2026-03-12T10:00:00+08:00',
      correlationId: '01KJRPRW80XE542X23PTS67X9W',
      schemaVersion: 1,
    },
    data: {
      clockId: '01KJRPRW80Z9MRYBX3PC4HQV80',
      policyId: 'transfer.reverse-review',
      subject: { type: 'reverse-transfer', id: '01KJRPRW80Z9MRYBX3PC4HQV81', title: '某某食品公司不起诉案' },
      departmentId: 'procuratorate',
      dueAt: '2026-03-30T23:59:59.999+08:00',
      at: '2026-03-12T10:00:00.000+08:00',
      by: 'P10D',
      decidedBy: 'procuratorate.head',
      role: 'procurator-general',
      reason: '案情重大、疑难、复杂',
      previousDueAt: '2026-03-16T23:59:59.999+08:00',
    },
  },
});
