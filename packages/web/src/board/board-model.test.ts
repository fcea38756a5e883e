import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChinaIso } from '../time/china-time';
import { byUrgency, clockState, isActive, lookOf, recentlyFinished, sortAlerts, warnedAheadMs } from './board-model';
import { aClock, anAlert, MIN, T0 } from './test-data';

describe('clockState', () => {
  it('counts down, then negative after the deadline', () => {
    // Prepare
    const clock = aClock({ dueInMs: 10 * MIN });

    // Act
    const before = clockState(clock, T0);
    const after = clockState(clock, T0 + 15 * MIN);

    // Assess
    expect(before).toEqual({ kind: 'active', remainingMs: 10 * MIN, urgency: 'urgent', paused: false });
    expect(after).toMatchObject({ kind: 'active', remainingMs: -5 * MIN, urgency: 'breached' });
  });

  it('trusts the server saying breached even if the local estimate is a moment early', () => {
    expect(clockState(aClock({ dueInMs: 500, status: 'breached' }), T0)).toMatchObject({ urgency: 'breached' });
  });

  it('reports a met clock as on time or late by how much', () => {
    const onTime = aClock({ dueInMs: 10 * MIN, status: 'met', metAt: toChinaIso(T0) });
    const late = aClock({ dueInMs: 10 * MIN, status: 'breached', metAt: toChinaIso(T0 + 22 * MIN) });
    expect(clockState(onTime, T0)).toEqual({ kind: 'met', onTime: true, lateByMs: 0 });
    expect(clockState(late, T0)).toEqual({ kind: 'met', onTime: false, lateByMs: 12 * MIN });
    expect(lookOf(clockState(late, T0))).toBe('met-late');
    expect(lookOf(clockState(onTime, T0))).toBe('met');
  });

  it('shows a paused clock as paused, not by its urgency', () => {
    expect(lookOf(clockState(aClock({ status: 'paused', dueInMs: MIN }), T0))).toBe('paused');
  });
});

describe('byUrgency', () => {
  it('keeps only clocks that still ask for action, furthest overdue first, paused last', () => {
    // Prepare
    const overdue = aClock({ dueInMs: -20 * MIN, status: 'breached' });
    const soon = aClock({ dueInMs: 10 * MIN });
    const later = aClock({ dueInMs: 20 * 60 * MIN });
    const paused = aClock({ dueInMs: -60 * MIN, status: 'paused' });
    const met = aClock({ dueInMs: -MIN, status: 'met', metAt: toChinaIso(T0) });
    const cancelled = aClock({ status: 'cancelled' });

    // Act
    const sorted = byUrgency([later, paused, met, soon, cancelled, overdue]);

    // Assess
    expect(sorted.map((c) => c.id)).toEqual([overdue.id, soon.id, later.id, paused.id]);
  });

  it('orders any set of running clocks by due time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }), (dues) => {
        const sorted = byUrgency(dues.map((d) => aClock({ dueInMs: d * MIN })));
        const times = sorted.map((c) => Date.parse(c.dueAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(sorted).toHaveLength(dues.length);
      }),
    );
  });
});

describe('recentlyFinished', () => {
  it('lists clocks met or cancelled within the window, newest first', () => {
    // Prepare
    const metLate = aClock({ dueInMs: -30 * MIN, status: 'breached', metAt: toChinaIso(T0 - 5 * MIN) });
    const metEarlier = aClock({ dueInMs: 0, status: 'met', metAt: toChinaIso(T0 - 60 * MIN) });
    const longAgo = aClock({ dueInMs: -48 * 60 * MIN, status: 'met', metAt: toChinaIso(T0 - 24 * 60 * MIN) });
    const running = aClock();

    // Act
    const finished = recentlyFinished([metEarlier, running, longAgo, metLate], T0);

    // Assess
    expect(finished.map((c) => c.id)).toEqual([metLate.id, metEarlier.id]);
    expect(isActive(running)).toBe(true);
  });
});

describe('sortAlerts', () => {
  it('puts breaches first, then higher escalation, then the nearest deadline', () => {
    // Prepare
    const warning = anAlert({ reason: 'warning', warning: 'PT30M', dueAt: toChinaIso(T0 + MIN) });
    const breachOfficer = anAlert({ level: 'officer', dueAt: toChinaIso(T0 - MIN) });
    const breachLeader = anAlert({ level: 'leader', dueAt: toChinaIso(T0 + MIN) });
    const breachOlderDue = anAlert({ level: 'officer', dueAt: toChinaIso(T0 - 10 * MIN) });

    // Act
    const sorted = sortAlerts([warning, breachOfficer, breachLeader, breachOlderDue]);

    // Assess
    expect(sorted.map((a) => a.id)).toEqual([breachLeader.id, breachOlderDue.id, breachOfficer.id, warning.id]);
  });
});

describe('warnedAheadMs', () => {
  it('tells how long before due the warning really went out, not the policy step', () => {
    // Prepare: the 30-minute step of a clock that was started with nine minutes left
    const late = anAlert({
      reason: 'warning',
      warning: 'PT30M',
      raisedAt: toChinaIso(T0),
      dueAt: toChinaIso(T0 + 9 * MIN),
    });
    const onTime = anAlert({
      reason: 'warning',
      warning: 'PT30M',
      raisedAt: toChinaIso(T0),
      dueAt: toChinaIso(T0 + 30 * MIN),
    });
    // Act / Assess
    expect(warnedAheadMs(late)).toBe(9 * MIN);
    expect(warnedAheadMs(onTime)).toBe(30 * MIN);
    expect(warnedAheadMs(anAlert({ reason: 'breach' }))).toBeUndefined();
  });
});
