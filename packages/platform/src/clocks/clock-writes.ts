// Clock changes as transaction items, for the caller's own commit: a service starts, meets or
// cancels its clocks in the same transaction as its own state, and the sweeper commits ticks.
// Every clock write is conditional on the version read, so a change computed from a stale read
// (two sweeps overlapping, a sweep racing a milestone) fails instead of firing twice.
import type { TransactItem } from '../ddb/commit';
import type { NewEvent } from '../ddb/outbox';
import type { PlatformDeps } from '../deps';
import type { ClockChange } from './clock-changes';
import { clockEventOf } from './clock-events';
import { clockItem } from './clock-record';
import { counterDelta, counterUpdates } from './on-time';

export function clockPut(d: PlatformDeps, c: ClockChange): TransactItem {
  const Item = clockItem(c.after);
  return c.before
    ? {
        Put: {
          TableName: d.tableName,
          Item,
          ConditionExpression: '#v = :prev',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':prev': c.before.version },
        },
      }
    : { Put: { TableName: d.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export function clockChangeEvents(c: ClockChange): NewEvent[] {
  return c.events.map((e) => clockEventOf(e, c.after));
}

/**
 * Writes and events for `changes` (at most one change per clock). Changes without events or state
 * difference are left out. The counters of GET /v1/stats/on-time move in the same writes.
 */
export function clockWrites(
  d: PlatformDeps,
  changes: readonly ClockChange[],
): { writes: TransactItem[]; events: NewEvent[] } {
  const ids = new Set<string>();
  for (const c of changes) {
    if (ids.has(c.after.id)) throw new Error(`clock ${c.after.id} changed twice in one transaction`);
    ids.add(c.after.id);
  }
  const live = changes.filter((c) => c.before === undefined || c.events.length > 0);
  return {
    writes: [
      ...live.map((c) => clockPut(d, c)),
      ...counterUpdates(
        d,
        live.map((c) => counterDelta(c.before, c.after)),
      ),
    ],
    events: live.flatMap(clockChangeEvents),
  };
}

/** Merges successive changes of one clock (start, then meet) into one. */
export function chainChanges(first: ClockChange, second: ClockChange): ClockChange {
  return { before: first.before, after: second.after, events: [...first.events, ...second.events] };
}
