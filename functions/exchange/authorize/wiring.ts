import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const authorizeWiring = defineFunction({
  name: 'exchange-authorize',
  service: 'exchange',
  description: 'Lambda authoriser: department API keys (and people’s tokens on routes open to both)',
  entry: entryOf(import.meta.url),
  authorizer: true,
  permissions: [],
  table: { read: ['APIKEY#'] },
  memoryMb: 256,
  timeoutSeconds: 5,
});
