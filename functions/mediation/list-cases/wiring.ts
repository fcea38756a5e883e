import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseSummaryViewSchema } from '../shared/case-view';
import { listQuerySchema } from '../shared/schemas';

export const listMediationCasesWiring = defineFunction({
  name: 'mediation-list-cases',
  service: 'mediation',
  description: 'Lists a queue of mediation cases: intake, returned, overdue, an organisation’s, a leader’s, referred',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/mediation-cases',
      auth: 'either',
      doc: {
        summary: 'A queue of cases, newest first',
        description:
          '`intake`, `returned`, `overdue`, `status` (with `status`): the hub. `organisation` (with `organisationId`, default the caller’s own): the hub or its mediators. `leader` (with `leader`, default the caller): the hub or that leader. `referred`: the cases the caller’s department referred.',
        tags: ['mediation'],
        query: listQuerySchema,
        responses: {
          200: { description: 'Cases', schema: z.object({ items: z.array(caseSummaryViewSchema) }) },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to see this queue' },
          422: { description: 'Bad query' },
        },
      },
    },
  ],
  permissions: ['table:read'],
});
