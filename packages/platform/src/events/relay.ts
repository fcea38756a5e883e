// The outbox relay: committed event items → evidence chain → bus → marked published. Fed by the
// table stream (functions/platform/outbox-relay) and, as a safety net, by the sweep of the pending
// index (functions/platform/outbox-sweep), so nothing committed is ever stranded.
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { busEventOf, type EventItem, eventKey, OUTBOX_SHARDS } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';
import { appendToChain } from '../evidence/store';

export async function relayEvents(d: PlatformDeps, items: EventItem[]): Promise<number> {
  const pending = items.filter((i) => i.type === 'event' && i.publishedAt === undefined);
  if (pending.length === 0) return 0;
  await appendToChain(d, pending);
  await d.publisher.put(pending.map(busEventOf));
  await Promise.all(
    pending.map((i) =>
      d.ddb.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: eventKey(i.eventId),
          UpdateExpression: 'SET publishedAt = :now REMOVE gsi2pk, gsi2sk',
          ExpressionAttributeValues: { ':now': d.clock.now() },
        }),
      ),
    ),
  );
  return pending.length;
}

/** Events still pending that were created before `olderThan` (epoch ms), oldest first per shard. */
export async function pendingEvents(d: PlatformDeps, olderThan: number, limitPerShard = 100): Promise<EventItem[]> {
  const bound = `${String(olderThan).padStart(15, '0')}#~`;
  const pages = await Promise.all(
    Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
      d.ddb.send(
        new QueryCommand({
          TableName: d.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :bound',
          ExpressionAttributeValues: { ':pk': `OUTBOX#${shard}`, ':bound': bound },
          Limit: limitPerShard,
        }),
      ),
    ),
  );
  return pages.flatMap((p) => (p.Items ?? []) as EventItem[]).sort((a, b) => a.createdAt - b.createdAt);
}
