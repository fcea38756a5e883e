import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { caseViewSchema } from '../shared/case-view';
import { intakeBodySchema } from '../shared/schemas';

export const mediationIntakeWiring = defineFunction({
  name: 'mediation-intake',
  service: 'mediation',
  description: 'Registers a dispute brought to the hub’s window, the 12345 hotline or found by screening',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/mediation-cases',
      auth: 'user',
      doc: {
        summary: 'Register a dispute (窗口受理、12345热线、排查发现) into the intake queue',
        description:
          'Referrals from a court, the police or the petition office arrive as catalog events (MediationReferral.*), not here. Allowed: the hub and admins; a mediator for a finding of their organisation’s own screening. Send an `Idempotency-Key` to make a retry safe.',
        tags: ['mediation'],
        body: intakeBodySchema,
        responses: {
          201: { description: 'Registered, waiting for dispatch', schema: caseViewSchema },
          200: { description: 'Replayed', schema: caseViewSchema },
          400: { description: 'Malformed JSON' },
          401: { description: 'Not authenticated' },
          403: { description: 'Not the hub, nor a mediator registering a screening finding' },
          409: { description: 'Idempotency-Key reused with a different body, or mediation not configured' },
          413: { description: 'Body over 256 KB' },
          415: { description: 'Not application/json' },
          422: { description: 'Invalid fields: no applicant or respondent, an agent for nobody, a time in the future' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    P.idempotency('mediation-intake'),
    { read: ['MEDCASE#', 'MEDIATION#CONFIG'], write: ['MEDCASE#'] },
    P.outbox,
  ),
});
