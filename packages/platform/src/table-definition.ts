// The one table's shape, read by the CDK app and by the local runtime's table creation, so
// DynamoDB Local and AWS hold the same keys and indexes.
//
// Key design (single table, every read a key or index query — never a Scan):
//   pk / sk          the aggregate or item itself
//   gsi1pk / gsi1sk  secondary access path per entity (e.g. API key hash → department, lists)
//   gsi2pk / gsi2sk  the "due" index: sparse, only items with something due (clocks, pending
//                    outbox); gsi2pk is a shard bucket, gsi2sk the due instant zero-padded
//   ttl              epoch seconds, DynamoDB TTL deletes (idempotency records, delivered outbox)

export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
} as const;

export interface IndexDefinition {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export const TABLE_INDEXES: readonly IndexDefinition[] = [
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
] as const;

/** Stream view the outbox relay needs. */
export const TABLE_STREAM_VIEW = 'NEW_IMAGE' as const;

/** The base name; a deployment or a test may add a suffix. */
export const DEFAULT_TABLE_NAME = 'fazhi';
export const DEFAULT_BUS_NAME = 'fazhi';
