// Request bodies of the mediation routes, read by the wirings (validation, OpenAPI) and handlers.
import { DISPUTE_TYPE_CODES, type DisputeType } from '@fazhi/domain/mediation/taxonomy';
import * as z from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const instant = z.iso.datetime({ offset: true });
const disputeType = z.enum(DISPUTE_TYPE_CODES as [DisputeType, ...DisputeType[]]);
const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/);

export const partyBodySchema = z
  .object({
    id: slug,
    role: z.enum(['applicant', 'respondent', 'agent']),
    actsFor: slug.optional(),
    name: text(100),
    idNumber: z
      .string()
      .regex(/^[0-9A-Z]{18}$/)
      .optional(),
    phone: z
      .string()
      .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/)
      .optional(),
  })
  .strict();

export const intakeBodySchema = z
  .object({
    source: z.enum(['window', 'hotline', 'screening']),
    title: text(200),
    summary: text(2000),
    disputeType,
    regionCode,
    amountFen: z.number().int().min(0).max(1e13).default(0),
    peopleInvolved: z.number().int().min(1).max(100_000),
    risk: z.enum(['low', 'medium', 'high']).default('low'),
    parties: z.array(partyBodySchema).min(2).max(50),
    receivedAt: instant.optional().describe('when the party came to the window or called; default now'),
  })
  .strict();

export const dispatchBodySchema = z
  .object({ organisationId: slug, jointWith: z.array(slug).max(20).optional() })
  .strict();
export const answerBodySchema = z.object({ accepted: z.boolean(), reason: text(500).optional() }).strict();
export const consentBodySchema = z
  .object({ partyId: slug, given: z.boolean(), via: z.enum(['signed', 'phone', 'online']) })
  .strict();
export const mediatorsBodySchema = z
  .object({ mediatorIds: z.array(slug).min(1).max(20), chosenByParties: z.boolean().default(false) })
  .strict();
export const tierBodySchema = z
  .object({
    tier: z.enum(['ordinary', 'difficult', 'major']),
    responsibleLeader: z
      .string()
      .regex(/^[A-Za-z0-9._@-]{1,64}$/)
      .optional(),
  })
  .strict();
export const sessionBodySchema = z
  .object({
    at: instant,
    place: text(200),
    participants: z.array(text(100)).max(50),
    summary: text(4000),
    nextStep: text(1000),
  })
  .strict();
export const extendBodySchema = z
  .object({
    duration: z.iso.duration(),
    reason: text(500),
    consentOf: z.array(slug).max(50),
    documentNo: text(100).optional(),
  })
  .strict();
export const pauseBodySchema = z
  .object({ reason: z.enum(['parties-agree', 'awaiting-materials']), note: text(500).optional() })
  .strict();
export const resumeBodySchema = z
  .object({ pauseReason: z.enum(['parties-agree', 'awaiting-materials']).optional() })
  .strict();
export const riskBodySchema = z
  .object({ kind: z.enum(['violence', 'civil-to-criminal', 'group-petition']), note: text(1000) })
  .strict();
export const riskReceiptBodySchema = z.object({ note: text(500).optional() }).strict();
const people = z.object({ people: z.number().int().min(1).max(100_000) }).strict();
export const agreementBodySchema = z
  .object({
    documentNo: text(100),
    facts: text(4000),
    terms: z.array(text(1000)).min(1).max(50),
    amountFen: z.number().int().min(0).max(1e13),
    performanceDueAt: instant,
    prevented: z.object({ civilToCriminal: people.optional(), groupPetition: people.optional() }).strict().optional(),
    confirmationDeclined: z
      .boolean()
      .optional()
      .describe('the parties will not apply for judicial confirmation: no 30-day application clock'),
  })
  .strict();
export const failureBodySchema = z
  .object({
    reason: text(500),
    routesTold: z.array(z.enum(['arbitration', 'administrative-ruling', 'litigation'])).max(3),
  })
  .strict();
export const confirmationBodySchema = z
  .object({ courtDepartmentId: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/) })
  .strict();
export const performanceBodySchema = z
  .object({ honoured: z.enum(['full', 'partial', 'none']), note: text(1000) })
  .strict();
export const closeBodySchema = z.object({ note: text(500).optional() }).strict();
export const visitBodySchema = z.object({ note: text(1000) }).strict();
export const satisfactionBodySchema = z
  .object({
    partyId: slug,
    score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    comment: z.string().max(1000).default(''),
    via: z.enum(['call', 'link']),
  })
  .strict();

export const listQuerySchema = z
  .object({
    queue: z.enum(['intake', 'returned', 'overdue', 'organisation', 'leader', 'referred', 'status']),
    organisationId: slug.optional(),
    leader: z
      .string()
      .regex(/^[A-Za-z0-9._@-]{1,64}$/)
      .optional(),
    status: z.enum(['queued', 'dispatched', 'accepted', 'mediating', 'agreed', 'failed', 'closed']).optional(),
  })
  .strict();
