import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const resolveAlertsWiring = defineFunction({
  name: 'alerts-resolve',
  service: 'alerts',
  description: 'Resolves the alert of a clock that was met or cancelled, and stops any later alarm of it',
  entry: entryOf(import.meta.url),
  // Reserved: closes alerts when a milestone is met (infra/lib/front-door.ts).
  reservedConcurrency: 3,
  subscriptions: [
    {
      name: 'alerts-resolve-finished-clocks',
      pattern: { source: ['fazhi.clocks'], 'detail-type': ['Clock.Met', 'Clock.Cancelled'] },
      maxAttempts: 8,
    },
  ],
  permissions: [],
  table: combineAccess({ read: ['CLOCK#', 'ALERT#'], write: ['CLOCK#', 'ALERT#'] }, P.outbox),
});
