import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const outboxRelayWiring = defineFunction({
  name: 'platform-outbox-relay',
  service: 'platform',
  description:
    'Reads new event items from the table stream, chains them into the evidence log and puts them on the bus',
  entry: entryOf(import.meta.url),
  // Reserved: the stream relay: every event goes through it (one per stream shard, with room) (infra/lib/front-door.ts).
  reservedConcurrency: 5,
  stream: true,
  permissions: ['bus:put'],
  table: { read: ['EVENT#', 'CHAIN'], write: ['EVENT#', 'CHAIN'] },
  timeoutSeconds: 60,
});
