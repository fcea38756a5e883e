import { regradeBodySchema } from '@fazhi/domain/opinion/schemas';
import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { incidentViewSchema } from '../shared/incident-view';

export const regradeIncidentWiring = defineFunction({
  name: 'opinion-regrade-incident',
  service: 'opinion',
  description: 'Changes an incident’s level and recomputes its clocks from the original occurrence',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/opinion-incidents/{incidentId}/regrade',
      auth: 'either',
      doc: {
        params: z.object({ incidentId: ulidParam }),
        summary: 'Re-grade an incident (clocks recomputed from the original occurrence time)',
        description:
          'Clocks the new level does not need are cancelled; clocks it needs start from the occurrence (or discovery) time, so a clock started by a late regrade may alert at once.',
        tags: ['opinion'],
        body: regradeBodySchema,
        responses: {
          200: { description: 'The incident after the regrade', schema: incidentViewSchema },
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to handle this incident' },
          404: { description: 'No such incident' },
          409: { description: 'The incident is closed, or changed at the same moment' },
          415: { description: 'Not application/json' },
          422: { description: 'Invalid level or reason' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.idempotency('opinion-regrade'),
    P.clockRegistry,
    P.clockWrites,
    { read: ['INCIDENT#'], write: ['INCIDENT#'] },
    P.outbox,
  ),
});
