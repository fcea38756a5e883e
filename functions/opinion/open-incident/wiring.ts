import { openIncidentBodySchema } from '@fazhi/domain/opinion/schemas';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { incidentViewSchema } from '../shared/incident-view';

export const openIncidentWiring = defineFunction({
  name: 'opinion-open-incident',
  service: 'opinion',
  description: 'Opens a public-opinion incident and starts its statutory clocks in the same transaction',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/opinion-incidents',
      auth: 'either',
      doc: {
        summary: 'Open a public-opinion incident (政务舆情事件)',
        description:
          'Levels Ⅰ/Ⅱ run an authoritative-release clock (5 h) and a press-conference clock (24 h) from `occurredAt`; Ⅲ/Ⅳ a timely-release clock; a hot topic a 48 h response clock from `discoveredAt`. An incident reported late alerts the people on duty at once. Send an `Idempotency-Key` to make a retry safe. Allowed: the responsible department, propaganda, cyberspace, emergency management, the government office, admins.',
        tags: ['opinion'],
        body: openIncidentBodySchema,
        responses: {
          201: { description: 'Opened, with its clocks and their due instants', schema: incidentViewSchema },
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Your department may not open incidents for the responsible department' },
          409: { description: 'Idempotency-Key reused with a different body' },
          415: { description: 'Not application/json' },
          422: { description: 'Invalid fields, unknown department, instants in the wrong order or in the future' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.idempotency('opinion-open'),
    P.clockRegistry,
    P.clockWrites,
    { write: ['INCIDENT#'] },
    P.outbox,
  ),
});
