import { describe, expect, it } from 'vitest';
import { AlertError } from './alert-error';
import { acknowledgeAlert, raiseAlert, resolveAlert, tickAlert } from './alert-state';
import { alarm, ESCALATION, HOUR, MIN, roster, T0 } from './test-fixtures';

const at = T0 + 2 * HOUR + 1;

function raised() {
  return raiseAlert(alarm(), roster, at, ESCALATION).state;
}

describe('raiseAlert', () => {
  it('alerts the on-duty officer and sets the acknowledgement deadline', () => {
    // Act
    const { state, events } = raiseAlert(alarm(), roster, at, ESCALATION);
    // Assess
    expect(state).toMatchObject({
      level: 'officer',
      recipients: ['propaganda.duty'],
      status: 'open',
      raisedAt: at,
      nextActionAt: at + 10 * MIN,
      version: 1,
    });
    expect(events).toEqual([
      {
        type: 'Alert.Raised',
        data: expect.objectContaining({ alertId: 'alert-1', level: 'officer', recipients: ['propaganda.duty'] }),
      },
    ]);
  });

  it('goes to the head when no shift is on duty, and starts at the head level', () => {
    // Act
    const { state } = raiseAlert(alarm(), roster, T0 - HOUR, ESCALATION);
    // Assess
    expect(state).toMatchObject({ level: 'head', recipients: ['propaganda.head'] });
  });

  it('refuses an escalation policy that would never wait', () => {
    // Act / Assess
    expect(() => raiseAlert(alarm(), roster, at, { ackWindowMs: 0, remindEveryMs: MIN })).toThrow(
      expect.objectContaining({ code: 'INVALID_ESCALATION' }),
    );
  });
});

describe('tickAlert', () => {
  it('does nothing before the acknowledgement window ends', () => {
    // Prepare
    const state = raised();
    // Act
    const result = tickAlert(state, at + 10 * MIN - 1, roster);
    // Assess
    expect(result.state).toBe(state);
    expect(result.events).toEqual([]);
  });

  it('escalates officer → leader → head, one level per elapsed window', () => {
    // Prepare
    const state = raised();
    // Act
    const first = tickAlert(state, at + 10 * MIN, roster);
    const early = tickAlert(first.state, at + 15 * MIN, roster);
    const second = tickAlert(first.state, at + 20 * MIN, roster);
    // Assess
    expect(first.events.map((e) => e.type)).toEqual(['Alert.Escalated']);
    expect(first.state).toMatchObject({ level: 'leader', recipients: ['propaganda.leader'], version: 2 });
    expect(early.events).toEqual([]);
    expect(second.state.level).toBe('head');
    expect(second.state.escalations.map((e) => [e.from, e.to])).toEqual([
      ['officer', 'leader'],
      ['leader', 'head'],
    ]);
    expect(second.state.notified).toEqual(['propaganda.duty', 'propaganda.leader', 'propaganda.head']);
  });

  it('keeps reminding the head every ack window once there is nowhere higher', () => {
    // Prepare
    let state = raised();
    state = tickAlert(state, at + 10 * MIN, roster).state;
    state = tickAlert(state, at + 20 * MIN, roster).state;
    // Act
    const reminder = tickAlert(state, at + 30 * MIN, roster);
    // Assess
    expect(reminder.events).toEqual([
      {
        type: 'Alert.Reminded',
        data: expect.objectContaining({ level: 'head', recipients: ['propaganda.head'], acknowledged: false }),
      },
    ]);
    expect(reminder.state.nextActionAt).toBe(at + 40 * MIN);
  });

  it('follows the shift hand-over when it escalates', () => {
    // Prepare: raised just before the night shift starts.
    const state = raiseAlert(alarm(), roster, T0 + 12 * HOUR - MIN, ESCALATION).state;
    // Act
    const { state: next } = tickAlert(state, T0 + 12 * HOUR + 9 * MIN, roster);
    // Assess
    expect(next.recipients).toEqual(['night.leader']);
  });

  it('reminds an acknowledged alert every remindEvery, including the one who acknowledged', () => {
    // Prepare
    const acked = acknowledgeAlert(raised(), { username: 'propaganda.duty', roles: ['duty-officer'] }, at + MIN).state;
    // Act
    const quiet = tickAlert(acked, at + 30 * MIN, roster);
    const reminder = tickAlert(acked, at + 31 * MIN, roster);
    // Assess
    expect(quiet.events).toEqual([]);
    expect(reminder.events[0]?.type).toBe('Alert.Reminded');
    expect(reminder.state).toMatchObject({
      level: 'officer',
      remindedAt: [at + 31 * MIN],
      nextActionAt: at + 61 * MIN,
    });
  });
});

describe('acknowledgeAlert', () => {
  it('stops escalation', () => {
    // Prepare
    const state = raised();
    // Act
    const acked = acknowledgeAlert(state, { username: 'propaganda.duty', roles: ['duty-officer'] }, at + 5 * MIN);
    const later = tickAlert(acked.state, at + 10 * MIN, roster);
    // Assess
    expect(acked.state).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'propaganda.duty', version: 2 });
    expect(acked.events.map((e) => e.type)).toEqual(['Alert.Acknowledged']);
    expect(later.events).toEqual([]);
  });

  it('is idempotent: a second acknowledgement adds nothing', () => {
    // Prepare
    const acked = acknowledgeAlert(raised(), { username: 'propaganda.duty', roles: [] }, at + MIN).state;
    // Act
    const again = acknowledgeAlert(acked, { username: 'admin', roles: ['admin'] }, at + 2 * MIN);
    // Assess
    expect(again.state).toBe(acked);
    expect(again.events).toEqual([]);
  });

  it('lets a past recipient, an admin or the department head acknowledge', () => {
    // Prepare
    const escalated = tickAlert(raised(), at + 10 * MIN, roster).state;
    const actors = [
      { username: 'propaganda.duty', roles: [] },
      { username: 'root', roles: ['admin'] },
      { username: 'deputy.head', roles: ['dept-head'], departmentId: 'propaganda' },
    ];
    // Act
    const results = actors.map((a) => acknowledgeAlert(escalated, a, at + 11 * MIN).state.acknowledgedBy);
    // Assess
    expect(results).toEqual(['propaganda.duty', 'root', 'deputy.head']);
  });

  it('refuses anyone else, including the head of another department', () => {
    // Prepare
    const state = raised();
    // Act / Assess
    for (const actor of [
      { username: 'propaganda.leader', roles: ['duty-leader'], departmentId: 'propaganda' },
      { username: 'emergency.head', roles: ['dept-head'], departmentId: 'emergency' },
    ]) {
      expect(() => acknowledgeAlert(state, actor, at + MIN)).toThrow(
        expect.objectContaining({ code: 'NOT_A_RECIPIENT', kind: 'forbidden' }),
      );
    }
  });

  it('answers a conflict on a resolved alert', () => {
    // Prepare
    const resolved = resolveAlert(raised(), at + MIN, 'clock-met').state;
    // Act / Assess
    expect(() => acknowledgeAlert(resolved, { username: 'propaganda.duty', roles: [] }, at + 2 * MIN)).toThrow(
      expect.objectContaining({ code: 'ALREADY_RESOLVED', kind: 'conflict' }),
    );
  });

  it('refuses an instant before the alert existed', () => {
    // Act / Assess
    expect(() => acknowledgeAlert(raised(), { username: 'propaganda.duty', roles: [] }, at - 1)).toThrow(AlertError);
  });
});

describe('resolveAlert', () => {
  it('ends the alert and clears the sweeper deadline; a second resolve adds nothing', () => {
    // Prepare
    const state = raised();
    // Act
    const resolved = resolveAlert(state, at + 3 * MIN, 'clock-met');
    const again = resolveAlert(resolved.state, at + 4 * MIN, 'manual');
    const tick = tickAlert(resolved.state, at + HOUR, roster);
    // Assess
    expect(resolved.state).toMatchObject({ status: 'resolved', resolution: 'clock-met', nextActionAt: null });
    expect(resolved.events.map((e) => e.type)).toEqual(['Alert.Resolved']);
    expect(again.state).toBe(resolved.state);
    expect(again.events).toEqual([]);
    expect(tick.events).toEqual([]);
  });

  it('never dates the resolution before the alert’s own history', () => {
    // Prepare
    const escalated = tickAlert(raised(), at + 10 * MIN, roster).state;
    // Act
    const { state } = resolveAlert(escalated, at - HOUR, 'clock-met');
    // Assess
    expect(state.resolvedAt).toBe(at + 10 * MIN);
  });
});
