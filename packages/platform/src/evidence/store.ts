// Evidence chain storage: entries under pk CHAIN (sk E#<seq>), the head at sk HEAD. The relay
// appends in batches with a conditional head update, so two relays (two stream shards in AWS)
// cannot fork the chain: the loser re-reads the head and tries again.
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type ChainEntry,
  type ChainHead,
  type ChainReport,
  ChainVerifier,
  digestOf,
  extendChain,
  GENESIS_HASH,
} from '@fazhi/domain/evidence/chain';
import { commit, type TransactItem, TransactionConflict } from '../ddb/commit';
import { type EventItem, eventKey } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';

const CHAIN_PK = 'CHAIN';
export const entrySk = (seq: number) => `E#${String(seq).padStart(12, '0')}`;

export async function readHead(d: PlatformDeps): Promise<ChainHead> {
  const got = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: { pk: CHAIN_PK, sk: 'HEAD' }, ConsistentRead: true }),
  );
  return got.Item ? { seq: got.Item.seq as number, hash: got.Item.hash as string } : { seq: 0, hash: GENESIS_HASH };
}

async function currentlyUnchained(d: PlatformDeps, events: EventItem[]): Promise<EventItem[]> {
  const out: EventItem[] = [];
  for (let i = 0; i < events.length; i += 100) {
    const keys = events.slice(i, i + 100).map((e) => eventKey(e.eventId));
    const got = await d.ddb.send(
      new BatchGetCommand({ RequestItems: { [d.tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of got.Responses?.[d.tableName] ?? []) if (item.chainSeq === undefined) out.push(item as EventItem);
  }
  return out.sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
}

/**
 * Appends published events not yet chained and marks them published (out of the pending index), in
 * one transaction per 40: the head moves only if nobody moved it meanwhile, and each event is
 * updated only if it is not chained yet, so two relays cannot fork the chain or chain an event
 * twice. Safe to call again with the same events after a crash. A head passed in that another
 * relay has moved since fails the head's condition, and the loop reads it again.
 */
export async function appendToChain(
  d: PlatformDeps,
  events: EventItem[],
  publishedAt: number,
  /** The head as read before (the relay reads it beside its re-read): a stale one only costs a retry. */
  knownHead?: Promise<ChainHead>,
): Promise<void> {
  let todo = events.filter((e) => e.chainSeq === undefined);
  await markPublished(
    d,
    events.filter((e) => e.chainSeq !== undefined && e.publishedAt === undefined),
    publishedAt,
  );
  for (let attempt = 0; todo.length > 0; attempt++) {
    const batch = todo.slice(0, 40);
    const head = attempt === 0 && knownHead ? await knownHead : await readHead(d);
    const entries = extendChain(
      head,
      batch.map((e) => ({ eventId: e.eventId, digest: digestOf(e) })),
    );
    const last = entries[entries.length - 1]!;
    const writes: TransactItem[] = [
      {
        Put: {
          TableName: d.tableName,
          Item: { pk: CHAIN_PK, sk: 'HEAD', type: 'chain-head', seq: last.seq, hash: last.hash },
          ConditionExpression: head.seq === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq',
          ...(head.seq === 0 ? {} : { ExpressionAttributeValues: { ':seq': head.seq } }),
        },
      },
      ...entries.map((entry) => ({
        Put: { TableName: d.tableName, Item: { pk: CHAIN_PK, sk: entrySk(entry.seq), type: 'chain-entry', ...entry } },
      })),
      ...entries.map((entry) => ({
        Update: {
          TableName: d.tableName,
          Key: eventKey(entry.eventId),
          UpdateExpression: 'SET chainSeq = :seq, publishedAt = :at REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(chainSeq)',
          ExpressionAttributeValues: { ':seq': entry.seq, ':at': publishedAt },
        },
      })),
    ];
    try {
      await commit(d, writes);
      todo = todo.slice(batch.length);
    } catch (e) {
      if (!(e instanceof TransactionConflict) || attempt > 50) throw e;
      // Another relay moved the head, or chained some of these events meanwhile: re-read. Those it
      // chained are its to mark; what is left is ours.
      todo = await currentlyUnchained(d, todo);
    }
  }
}

/** Events chained but not marked: left by the relay before it chained and marked in one transaction. */
async function markPublished(d: PlatformDeps, events: EventItem[], publishedAt: number): Promise<void> {
  await Promise.all(
    events.map((e) =>
      d.ddb.send(
        new UpdateCommand({
          TableName: d.tableName,
          Key: eventKey(e.eventId),
          UpdateExpression: 'SET publishedAt = :at REMOVE gsi2pk, gsi2sk',
          ExpressionAttributeValues: { ':at': publishedAt },
        }),
      ),
    ),
  );
}

/** The entries after `afterSeq`, in order. */
export async function* chainEntries(d: PlatformDeps, afterSeq = 0): AsyncGenerator<ChainEntry> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await d.ddb.send(
      new QueryCommand({
        TableName: d.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': CHAIN_PK, ':from': entrySk(afterSeq + 1), ':to': 'E#~' },
        ExclusiveStartKey: start,
        Limit: 500,
      }),
    );
    for (const item of page.Items ?? []) {
      yield {
        seq: item.seq,
        eventId: item.eventId,
        digest: item.digest,
        prevHash: item.prevHash,
        hash: item.hash,
      } as ChainEntry;
    }
    start = page.LastEvaluatedKey;
  } while (start);
}

export interface WalkResult {
  report: ChainReport;
  /** False when the walk stopped at `maxEntries` before the head: continue from `report.head`… */
  done: boolean;
  position: ChainHead;
}

/**
 * Walks the chain after `from` (a trusted checkpoint, or the genesis), checking every entry and the
 * event it names, at most `maxEntries` of them; `done` false means call again from `position`.
 */
export async function walkChain(
  d: PlatformDeps,
  from: ChainHead = { seq: 0, hash: GENESIS_HASH },
  maxEntries = Number.POSITIVE_INFINITY,
): Promise<WalkResult> {
  const verifier = new ChainVerifier(from);
  let buffer: ChainEntry[] = [];
  let seen = 0;
  const flush = async () => {
    const digests = new Map<string, string>();
    for (let i = 0; i < buffer.length; i += 100) {
      const keys = buffer.slice(i, i + 100).map((e) => eventKey(e.eventId));
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [d.tableName]: { Keys: keys } };
      while (request && Object.keys(request).length > 0) {
        const got = await d.ddb.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of got.Responses?.[d.tableName] ?? [])
          digests.set(item.eventId as string, digestOf(item as EventItem));
        request = got.UnprocessedKeys as typeof request;
      }
    }
    for (const entry of buffer) verifier.feed(entry, digests.get(entry.eventId) ?? null);
    buffer = [];
  };
  let stopped = false;
  for await (const entry of chainEntries(d, from.seq)) {
    buffer.push(entry);
    if (buffer.length >= 100) await flush();
    if (++seen >= maxEntries) {
      stopped = true;
      break;
    }
  }
  await flush();
  const head = await readHead(d);
  const position = verifier.position;
  if (stopped && position.seq < head.seq) {
    const partial = verifier.finish(position);
    return { report: { ...partial, head }, done: partial.problem !== undefined, position };
  }
  const report = verifier.finish(head.seq === 0 ? undefined : head);
  return { report, done: true, position };
}

export async function verifyChain(d: PlatformDeps): Promise<ChainReport> {
  return (await walkChain(d)).report;
}
