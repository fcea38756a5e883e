import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { alertViewSchema } from '../shared/alert-view';

export const ackAlertWiring = defineFunction({
  name: 'alerts-ack',
  service: 'alerts',
  description: 'Acknowledges an alert: escalation stops, reminders continue until the deadline is met',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/alerts/{alertId}/ack',
      auth: 'user',
      doc: {
        params: z.object({ alertId: ulidParam }),
        summary: 'Acknowledge an alert (anyone it was sent to, the department head, or an admin)',
        description: 'The body is ignored (send `{}`). Acknowledging an acknowledged alert again changes nothing.',
        tags: ['alerts'],
        responses: {
          200: { description: 'The alert after acknowledgement', schema: alertViewSchema },
          401: { description: 'Not signed in' },
          403: { description: 'You were not alerted and are neither the department head nor an admin' },
          404: { description: 'No such alert' },
          409: { description: 'The alert is already resolved' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess({ read: ['ALERT#'], write: ['ALERT#'] }, P.outbox),
});
