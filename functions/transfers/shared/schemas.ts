// The bodies of the transfer routes: the agency's report, and one per command of the domain
// (transfer-state.ts TransferCommand), strict so a misspelt field is refused rather than ignored.
import { REVERSE_PAUSE_REASONS } from '@fazhi/domain/transfers/transfer-state';
import { departmentIdSchema, isoDateTimeSchema, isoDurationSchema, textSchema } from '@fazhi/events/fields';
import { offenceCategorySchema, transferDocumentKindSchema } from '@fazhi/events/parts/transfer';
import * as z from 'zod';

const text = textSchema(2000);
const short = textSchema(200);
const documentNo = textSchema(100).describe('文书文号');

export const reportBodySchema = z.strictObject({
  enforcementCaseNo: textSchema(100).describe('the agency’s own case number (案件编号)'),
  title: short,
  summary: textSchema(5000),
  offenceCategory: offenceCategorySchema.describe('threshold category code, e.g. fake-products, ip-trademark'),
  basis: z.enum(['threshold', 'reasonable-suspicion']),
  threshold: z.strictObject({ id: textSchema(100), version: z.number().int().min(1) }).optional(),
  economic: z.boolean().default(false).describe('economic crime: the filing decision runs 10 / 30 / +30 days'),
  team: z.array(textSchema(100)).max(20).describe('the special team: at least two officers (Art. 5)'),
  regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'region code: 6, 9 or 12 digits'),
  party: z.strictObject({
    name: textSchema(200),
    creditCode: z
      .string()
      .regex(/^[0-9A-Z]{18}$/)
      .optional(),
  }),
  reportedAt: isoDateTimeSchema.optional().describe('when the written report reached the head; default now'),
});

const documentSchema = z.strictObject({
  kind: transferDocumentKindSchema,
  title: short,
  documentNo: documentNo.optional(),
  attachmentId: z.string().min(1).max(200).optional().describe('the stored file, or its hash'),
  pages: z.number().int().min(1).max(100_000).optional(),
});
const documents = z.array(documentSchema).max(50);
const none = z.strictObject({});
const note = z.strictObject({ note: text.optional() });
const withDocumentNo = z.strictObject({ documentNo });
const decision = z.strictObject({ filed: z.boolean(), documentNo, reasons: text.optional() });
const pauseReason = z.enum(REVERSE_PAUSE_REASONS);

/** The body of each command, by the domain's command type. */
export const COMMAND_BODIES = {
  DecideApproval: z.strictObject({ approved: z.boolean(), reasons: text.optional() }),
  Transfer: z.strictObject({
    policeDepartmentId: departmentIdSchema,
    procuratorateDepartmentId: departmentIdSchema,
    documents,
  }),
  CompleteMaterials: z.strictObject({ documents, note: text.optional() }),
  RequestReconsideration: withDocumentNo,
  RequestSupervision: withDocumentNo,
  AcceptNotFiled: note,
  HandOver: note,
  DecidePenalty: z.discriminatedUnion('decided', [
    z.strictObject({ decided: z.literal(true), decisionNo: documentNo }),
    z.strictObject({ decided: z.literal(false), reason: text }),
  ]),
  Receive: none,
  PassOn: z.strictObject({ toDepartmentId: departmentIdSchema, toKind: z.enum(['police', 'other']), reason: text }),
  NotifyIncomplete: z.strictObject({ missing: z.array(short).min(1).max(50), note: text.optional() }),
  DeclareComplex: z.strictObject({ approvedBy: textSchema(100), documentNo }),
  ExtendFilingReview: z.strictObject({ approvedBy: textSchema(100), documentNo, reason: text }),
  DecideFiling: decision,
  DecideReconsideration: decision,
  ExplainNotFiling: z.strictObject({ documentNo, reasons: text }),
  ConcludeInvestigation: z.strictObject({ outcome: z.enum(['prosecution', 'withdrawn']) }),
  ReverseTransfer: z.strictObject({ reason: text }),
  RequireExplanation: withDocumentNo,
  ReviewExplanation: z.strictObject({ reasonsStand: z.boolean(), documentNo }),
  NotifySupervisionResult: withDocumentNo,
  DecideProsecution: z.strictObject({
    prosecuted: z.boolean(),
    documentNo,
    courtDepartmentId: departmentIdSchema.optional(),
  }),
  ReferReverse: none,
  RegisterReverse: none,
  SuspendReverseReview: z.strictObject({ reason: pauseReason, documentNo: documentNo.optional() }),
  ResumeReverseReview: z.strictObject({ reason: pauseReason }),
  ExtendReverseReview: z.strictObject({ duration: isoDurationSchema, approvedBy: textSchema(100), reason: text }),
  ConcludeReverseReview: z.strictObject({ penaltyAdvised: z.boolean(), documentNo }),
  RecordJudgment: z.strictObject({ documentNo, summary: text }),
  ReferDutyCrimeClue: z.strictObject({
    toDepartmentId: departmentIdSchema,
    toKind: z.enum(['supervisory-commission', 'procuratorate']),
    summary: text,
  }),
} as const;

export type CommandName = keyof typeof COMMAND_BODIES;

/** `DecideApproval` → `decide-approval`: the `{action}` of POST /v1/transfer-cases/{caseId}/{action}. */
export const actionOf = (c: CommandName) => c.replace(/[A-Z]/g, (m, i: number) => (i ? '-' : '') + m.toLowerCase());
export const ACTIONS = new Map(Object.keys(COMMAND_BODIES).map((c) => [actionOf(c as CommandName), c as CommandName]));

/** The route's own body check: a JSON object; the action's schema is applied by the handler. */
export const actionBodySchema = z
  .record(z.string(), z.unknown())
  .describe('the body of the action: see the action list in the description');

export const listQuerySchema = z
  .strictObject({
    agencyDepartmentId: departmentIdSchema.optional(),
    offenceCategory: offenceCategorySchema.optional(),
    status: z
      .string()
      .regex(/^[a-z-]{1,40}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .describe('filters; the list holds only what the caller may see');
