import { COMMAND_PARTY } from '@fazhi/domain/transfers/transfer-state';
import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf, type RouteWiring } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseViewSchema } from '../shared/case-view';
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
    'Every step of an enforcement-to-criminal transfer case: report, approval, transfer, filing, supervision, reverse transfer',
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
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    P.idempotency('transfer-report'),
    P.idempotency('transfer-command'),
    // delete: a step takes the case out of the lists it leaves (its own TRCASE#<id> / Q#… items).
    { read: ['TRCASE#'], write: ['TRCASE#'], delete: ['TRCASE#'] },
    P.outbox,
  ),
});
