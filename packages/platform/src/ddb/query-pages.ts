// Follows a Query's pages until it runs out or `max` items are in hand: the one loop behind every
// list on the platform (a Query, never a Scan).
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformDeps } from '../deps';

export async function queryPages<T>(
  d: Pick<PlatformDeps, 'ddb' | 'tableName'>,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  map: (item: Record<string, unknown>) => T,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const remaining = max - out.length;
    const page = await d.ddb.send(
      new QueryCommand({
        ...input,
        TableName: d.tableName,
        ...(Number.isFinite(remaining) ? { Limit: Math.min(input.Limit ?? 100, remaining) } : {}),
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (out.length < max) out.push(map(item));
    start = page.LastEvaluatedKey;
  } while (start && out.length < max);
  return out;
}
