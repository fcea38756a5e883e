import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const alertsSweepWiring = defineFunction({
  name: 'alerts-sweep',
  service: 'alerts',
  description: 'Escalates unacknowledged alerts one level up the duty chain and reminds acknowledged ones',
  entry: entryOf(import.meta.url),
  // Reserved: escalation of unacknowledged alerts; two when a sweep overruns its minute (infra/lib/front-door.ts).
  reservedConcurrency: 2,
  schedules: [{ name: 'alerts-sweep-every-minute', expression: 'rate(1 minute)', localEveryMs: 1000 }],
  permissions: [],
  table: combineAccess({ query: { gsi2: ['ALERTDUE#'] } }, P.department, { write: ['ALERT#'] }, P.outbox),
  timeoutSeconds: 60,
});
