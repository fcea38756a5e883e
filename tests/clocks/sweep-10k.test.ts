// 10,000 live clocks on a virtual clock; 300 of them due (150 warnings, 150 breaches) spread over
// a 20-second window that opens once seeding is done (the virtual clock jumps to it). The real
// sweeper handler runs on the local tick (1 s). Every due warning and breach must commit exactly once,
// at most one tick + 200 ms after it was due; no other clock may fire; a sweep reads only what is due.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { registerClockSubject } from '@fazhi/platform/clocks/subjects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDueInstant } from '../../packages/domain/src/clocks/index';
import { VirtualClock } from '../../packages/local/src/virtual-clock';
import { startClockChange } from '../../packages/platform/src/clocks/clock-changes';
import { clockItem } from '../../packages/platform/src/clocks/clock-record';
import { clockRegistry } from '../../packages/platform/src/clocks/registry';
import type { SweepResult } from '../../packages/platform/src/clocks/sweep';
import { configureDeps, type PlatformDeps } from '../../packages/platform/src/deps';
import { type BareDeps, bareDeps } from './bare-deps';

registerClockSubject({ type: 'load-test', service: 'test', name: '负载测试', nameEn: 'Load test' });

const LIVE = 10_000;
const BREACHES = 150;
const WARNINGS = 150;
const TICK_MS = 1000;
const SLACK_MS = 200;
const WINDOW_MS = 20_000;
/** The window opens this long after seeding begins; the virtual clock jumps there once seeding is done. */
const LEAD_MS = 10 * 60_000;
const HOUR = 3_600_000;

interface Fired {
  clockId: string;
  type: string;
  committedAt: number;
}

const clock = new VirtualClock(0);
const fired: Fired[] = [];
const expected = new Map<string, { type: string; dueInstant: number }>();
let d: BareDeps;
let sweeps: SweepResult[] = [];

/** Records, for every committed transaction, the events in it and the clock's time at commit. */
function recordCommits(ddb: PlatformDeps['ddb']): void {
  ddb.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      if (args.input && 'TransactItems' in (args.input as object)) {
        const committedAt = clock.now();
        const items = (args.input as { TransactItems: { Put?: { Item?: Record<string, unknown> } }[] }).TransactItems;
        for (const t of items) {
          const item = t.Put?.Item;
          if (item?.type !== 'event') continue;
          const data = (item.detail as { data: { clockId: string } }).data;
          fired.push({ clockId: data.clockId, type: String(item.detailType), committedAt });
        }
      }
      return out;
    },
    { step: 'initialize', name: 'recordCommits' },
  );
}

async function batchWrite(items: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) {
        let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> = {
          [d.tableName]: chunks[next++]!.map((Item) => ({ PutRequest: { Item } })),
        };
        while (Object.keys(request).length > 0 && (request[d.tableName]?.length ?? 0) > 0) {
          const r = await d.ddb.send(new BatchWriteCommand({ RequestItems: request }));
          request = (r.UnprocessedItems ?? {}) as typeof request;
        }
      }
    }),
  );
}

beforeAll(async () => {
  d = await bareDeps(clock, 'sweep10k', { ownDynamoDb: true });
  configureDeps(d);

  // Clocks started the way a service starts them, with their due instants placed: 150 breach and
  // 150 reach their 30-minute warning inside the window; the rest are due a day from now.
  const registry = clockRegistry();
  const seededAt = clock.now();
  const start = seededAt + LEAD_MS;
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < LIVE; i++) {
    const id = `c${String(i).padStart(5, '0')}-${seededAt}`;
    const slot = i < BREACHES + WARNINGS ? start + Math.floor(((i % BREACHES) * WINDOW_MS) / BREACHES) : undefined;
    const dueAt = slot === undefined ? seededAt + 20 * HOUR + i * 1000 : i < BREACHES ? slot : slot + HOUR / 2;
    const change = startClockChange(
      {
        id,
        policyId: 'opinion.release',
        subject: { type: 'load-test', id: `s${i}` },
        departmentId: `d${i % 12}`,
        startedAt: dueAt - 5 * HOUR,
        kind: 'release',
        label: '权威发布',
        labelEn: 'Authoritative release',
      },
      seededAt,
      registry,
    );
    items.push(clockItem(change.after));
    if (slot !== undefined) {
      const dueInstant = nextDueInstant(change.after)!;
      expected.set(id, { type: i < BREACHES ? 'Clock.Breached' : 'Clock.WarningDue', dueInstant });
    }
  }
  await batchWrite(items);
  recordCommits(d.ddb);
  clock.advance(start - 2 * TICK_MS - clock.now());
}, 120_000);
afterAll(async () => d?.stop());

describe('the clock sweeper with 10,000 live clocks', () => {
  it('fires every due warning and breach exactly once, within one tick + 200 ms, and nothing else', async () => {
    // Prepare: the earliest firing is two ticks ahead.
    const { handler } = await import('../../functions/clocks/sweep/handler');
    const sweepEnd = Math.max(...[...expected.values()].map((e) => e.dueInstant)) + TICK_MS + 500;
    // Act: the sweeper on the local tick, invoked as the local scheduler invokes it.
    sweeps = [];
    while (clock.now() < sweepEnd) {
      const tick = Date.now();
      sweeps.push((await handler()) as SweepResult);
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - tick))));
    }
    // Assess
    const byClock = new Map<string, Fired[]>();
    for (const f of fired) byClock.set(f.clockId, [...(byClock.get(f.clockId) ?? []), f]);
    const lateness = [...expected].map(([id, e]) => {
      const got = byClock.get(id) ?? [];
      return {
        id,
        types: got.map((g) => g.type),
        late: (got[0]?.committedAt ?? Number.POSITIVE_INFINITY) - e.dueInstant,
      };
    });
    const counts = {
      breaches: fired.filter((f) => f.type === 'Clock.Breached').length,
      warnings: fired.filter((f) => f.type === 'Clock.WarningDue').length,
      clocksFiredOnce: lateness.filter((l) => l.types.length === 1 && l.types[0] === expected.get(l.id)!.type).length,
      clocksNotDueThatFired: [...byClock.keys()].filter((id) => !expected.has(id)).length,
      firedBeforeDue: lateness.filter((l) => l.late < 0).length,
      firedTooLate: lateness.filter((l) => l.late > TICK_MS + SLACK_MS).length,
    };
    expect(counts).toEqual({
      breaches: BREACHES,
      warnings: WARNINGS,
      clocksFiredOnce: BREACHES + WARNINGS,
      clocksNotDueThatFired: 0,
      firedBeforeDue: 0,
      firedTooLate: 0,
    });
    const worst = Math.max(...lateness.map((l) => l.late));
    expect(worst).toBeLessThanOrEqual(TICK_MS + SLACK_MS);
    // Cost follows what is due: no sweep read more than the clocks due in its tick (and re-reads).
    expect(Math.max(...sweeps.map((s) => s.due))).toBeLessThan(50);
    expect(sweeps.reduce((n, s) => n + s.committed, 0)).toBe(BREACHES + WARNINGS);
    console.log(
      `sweep-10k: ${counts.breaches} breaches + ${counts.warnings} warnings of ${LIVE} live clocks; ` +
        `worst lateness ${worst} ms; ${sweeps.length} sweeps, ${sweeps.reduce((n, s) => n + s.conflicts, 0)} lost races`,
    );
  }, 120_000);
});
