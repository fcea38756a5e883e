import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema, usernameSchema } from '../fields';

// What the transfers service tells the procuratorate when the detection (有案不移 / 以罚代刑 / 有案难移,
// DOMAIN.md §4 item 11) finds something in the penalty cases the agencies post, and when a procurator
// decides on it. The explanation is in Chinese and names the amount, the threshold and its source;
// the party's name stays on the platform.

const flagIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'flag id: 32 hex digits');
const flagKindSchema = z.enum(['untransferred', 'penalty-instead', 'stalled']);
const thresholdRefSchema = z.strictObject({ id: textSchema(100), version: z.number().int().min(1) });

const flagHead = {
  flagId: flagIdSchema,
  kind: flagKindSchema,
  kindName: textSchema(20).describe('有案不移, 以罚代刑 or 有案难移'),
  agencyDepartmentId: departmentIdSchema.describe('the enforcement agency whose case it is'),
  caseNo: textSchema(100).optional().describe('the agency’s own case number'),
  transferCaseId: aggregateIdSchema.optional(),
  at: isoDateTimeSchema,
};

const procuratorates = { kinds: ['procuratorate' as const] };
const example = {
  flagId: '3f7a9c0e5b2d4816a0c1e2f3a4b5c6d7',
  kind: 'untransferred' as const,
  kindName: '有案不移',
  agencyDepartmentId: 'samr',
  caseNo: '芜市监处〔2026〕201号',
  at: '2026-03-02T10:00:00+08:00',
};

export const transferFlagRaisedV1 = defineEntry({
  detailType: 'TransferFlag.Raised',
  version: 1,
  title: '发现移送线索',
  titleEn: 'Detection raised a flag',
  description:
    '行政执法机关报送的行政处罚案件经立案追诉标准比对，发现有案不移、以罚代刑或者有案难移的线索，推送人民检察院审查；附中文说明和所依据的标准及其版本。',
  data: z.strictObject({
    ...flagHead,
    explanation: textSchema(4000).describe('why, in Chinese: the amount, the threshold and its source'),
    threshold: thresholdRefSchema.extend({ verified: z.boolean() }).optional(),
  }),
  publishers: { platform: true },
  subscribers: procuratorates,
  example: {
    meta: {
      eventId: '01KJTRFXAG00000000000001EV',
      occurredAt: '2026-03-02T10:00:00+08:00',
      correlationId: example.flagId,
      schemaVersion: 1,
    },
    data: {
      ...example,
      explanation:
        '销售金额 12 万元 ≥ 阈值 5 万元（生产、销售伪劣产品罪），依据 《中华人民共和国刑法》第一百四十条；未移送',
      threshold: { id: 'fake-products.sales', version: 1, verified: true },
    },
  },
});

export const transferFlagDecidedV1 = defineEntry({
  detailType: 'TransferFlag.Decided',
  version: 1,
  title: '移送线索审查结论',
  titleEn: 'A procurator decided on a flag',
  description: '检察人员确认线索，或者说明理由予以排除；结论与所依据的立案追诉标准及其版本一并保存。',
  data: z.strictObject({
    ...flagHead,
    decision: z.enum(['confirmed', 'dismissed']),
    reason: textSchema(2000).optional(),
    by: usernameSchema,
    threshold: thresholdRefSchema.optional(),
  }),
  publishers: { platform: true },
  subscribers: procuratorates,
  example: {
    meta: {
      eventId: '01KJTRFXAG00000000000002EV',
      occurredAt: '2026-03-03T10:00:00+08:00',
      correlationId: example.flagId,
      schemaVersion: 1,
    },
    data: {
      ...example,
      at: '2026-03-03T10:00:00+08:00',
      decision: 'dismissed',
      reason: '涉案金额系重复计算，实际未达立案追诉标准',
      by: 'procuratorate.duty',
      threshold: { id: 'fake-products.sales', version: 1 },
    },
  },
});

export const TRANSFER_FLAG_ENTRIES = [transferFlagRaisedV1, transferFlagDecidedV1] as const;
