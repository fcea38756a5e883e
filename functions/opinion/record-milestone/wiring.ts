import { milestoneBodySchema } from '@fazhi/domain/opinion/schemas';
import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { incidentViewSchema } from '../shared/incident-view';

export const recordMilestoneWiring = defineFunction({
  name: 'opinion-record-milestone',
  service: 'opinion',
  description: 'Records a release, press conference or response, meeting its clock and resolving its alerts',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/opinion-incidents/{incidentId}/milestones',
      auth: 'either',
      doc: {
        params: z.object({ incidentId: ulidParam }),
        summary: 'Record a milestone (authoritative release, press conference, response)',
        description:
          '`at` is when it actually happened: lateness is judged by it, not by when it is recorded. Needs an evidence link or a document number. The clock it answers is met in the same transaction; its alerts resolve.',
        tags: ['opinion'],
        body: milestoneBodySchema,
        responses: {
          201: { description: 'Recorded; the incident after it', schema: incidentViewSchema },
          200: { description: 'The same milestone was already recorded; nothing changed', schema: incidentViewSchema },
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to handle this incident' },
          404: { description: 'No such incident' },
          409: { description: 'The incident is closed, or changed at the same moment' },
          415: { description: 'Not application/json' },
          422: { description: 'Invalid fields, no evidence, an instant before the incident or in the future' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.idempotency('opinion-milestone'),
    P.clockRegistry,
    P.clockWrites,
    { read: ['INCIDENT#'], write: ['INCIDENT#'] },
    P.outbox,
  ),
});
