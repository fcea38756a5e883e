// The alert service's subscribers and sweeper driven directly on a manual clock, against DynamoDB
// Local: duplicate and out-of-order deliveries, escalation up the duty chain across a shift
// hand-over, overlapping sweeps, a department without a roster, and the SNS channel.
import type { Roster } from '@fazhi/domain/alerts/roster';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as notify } from '../../functions/alerts/notify/handler';
import { handler as raise } from '../../functions/alerts/raise/handler';
import { handler as resolve } from '../../functions/alerts/resolve/handler';
import { departmentAlerts, getAlertHead } from '../../functions/alerts/shared/alert-store';
import { sweepAlerts } from '../../functions/alerts/shared/alert-sweep';
import { putRoster } from '../../functions/alerts/shared/rosters';
import { ManualClock } from '../../packages/domain/src/clock';
import { startClockChange } from '../../packages/platform/src/clocks/clock-changes';
import { clockWrites } from '../../packages/platform/src/clocks/clock-writes';
import { clockRegistry } from '../../packages/platform/src/clocks/registry';
import { commit } from '../../packages/platform/src/ddb/commit';
import { configureDeps } from '../../packages/platform/src/deps';
import type { DeliveredEvent } from '../../packages/platform/src/events/envelope';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { type BareDeps, bareDeps } from '../clocks/bare-deps';
import '@fazhi/functions/opinion/shared/subject';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-11-23T10:00:00+08:00');

const clock = new ManualClock(T0);
let d: BareDeps;
let seq = 0;

function delivered<D>(detailType: string, data: D, source = 'fazhi.clocks'): DeliveredEvent<D> {
  const eventId = d.newId();
  return {
    version: '0',
    id: `delivery-${++seq}`,
    'detail-type': detailType,
    source,
    account: '000000000000',
    time: new Date(clock.now()).toISOString(),
    region: 'local',
    resources: [],
    detail: {
      meta: { eventId, occurredAt: new Date(clock.now()).toISOString(), correlationId: 'c', schemaVersion: 1 },
      data,
    },
  };
}

async function startClock(id: string, departmentId: string, dueAt: number): Promise<void> {
  const change = startClockChange(
    {
      id,
      policyId: 'opinion.release',
      subject: { type: 'opinion-incident', id: `inc-${id}`, title: '网传某小区供水污染' },
      departmentId,
      startedAt: dueAt - 5 * HOUR,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
    },
    clock.now(),
    clockRegistry(),
  );
  await commit(d, clockWrites(d, [change]).writes);
}

async function outboxOf(detailType: string) {
  return (await pendingEvents(d, 999_999_999_999_999, 1000)).filter((e) => e.detailType === detailType);
}

const rosterOf = (departmentId: string, handOver: number): Roster => ({
  departmentId,
  head: `${departmentId}.head`,
  shifts: [
    { id: 'a', startsAt: T0 - 6 * HOUR, endsAt: handOver, officer: 'a.duty', leader: 'a.leader' },
    { id: 'b', startsAt: handOver, endsAt: T0 + 12 * HOUR, officer: 'b.duty', leader: 'b.leader' },
  ],
  version: 1,
});

beforeAll(async () => {
  d = await bareDeps(clock, 'alerts');
  configureDeps(d);
  await commit(d, [putRoster(d, rosterOf('propaganda', T0 + 5 * MIN))]);
}, 60_000);

describe('raising and resolving', () => {
  it('raises one alert for a breach delivered three times at once, to the officer on duty', async () => {
    // Prepare
    await startClock('k1', 'propaganda', T0 - 1);
    const breach = delivered('Clock.Breached', { clockId: 'k1' });
    // Act
    await Promise.all([raise(breach), raise(breach), raise(breach)]);
    // Assess
    const open = (await departmentAlerts(d, 'propaganda', 'open')).filter((a) => a.clockId === 'k1');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ reason: 'breach', level: 'officer', recipients: ['a.duty'] });
    expect(
      (await outboxOf('Alert.Raised')).filter((e) => (e.detail.data as { clockId: string }).clockId === 'k1'),
    ).toHaveLength(1);
  });

  it('ignores a warning delivered after the breach it precedes', async () => {
    // Act
    await raise(delivered('Clock.WarningDue', { clockId: 'k1', warning: 'PT30M' }));
    // Assess
    const open = (await departmentAlerts(d, 'propaganda', 'open')).filter((a) => a.clockId === 'k1');
    expect(open.map((a) => a.reason)).toEqual(['breach']);
  });

  it('resolves the alert once when the clock is met, however often the news arrives', async () => {
    // Act
    const met = delivered('Clock.Met', { clockId: 'k1' });
    await Promise.all([resolve(met), resolve(met)]);
    // Assess
    const resolved = (await departmentAlerts(d, 'propaganda', 'resolved')).filter((a) => a.clockId === 'k1');
    expect(resolved).toEqual([
      expect.objectContaining({ status: 'resolved', resolution: 'clock-met', nextActionAt: null }),
    ]);
    expect(
      (await outboxOf('Alert.Resolved')).filter((e) => (e.detail.data as { clockId: string }).clockId === 'k1'),
    ).toHaveLength(1);
  });

  it('raises nothing for a breach delivered after the clock was cancelled (the bus keeps no order)', async () => {
    // Prepare
    await startClock('k2', 'propaganda', T0 - 1);
    // Act
    await resolve(delivered('Clock.Cancelled', { clockId: 'k2' }));
    await raise(delivered('Clock.Breached', { clockId: 'k2' }));
    // Assess
    expect(await getAlertHead(d, 'k2')).toMatchObject({ finished: 'clock-cancelled' });
    const all = [
      ...(await departmentAlerts(d, 'propaganda', 'open')),
      ...(await departmentAlerts(d, 'propaganda', 'resolved')),
    ];
    expect(all.filter((a) => a.clockId === 'k2')).toEqual([]);
  });

  it('alerts a department without a roster at head level and publishes it naming nobody', async () => {
    // Prepare
    await startClock('k3', 'finance', T0 - 1);
    // Act
    await raise(delivered('Clock.Breached', { clockId: 'k3' }));
    // Assess
    const [alert] = await departmentAlerts(d, 'finance', 'open');
    expect(alert).toMatchObject({ level: 'head', recipients: [] });
    const [event] = (await outboxOf('Alert.Raised')).filter(
      (e) => (e.detail.data as { clockId: string }).clockId === 'k3',
    );
    expect(event?.detail.data).toMatchObject({ recipients: [] });
  });
});

describe('escalation', () => {
  it('climbs officer → leader → head a window at a time, following the roster across a hand-over, once per step even with overlapping sweeps', async () => {
    // Prepare: shift a hands over to shift b five minutes after the alert
    await startClock('k4', 'propaganda', T0 - 1);
    await raise(delivered('Clock.Breached', { clockId: 'k4' }));
    const alertOf = async () => (await departmentAlerts(d, 'propaganda', 'open')).find((a) => a.clockId === 'k4')!;
    const steps: [string, string[]][] = [];
    // Act
    for (const at of [T0 + 9 * MIN, T0 + 10 * MIN, T0 + 20 * MIN, T0 + 30 * MIN]) {
      clock.set(at);
      await Promise.all([sweepAlerts(d), sweepAlerts(d)]);
      const a = await alertOf();
      steps.push([a.level, a.recipients]);
    }
    // Assess
    expect(steps).toEqual([
      ['officer', ['a.duty']],
      ['leader', ['b.leader']],
      ['head', ['propaganda.head']],
      ['head', ['propaganda.head']],
    ]);
    const a = await alertOf();
    expect(a.escalations.map((e) => [e.from, e.to])).toEqual([
      ['officer', 'leader'],
      ['leader', 'head'],
    ]);
    expect(a.remindedAt).toEqual([T0 + 30 * MIN]);
    expect(a.notified).toEqual(['a.duty', 'b.leader', 'propaganda.head']);
  });
});

describe('a warning that nobody took, overtaken by the breach', () => {
  it('is not escalated once its clock fell due, so the breach still reaches the officer whichever sweep runs first', async () => {
    // Prepare: a late-reported clock warned at once; eleven minutes pass unacknowledged
    clock.set(T0 + HOUR);
    const dueAt = clock.now() + 10 * MIN;
    await startClock('k5', 'propaganda', dueAt);
    await raise(delivered('Clock.WarningDue', { clockId: 'k5', warning: 'PT30M' }));
    clock.set(dueAt + MIN);
    // Act: the alert sweep runs before the breach is raised
    await sweepAlerts(d);
    await raise(delivered('Clock.Breached', { clockId: 'k5' }));
    // Assess
    const open = (await departmentAlerts(d, 'propaganda', 'open')).filter((a) => a.clockId === 'k5');
    expect(open).toEqual([expect.objectContaining({ reason: 'breach', level: 'officer', recipients: ['b.duty'] })]);
    const [warning] = (await departmentAlerts(d, 'propaganda', 'resolved')).filter((a) => a.clockId === 'k5');
    expect(warning).toMatchObject({ reason: 'warning', resolution: 'superseded', escalations: [] });
  });

  it('escalates after all when no breach came within a window past due', async () => {
    // Prepare
    clock.set(T0 + 2 * HOUR);
    const dueAt = clock.now() + 10 * MIN;
    await startClock('k6', 'propaganda', dueAt);
    await raise(delivered('Clock.WarningDue', { clockId: 'k6', warning: 'PT30M' }));
    // Act
    clock.set(dueAt + MIN);
    await sweepAlerts(d);
    const waiting = (await departmentAlerts(d, 'propaganda', 'open')).find((a) => a.clockId === 'k6');
    clock.set(dueAt + 10 * MIN + 1);
    await sweepAlerts(d);
    const escalated = (await departmentAlerts(d, 'propaganda', 'open')).find((a) => a.clockId === 'k6');
    // Assess
    expect(waiting).toMatchObject({ level: 'officer' });
    expect(escalated).toMatchObject({ level: 'leader', recipients: ['b.leader'] });
  });
});

describe('the SNS channel', () => {
  it('sends raised alerts and stays quiet for resolved ones', async () => {
    // Prepare
    const [open] = (await departmentAlerts(d, 'propaganda', 'open')).filter((a) => a.clockId === 'k4');
    const [resolved] = (await departmentAlerts(d, 'propaganda', 'resolved')).filter((a) => a.clockId === 'k1');
    // Act
    await notify(
      delivered(
        'Alert.Raised',
        { alertId: open!.id, recipients: ['a.duty'], departmentId: 'propaganda' },
        'fazhi.alerts',
      ),
    );
    await notify(
      delivered(
        'Alert.Raised',
        { alertId: resolved!.id, recipients: ['a.duty'], departmentId: 'propaganda' },
        'fazhi.alerts',
      ),
    );
    // Assess
    expect(d.notifier.sent.map((m) => m.alertId)).toEqual([open!.id]);
    expect(d.notifier.sent[0]).toMatchObject({ departmentId: 'propaganda', recipients: ['a.duty'] });
    expect(d.notifier.sent[0]!.text).toContain('权威发布已超时');
  });
});
