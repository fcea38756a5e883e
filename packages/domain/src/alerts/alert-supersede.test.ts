import { describe, expect, it } from 'vitest';
import { acknowledgeAlert, raiseAlert, resolveAlert, tickAlert } from './alert-state';
import { alarmUrgency, raiseForClock } from './alert-supersede';
import { alarm, ESCALATION, HOUR, MIN, roster, T0 } from './test-fixtures';

const at = T0 + HOUR;
const warning = (w: string, id: string) => alarm({ id, reason: 'warning', warning: w });

describe('alarmUrgency', () => {
  it('ranks the breach above every warning and nearer warnings above farther ones', () => {
    // Act
    const ranks = ['PT2H', 'PT1H', 'PT30M'].map((w) => alarmUrgency({ reason: 'warning', warning: w }));
    // Assess
    expect(ranks[0]!).toBeLessThan(ranks[1]!);
    expect(ranks[1]!).toBeLessThan(ranks[2]!);
    expect(ranks[2]!).toBeLessThan(alarmUrgency({ reason: 'breach' }));
  });
});

describe('raiseForClock', () => {
  it('raises the first alert of a clock', () => {
    // Act
    const out = raiseForClock(undefined, warning('PT2H', 'a1'), roster, at, ESCALATION);
    // Assess
    expect(out.outcome).toBe('raised');
    expect(out.raised?.level).toBe('officer');
  });

  it('supersedes an acknowledged alert with a more urgent alarm, starting again at the officer', () => {
    // Prepare
    const first = raiseAlert(warning('PT2H', 'a1'), roster, at, ESCALATION).state;
    const acked = acknowledgeAlert(first, { username: 'propaganda.duty', roles: [] }, at + MIN).state;
    // Act
    const out = raiseForClock(acked, warning('PT1H', 'a2'), roster, at + HOUR, ESCALATION);
    // Assess
    expect(out.outcome).toBe('superseded');
    expect(out.superseded).toMatchObject({ id: 'a1', status: 'resolved', resolution: 'superseded' });
    expect(out.raised).toMatchObject({ id: 'a2', level: 'officer', warning: 'PT1H' });
    expect(out.events.map((e) => e.type)).toEqual(['Alert.Resolved', 'Alert.Raised']);
  });

  it('keeps the level an unanswered alert had reached', () => {
    // Prepare
    const first = raiseAlert(warning('PT1H', 'a1'), roster, at, ESCALATION).state;
    const escalated = tickAlert(first, at + 10 * MIN, roster).state;
    // Act: within the leader's window
    const out = raiseForClock(escalated, alarm({ id: 'a2' }), roster, at + 15 * MIN, ESCALATION);
    // Assess
    expect(out.raised).toMatchObject({ level: 'leader', recipients: ['propaganda.leader'], reason: 'breach' });
  });

  it('does not skip the escalation an unanswered alert was owed when time jumps past its window', () => {
    // Prepare: the 2 h warning reaches the officer; nobody answers; the clock jumps one hour, so the
    // officer's acknowledgement window ran out 50 minutes ago and the sweep never had a chance to escalate.
    const first = raiseAlert(warning('PT2H', 'a1'), roster, at, ESCALATION).state;
    // Act: the 1 h warning arrives first after the jump
    const out = raiseForClock(first, warning('PT1H', 'a2'), roster, at + HOUR, ESCALATION);
    // Assess: the replacement goes one level up, as the sweep would have done
    expect(out.outcome).toBe('superseded');
    expect(out.raised).toMatchObject({ level: 'leader', recipients: ['propaganda.leader'] });
  });

  it('starts a replacement at the same level while the unanswered alert is still inside its window', () => {
    // Prepare
    const first = raiseAlert(warning('PT30M', 'a1'), roster, at, ESCALATION).state;
    // Act: the breach comes nine minutes later, one minute before the officer's window closes
    const out = raiseForClock(first, alarm({ id: 'a2' }), roster, at + 9 * MIN, ESCALATION);
    // Assess
    expect(out.raised).toMatchObject({ level: 'officer', recipients: ['propaganda.duty'] });
  });

  it('ignores duplicates, late older warnings and alarms of a clock already met', () => {
    // Prepare
    const current = raiseAlert(warning('PT1H', 'a1'), roster, at, ESCALATION).state;
    const met = resolveAlert(current, at + MIN, 'clock-met').state;
    // Act
    const outcomes = [
      raiseForClock(current, warning('PT1H', 'a9'), roster, at + MIN, ESCALATION),
      raiseForClock(current, warning('PT2H', 'a8'), roster, at + MIN, ESCALATION),
      raiseForClock(met, alarm({ id: 'a7' }), roster, at + 2 * MIN, ESCALATION),
    ];
    // Assess
    expect(outcomes.map((o) => [o.outcome, o.events.length])).toEqual([
      ['ignored', 0],
      ['ignored', 0],
      ['ignored', 0],
    ]);
  });

  it('raises afresh after a manually resolved alert when a more urgent alarm comes', () => {
    // Prepare
    const manual = resolveAlert(raiseAlert(warning('PT1H', 'a1'), roster, at, ESCALATION).state, at, 'manual').state;
    // Act
    const out = raiseForClock(manual, alarm({ id: 'a2' }), roster, at + HOUR, ESCALATION);
    // Assess
    expect(out.outcome).toBe('raised');
    expect(out.events.map((e) => e.type)).toEqual(['Alert.Raised']);
  });

  it('refuses to compare alarms of different clocks', () => {
    // Prepare
    const current = raiseAlert(warning('PT1H', 'a1'), roster, at, ESCALATION).state;
    // Act / Assess
    expect(() => raiseForClock(current, alarm({ id: 'a2', clockId: 'other' }), roster, at, ESCALATION)).toThrow(
      expect.objectContaining({ code: 'CLOCK_MISMATCH' }),
    );
  });
});
