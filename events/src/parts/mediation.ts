import * as z from 'zod';
import type { Audience } from '../catalog-entry';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema, usernameSchema } from '../fields';

// Fields shared by the mediation detail-types ("1+4+N" 大调解, DOMAIN.md §3): the referrals a court,
// the police or the petition office send in, and the MediationCase.* events the platform sends out.
// The codes are the wire contract; packages/domain/src/mediation/taxonomy.ts holds their Chinese
// names, and a test keeps the two lists equal.

export const disputeTypeSchema = z.enum([
  'marriage_family',
  'neighbourhood',
  'housing_homestead',
  'contract',
  'business',
  'damages',
  'forest_land',
  'land_acquisition',
  'environment',
  'labour',
  'consumer',
  'medical',
  'traffic',
  'property_management',
  'other',
]);
export const intakeSourceSchema = z.enum([
  'window',
  'hotline',
  'online',
  'court-delegation',
  'court-entrustment',
  'police',
  'petition',
  'screening',
]);
export const riskLevelSchema = z.enum(['low', 'medium', 'high']);
export const riskKindSchema = z.enum(['violence', 'civil-to-criminal', 'group-petition']);
export const tierSchema = z.enum(['ordinary', 'difficult', 'major']);
export const otherRouteSchema = z.enum(['arbitration', 'administrative-ruling', 'litigation']);
export const caseStatusSchema = z.enum(['queued', 'dispatched', 'accepted', 'mediating', 'agreed', 'failed', 'closed']);
/** GB/T 2260: 6 digits for a county, 9 for a township, 12 for a village. */
export const regionCodeSchema = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'region code: 6, 9 or 12 digits');
const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and hyphens');
/** Amounts in fen (分), integers, so sums are exact. */
export const amountFenSchema = z.number().int().min(0).max(1e13);

/** A party: applicant, respondent or an agent acting for one of them. */
export const partySchema = z.strictObject({
  id: slugSchema.describe('the party’s id within the case, e.g. p1'),
  role: z.enum(['applicant', 'respondent', 'agent']),
  actsFor: slugSchema.optional().describe('for an agent: the id of the party they act for'),
  name: textSchema(100),
  idNumber: z
    .string()
    .regex(/^[0-9A-Z]{18}$/, '18-character 身份证号 or 统一社会信用代码')
    .optional()
    .describe('身份证号 or USCC; masked for departments whose work does not need it'),
  phone: z
    .string()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile or landline number')
    .optional(),
});
export const partiesSchema = z
  .array(partySchema)
  .min(2)
  .max(50)
  .refine((ps) => ps.some((p) => p.role === 'applicant') && ps.some((p) => p.role === 'respondent'), {
    message: 'at least one applicant and one respondent',
  })
  .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, { message: 'party ids are unique' })
  .meta({ description: 'at least one applicant and one respondent; party ids unique' });

/** What every referral carries: the dispute as the referring department describes it. */
export const referralShape = {
  referenceNo: textSchema(100).describe('the referring department’s number, e.g. （2026）皖0202民诉前调123号'),
  title: textSchema(200),
  summary: textSchema(2000),
  disputeType: disputeTypeSchema,
  regionCode: regionCodeSchema.describe('where the dispute arose'),
  amountFen: amountFenSchema.optional().describe('amount in dispute, in fen'),
  peopleInvolved: z.number().int().min(1).max(100_000),
  risk: riskLevelSchema.optional(),
  parties: partiesSchema,
  referredAt: isoDateTimeSchema.describe('when the department referred it; a court’s period counts from this day'),
};

/** Identity of the case, repeated in every MediationCase.* event so a subscriber needs no lookup. */
export const caseHeadShape = {
  caseId: aggregateIdSchema,
  version: z.number().int().min(1),
  at: isoDateTimeSchema,
  by: usernameSchema.describe('the user, or dept.<id> for a department system'),
  title: textSchema(200),
  source: intakeSourceSchema,
  disputeType: disputeTypeSchema,
  regionCode: regionCodeSchema,
  status: caseStatusSchema,
  hubDepartmentId: departmentIdSchema.describe('the department that runs the hub (调处中心)'),
  organisationId: slugSchema.optional().describe('the organisation the case is dispatched to or accepted by'),
  referringDepartmentId: departmentIdSchema
    .optional()
    .describe('the court, police or petition office that referred it'),
};

export const mediationReferralPublishers = (kind: 'court' | 'public-security' | 'petition'): Audience => ({
  kinds: [kind],
});
/** The justice department runs the hub; a referral is addressed to it. */
export const mediationReferralSubscribers: Audience = { kinds: ['justice'] };
export const mediationCasePublishers: Audience = { platform: true };
export const mediationCaseSubscribers: Audience = { kinds: ['justice'], fromData: ['referringDepartmentId'] };
