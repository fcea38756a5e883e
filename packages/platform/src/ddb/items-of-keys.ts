// The sparse due index (gsi2) projects keys only (table-definition.ts): a clock tick, an alert step
// or an event's "published" mark rewrites its item without writing the index again, and an index
// write costs one unit instead of the whole item's size (docs/BENCHMARKS.md, cost). A query of the
// index therefore answers keys; this reads the items they name — consistently, so the sweep acts
// on the item as it is now, not on an index entry that may lag it.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDeps } from '../deps';

type Key = { pk: string; sk: string };

/** The items under the keys of `indexItems`, in that order; items deleted meanwhile are left out. */
export async function itemsOfKeys(
  d: Pick<PlatformDeps, 'ddb' | 'tableName'>,
  indexItems: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const keys = indexItems.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  const found = new Map<string, Record<string, unknown>>();
  const id = (k: Key) => `${k.pk}\u0000${k.sk}`;
  for (let i = 0; i < keys.length; i += 100) {
    let todo: Key[] = keys.slice(i, i + 100);
    while (todo.length > 0) {
      const got = await d.ddb.send(
        new BatchGetCommand({ RequestItems: { [d.tableName]: { Keys: todo, ConsistentRead: true } } }),
      );
      for (const item of got.Responses?.[d.tableName] ?? []) found.set(id(item as Key), item);
      todo = (got.UnprocessedKeys?.[d.tableName]?.Keys ?? []) as Key[];
    }
  }
  return keys.flatMap((k) => {
    const item = found.get(id(k));
    return item ? [item] : [];
  });
}
