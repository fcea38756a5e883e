import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf, type RouteWiring } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseViewSchema } from '../shared/case-view';
import { ACTION_NAMES, ACTIONS, actionPath } from './actions';

const WHO = {
  hub: 'Allowed: the hub (调处中心) and admins.',
  work: 'Allowed: the hub, admins, and mediators of the organisation working the case.',
  police: 'Allowed: the public-security department the structure reports risks to, the hub, admins.',
};

const created = (status: number): RouteWiring['doc']['responses'] =>
  status === 201 ? { 201: { description: 'Recorded; the case after it', schema: caseViewSchema } } : {};

export const caseActionsWiring = defineFunction({
  name: 'mediation-case-actions',
  service: 'mediation',
  description:
    'Every step of a mediation case after intake: dispatch, answer, consent, sessions, clocks, outcome, follow-up',
  entry: entryOf(import.meta.url),
  routes: ACTION_NAMES.map(
    (a): RouteWiring => ({
      method: 'POST',
      path: actionPath(a),
      auth: 'either',
      doc: {
        summary: ACTIONS[a].summary,
        description: `${'description' in ACTIONS[a] ? `${ACTIONS[a].description} ` : ''}${WHO[ACTIONS[a].who]} Send an \`Idempotency-Key\` to make a retry safe.`,
        tags: ['mediation'],
        params: z.object({ caseId: ulidParam }),
        body: ACTIONS[a].body,
        responses: {
          200: {
            description: ACTIONS[a].status === 201 ? 'Replayed' : 'The case after the step',
            schema: caseViewSchema,
          },
          ...created(ACTIONS[a].status),
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to take this step on this case' },
          404: { description: 'No such case' },
          409: {
            description: 'The case is not in a state for this step, it was already done, or it changed meanwhile',
          },
          413: { description: 'Body over 256 KB' },
          415: { description: 'Not application/json' },
          422: { description: 'Invalid fields, or refused by the clock policy' },
        },
      },
    }),
  ),
  permissions: [],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    ...ACTION_NAMES.map((a) => P.idempotency(`mediation-${a}`)),
    // delete: a step takes the case out of the queues it leaves (its own MEDCASE#<id> / Q#… items).
    { read: ['MEDCASE#', 'MEDIATION#CONFIG'], write: ['MEDCASE#'], delete: ['MEDCASE#'] },
    // tier: the responsible leader's name from the directory (repos/people.ts findPerson).
    { query: { gsi1: ['PERSON#'] } },
    P.outbox,
  ),
});
