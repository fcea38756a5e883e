import { COMMAND_PARTY } from '@fazhi/domain/transfers/transfer-state';
import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf, type RouteWiring } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseViewSchema } from '../shared/case-view';
import {
  flagDecisionBodySchema,
  flagIdParam,
  flagViewSchema,
  penaltyCasesBodySchema,
} from '../shared/detection-schemas';
import { issueBodySchema, recActionBodySchema, recommendationViewSchema } from '../shared/recommendation-schemas';
import { ACTIONS, actionBodySchema, reportBodySchema } from '../shared/schemas';

// One route for every command after the report, `{action}` being the domain's command name in kebab
// case: the transfer case has some thirty steps, and a route each would cost the stack some ninety
// API Gateway resources (route, integration permission) under CloudFormation's 500 limit.

const PARTY_NAMES = {
  agency: 'the agency',
  police: 'public security',
  procuratorate: 'the procuratorate',
  court: 'the court',
  any: 'any party',
  system: 'the platform',
};
const ACTION_LIST = [...ACTIONS]
  .map(([action, type]) => `\`${action}\` (${PARTY_NAMES[COMMAND_PARTY[type]]})`)
  .join(', ');

const errors: RouteWiring['doc']['responses'] = {
  400: { description: 'Malformed JSON or path' },
  401: { description: 'Not authenticated' },
  403: { description: 'Not the party (or role) this step belongs to' },
  409: { description: 'The case is not in a state for this step, it was already done, or it changed meanwhile' },
  413: { description: 'Body over 256 KB' },
  415: { description: 'Not application/json' },
  422: { description: 'Invalid fields, or refused by the rules or the clock policy' },
};

export const transferCommandsWiring = defineFunction({
  name: 'transfers-commands',
  service: 'transfers',
  description:
    'Every step of an enforcement-to-criminal transfer case (report, approval, transfer, filing, supervision, reverse transfer), the penalty cases for detection, flag decisions and recommendations',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/transfer-cases',
      auth: 'either',
      doc: {
        summary: 'Report a suspected crime for transfer to the agency head (移送涉嫌犯罪案件报告, Art. 5)',
        description:
          'Allowed: an enforcement agency (its system or its staff). Starts the head’s 3-day approval clock. Send an `Idempotency-Key` to make a retry safe.',
        tags: ['transfers'],
        body: reportBodySchema,
        responses: {
          201: { description: 'Reported; the case', schema: caseViewSchema },
          200: { description: 'Replayed', schema: caseViewSchema },
          ...errors,
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/transfer-cases/{caseId}/{action}',
      auth: 'either',
      doc: {
        summary: 'Take a step of a transfer case',
        description: `Actions and who takes them: ${ACTION_LIST}. \`decide-approval\` also needs the agency head (role dept-head) or the agency's system. Send an \`Idempotency-Key\` to make a retry safe.`,
        tags: ['transfers'],
        params: z.object({
          caseId: ulidParam,
          action: z.string().regex(/^[a-z][a-z-]{0,63}$/, 'an action name in kebab case'),
        }),
        body: actionBodySchema,
        responses: {
          200: { description: 'The case after the step', schema: caseViewSchema },
          ...errors,
          404: { description: 'No such case (or not visible to you), or no such action' },
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/transfer-penalty-cases',
      auth: 'either',
      doc: {
        summary: 'Post administrative penalty cases for detection (有案不移 / 以罚代刑 / 有案难移)',
        description:
          'Allowed: an enforcement agency (its system or its staff), up to 10 cases a request, each identified by its own case number: re-posting an unchanged case changes nothing, a changed one replaces it and is judged again. Each flag found goes to the procuratorate (TransferFlag.Raised) with its Chinese explanation. Send an `Idempotency-Key` to make a retry safe.',
        tags: ['transfers'],
        body: penaltyCasesBodySchema,
        responses: {
          200: {
            description: 'Each case: created, changed or unchanged, and the flags it gives now',
            schema: z.object({
              items: z.array(
                z.object({
                  caseNo: z.string(),
                  outcome: z.enum(['created', 'changed', 'unchanged']),
                  flags: z.array(flagViewSchema),
                }),
              ),
            }),
          },
          ...errors,
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/transfer-flags/{flagId}/decision',
      auth: 'either',
      doc: {
        summary: 'Confirm or dismiss a flag (a procurator)',
        description:
          'Allowed: a person of a procuratorate. Dismissing needs a reason; the decision is kept with the threshold id and version. A confirmed 有案不移 makes the penalty on the case a 以罚代刑 flag. Send an `Idempotency-Key` to make a retry safe.',
        tags: ['transfers'],
        params: z.object({ flagId: flagIdParam }),
        body: flagDecisionBodySchema,
        responses: {
          200: { description: 'The flag with its decision', schema: flagViewSchema },
          ...errors,
          404: { description: 'No such flag (or not visible to you)' },
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/recommendations',
      auth: 'either',
      doc: {
        summary: 'Issue a recommendation (检察建议 by a procuratorate, 司法建议 by a court)',
        description:
          'The reply clock runs from delivery: 2 months for a 检察建议 (urgent: the period it sets, at most 60 days), 2 months / 15 days for a public-interest one, the court’s period for a 司法建议. Send an `Idempotency-Key` to make a retry safe.',
        tags: ['transfers'],
        body: issueBodySchema,
        responses: {
          201: { description: 'Issued; the recommendation with its reply clock', schema: recommendationViewSchema },
          200: { description: 'Replayed', schema: recommendationViewSchema },
          ...errors,
        },
      },
    },
    {
      method: 'POST',
      path: '/v1/recommendations/{recommendationId}/{action}',
      auth: 'either',
      doc: {
        summary: 'Take a step of a recommendation',
        description:
          'Actions: `reply` and `report-implementation` (the addressed department), `verify-implementation` and `withdraw` (the issuer). Send an `Idempotency-Key` to make a retry safe.',
        tags: ['transfers'],
        params: z.object({
          recommendationId: ulidParam,
          action: z.string().regex(/^[a-z][a-z-]{0,63}$/, 'an action name in kebab case'),
        }),
        body: recActionBodySchema,
        responses: {
          200: { description: 'The recommendation after the step', schema: recommendationViewSchema },
          ...errors,
          404: { description: 'No such recommendation (or not visible to you), or no such action' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    P.idempotency('transfer-report'),
    P.idempotency('transfer-command'),
    P.idempotency('transfer-penalty'),
    P.idempotency('transfer-flag'),
    P.idempotency('recommendation-issue'),
    P.idempotency('recommendation-command'),
    // detection reads the agency's transfers (its list, then each case) and keeps penalty cases and flags
    { read: ['TRPEN#', 'TRFLAG#', 'TRREC#'], write: ['TRPEN#', 'TRFLAG#', 'TRREC#'], query: { gsi1: ['TRQ#'] } },
    // delete: a step takes the case out of the lists it leaves (its own TRCASE#<id> / Q#… items).
    { read: ['TRCASE#'], write: ['TRCASE#'], delete: ['TRCASE#'] },
    P.outbox,
  ),
});
