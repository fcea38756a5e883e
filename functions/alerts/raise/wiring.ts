import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const raiseAlertWiring = defineFunction({
  name: 'alerts-raise',
  service: 'alerts',
  description: 'Turns a clock warning or breach into an alert to whoever is on duty in the clock’s department',
  entry: entryOf(import.meta.url),
  // Reserved: a breach must become an alert even while the API is flooded (infra/lib/front-door.ts).
  reservedConcurrency: 5,
  subscriptions: [
    {
      name: 'alerts-raise-clock-alarms',
      pattern: { source: ['fazhi.clocks'], 'detail-type': ['Clock.WarningDue', 'Clock.Breached'] },
      maxAttempts: 8,
    },
  ],
  permissions: [],
  table: combineAccess(
    P.clockRegistry,
    P.department,
    { read: ['CLOCK#', 'ALERT#'], write: ['ALERT#', 'CLOCK#', 'SUBJECTALERTS#'] },
    P.outbox,
  ),
});
