// One TransactWriteItems for a state change and the events announcing it: an acknowledged change
// never lacks its event, and no event announces a change that did not commit.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformDeps } from '../deps';
import { type EventItem, type NewEvent, newEventItem } from './outbox';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A transaction was refused because a condition failed; `failed` holds the indexes that failed. */
export class TransactionConflict extends Error {
  /** Unhandled, it answers 409 (http/problem.ts): somebody changed the same thing meanwhile. */
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly failed: number[],
    options?: { cause?: unknown },
  ) {
    super('The data changed while this request was being handled; reload and try again.', options);
    this.name = 'TransactionConflict';
  }
}

export interface CommitResult {
  events: EventItem[];
}

export async function commit(
  d: PlatformDeps,
  writes: TransactItem[],
  events: (NewEvent | EventItem)[] = [],
): Promise<CommitResult> {
  // Callers that must answer with the event ids (POST /v1/events) build the items first.
  const eventItems = events.map((e) => ('eventId' in e ? e : newEventItem(d, e)));
  const items: TransactItem[] = [
    ...writes,
    ...eventItems.map((item) => ({
      Put: { TableName: d.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
  if (items.length === 0) return { events: [] };
  if (items.length > 100) throw new Error(`a transaction holds at most 100 items, got ${items.length}`);
  try {
    await d.ddb.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (e) {
    if (e instanceof TransactionCanceledException) {
      const failed = (e.CancellationReasons ?? [])
        .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? i : -1))
        .filter((i) => i >= 0);
      if (failed.length > 0) throw new TransactionConflict(failed, { cause: e });
    }
    throw e;
  }
  return { events: eventItems };
}

export function put(
  d: PlatformDeps,
  item: Record<string, unknown>,
  condition?: { expr: string; names?: Record<string, string>; values?: Record<string, unknown> },
): TransactItem {
  return {
    Put: {
      TableName: d.tableName,
      Item: item,
      ...(condition ? { ConditionExpression: condition.expr } : {}),
      ...(condition?.names ? { ExpressionAttributeNames: condition.names } : {}),
      ...(condition?.values ? { ExpressionAttributeValues: condition.values } : {}),
    },
  };
}

/** Put that must create the item, or replace it only when the stored version is the one we read. */
export function putVersioned(d: PlatformDeps, item: Record<string, unknown> & { version: number }): TransactItem {
  return item.version === 1
    ? put(d, item, { expr: 'attribute_not_exists(pk)' })
    : put(d, item, { expr: '#v = :prev', names: { '#v': 'version' }, values: { ':prev': item.version - 1 } });
}
