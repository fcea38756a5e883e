import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const evidenceCheckpointWiring = defineFunction({
  name: 'exchange-evidence-checkpoint',
  service: 'exchange',
  description: 'Verifies the evidence chain appended since the last checkpoint and checkpoints the head',
  entry: entryOf(import.meta.url),
  schedules: [{ name: 'exchange-evidence-checkpoint-hourly', expression: 'rate(1 hour)', localEveryMs: 60_000 }],
  permissions: [],
  table: { read: ['CHECKPOINT', 'CHAIN', 'EVENT#'], write: ['CHECKPOINT'] },
  timeoutSeconds: 300,
  memoryMb: 1024,
});
