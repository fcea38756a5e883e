// Reads of clocks: by id, by department for the board, and what is due for the sweeper. Every one
// a key or index query.
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ClockStatus } from '@fazhi/domain/clocks/index';
import { queryPages } from '../ddb/query-pages';
import type { PlatformDeps } from '../deps';
import { type ClockRecord, recordOf } from './clock-record';
import { boardPartition, clockKey, dueBound, dueShardKey, padMs } from './keys';

export async function getClock(d: PlatformDeps, id: string, consistent = true): Promise<ClockRecord | undefined> {
  const got = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: clockKey(id), ConsistentRead: consistent }),
  );
  return got.Item ? recordOf(got.Item) : undefined;
}

/** Consistent reads of several clocks (≤ 100 ids), keyed by id. */
export async function getClocks(d: PlatformDeps, ids: readonly string[]): Promise<Map<string, ClockRecord>> {
  const out = new Map<string, ClockRecord>();
  let keys = [...new Set(ids)].map(clockKey);
  while (keys.length > 0) {
    const got = await d.ddb.send(
      new BatchGetCommand({ RequestItems: { [d.tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of got.Responses?.[d.tableName] ?? []) {
      const r = recordOf(item);
      out.set(r.id, r);
    }
    keys = (got.UnprocessedKeys?.[d.tableName]?.Keys ?? []) as typeof keys;
  }
  return out;
}

export interface DuePage {
  clocks: ClockRecord[];
  next?: Record<string, unknown>;
}

/** Clocks of one due shard whose next due instant is at or before `now`, earliest first. */
export async function dueClocks(
  d: PlatformDeps,
  shard: number,
  now: number,
  limit: number,
  start?: Record<string, unknown>,
): Promise<DuePage> {
  const page = await d.ddb.send(
    new QueryCommand({
      TableName: d.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :bound',
      ExpressionAttributeValues: { ':pk': dueShardKey(shard), ':bound': dueBound(now) },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return {
    clocks: (page.Items ?? []).map(recordOf),
    ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}),
  };
}

/**
 * A department's clocks of one status, by due instant; `dueFrom` skips those due earlier (the board
 * shows recently finished clocks, not the whole history). Stops after `max`.
 */
export async function departmentClocks(
  d: PlatformDeps,
  departmentId: string,
  status: ClockStatus,
  opts: { dueFrom?: number; dueTo?: number; max?: number } = {},
): Promise<ClockRecord[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': boardPartition(departmentId),
        ':from': `${status}#${padMs(opts.dueFrom ?? 0)}`,
        ':to': opts.dueTo === undefined ? `${status}#~` : `${status}#${padMs(opts.dueTo)}#~`,
      },
    },
    recordOf,
    opts.max ?? 500,
  );
}
