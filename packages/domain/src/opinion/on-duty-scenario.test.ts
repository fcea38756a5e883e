import { describe, expect, it } from 'vitest';
import {
  type AlertState,
  acknowledgeAlert,
  type EscalationPolicy,
  type Roster,
  raiseForClock,
  resolveAlert,
  tickAlert,
} from '../alerts/index';
import { openIncident, recordMilestone } from './incident-state';
import { deps, HOUR, incident, MIN, NOW } from './test-fixtures';

// The scenario of issue 3, across both aggregates, as the handlers will drive them.

const roster: Roster = {
  departmentId: 'propaganda',
  head: 'propaganda.head',
  shifts: [
    {
      id: 'day',
      startsAt: NOW - 6 * HOUR,
      endsAt: NOW + 6 * HOUR,
      officer: 'propaganda.duty',
      leader: 'propaganda.leader',
    },
  ],
  version: 1,
};
const escalation: EscalationPolicy = { ackWindowMs: 10 * MIN, remindEveryMs: 30 * MIN };

describe('issue 3: a level Ⅱ incident reported 4 h 50 min after it happened', () => {
  it('runs from late report through breach, escalation and acknowledgement to the milestone', () => {
    // Prepare: open the incident now.
    const occurredAt = NOW - 4 * HOUR - 50 * MIN;
    const opened = openIncident(incident({ level: 'II', occurredAt, discoveredAt: NOW - 20 * MIN }), NOW, deps());
    const release = opened.clocksToStart.find((c) => c.kind === 'release')!;
    const press = opened.clocksToStart.find((c) => c.kind === 'press-conference')!;
    const clockInfo = (id: string, late: { reason: 'warning' | 'breach'; warning?: string }) => ({
      id,
      clockId: release.clockId,
      clockKind: release.kind,
      label: '权威发布',
      subject: { type: 'opinion-incident', id: opened.state.id, title: opened.state.title },
      departmentId: 'propaganda',
      dueAt: release.dueAt,
      ...late,
    });

    // Assess: the deadlines count from the occurrence, and the late report is flagged.
    expect(release.dueAt).toBe(occurredAt + 5 * HOUR);
    expect(press.dueAt).toBe(occurredAt + 24 * HOUR);
    expect(opened.reportedLate).toEqual([expect.objectContaining({ clockId: release.clockId, warning: 'PT30M' })]);

    // Act: the service alerts at once; the officer acknowledges the warning.
    const late = opened.reportedLate[0]!;
    let warning = raiseForClock(undefined, clockInfo('alert-w', late), roster, NOW, escalation).raised!;
    warning = acknowledgeAlert(warning, { username: 'propaganda.duty', roles: ['duty-officer'] }, NOW + 2 * MIN).state;

    // Act: the release is not out in time; the sweeper reports the breach at due + 1 ms.
    const breachAt = release.dueAt + 1;
    const breach = raiseForClock(warning, clockInfo('alert-b', { reason: 'breach' }), roster, breachAt, escalation);
    let alert: AlertState = breach.raised!;

    // Assess: the warning alert is superseded; the breach alert goes to the on-duty officer.
    expect(breach.superseded).toMatchObject({ id: 'alert-w', status: 'resolved', resolution: 'superseded' });
    expect(alert).toMatchObject({ level: 'officer', recipients: ['propaganda.duty'], reason: 'breach' });

    // Act: nobody acknowledges for 10 minutes.
    const quiet = tickAlert(alert, breachAt + 10 * MIN - 1, roster);
    const escalated = tickAlert(alert, breachAt + 10 * MIN, roster);
    alert = escalated.state;

    // Assess: it escalates to the leader on duty.
    expect(quiet.events).toEqual([]);
    expect(escalated.events.map((e) => e.type)).toEqual(['Alert.Escalated']);
    expect(alert).toMatchObject({ level: 'leader', recipients: ['propaganda.leader'] });

    // Act: the leader acknowledges; the sweeper keeps running.
    alert = acknowledgeAlert(
      alert,
      { username: 'propaganda.leader', roles: ['duty-leader'] },
      breachAt + 12 * MIN,
    ).state;
    const afterAck = tickAlert(alert, breachAt + 25 * MIN, roster);

    // Assess: no further escalation.
    expect(afterAck.events).toEqual([]);
    expect(alert.escalations).toHaveLength(1);

    // Act: the authoritative release goes out and is recorded; the clock is met and the alert resolved.
    const releasedAt = breachAt + 20 * MIN;
    const milestone = recordMilestone(
      opened.state,
      {
        kind: 'release',
        at: releasedAt,
        channel: '市政府门户网站',
        evidenceUrl: 'https://www.example.gov.cn/xw/2026/1122.html',
        by: 'propaganda.duty',
      },
      breachAt + 30 * MIN,
    );
    const met = milestone.clocksMet[0]!;
    const resolved = resolveAlert(alert, breachAt + 30 * MIN, 'clock-met');

    // Assess
    expect(met).toMatchObject({ clockId: release.clockId, metAt: releasedAt, late: true });
    expect(resolved.state).toMatchObject({ status: 'resolved', resolution: 'clock-met', nextActionAt: null });
    expect(tickAlert(resolved.state, breachAt + 2 * HOUR, roster).events).toEqual([]);
    expect(milestone.state.clocks.map((c) => [c.kind, c.status])).toEqual([
      ['release', 'met'],
      ['press-conference', 'running'],
    ]);
  });
});
