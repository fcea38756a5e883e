import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const mediationCourtConfirmationWiring = defineFunction({
  name: 'mediation-court-confirmation',
  service: 'mediation',
  description: 'Records the court’s acceptance and decision on judicial confirmation, meeting their clocks',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'mediation-court-confirmation-answers',
      pattern: {
        source: [{ prefix: 'dept.' }],
        'detail-type': ['JudicialConfirmation.Accepted', 'JudicialConfirmation.Decided'],
      },
      maxAttempts: 8,
    },
  ],
  permissions: ['table:read', 'table:write'],
});
