import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const incidentClockBreachedWiring = defineFunction({
  name: 'opinion-clock-breached',
  service: 'opinion',
  description: 'Marks an incident’s clock breached (status and timeline) when the clocks service reports it',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'opinion-clock-breached-incidents',
      pattern: {
        source: ['fazhi.clocks'],
        'detail-type': ['Clock.Breached'],
        detail: { data: { subject: { type: ['opinion-incident'] } } },
      },
      maxAttempts: 8,
    },
  ],
  permissions: ['table:read', 'table:write'],
});
