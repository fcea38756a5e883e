import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf, type RouteWiring } from '@fazhi/platform/wiring';
import * as z from 'zod';
import {
  applicationAnswerSchema,
  applicationBodySchema,
  formAnswerSchema,
  linkTokenParam,
  phoneCodeAnswerSchema,
  phoneCodeBodySchema,
  statusAnswerSchema,
  surveyBodySchema,
  surveyViewSchema,
} from './schemas';

// Every public (no login) route of mediation in one function: a function costs the stack ~6–10
// CloudFormation resources. Each route is limited per phone and per source address with counters
// in the table (limits.ts), so the limits hold across Lambda instances.

const LIMITED = { 429: { description: 'Too many requests from this phone or address; see Retry-After' } };
const EDGE = {
  400: { description: 'Malformed JSON' },
  413: { description: 'Body over 256 KB' },
  415: { description: 'Not application/json' },
};
const token = z.object({ token: linkTokenParam });

const routes = [
  {
    method: 'GET',
    path: '/v1/public/mediation/form',
    auth: 'none',
    doc: {
      summary: 'What the public form shows: the consent text and its version, the dispute types, the localities',
      tags: ['mediation-public'],
      responses: {
        200: { description: 'The form', schema: formAnswerSchema },
        409: { description: 'Mediation is not configured' },
      },
    },
  },
  {
    method: 'POST',
    path: '/v1/public/mediation/phone-codes',
    auth: 'none',
    doc: {
      summary: 'Send a six-digit confirmation code by SMS to the applicant’s phone (网上申请调解)',
      description:
        'The code lives 10 minutes and dies after 5 wrong tries; only its hash is stored. At most 1 a minute and 5 a day per phone, 20 an hour per address. The answer is the same whatever the phone has done before.',
      tags: ['mediation-public'],
      body: phoneCodeBodySchema,
      responses: {
        202: { description: 'Sent', schema: phoneCodeAnswerSchema },
        ...EDGE,
        422: { description: 'Not a mainland mobile number' },
        ...LIMITED,
      },
    },
  },
  {
    method: 'POST',
    path: '/v1/public/mediation/applications',
    auth: 'none',
    doc: {
      summary: 'Apply for mediation online: the code, the parties, the dispute and the applicant’s consent',
      description:
        'The code is used once. The case enters the hub’s intake queue with source `online` and the applicant’s consent with the version of the consent text shown (人民调解法 Art. 17). Send an `Idempotency-Key` to make a retry safe. At most 3 a day per phone, 20 an hour per address.',
      tags: ['mediation-public'],
      body: applicationBodySchema,
      responses: {
        201: {
          description: 'Registered; keep the reference number and the status token',
          schema: applicationAnswerSchema,
        },
        200: { description: 'Replayed', schema: applicationAnswerSchema },
        ...EDGE,
        409: { description: 'Idempotency-Key reused with another body, or mediation not configured' },
        422: { description: 'Invalid fields; the code is wrong, expired or used up' },
        ...LIMITED,
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/public/mediation/applications/{token}',
    auth: 'none',
    doc: {
      summary: 'The status of an online application, by the status token given with it',
      tags: ['mediation-public'],
      params: token,
      responses: {
        200: { description: 'Status', schema: statusAnswerSchema },
        404: { description: 'No such token' },
        410: { description: 'The token has expired' },
        ...LIMITED,
      },
    },
  },
  {
    method: 'GET',
    path: '/v1/public/mediation/satisfaction/{token}',
    auth: 'none',
    doc: {
      summary: 'What a party’s satisfaction link is about: the dispute type and the organisation (no personal data)',
      tags: ['mediation-public'],
      params: token,
      responses: {
        200: { description: 'The survey', schema: surveyViewSchema },
        404: { description: 'No such link (forged or for no case)' },
        410: { description: 'The link has expired' },
        ...LIMITED,
      },
    },
  },
  {
    method: 'POST',
    path: '/v1/public/mediation/satisfaction/{token}',
    auth: 'none',
    doc: {
      summary: 'Record the party’s satisfaction (1–5 and a comment); the mediator sees it as via `link`',
      tags: ['mediation-public'],
      params: token,
      body: surveyBodySchema,
      responses: {
        201: { description: 'Recorded', schema: z.object({ recorded: z.literal(true) }) },
        ...EDGE,
        404: { description: 'No such link (forged or for no case)' },
        409: { description: 'This party’s satisfaction is already recorded' },
        410: { description: 'The link has expired' },
        422: { description: 'Invalid fields' },
        ...LIMITED,
      },
    },
  },
] as const satisfies readonly RouteWiring[];

export const mediationPublicWiring = defineFunction({
  name: 'mediation-public',
  service: 'mediation',
  description: 'The public online application for mediation (SMS code, consent) and the parties’ satisfaction links',
  entry: entryOf(import.meta.url),
  routes: [...routes],
  permissions: ['sms:send', 'link-token:sign', 'link-token:verify'],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    P.idempotency('mediation-public-apply'),
    P.idempotency('mediation-public-survey'),
    // A new case and a satisfaction change no queue a case leaves: nothing of MEDCASE# is deleted.
    { read: ['MEDCASE#', 'MEDIATION#CONFIG'], write: ['MEDCASE#'] },
    // The codes (hash only; deleted when used) and the rate-limit counters (codes.ts, limits.ts).
    { read: ['MEDPUB#'], write: ['MEDPUB#'], delete: ['MEDPUB#'] },
    P.outbox,
  ),
});
