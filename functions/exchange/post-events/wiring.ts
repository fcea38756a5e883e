import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { postEventsBody, postEventsResponse } from './schemas';

export const postEventsWiring = defineFunction({
  name: 'exchange-post-events',
  service: 'exchange',
  description: 'A department posts events; validated against the catalog, stamped and stored with the outbox',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/events',
      auth: 'apiKey',
      doc: {
        summary: 'Post events (1–10 entries, like PutEvents)',
        description:
          'Requires `Idempotency-Key`. The platform checks each detail-type is in the catalog and that your department may publish it, validates the detail, stamps source `dept.<yourDepartmentId>` and shares each event with every entitled department. All entries are accepted or none is.',
        tags: ['exchange'],
        body: postEventsBody,
        responses: {
          202: {
            description: 'Accepted; the same answer is returned for a retry with the same key and body',
            schema: postEventsResponse,
          },
          400: { description: 'Malformed JSON or missing Idempotency-Key' },
          401: { description: 'No or unknown API key' },
          403: { description: 'Your department may not publish this detail-type' },
          409: { description: 'Idempotency-Key reused with a different body' },
          413: { description: 'Body over 256 KB' },
          415: { description: 'Not application/json' },
          422: { description: 'Unknown detail-type or detail not matching its schema' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.departmentList, P.idempotency('events'), P.outbox),
});
