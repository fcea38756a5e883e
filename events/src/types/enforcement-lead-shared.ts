import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { departmentIdSchema, textSchema, webUrlSchema } from '../fields';
import { usccSchema } from '../uscc';

// 执法线索互通: an enforcement agency, public security or the procuratorate shares a lead (a
// suspected violation or crime) with the others, optionally addressed to named departments.

export const enforcementLeadCategorySchema = z.enum([
  'market',
  'environment',
  'food-drug',
  'labour',
  'tax',
  'land',
  'other',
]);

export const enforcementLeadSharedDataSchema = z.strictObject({
  subjectName: textSchema(200).describe('the person or organisation the lead is about'),
  uscc: usccSchema.optional(),
  category: enforcementLeadCategorySchema,
  summary: textSchema(2000),
  targetDepartments: z
    .array(departmentIdSchema)
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'targetDepartments: each department once')
    .meta({ uniqueItems: true })
    .optional()
    .describe('deliver only to these (each must be entitled); absent: every entitled department'),
  attachments: z
    .array(z.strictObject({ name: textSchema(200), url: webUrlSchema }))
    .max(20)
    .optional(),
});

export const enforcementLeadSharedV1 = defineEntry({
  detailType: 'EnforcementLead.Shared',
  version: 1,
  title: '执法线索互通',
  titleEn: 'Enforcement lead shared',
  description: '行政执法机关、公安机关、检察机关之间共享案件线索；可指定接收部门。',
  descriptionEn:
    'An enforcement agency, public security or the procuratorate shares a case lead with the others, optionally addressed to named departments.',
  data: enforcementLeadSharedDataSchema,
  publishers: { kinds: ['enforcement', 'public-security', 'procuratorate'] },
  subscribers: { kinds: ['enforcement', 'public-security', 'procuratorate'] },
  example: {
    meta: {
      eventId: '01KJP4C580PPCE3J2ZETH2AT29',
      occurredAt: '2026-03-02T10:15:00+08:00',
      correlationId: 'SJ-2026-0312',
      schemaVersion: 1,
    },
    data: {
      subjectName: '某某食品有限公司',
      uscc: '91350100M000100Y43',
      category: 'food-drug',
      summary: '日常检查发现该公司涉嫌生产销售不符合安全标准的食品，涉案货值约 12 万元，可能达到刑事立案标准。',
      targetDepartments: ['police', 'procuratorate'],
      attachments: [{ name: '现场检查笔录.pdf', url: 'https://files.market.example.gov.cn/leads/SJ-2026-0312/1.pdf' }],
    },
  },
});
