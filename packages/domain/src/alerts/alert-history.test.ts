import { describe, expect, it } from 'vitest';
import { alertHistory } from './alert-history';
import { acknowledgeAlert, raiseAlert, resolveAlert, tickAlert } from './alert-state';
import { alarm, ESCALATION, MIN, roster, T0 } from './test-fixtures';

describe('alertHistory', () => {
  it('tells an alert’s life in order: raised, notified, escalated, acknowledged, resolved', () => {
    // Prepare: raised to the officer, unanswered for ten minutes, escalated, acknowledged by the leader, met
    const raised = raiseAlert(alarm({ id: 'a1' }), roster, T0, ESCALATION).state;
    const escalated = tickAlert(raised, T0 + 10 * MIN, roster).state;
    const acked = acknowledgeAlert(escalated, { username: 'propaganda.leader', roles: [] }, T0 + 12 * MIN).state;
    const met = resolveAlert(acked, T0 + 20 * MIN, 'clock-met').state;
    const notifications = [
      {
        at: T0 + 10 * MIN + 1,
        channel: 'sns',
        detailType: 'Alert.Escalated',
        recipients: ['propaganda.leader'],
        outcome: 'failed' as const,
        error: 'TimeoutError',
      },
      {
        at: T0 + 1,
        channel: 'sns',
        detailType: 'Alert.Raised',
        recipients: ['propaganda.duty'],
        outcome: 'sent' as const,
      },
    ];
    // Act
    const history = alertHistory(met, notifications);
    // Assess
    expect(history.map((e) => [e.at - T0, e.kind])).toEqual([
      [0, 'raised'],
      [1, 'notified'],
      [10 * MIN, 'escalated'],
      [10 * MIN + 1, 'notified'],
      [12 * MIN, 'acknowledged'],
      [20 * MIN, 'resolved'],
    ]);
    expect(history[0]).toMatchObject({ level: 'officer', recipients: ['propaganda.duty'] });
    expect(history[2]).toMatchObject({ from: 'officer', level: 'leader', recipients: ['propaganda.leader'] });
    expect(history[3]).toMatchObject({ channel: 'sns', outcome: 'failed', error: 'TimeoutError' });
    expect(history[4]).toMatchObject({ by: 'propaganda.leader' });
    expect(history[5]).toMatchObject({ resolution: 'clock-met' });
  });
});
