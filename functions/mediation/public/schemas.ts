// Bodies and answers of the public mediation routes (no login): the SMS code, the online
// application, the status check and the party's satisfaction link.
import { CONSENT_TEXT_VERSIONS, type ConsentTextVersion } from '@fazhi/domain/mediation/public-intake';
import { DISPUTE_TYPE_CODES, type DisputeType } from '@fazhi/domain/mediation/taxonomy';
import * as z from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const mobile = z.string().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits');
const idNumber = z
  .string()
  .regex(/^[0-9A-Z]{18}$/)
  .optional();

export const phoneCodeBodySchema = z.object({ phone: mobile }).strict();
export const phoneCodeAnswerSchema = z.object({
  sent: z.literal(true),
  expiresInSeconds: z.number().int(),
  resendAfterSeconds: z.number().int(),
});

export const applicationBodySchema = z
  .object({
    phone: mobile,
    code: z.string().regex(/^\d{6}$/),
    applicant: z.object({ name: text(100), idNumber }).strict(),
    respondent: z
      .object({
        name: text(100),
        idNumber,
        phone: z
          .string()
          .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/)
          .optional(),
      })
      .strict(),
    disputeType: z.enum(DISPUTE_TYPE_CODES as [DisputeType, ...DisputeType[]]),
    regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/),
    summary: text(2000),
    amountFen: z.number().int().min(0).max(1e13).optional(),
    peopleInvolved: z.number().int().min(1).max(100_000).default(2),
    consentTextVersion: z.enum(CONSENT_TEXT_VERSIONS as [ConsentTextVersion, ...ConsentTextVersion[]]),
    consentGiven: z.literal(true),
  })
  .strict();

export const applicationAnswerSchema = z.object({
  referenceNo: z.string(),
  statusToken: z.string().describe('GET /v1/public/mediation/applications/{token} tells the status'),
  receivedAt: z.string(),
});

export const statusAnswerSchema = z.object({
  referenceNo: z.string(),
  status: z.string(),
  statusName: z.string(),
  receivedAt: z.string(),
});

export const surveyViewSchema = z.object({
  disputeTypeName: z.string(),
  organisationName: z.string(),
  closedAt: z.string().optional(),
  recorded: z.boolean().describe('this party has already given their satisfaction'),
});

export const surveyBodySchema = z
  .object({
    score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    comment: z.string().max(1000).default(''),
  })
  .strict();

/** A link token as it travels in the path: `<payload>.<mac>`, base64url (its MAC is checked in the handler). */
export const linkTokenParam = z.string().regex(/^[A-Za-z0-9_.-]{1,256}$/);

export const formAnswerSchema = z.object({
  consentTextVersion: z.string(),
  consentText: z.string().describe('zh-CN, shown above the consent checkbox'),
  disputeTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
