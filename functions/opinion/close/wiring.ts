import { closeBodySchema } from '@fazhi/domain/opinion/schemas';
import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { incidentViewSchema } from '../shared/incident-view';

export const closeIncidentWiring = defineFunction({
  name: 'opinion-close-incident',
  service: 'opinion',
  description: 'Closes an incident; clocks still running are cancelled and their alerts resolved',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/opinion-incidents/{incidentId}/close',
      auth: 'either',
      doc: {
        params: z.object({ incidentId: ulidParam }),
        summary: 'Close an incident',
        tags: ['opinion'],
        body: closeBodySchema,
        responses: {
          200: { description: 'The closed incident (closing twice changes nothing)', schema: incidentViewSchema },
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to handle this incident' },
          404: { description: 'No such incident' },
          409: { description: 'Changed at the same moment' },
          415: { description: 'Not application/json' },
          422: { description: 'Missing reason' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.idempotency('opinion-close'),
    P.clockRegistry,
    P.clockWrites,
    { read: ['INCIDENT#'], write: ['INCIDENT#'] },
    P.outbox,
  ),
});
