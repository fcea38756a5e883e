import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const outboxSweepWiring = defineFunction({
  name: 'platform-outbox-sweep',
  service: 'platform',
  description:
    'Safety net of the relay: republishes events still pending after a while (a crashed relay, a lost stream record)',
  entry: entryOf(import.meta.url),
  // Reserved: the relay's safety net; two when a sweep overruns its minute (infra/lib/front-door.ts).
  reservedConcurrency: 2,
  schedules: [{ name: 'platform-outbox-sweep-every-minute', expression: 'rate(1 minute)', localEveryMs: 2000 }],
  permissions: ['bus:put'],
  table: { read: ['EVENT#', 'CHAIN'], write: ['EVENT#', 'CHAIN'], query: { gsi2: ['OUTBOX#'] } },
  timeoutSeconds: 60,
});
