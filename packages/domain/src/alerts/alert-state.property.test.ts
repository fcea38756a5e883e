import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertError } from './alert-error';
import type { AlertEvent } from './alert-events';
import { type AlertActor, type AlertState, acknowledgeAlert, raiseAlert, resolveAlert, tickAlert } from './alert-state';
import { levelRank } from './levels';
import type { Roster } from './roster';
import { alarm, ESCALATION, HOUR, MIN, T0 } from './test-fixtures';

// Any sequence of sweeper ticks, acknowledgements (by anyone) and resolutions, at non-decreasing
// instants, against a roster that may have gaps or be missing.

type Op =
  | { kind: 'tick'; dt: number }
  | { kind: 'ack'; dt: number; actor: AlertActor }
  | { kind: 'resolve'; dt: number };

const actors: AlertActor[] = [
  { username: 'o1', roles: ['duty-officer'] },
  { username: 'l1', roles: ['duty-leader'] },
  { username: 'o2', roles: ['duty-officer'] },
  { username: 'h', roles: ['dept-head'], departmentId: 'propaganda' },
  { username: 'x', roles: ['dept-head'], departmentId: 'emergency' },
  { username: 'root', roles: ['admin'] },
  { username: 'nobody', roles: [] },
];

const dt = fc.integer({ min: 0, max: 45 * MIN });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('tick' as const), dt }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ack' as const), dt, actor: fc.constantFrom(...actors) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resolve' as const), dt }) },
);

const rosterArb: fc.Arbitrary<Roster | undefined> = fc.option(
  fc
    .array(
      fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * HOUR })), fc.integer({ min: 1, max: 6 * HOUR })),
      { maxLength: 4 },
    )
    .map((spans) => {
      // Starts before the alert is raised (at T0), so most runs begin at the officer level.
      let cursor = T0 - HOUR;
      const shifts = spans.map(([gap, len], i) => {
        const startsAt = cursor + gap;
        cursor = startsAt + len;
        return { id: `s${i}`, startsAt, endsAt: cursor, officer: `o${(i % 2) + 1}`, leader: `l${(i % 2) + 1}` };
      });
      return { departmentId: 'propaganda', head: 'h', shifts, version: 1 };
    }),
  { nil: undefined },
);

function run(state: AlertState, o: Op, at: number, roster: Roster | undefined) {
  if (o.kind === 'tick') return tickAlert(state, at, roster);
  if (o.kind === 'resolve') return resolveAlert(state, at, 'clock-met');
  try {
    return acknowledgeAlert(state, o.actor, at);
  } catch (e) {
    if (!(e instanceof AlertError)) throw e;
    return { state, events: [] as AlertEvent[], error: e.code };
  }
}

describe('alert state machine, any sequence of ticks, acks and resolves', () => {
  it('escalates at most once per level, never after an ack or resolve, and stays consistent', () => {
    fc.assert(
      fc.property(rosterArb, fc.array(op, { maxLength: 40 }), (roster, ops) => {
        // Prepare
        let at = T0;
        let { state } = raiseAlert(alarm(), roster, at, ESCALATION);
        let lastActionAt = at;
        const all: AlertEvent[] = [];
        for (const o of ops) {
          at += o.dt;
          const before = state;
          // Act
          const result = run(state, o, at, roster);
          state = result.state;
          all.push(...result.events);
          // Assess: per step
          expect(result.events.length).toBeLessThanOrEqual(1);
          expect(state.version).toBe(before.version + result.events.length);
          if (result.events.length === 0) expect(state).toBe(before);
          if (before.status === 'resolved') expect(result.events).toEqual([]);
          if (before.status !== 'open') expect(result.events.map((e) => e.type)).not.toContain('Alert.Escalated');
          const e = result.events[0];
          if (e?.type === 'Alert.Escalated') {
            // only once the window since the last alerting action has passed
            expect(at - lastActionAt).toBeGreaterThanOrEqual(ESCALATION.ackWindowMs);
            expect(levelRank(e.data.to)).toBeGreaterThan(levelRank(e.data.from));
          }
          if (e?.type === 'Alert.Escalated' || e?.type === 'Alert.Reminded' || e?.type === 'Alert.Acknowledged') {
            lastActionAt = at;
          }
          if (o.kind === 'ack' && before.status === 'open' && before.notified.includes(o.actor.username)) {
            expect(result.events.map((x) => x.type)).toEqual(['Alert.Acknowledged']);
          }
          if (o.kind === 'ack' && 'error' in result && result.error === 'NOT_A_RECIPIENT') {
            expect(before.notified).not.toContain(o.actor.username);
          }
          expect(state.nextActionAt === null).toBe(state.status === 'resolved');
          if (state.nextActionAt !== null && result.events.length > 0) expect(state.nextActionAt).toBeGreaterThan(at);
          for (const r of state.recipients) expect(state.notified).toContain(r);
        }
        // Assess: whole history
        const targets = state.escalations.map((x) => x.to);
        expect(new Set(targets).size).toBe(targets.length);
        expect(targets.length).toBeLessThanOrEqual(2);
        const resolvedIndex = all.findIndex((x) => x.type === 'Alert.Resolved');
        if (resolvedIndex >= 0) expect(all.length).toBe(resolvedIndex + 1);
        const ackIndex = all.findIndex((x) => x.type === 'Alert.Acknowledged');
        if (ackIndex >= 0) {
          expect(all.slice(ackIndex + 1).some((x) => x.type === 'Alert.Escalated')).toBe(false);
          expect(all.filter((x) => x.type === 'Alert.Acknowledged')).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an unanswered alert reaches the head after at most two windows of ticks', () => {
    fc.assert(
      fc.property(rosterArb, (roster) => {
        // Prepare
        let { state } = raiseAlert(alarm(), roster, T0, ESCALATION);
        // Act
        for (let i = 1; i <= 2; i++) state = tickAlert(state, T0 + i * ESCALATION.ackWindowMs, roster).state;
        // Assess
        expect(state.level).toBe('head');
      }),
    );
  });
});
