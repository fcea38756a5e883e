// The bodies and queries of the detection routes: the penalty cases an agency posts (the 双公示
// fields, detection.ts PenaltyCaseRecord, amounts in fen) and a procurator's decision on a flag.

import { departmentIdSchema, textSchema } from '@fazhi/events/fields';
import { offenceCategorySchema } from '@fazhi/events/parts/transfer';
import * as z from 'zod';

const fen = z.number().int().min(0).max(1e15).describe('fen (分)');

export const penaltyCaseSchema = z.strictObject({
  caseNo: textSchema(100).describe('the agency’s own case number: re-posting it replaces the case'),
  decisionNo: textSchema(100).describe('处罚决定书文号'),
  violationType: textSchema(200).describe('违法行为类型'),
  facts: textSchema(5000).describe('违法事实'),
  legalBasis: textSchema(2000).describe('处罚依据'),
  penaltyCategories: z.array(textSchema(50)).max(20).describe('处罚类别, e.g. 罚款, 没收违法所得'),
  penaltyContent: textSchema(2000).describe('处罚内容'),
  fineFen: fen.describe('罚款金额, fen'),
  confiscatedFen: fen.describe('没收金额, fen'),
  decidedOn: z.iso.date().describe('处罚决定日期'),
  partyName: textSchema(200),
  partyCreditCode: z
    .string()
    .regex(/^[0-9A-Z]{18}$/)
    .optional(),
  partyKind: z.enum(['individual', 'unit']),
  authorityName: textSchema(200).describe('处罚机关'),
  offenceCategory: offenceCategorySchema.optional().describe('the threshold category the facts fall under'),
  amounts: z
    .strictObject({
      salesAmount: fen.optional(),
      goodsValue: fen.optional(),
      illegalBusinessAmount: fen.optional(),
      illegalGain: fen.optional(),
    })
    .optional()
    .describe('涉案金额 the case established, fen'),
  suspectedCrime: z.boolean().optional().describe('the agency itself found the facts to be a suspected crime'),
});

export const MAX_PENALTY_CASES = 10;

export const penaltyCasesBodySchema = z
  .strictObject({ cases: z.array(penaltyCaseSchema).min(1).max(MAX_PENALTY_CASES) })
  .refine((b) => new Set(b.cases.map((c) => c.caseNo)).size === b.cases.length, {
    path: ['cases'],
    message: 'each caseNo once per request',
  });

export const flagIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'flag id: 32 hex digits');

export const flagDecisionBodySchema = z.strictObject({
  decision: z.enum(['confirmed', 'dismissed']),
  reason: textSchema(2000).optional().describe('required to dismiss'),
});

export const flagListQuerySchema = z.strictObject({
  status: z.enum(['open', 'confirmed', 'dismissed', 'superseded', 'all']).optional(),
  kind: z.enum(['untransferred', 'penalty-instead', 'stalled']).optional(),
  agencyDepartmentId: departmentIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const flagThreshold = z.object({ id: z.string(), version: z.number().int() });
export const flagViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['untransferred', 'penalty-instead', 'stalled']),
  kindName: z.string(),
  agencyDepartmentId: z.string(),
  caseNo: z.string().optional(),
  transferCaseId: z.string().optional(),
  partyName: z.string(),
  explanation: z.string().describe('why, in Chinese'),
  threshold: flagThreshold.extend({ verified: z.boolean() }).optional(),
  status: z.enum(['open', 'confirmed', 'dismissed', 'superseded']),
  raisedAt: z.string(),
  decision: z
    .object({
      decision: z.enum(['confirmed', 'dismissed']),
      reason: z.string().optional(),
      by: z.string(),
      at: z.string(),
      threshold: flagThreshold.optional(),
    })
    .optional(),
});
