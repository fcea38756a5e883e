// The clock sweeper: asks every due shard (in parallel) for the clocks due at `now`, ticks them, and
// commits the new states with their Clock.WarningDue / Clock.Breached events, packed into
// transactions of up to 100 items so a tick with many clocks due costs a few round trips. Each
// clock write is conditional on the version read, so when two sweeps overlap each firing commits
// exactly once: the loser's transaction is refused, it re-reads those clocks and finds nothing due.

import { nextDueInstant } from '@fazhi/domain/clocks/index';
import { commit, type TransactItem, TransactionConflict } from '../ddb/commit';
import type { PlatformDeps } from '../deps';
import { type ClockChange, tickClockChange } from './clock-changes';
import type { ClockRecord } from './clock-record';
import { dueClocks, getClocks } from './clock-store';
import { clockChangeEvents, clockPut } from './clock-writes';
import { CLOCK_SHARDS, clockShardOf } from './keys';
import { counterDelta, counterUpdates } from './on-time';
import { isTransientCancellation } from './transaction-retry';

export interface SweepOptions {
  /** Clocks read per query page. */
  pageSize?: number;
  /** Stop a shard after this many due clocks; the next sweep continues (Lambda time is finite). */
  maxPerShard?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
  /** Also fire, each at its own instant, what falls due this long after the sweep starts. */
  lookaheadMs?: number;
}

export interface SweepResult {
  now: number;
  /** Due entries read. */
  due: number;
  /** Clocks whose new state committed. */
  committed: number;
  warnings: number;
  breaches: number;
  /** Writes refused because another writer changed the clock first (an overlapping sweep, a milestone); those clocks were read again. */
  conflicts: number;
  /** Now minus the oldest due instant found unfired at the start (0 when nothing was due): the sweep lag. */
  lagMs: number;
  ms: number;
}

const MAX_ITEMS = 100;
const MAX_ATTEMPTS = 5;

function emptyResult(now: number): SweepResult {
  return { now, due: 0, committed: 0, warnings: 0, breaches: 0, conflicts: 0, lagMs: 0, ms: 0 };
}

/** Packs changes in order into transactions of at most 100 items (clock + counter + events each). */
function pack(changes: ClockChange[]): ClockChange[][] {
  const out: ClockChange[][] = [];
  let current: ClockChange[] = [];
  let items = 0;
  for (const c of changes) {
    const size = 2 + c.events.length;
    if (items + size > MAX_ITEMS && current.length > 0) {
      out.push(current);
      current = [];
      items = 0;
    }
    current.push(c);
    items += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function transactionOf(d: PlatformDeps, changes: ClockChange[]): TransactItem[] {
  return [
    ...changes.map((c) => clockPut(d, c)),
    ...counterUpdates(
      d,
      changes.map((c) => counterDelta(c.before, c.after)),
    ),
  ];
}

async function commitChanges(d: PlatformDeps, changes: ClockChange[], now: number, result: SweepResult): Promise<void> {
  let pending = changes;
  for (let attempt = 1; pending.length > 0; attempt++) {
    try {
      await commit(d, transactionOf(d, pending), pending.flatMap(clockChangeEvents));
      result.committed += pending.length;
      for (const c of pending)
        for (const e of c.events) {
          if (e.type === 'Clock.WarningDue') result.warnings++;
          if (e.type === 'Clock.Breached') result.breaches++;
        }
      return;
    } catch (e) {
      if (attempt >= MAX_ATTEMPTS) throw e;
      if (e instanceof TransactionConflict) {
        const stale = new Set(e.failed.filter((i) => i < pending.length).map((i) => pending[i]!.after.id));
        if (stale.size === 0) throw e;
        // Someone changed these clocks since our read: decide again from their current state.
        const fresh = await getClocks(d, [...stale]);
        const next: ClockChange[] = [];
        for (const c of pending) {
          if (!stale.has(c.after.id)) {
            next.push(c);
            continue;
          }
          result.conflicts++;
          const current = fresh.get(c.after.id);
          const again = current ? tickClockChange(current, now) : undefined;
          if (again && again.events.length > 0) next.push(again);
        }
        pending = next;
      } else if (!isTransientCancellation(e)) {
        throw e;
      } else {
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 20));
      }
    }
  }
}

interface ShardCursor {
  shard: number;
  start?: Record<string, unknown>;
  read: number;
}

/** Runs `jobs` with at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await job(items[next++]!);
    }),
  );
}

/** Ticks `clocks` at `now` and commits what fired. */
async function fire(
  d: PlatformDeps,
  clocks: ClockRecord[],
  now: number,
  concurrency: number,
  result: SweepResult,
): Promise<void> {
  const changes = clocks.map((c) => tickClockChange(c, now)).filter((c) => c.events.length > 0);
  // Neighbours share on-time counters: keeping them in one transaction keeps concurrent
  // transactions of this sweep off each other's counter items.
  changes.sort((a, b) => counterOrder(a).localeCompare(counterOrder(b)));
  await inParallel(pack(changes), concurrency, (batch) => commitChanges(d, batch, now, result));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One sweep. With `lookaheadMs`, clocks due within that span after the start are read too and fired
 * at their own instant (the sweep waits for them), so a firing is not late by up to a whole tick:
 * the local runtime sweeps every second with a lookahead just under it.
 */
export async function sweepDueClocks(d: PlatformDeps, opts: SweepOptions = {}): Promise<SweepResult> {
  const started = Date.now();
  const now = d.clock.now();
  const horizon = now + Math.max(0, opts.lookaheadMs ?? 0);
  const result = emptyResult(now);
  const pageSize = opts.pageSize ?? 200;
  const max = opts.maxPerShard ?? 5000;
  const concurrency = opts.concurrency ?? 4;
  const waiting: { at: number; clock: ClockRecord }[] = [];
  // Rounds of one page per shard, so a backlog (after an outage) is worked through in bounded memory.
  let cursors: ShardCursor[] = Array.from({ length: CLOCK_SHARDS }, (_, shard) => ({ shard, read: 0 }));
  while (cursors.length > 0) {
    const pages = await Promise.all(cursors.map((c) => dueClocks(d, c.shard, horizon, pageSize, c.start)));
    const ready: ClockRecord[] = [];
    pages.forEach((page, i) => {
      const cursor = cursors[i]!;
      cursor.read += page.clocks.length;
      cursor.start = page.next;
      result.due += page.clocks.length;
      for (const clock of page.clocks) {
        const at = nextDueInstant(clock) ?? now;
        if (at <= now) {
          ready.push(clock);
          result.lagMs = Math.max(result.lagMs, now - at);
        } else waiting.push({ at, clock });
      }
    });
    await fire(d, ready, now, concurrency, result);
    cursors = cursors.filter((c) => c.start !== undefined && c.read < max);
  }
  waiting.sort((a, b) => a.at - b.at);
  while (waiting.length > 0) {
    const wait = waiting[0]!.at - d.clock.now();
    if (wait > 0) await sleep(wait);
    const at = d.clock.now();
    const due = waiting.findIndex((w) => w.at > at);
    const batch = waiting.splice(0, due === -1 ? waiting.length : due);
    await fire(
      d,
      batch.map((w) => w.clock),
      at,
      concurrency,
      result,
    );
  }
  result.ms = Date.now() - started;
  return result;
}

function counterOrder(c: ClockChange): string {
  return `${c.after.statsDay}#${c.after.departmentId}#${clockShardOf(c.after.id)}`;
}
