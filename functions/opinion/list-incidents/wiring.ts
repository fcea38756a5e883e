import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { incidentViewSchema } from '../shared/incident-view';

export const listIncidentsQuery = z.object({ status: z.enum(['open', 'closed']).default('open') }).strict();

export const listIncidentsWiring = defineFunction({
  name: 'opinion-list-incidents',
  service: 'opinion',
  description: 'Lists public-opinion incidents',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/opinion-incidents',
      auth: 'either',
      doc: {
        summary: 'List incidents, newest first',
        description:
          'Propaganda, cyberspace, emergency management, the government office and admins see every incident; other departments those they are responsible for.',
        tags: ['opinion'],
        query: listIncidentsQuery,
        responses: {
          200: { description: 'Incidents', schema: z.object({ items: z.array(incidentViewSchema) }) },
          401: { description: 'Not authenticated' },
          422: { description: 'Bad query' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { query: { gsi1: ['INCIDENTS#'] } }),
});
