// The bodies and queries of the recommendation routes (recommendation.ts RecommendationCommand),
// strict so a misspelt field is refused rather than ignored.
import {
  aggregateIdSchema,
  departmentIdSchema,
  isoDateTimeSchema,
  isoDurationSchema,
  textSchema,
} from '@fazhi/events/fields';
import * as z from 'zod';

const text = textSchema(2000);
const documentNo = textSchema(100).describe('文书文号');

export const issueBodySchema = z.strictObject({
  kind: z.enum(['procuratorial', 'public-interest', 'judicial']).describe('检察建议, 公益诉讼诉前检察建议, 司法建议'),
  urgent: z.boolean().optional().describe('情况紧急: the recommendation sets a shorter reply period'),
  addresseeDepartmentId: departmentIdSchema,
  documentNo,
  subject: textSchema(500).describe('建议事项'),
  transferCaseId: aggregateIdSchema.optional(),
  deliveredAt: isoDateTimeSchema.optional().describe('送达: the reply period counts from it; default now'),
  replyPeriod: isoDurationSchema.optional().describe('urgent, or the court’s period (P1M, P30D)'),
  implementationPeriod: isoDurationSchema.optional().describe('default 90 days (city policy)'),
});

/** The body of each action after issuing, by the domain's command type. */
export const REC_COMMAND_BODIES = {
  Reply: z.strictObject({ adopted: z.boolean(), documentNo, content: text }),
  ReportImplementation: z.strictObject({ content: text }),
  VerifyImplementation: z.strictObject({ verified: z.boolean(), note: textSchema(2000).or(z.literal('')).default('') }),
  Withdraw: z.strictObject({ reason: text }),
} as const;

export const REC_ACTIONS = new Map<string, keyof typeof REC_COMMAND_BODIES>([
  ['reply', 'Reply'],
  ['report-implementation', 'ReportImplementation'],
  ['verify-implementation', 'VerifyImplementation'],
  ['withdraw', 'Withdraw'],
]);

export const recActionBodySchema = z
  .record(z.string(), z.unknown())
  .describe('the body of the action: see the action list in the description');

export const recListQuerySchema = z.strictObject({
  addresseeDepartmentId: departmentIdSchema.optional(),
  issuerDepartmentId: departmentIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const recommendationViewSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindName: z.string(),
    status: z.string(),
    statusName: z.string().describe('the status in Chinese'),
    issuerDepartmentId: z.string(),
    addresseeDepartmentId: z.string(),
    overdue: z.boolean(),
    clocks: z.array(z.record(z.string(), z.unknown())),
    version: z.number().int(),
  })
  .catchall(z.unknown());

export const ratesSchema = z.object({
  addresseeDepartmentId: z.string(),
  issued: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  onTimeReplyRate: z.number().nullable(),
  adopted: z.number().int(),
  implemented: z.number().int(),
  implementationRate: z.number().nullable(),
});
