import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { incidentViewSchema } from '../shared/incident-view';

export const getIncidentWiring = defineFunction({
  name: 'opinion-get-incident',
  service: 'opinion',
  description: 'Reads an incident with its clocks, milestones and timeline',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/opinion-incidents/{incidentId}',
      auth: 'either',
      doc: {
        params: z.object({ incidentId: ulidParam }),
        summary: 'Read an incident with its clocks, milestones and timeline',
        tags: ['opinion'],
        responses: {
          200: {
            description: 'The incident',
            schema: incidentViewSchema.extend({
              names: z
                .record(z.string(), z.string())
                .describe('the people the milestones and the timeline name: username → displayName'),
            }),
          },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to see this incident' },
          404: { description: 'No such incident' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { read: ['INCIDENT#'], query: { gsi1: ['PERSON#'] } }),
});
