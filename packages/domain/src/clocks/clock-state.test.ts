import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendarOverride, packagedCalendar } from './calendar';
import { cityInstant, formatCityInstant } from './city-time';
import type { ClockEvent } from './clock-events';
import {
  type ClockContext,
  type ClockState,
  type ClockTransition,
  cancelClock,
  extendClock,
  meetClock,
  nextDueInstant,
  pauseClock,
  resumeClock,
  startClock,
  tickClock,
} from './clock-state';
import { OPINION_POLICIES } from './default-policies';
import { durationMs } from './duration';
import { ClockError, ClockExtensionError, ClockPauseError, ClockTransitionError } from './errors';
import fixture2027 from './fixtures/calendar-2027.test-fixture.json' with { type: 'json' };
import { planDue } from './period';
import { applyPolicyOverrides, defaultPolicies, getClockPolicy } from './policies';
import type { ClockPolicy } from './policy-schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = cityInstant;
const policy = (id: string) => getClockPolicy(defaultPolicies, id);
const context = (p: ClockPolicy, calendar = packagedCalendar): ClockContext => ({ policy: p, calendar });

function start(p: ClockPolicy, startedAt: number, now = startedAt, calendar = packagedCalendar): ClockTransition {
  return startClock(
    { id: 'clk-1', subject: { type: 'OpinionIncident', id: 'inc-1' }, departmentId: 'dept-1', startedAt, now },
    context(p, calendar),
  );
}

function names(events: readonly ClockEvent[]): string[] {
  return events.map((event) => (event.type === 'Clock.WarningDue' ? `Warning ${event.data.warning}` : event.type));
}

/** A sweeper that never misses: ticks at every instant nextDueInstant asks for. */
function sweep(state: ClockState): { state: ClockState; events: ClockEvent[] } {
  let current = state;
  const events: ClockEvent[] = [];
  for (let next = nextDueInstant(current); next !== null; next = nextDueInstant(current)) {
    // A clock has at most a handful of warnings and one breach; more ticks mean something re-fires.
    expect(events.length).toBeLessThan(10);
    const result = tickClock(current, next);
    expect(result.events.length).toBeGreaterThan(0);
    current = result.state;
    events.push(...result.events);
  }
  return { state: current, events };
}

describe.each(OPINION_POLICIES.map((p) => [p.id, p] as const))('§1 policy %s', (_id, p) => {
  const limit = durationMs(p.duration);
  const startedAt = at('2026-06-10T10:00');

  it('is due exactly the duration after the occurrence', () => {
    // Act
    const { state, events } = start(p, startedAt);

    // Assess
    expect(state.dueAt).toBe(startedAt + limit);
    expect(names(events)).toEqual(['Clock.Started']);
    expect(nextDueInstant(state)).toBe(state.dueAt - 2 * HOUR);
  });

  it('is met on time at exactly dueAt and not breached by a tick at dueAt', () => {
    // Prepare
    const { state } = start(p, startedAt);

    // Act
    const ticked = tickClock(state, state.dueAt);
    const met = meetClock(ticked.state, state.dueAt);

    // Assess
    expect(names(ticked.events)).not.toContain('Clock.Breached');
    expect(names(met.events)).toEqual(['Clock.Met']);
    expect(met.state).toMatchObject({ status: 'met', metLate: false, metAt: state.dueAt });
    expect(nextDueInstant(met.state)).toBeNull();
  });

  it('is breached 1 ms after dueAt, by a tick or by a late milestone', () => {
    // Prepare
    const { state } = start(p, startedAt);

    // Act
    const ticked = tickClock(state, state.dueAt + 1);
    const metLate = meetClock(state, state.dueAt + 1);

    // Assess
    expect(names(ticked.events)).toEqual(['Warning PT2H', 'Warning PT1H', 'Warning PT30M', 'Clock.Breached']);
    expect(ticked.state).toMatchObject({ status: 'breached', breachedAt: state.dueAt + 1 });
    expect(names(metLate.events)).toEqual(['Clock.Breached', 'Clock.Met']);
    expect(metLate.state).toMatchObject({ status: 'met', metLate: true, breachedAt: state.dueAt + 1 });
  });

  it('warns at 2 h, 1 h and 30 min before due, then breaches, when swept on time', () => {
    // Prepare
    const { state } = start(p, startedAt);

    // Act
    const swept = sweep(state);

    // Assess
    expect(names(swept.events)).toEqual(['Warning PT2H', 'Warning PT1H', 'Warning PT30M', 'Clock.Breached']);
    expect(swept.events.map((event) => event.type === 'Clock.WarningDue' && event.data.firedAt)).toEqual([
      state.dueAt - 2 * HOUR,
      state.dueAt - HOUR,
      state.dueAt - 30 * MINUTE,
      false,
    ]);
  });

  it.each([
    ['国庆 holiday', '2026-09-30T20:00'],
    ['春节 holiday', '2026-02-14T22:00'],
    ['调休 working weekend', '2026-10-09T20:00'],
    ['uncovered year 2027 (hours need no calendar)', '2027-02-10T08:00'],
  ])('counts wall-clock hours across a %s', (_label, occurred) => {
    // Act
    const { state } = start(p, at(occurred));

    // Assess
    expect(state.dueAt).toBe(at(occurred) + limit);
  });

  it('alerts at once when reported 10 min before due: one PT30M warning, not a burst', () => {
    // Prepare
    const reportedAt = startedAt + limit - 10 * MINUTE;

    // Act
    const { state, events } = start(p, startedAt, reportedAt);
    const laterTick = tickClock(state, reportedAt + MINUTE);

    // Assess
    expect(names(events)).toEqual(['Clock.Started', 'Warning PT30M']);
    expect(state).toMatchObject({ warningsSent: ['PT30M'], warningsSkipped: ['PT2H', 'PT1H'] });
    expect(laterTick.events).toEqual([]);
    expect(nextDueInstant(state)).toBe(state.dueAt + 1);
  });

  it('breaches at once, with no warnings, when reported after due', () => {
    // Act
    const { state, events } = start(p, startedAt, startedAt + limit + HOUR);

    // Assess
    expect(names(events)).toEqual(['Clock.Started', 'Clock.Breached']);
    expect(state.warningsSkipped).toEqual(['PT2H', 'PT1H', 'PT30M']);
  });

  it('cannot be paused (statutory), but a pausable city variant moves due by the paused span', () => {
    // Prepare
    const reason = { code: 'awaiting-instructions', name: '等待上级指示', nameEn: 'Awaiting instructions' };
    const catalog = applyPolicyOverrides(defaultPolicies, [{ id: p.id, pauseReasons: [reason] }]);
    const pausable = getClockPolicy(catalog, p.id);
    const { state } = start(pausable, startedAt);

    // Act
    const refused = () =>
      pauseClock(start(p, startedAt).state, { at: startedAt + HOUR, reason: reason.code, by: 'u1' }, context(p));
    const paused = pauseClock(state, { at: startedAt + HOUR, reason: reason.code, by: 'u1' }, context(pausable));
    const resumed = resumeClock(paused.state, { at: startedAt + 3 * HOUR + 15 * MINUTE, by: 'u2' }, context(pausable));

    // Assess
    expect(refused).toThrow(ClockPauseError);
    expect(pausable.version).toBe(p.version + 1);
    expect(tickClock(paused.state, state.dueAt + 1).events).toEqual([]);
    expect(nextDueInstant(paused.state)).toBeNull();
    expect(resumed.state.dueAt).toBe(state.dueAt + 2 * HOUR + 15 * MINUTE);
    expect(resumed.state.pauses).toEqual([
      {
        id: 'p1',
        from: startedAt + HOUR,
        to: startedAt + 3 * HOUR + 15 * MINUTE,
        reason: reason.code,
        by: 'u1',
        resumedBy: 'u2',
      },
    ]);
    expect(names([...paused.events, ...resumed.events])).toEqual(['Clock.Paused', 'Clock.Resumed']);
  });

  it('refuses an extension (the policy allows none)', () => {
    // Prepare
    const { state } = start(p, startedAt);

    // Act + Assess
    expect(() =>
      extendClock(state, { by: 'PT1H', decidedBy: 'u1', role: 'mediator', reason: 'x', at: startedAt }, context(p)),
    ).toThrow(ClockExtensionError);
  });
});

describe('calendar-day clock (transfer.head-approval, P3D)', () => {
  const p = policy('transfer.head-approval');

  it('rolls over 国庆 to Oct 8, warns at 09:00 on the last working days, met at due, breached 1 ms later', () => {
    // Prepare
    const { state } = start(p, at('2026-09-28T10:00'));

    // Act
    const swept = sweep(state);

    // Assess
    expect(formatCityInstant(state.dueAt)).toBe('2026-10-08T23:59:59.999+08:00');
    expect(names(swept.events)).toEqual([
      'Warning D-2T09:00',
      'Warning D-1T09:00',
      'Warning D-0T09:00',
      'Clock.Breached',
    ]);
    expect(state.warningPlan.map((w) => formatCityInstant(w.at))).toEqual([
      '2026-09-29T09:00:00.000+08:00',
      '2026-09-30T09:00:00.000+08:00',
      '2026-10-08T09:00:00.000+08:00',
    ]);
    expect(meetClock(state, state.dueAt).state.metLate).toBe(false);
    expect(meetClock(state, state.dueAt + 1).state.metLate).toBe(true);
  });

  it('stops at a 调休 Saturday without rolling', () => {
    // Act
    const { state } = start(p, at('2026-10-07T10:00'));

    // Assess
    expect(formatCityInstant(state.dueAt)).toBe('2026-10-10T23:59:59.999+08:00');
  });

  it('counts into an unloaded 2027 provisionally (weekends only), and exactly once the 2027 file is loaded', () => {
    // Prepare
    const with2027 = loadCalendarOverride(fixture2027);

    // Act
    const provisional = start(p, at('2026-12-29T10:00')).state;
    const exact = start(p, at('2026-12-29T10:00'), undefined, with2027).state;

    // Assess: Jan 1 2027 is a Friday; the (test fixture) arrangement makes Jan 1–3 a holiday
    expect(formatCityInstant(provisional.dueAt)).toBe('2027-01-01T23:59:59.999+08:00');
    expect(provisional.provisionalYears).toEqual([2027]);
    expect(formatCityInstant(exact.dueAt)).toBe('2027-01-04T23:59:59.999+08:00');
    expect(exact.provisionalYears).toEqual([]);
  });
});

describe('working-day clock (integrity.verification, P10D, pausable)', () => {
  const p = policy('integrity.verification');

  it('skips 中秋, counts the 调休 Sunday, and re-counts the working days left after a pause', () => {
    // Prepare: 9/17, 18, 20 (调休), 21, 22, 23, 24, 28, 29, 30
    const { state } = start(p, at('2026-09-16T10:00'));

    // Act: paused 9/22 with 5 working days left; resumed 10/9 → 10/10 (调休), 12, 13, 14, 15
    const paused = pauseClock(
      state,
      { at: at('2026-09-22T10:00'), reason: 'awaiting-materials', by: 'u1' },
      context(p),
    );
    const resumed = resumeClock(paused.state, { at: at('2026-10-09T10:00'), by: 'u1' }, context(p));

    // Assess
    expect(formatCityInstant(state.dueAt)).toBe('2026-09-30T23:59:59.999+08:00');
    expect(formatCityInstant(resumed.state.dueAt)).toBe('2026-10-15T23:59:59.999+08:00');
    const resumedEvent = resumed.events[0];
    expect(resumedEvent?.type === 'Clock.Resumed' && resumedEvent.data.previousDueAt).toBe(state.dueAt);
    expect(meetClock(resumed.state, resumed.state.dueAt).state.metLate).toBe(false);
    expect(names(tickClock(resumed.state, resumed.state.dueAt + 1).events)).toContain('Clock.Breached');
  });

  it('is provisional for a start late in 2026, and final with the 2027 file', () => {
    // Act
    const provisional = start(p, at('2026-12-24T10:00')).state;
    const exact = start(p, at('2026-12-24T10:00'), undefined, loadCalendarOverride(fixture2027)).state;

    // Assess: 12/25, 28, 29, 30, 31, then 2027 Mon–Fri from 1/1 (provisional) or from 1/4 (fixture)
    expect(provisional.provisionalYears).toEqual([2027]);
    expect(formatCityInstant(provisional.dueAt)).toBe('2027-01-07T23:59:59.999+08:00');
    expect(formatCityInstant(exact.dueAt)).toBe('2027-01-08T23:59:59.999+08:00');
  });
});

describe('month clock (mediation.default, P1M, pausable, extendable)', () => {
  const p = policy('mediation.default');
  const mediator = { decidedBy: 'user-7', role: 'mediator', reason: '双方当事人同意延长' };

  it('is due at 24:00 of Feb 28 (a 调休 Saturday) for Jan 31, and re-counts the days left after a pause', () => {
    // Prepare
    const { state } = start(p, at('2026-01-31T10:00'));

    // Act
    const paused = pauseClock(state, { at: at('2026-02-10T09:00'), reason: 'parties-agree', by: 'u1' }, context(p));
    const resumed = resumeClock(paused.state, { at: at('2026-02-12T09:00'), by: 'u1' }, context(p));

    // Assess
    expect(formatCityInstant(state.dueAt)).toBe('2026-02-28T23:59:59.999+08:00');
    expect(formatCityInstant(resumed.state.dueAt)).toBe('2026-03-02T23:59:59.999+08:00');
  });

  it('extends once by at most a month for an allowed role, re-arming warnings still ahead', () => {
    // Prepare
    const { state } = start(p, at('2026-01-31T10:00'));
    const warned = tickClock(state, at('2026-02-27T10:00'));

    // Act
    const extended = extendClock(warned.state, { ...mediator, by: 'P1M', at: at('2026-02-27T12:00') }, context(p));

    // Assess
    expect(names(warned.events)).toEqual(['Warning D-2T09:00', 'Warning D-1T09:00']);
    // Mar 28 is a Saturday: the roll applies to the extended period's last day
    expect(formatCityInstant(extended.state.dueAt)).toBe('2026-03-30T23:59:59.999+08:00');
    expect(extended.state.warningsSent).toEqual([]);
    expect(nextDueInstant(extended.state)).toBe(at('2026-03-26T09:00'));
    expect(extended.state.extensions).toEqual([{ ...mediator, by: 'P1M', at: at('2026-02-27T12:00') }]);
  });

  it.each([
    [{ role: 'clerk' }, 'may not extend'],
    [{ by: 'P2M' }, 'at most P1M in total'],
    [{ by: 'P10D' }, 'does not fit months'],
  ])('refuses an extension %j', (change, message) => {
    // Prepare
    const { state } = start(p, at('2026-01-31T10:00'));

    // Act
    const attempt = () =>
      extendClock(state, { ...mediator, by: 'P1M', at: at('2026-02-01T10:00'), ...change }, context(p));

    // Assess
    expect(attempt).toThrow(ClockExtensionError);
    expect(attempt).toThrow(message);
  });

  it('refuses a second extension (maxTimes 1)', () => {
    // Prepare
    const { state } = start(p, at('2026-01-31T10:00'));
    const once = extendClock(state, { ...mediator, by: 'P1M', at: at('2026-02-01T10:00') }, context(p)).state;

    // Act + Assess
    expect(() => extendClock(once, { ...mediator, by: 'P1M', at: at('2026-02-02T10:00') }, context(p))).toThrow(
      'at most 1 time',
    );
  });

  it('is met while paused, recorded as such, closing the pause', () => {
    // Prepare
    const { state } = start(p, at('2026-01-31T10:00'));
    const paused = pauseClock(
      state,
      { at: at('2026-02-27T10:00'), reason: 'parties-agree', by: 'u1' },
      context(p),
    ).state;

    // Act
    const met = meetClock(paused, at('2026-03-15T10:00'));

    // Assess
    expect(met.state).toMatchObject({ status: 'met', metLate: false, metWhilePaused: true });
    expect(met.events.at(-1)).toMatchObject({ type: 'Clock.Met', data: { late: false, whilePaused: true } });
    expect(met.state.pauses.at(-1)?.to).toBe(at('2026-03-15T10:00'));
  });
});

describe('commands a clock refuses', () => {
  const p = policy('mediation.default');
  const running = () => start(p, at('2026-01-31T10:00')).state;
  const pause = { reason: 'parties-agree', by: 'u' };

  it.each([
    ['resume a running clock', (s: ClockState) => resumeClock(s, { at: s.startedAt, by: 'u' }, context(p))],
    ['pause before the start', (s: ClockState) => pauseClock(s, { at: s.startedAt - 1, ...pause }, context(p))],
    ['pause past due', (s: ClockState) => pauseClock(s, { at: s.dueAt + 1, ...pause }, context(p))],
    ['pause without a reason', (s: ClockState) => pauseClock(s, { at: s.startedAt, by: 'u', reason: ' ' }, context(p))],
    ['meet before the start', (s: ClockState) => meetClock(s, s.startedAt - 1)],
    ['meet twice', (s: ClockState) => meetClock(meetClock(s, s.startedAt).state, s.startedAt)],
    [
      'meet a cancelled clock',
      (s: ClockState) => meetClock(cancelClock(s, { at: s.startedAt, reason: '撤回' }).state, s.dueAt),
    ],
    [
      'run under another policy',
      (s: ClockState) => pauseClock(s, { at: s.startedAt, ...pause }, context(policy('integrity.verification'))),
    ],
    ['tick at a non-integer instant', (s: ClockState) => tickClock(s, 1.5)],
  ])('refuses to %s', (_label, command) => {
    // Act + Assess
    expect(() => command(running())).toThrow(ClockTransitionError);
  });

  it('cancels a running clock, after which nothing fires', () => {
    // Prepare
    const state = running();

    // Act
    const cancelled = cancelClock(state, { at: at('2026-02-01T10:00'), reason: '当事人撤回申请' });

    // Assess
    expect(names(cancelled.events)).toEqual(['Clock.Cancelled']);
    expect(cancelled.state).toMatchObject({ status: 'cancelled', cancelReason: '当事人撤回申请' });
    expect(tickClock(cancelled.state, state.dueAt + 1).events).toEqual([]);
    expect(nextDueInstant(cancelled.state)).toBeNull();
  });

  it('judges lateness by the milestone instant, even when recorded after the breach fired', () => {
    // Prepare
    const breached = tickClock(running(), at('2026-03-01T00:00')).state;

    // Act
    const met = meetClock(breached, breached.dueAt);

    // Assess
    expect(breached.status).toBe('breached');
    expect(met.state).toMatchObject({ status: 'met', metLate: false, breachedAt: breached.dueAt + 1 });
    expect(names(met.events)).toEqual(['Clock.Met']);
  });
});

describe('clock properties', () => {
  const policies = [
    ...OPINION_POLICIES,
    policy('transfer.head-approval'),
    policy('transfer.to-police'),
    policy('integrity.verification'),
    policy('mediation.default'),
    policy('recommendation.procuratorial-reply'),
  ];
  const startedAt = fc.integer({ min: at('2026-01-01'), max: at('2026-09-30') });
  const offset = fc.integer({ min: -HOUR, max: 70 * 24 * HOUR });

  function versionsAreConsecutive(initial: number, events: readonly ClockEvent[]): void {
    events.forEach((event, index) => {
      expect(event.data.version).toBe(initial + index + 1);
    });
  }

  it('warns before due: a punctual sweeper fires each warning once, in order, before dueAt, then one breach', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), startedAt, (p, t0) => {
        // Prepare
        const { state, events } = start(p, t0);

        // Act
        const swept = sweep(state);

        // Assess
        const warnings = swept.events.filter((event) => event.type === 'Clock.WarningDue');
        for (const warning of warnings) expect(warning.data.firedAt).toBeLessThan(state.dueAt);
        expect(warnings.map((w) => w.data.firedAt)).toEqual(
          [...warnings.map((w) => w.data.firedAt)].sort((a, b) => a - b),
        );
        expect(names(swept.events).filter((n) => n === 'Clock.Breached')).toHaveLength(1);
        expect(swept.events.at(-1)?.type).toBe('Clock.Breached');
        expect(warnings.length + state.warningsSkipped.length + state.warningsSent.length).toBe(
          state.warningPlan.length,
        );
        versionsAreConsecutive(0, [...events, ...swept.events]);
      }),
      { numRuns: 200 },
    );
  });

  it('is idempotent: ticking twice at the same now emits nothing the second time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), startedAt, offset, offset, (p, t0, createdAfter, tickAfter) => {
        // Prepare
        const { state } = start(p, t0, t0 + Math.max(0, createdAfter));

        // Act
        const first = tickClock(state, t0 + tickAfter);
        const second = tickClock(first.state, t0 + tickAfter);

        // Assess
        expect(second.events).toEqual([]);
        expect(second.state).toEqual(first.state);
      }),
      { numRuns: 300 },
    );
  });

  it('never fires a warning or the breach twice, nor a warning after the breach, for any sequence of ticks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), startedAt, fc.array(offset, { maxLength: 12 }), (p, t0, ticks) => {
        // Prepare
        const started = start(p, t0);
        let state = started.state;
        const events = [...started.events];

        // Act
        for (const tick of ticks) {
          const result = tickClock(state, t0 + tick);
          state = result.state;
          events.push(...result.events);
        }

        // Assess
        const fired = names(events);
        expect(new Set(fired).size).toBe(fired.length);
        const breachIndex = fired.indexOf('Clock.Breached');
        if (breachIndex >= 0) expect(fired.slice(breachIndex + 1)).toEqual([]);
        versionsAreConsecutive(0, events);
        expect(state.version).toBe(events.length);
      }),
      { numRuns: 300 },
    );
  });

  type Command =
    | { kind: 'tick' | 'meet' | 'cancel'; after: number }
    | { kind: 'pause' | 'resume'; after: number; reason: string }
    | { kind: 'extend'; after: number; by: string; role: string };

  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({
      kind: fc.constantFrom('tick', 'meet', 'cancel'),
      after: fc.integer({ min: 0, max: 10 * 24 * HOUR }),
    }),
    fc.record({
      kind: fc.constantFrom('pause', 'resume'),
      after: fc.integer({ min: 0, max: 10 * 24 * HOUR }),
      reason: fc.constantFrom('parties-agree', 'awaiting-materials', 'no-such-reason'),
    }),
    fc.record({
      kind: fc.constant('extend'),
      after: fc.integer({ min: 0, max: 10 * 24 * HOUR }),
      by: fc.constantFrom('P1M', 'P2D', 'PT2H', 'P2M'),
      role: fc.constantFrom('mediator', 'clerk'),
    }),
  );

  function run(state: ClockState, c: Command, now: number, ctx: ClockContext): ClockTransition {
    if (c.kind === 'extend') {
      return extendClock(state, { by: c.by, role: c.role, decidedBy: 'u', reason: 'r', at: now }, ctx);
    }
    switch (c.kind) {
      case 'tick':
        return tickClock(state, now);
      case 'meet':
        return meetClock(state, now);
      case 'pause':
        return pauseClock(state, { at: now, reason: c.reason, by: 'u' }, ctx);
      case 'resume':
        return resumeClock(state, { at: now, reason: c.reason, by: 'u' }, ctx);
      case 'cancel':
        return cancelClock(state, { at: now, reason: '撤回' });
    }
  }

  it('keeps its invariants under any sequence of commands, failing only with ClockError', () => {
    const pausable = [
      policy('mediation.default'),
      policy('integrity.verification'),
      policy('mediation.court-delegated'),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pausable), startedAt, fc.array(command, { maxLength: 15 }), (p, t0, commands) => {
        // Prepare
        const started = start(p, t0);
        let state = started.state;
        let now = t0;
        const events = [...started.events];

        // Act
        for (const c of commands) {
          now += c.after;
          try {
            const result = run(state, c, now, context(p));
            state = result.state;
            events.push(...result.events);
          } catch (error) {
            expect(error).toBeInstanceOf(ClockError);
          }
        }

        // Assess
        const fired = names(events);
        versionsAreConsecutive(0, events);
        expect(fired.filter((n) => n === 'Clock.Breached').length).toBeLessThanOrEqual(1);
        expect(fired.filter((n) => n === 'Clock.Met' || n === 'Clock.Cancelled').length).toBeLessThanOrEqual(1);
        const last = fired.at(-1);
        if (state.status === 'met') expect(last).toBe('Clock.Met');
        if (state.status === 'cancelled') expect(last).toBe('Clock.Cancelled');
        expect(state.dueAt).toBeGreaterThan(state.startedAt);
        const open = state.pauses.filter((pause) => pause.to === undefined).length;
        expect(open > 0).toBe(state.status === 'paused');
        expect(new Set(state.pauses.filter((x) => x.to === undefined).map((x) => x.reason)).size).toBe(open);
        // The due is always what a fresh computation from the recorded history gives: no double roll.
        if (state.status === 'running' || state.status === 'breached')
          expect(state.dueAt).toBe(planDue(state, state, packagedCalendar).dueAt);
        const paused = fired.filter((n) => n === 'Clock.Paused').length;
        const resumed = fired.filter((n) => n === 'Clock.Resumed').length;
        expect(paused - resumed).toBe(
          open + state.pauses.filter((x) => x.resumedBy === 'met' || x.resumedBy === 'cancelled').length,
        );
        for (const pause of state.pauses)
          if (pause.to !== undefined) expect(pause.to).toBeGreaterThanOrEqual(pause.from);
      }),
      { numRuns: 300 },
    );
  });
});
