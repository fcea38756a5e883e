// The outbox relay: committed event items → bus → evidence chain and published mark, in one
// transaction. Fed by the table stream (functions/platform/outbox-relay) and, as a safety net, by
// the sweep of the pending index (functions/platform/outbox-sweep), so nothing committed is ever
// stranded.
//
// Why this order and this shape (docs/BENCHMARKS.md, cost): the items are re-read first, so a
// redelivered stream batch, or the sweep racing the stream, publishes nothing already published;
// then the bus; then ONE transaction per batch appends the chain entries, moves the chain head and
// marks every event chained and published (out of the pending index). A crash between the bus and
// that transaction leaves the events pending and unchained: they are published again (at least
// once, as ever; subscribers deduplicate on the event id) and chained then, exactly once, because
// each event's update in the transaction requires it not to be chained yet.
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dueBound } from '../ddb/due-index';
import { busEventOf, EVENT_ITEM_TYPE, type EventItem, eventKey, OUTBOX_SHARDS } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';
import { appendToChain, readHead } from '../evidence/store';

export async function relayEvents(d: PlatformDeps, items: EventItem[]): Promise<number> {
  const candidates = items.filter((i) => i.type === EVENT_ITEM_TYPE && i.publishedAt === undefined);
  if (candidates.length === 0) return 0;
  // The chain head is read beside the re-read, not after the bus: one round trip less on the
  // serial path (one relay per stream shard). If another relay moves it meanwhile, the chain
  // transaction's condition fails and appendToChain reads it again.
  const head = readHead(d);
  head.catch(() => undefined);
  const pending = await stillUnpublished(d, candidates);
  if (pending.length === 0) return 0;
  await d.publisher.put(pending.map(busEventOf));
  await appendToChain(d, pending, d.clock.now(), head);
  return pending.length;
}

/** The items as they are now (consistent read), keeping those not yet published, in the given order. */
export async function stillUnpublished(d: PlatformDeps, items: EventItem[]): Promise<EventItem[]> {
  const current = new Map<string, EventItem>();
  for (let i = 0; i < items.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [d.tableName]: { Keys: items.slice(i, i + 100).map((e) => eventKey(e.eventId)), ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const got = await d.ddb.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of (got.Responses?.[d.tableName] ?? []) as EventItem[]) current.set(item.eventId, item);
      request = got.UnprocessedKeys as typeof request;
    }
  }
  return items.flatMap((e) => {
    const now = current.get(e.eventId);
    return now && now.publishedAt === undefined ? [now] : [];
  });
}

/** Events still pending that were created before `olderThan` (epoch ms), oldest first per shard. */
export async function pendingEvents(d: PlatformDeps, olderThan: number, limitPerShard = 100): Promise<EventItem[]> {
  const bound = dueBound(olderThan);
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
