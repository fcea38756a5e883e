// Four sweeps at once over 300 clocks that are all due (as after an outage, or when a sweep runs
// past its minute): each warning and breach commits exactly once, a clock that missed several
// warnings catches them up in order, and the on-time counters count every breach once.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { registerClockSubject } from '@fazhi/platform/clocks/subjects';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../packages/domain/src/clock';
import { type ClockChange, startClockChange } from '../../packages/platform/src/clocks/clock-changes';
import { getClock } from '../../packages/platform/src/clocks/clock-store';
import { clockWrites } from '../../packages/platform/src/clocks/clock-writes';
import { onTimeTotals } from '../../packages/platform/src/clocks/on-time';
import { clockRegistry } from '../../packages/platform/src/clocks/registry';
import { sweepDueClocks } from '../../packages/platform/src/clocks/sweep';
import { commit } from '../../packages/platform/src/ddb/commit';
import { type BareDeps, bareDeps } from './bare-deps';

registerClockSubject({ type: 'load-test', service: 'test', name: '负载测试', nameEn: 'Load test' });

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const PER_GROUP = 150;

const clock = new ManualClock(T0);
let d: BareDeps;
const committedEvents: { detailType: string; clockId: string; warning?: string }[] = [];

beforeAll(async () => {
  d = await bareDeps(clock, 'overlap', { ownDynamoDb: true });
  const registry = clockRegistry();
  const changes: ClockChange[] = [];
  for (let i = 0; i < 2 * PER_GROUP; i++) {
    // Group A is due 10 minutes after start (its 30-minute warning fired at start); group B three
    // hours after (no warning yet).
    const dueAt = i < PER_GROUP ? T0 + 10 * 60_000 : T0 + 3 * HOUR;
    const change = startClockChange(
      {
        id: `k${i}`,
        policyId: 'opinion.release',
        subject: { type: 'load-test', id: `s${i}` },
        departmentId: 'emergency',
        startedAt: dueAt - 5 * HOUR,
        kind: 'release',
        label: '权威发布',
        labelEn: 'Authoritative release',
      },
      T0,
      registry,
    );
    changes.push(change);
  }
  // Stored with their on-time counters, as a service starts them (their start events left out).
  for (let i = 0; i < changes.length; i += 25) await commit(d, clockWrites(d, changes.slice(i, i + 25)).writes);
  d.ddb.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const items = (args.input as { TransactItems?: { Put?: { Item?: Record<string, unknown> } }[] }).TransactItems;
      for (const t of items ?? []) {
        const item = t.Put?.Item;
        if (item?.type !== 'event') continue;
        const data = (item.detail as { data: { clockId: string; warning?: string } }).data;
        committedEvents.push({ detailType: String(item.detailType), clockId: data.clockId, warning: data.warning });
      }
      return out;
    },
    { step: 'initialize', name: 'recordCommits' },
  );
}, 60_000);
afterAll(async () => d?.stop());

describe('overlapping sweeps', () => {
  it('commit every firing exactly once and catch up missed warnings in order', async () => {
    // Prepare: four hours later everything is due.
    clock.set(T0 + 4 * HOUR);
    // Act
    const results = await Promise.all([sweepDueClocks(d), sweepDueClocks(d), sweepDueClocks(d), sweepDueClocks(d)]);
    const after = await sweepDueClocks(d);
    // Assess
    const perClock = new Map<string, string[]>();
    for (const e of committedEvents)
      perClock.set(e.clockId, [
        ...(perClock.get(e.clockId) ?? []),
        e.warning ? `${e.detailType}:${e.warning}` : e.detailType,
      ]);
    const groupA = [...perClock].filter(([id]) => Number(id.slice(1)) < PER_GROUP).map(([, types]) => types.join(','));
    const groupB = [...perClock].filter(([id]) => Number(id.slice(1)) >= PER_GROUP).map(([, types]) => types.join(','));
    expect({
      clocks: perClock.size,
      groupA: new Set(groupA),
      groupB: new Set(groupB),
      committed: results.reduce((n, r) => n + r.committed, 0),
      breaches: results.reduce((n, r) => n + r.breaches, 0),
      warnings: results.reduce((n, r) => n + r.warnings, 0),
    }).toEqual({
      clocks: 2 * PER_GROUP,
      groupA: new Set(['Clock.Breached']),
      groupB: new Set(['Clock.WarningDue:PT2H,Clock.WarningDue:PT1H,Clock.WarningDue:PT30M,Clock.Breached']),
      committed: 2 * PER_GROUP,
      breaches: 2 * PER_GROUP,
      warnings: 3 * PER_GROUP,
    });
    expect(results.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0);
    expect(after).toMatchObject({ due: 0, committed: 0 });
    expect(await getClock(d, 'k0')).toMatchObject({ status: 'breached', breachedAt: T0 + 10 * 60_000 + 1 });
    const stillDue = await d.ddb.send(
      new QueryCommand({
        TableName: d.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': 'CLOCKDUE#0' },
      }),
    );
    expect(stillDue.Items).toEqual([]);
    const totals = await onTimeTotals(d, '2026-11-23', '2026-11-23');
    expect(totals.get('emergency')).toEqual({ departmentId: 'emergency', open: 0, onTime: 0, late: 2 * PER_GROUP });
  }, 60_000);
});
