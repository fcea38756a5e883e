import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { caseViewSchema } from '../shared/case-view';

export const getMediationCaseWiring = defineFunction({
  name: 'mediation-get-case',
  service: 'mediation',
  description: 'Reads a mediation case with its clocks and timeline',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/mediation-cases/{caseId}',
      auth: 'either',
      doc: {
        summary: 'Read a case with its clocks (due, status) and the timeline of every step',
        description:
          'Allowed: the hub, admins, mediators of an organisation the case was dispatched to, the court that delegated, entrusted or confirms it, and the police or petition office that referred it. Parties’ identity numbers and phones are masked for departments whose work does not need them.',
        tags: ['mediation'],
        responses: {
          200: { description: 'The case', schema: caseViewSchema },
          401: { description: 'Not authenticated' },
          403: { description: 'Not visible to you' },
          404: { description: 'No such case' },
        },
      },
    },
  ],
  permissions: ['table:read'],
});
