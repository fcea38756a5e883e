import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const clocksSweepWiring = defineFunction({
  name: 'clocks-sweep',
  service: 'clocks',
  description:
    'Fires what is due: ticks the clocks in the due index and commits Clock.WarningDue / Clock.Breached exactly once',
  entry: entryOf(import.meta.url),
  // Reserved: every deadline fires through it; two when a sweep overruns its minute (infra/lib/front-door.ts).
  reservedConcurrency: 2,
  schedules: [{ name: 'clocks-sweep-every-minute', expression: 'rate(1 minute)', localEveryMs: 1000 }],
  permissions: [],
  table: combineAccess({ query: { gsi2: ['CLOCKDUE#'] } }, P.clockWrites, P.outbox),
  // Room for a lookahead of up to a minute (FAZHI_CLOCK_LOOKAHEAD_MS) plus the commits.
  timeoutSeconds: 90,
  memoryMb: 512,
});
