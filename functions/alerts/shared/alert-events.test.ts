import {
  type AlertState,
  acknowledgeAlert,
  raiseAlert,
  resolveAlert,
  tickAlert,
} from '@fazhi/domain/alerts/alert-state';
import type { Roster } from '@fazhi/domain/alerts/roster';
import { ManualClock } from '@fazhi/domain/clock';
import { detailSchemaOf, findCatalogEntry } from '@fazhi/events/catalog';
import { type NewEvent, newEventItem } from '@fazhi/platform/ddb/outbox';
import { idFactory } from '@fazhi/platform/deps';
import { describe, expect, it } from 'vitest';
import { alertEventOf } from './alert-events';

const MIN = 60_000;
const T0 = Date.parse('2026-11-22T15:00:00.001+08:00');
const escalation = { ackWindowMs: 10 * MIN, remindEveryMs: 30 * MIN };
const roster: Roster = {
  departmentId: 'propaganda',
  head: 'propaganda.head',
  shifts: [
    {
      id: 'day',
      startsAt: T0 - 7 * 60 * MIN,
      endsAt: T0 + 5 * 60 * MIN,
      officer: 'propaganda.duty',
      leader: 'propaganda.leader',
    },
  ],
  version: 1,
};
const input = {
  id: '01KJVTAXC0VDCDM9Q97T1WPBEB',
  clockId: '01KJRPRW80Z9MRYBX3PC4HQV7A',
  clockKind: 'release',
  label: '权威发布',
  subject: { type: 'opinion-incident', id: '01KJRPRW80Z9MRYBX3PC4HQV79', title: '城东高架危化品运输车侧翻' },
  departmentId: 'propaganda',
  dueAt: T0 - 1,
  reason: 'breach' as const,
};

/** An alert's whole life: raised, escalated, acknowledged by the head, reminded, resolved. */
function lifeEvents(r: Roster | undefined): NewEvent[] {
  const out: NewEvent[] = [];
  const step = (x: { state: AlertState; events: Parameters<typeof alertEventOf>[0][] }) => {
    out.push(...x.events.map((e) => alertEventOf(e, x.state, 'corr-1')));
    return x.state;
  };
  let s = step(raiseAlert(input, r, T0, escalation));
  s = step(tickAlert(s, T0 + 10 * MIN, r));
  s = step(
    acknowledgeAlert(
      s,
      { username: 'propaganda.head', roles: ['dept-head'], departmentId: 'propaganda' },
      T0 + 12 * MIN,
    ),
  );
  s = step(tickAlert(s, T0 + 42 * MIN, r));
  step(resolveAlert(s, T0 + 50 * MIN, 'clock-met'));
  return out;
}

const clock = new ManualClock(T0);

describe('alert events in the catalog’s wire form', () => {
  it('publishes every step of an alert’s life as a valid catalog event', () => {
    // Act
    const events = lifeEvents(roster);
    // Assess
    expect(events.map((e) => e.detailType)).toEqual([
      'Alert.Raised',
      'Alert.Escalated',
      'Alert.Acknowledged',
      'Alert.Reminded',
      'Alert.Resolved',
    ]);
    for (const e of events) {
      const detail = newEventItem({ clock, newId: idFactory(clock) }, e).detail;
      const parsed = detailSchemaOf(findCatalogEntry(e.detailType)!).safeParse(detail);
      expect(parsed.error?.issues ?? [], e.detailType).toEqual([]);
    }
    expect(events[1]!.data).toMatchObject({ level: 'leader', fromLevel: 'officer', recipients: ['propaganda.leader'] });
    expect(events[2]!.data).toMatchObject({ acknowledgedBy: 'propaganda.head' });
    expect(events[4]!.data).toMatchObject({ resolution: 'clock-met' });
  });

  it('names nobody when the department has no roster, and the event is still valid', () => {
    // Act
    const [raised] = lifeEvents(undefined);
    // Assess
    expect(raised!.data).toMatchObject({ level: 'head', recipients: [] });
    const detail = newEventItem({ clock, newId: idFactory(clock) }, raised!).detail;
    expect(detailSchemaOf(findCatalogEntry('Alert.Raised')!).safeParse(detail).success).toBe(true);
  });
});
