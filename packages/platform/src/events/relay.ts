// The outbox relay: committed event items → evidence chain → bus → marked published. Fed by the
// table stream (functions/platform/outbox-relay) and, as a safety net, by the sweep of the pending
// index (functions/platform/outbox-sweep), so nothing committed is ever stranded.
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dueBound } from '../ddb/due-index';
import { busEventOf, type EventItem, eventKey, OUTBOX_SHARDS } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';
import { appendToChain } from '../evidence/store';

export async function relayEvents(d: PlatformDeps, items: EventItem[]): Promise<number> {
  const pending = items.filter((i) => i.type === 'event' && i.publishedAt === undefined);
  if (pending.length === 0) return 0;
  await appendToChain(d, pending);
  await d.publisher.put(pending.map(busEventOf));
  // Marked in transactions of up to 100 rather than one request per event: fewer round trips, and
  // nothing depends on the marks being atomic (a lost mark only means one more publication).
  const now = d.clock.now();
  for (let i = 0; i < pending.length; i += 100) {
    await d.ddb.send(
      new TransactWriteCommand({
        TransactItems: pending.slice(i, i + 100).map((e) => ({
          Update: {
            TableName: d.tableName,
            Key: eventKey(e.eventId),
            UpdateExpression: 'SET publishedAt = :now REMOVE gsi2pk, gsi2sk',
            ExpressionAttributeValues: { ':now': now },
          },
        })),
      }),
    );
  }
  return pending.length;
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
