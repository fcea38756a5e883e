import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MILESTONE_KINDS, OPINION_CLOCK_SPECS, requiredClockKinds } from './clock-kinds';
import {
  type IncidentDecision,
  type IncidentState,
  openIncident,
  recordClockBreach,
  recordMilestone,
  regradeIncident,
} from './incident-state';
import { OPINION_LEVELS } from './levels';
import { deps, HOUR, incident, NOW, POLICIES } from './test-fixtures';

// Any sequence of regrades, milestones and clock breaches on an open incident.

type Op =
  | { kind: 'regrade'; level: (typeof OPINION_LEVELS)[number] }
  | { kind: 'milestone'; type: (typeof MILESTONE_KINDS)[number]; back: number; doc: string }
  | { kind: 'breach'; pick: number }
  | { kind: 'wait'; dt: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('regrade' as const), level: fc.constantFrom(...OPINION_LEVELS) }),
  fc.record({
    kind: fc.constant('milestone' as const),
    type: fc.constantFrom(...MILESTONE_KINDS),
    back: fc.integer({ min: 0, max: 10 * HOUR }),
    doc: fc.constantFrom('文号1', '文号2'),
  }),
  fc.record({ kind: fc.constant('breach' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('wait' as const), dt: fc.integer({ min: 0, max: 6 * HOUR }) }),
);

function assertInvariants(state: IncidentState): void {
  const required = requiredClockKinds(state.level);
  for (const kind of required) {
    expect(state.clocks.filter((c) => c.kind === kind && c.status !== 'cancelled')).toHaveLength(1);
  }
  for (const c of state.clocks) {
    const spec = OPINION_CLOCK_SPECS[c.kind];
    if (c.status === 'running' || c.status === 'breached') expect(required).toContain(c.kind);
    expect(c.startAt).toBe(state[spec.startsFrom]);
    expect(c.dueAt).toBe(c.startAt + POLICIES[spec.policyId].durationMs);
    if (c.status === 'met') {
      expect(state.milestones.some((m) => m.at === c.metAt && spec.metBy.includes(m.kind))).toBe(true);
    }
  }
  expect(new Set(state.clocks.map((c) => c.id)).size).toBe(state.clocks.length);
}

function assertStep(before: IncidentState, d: IncidentDecision): void {
  const after = d.state;
  expect(d.events.length).toBeLessThanOrEqual(1);
  if (after === before) expect(d.events).toEqual([]);
  else expect(after.version).toBe(before.version + 1);
  // history only grows: earlier clocks and milestones are kept, and what was met stays met
  expect(after.milestones.slice(0, before.milestones.length)).toEqual(before.milestones);
  expect(after.clocks.slice(0, before.clocks.length).map((c) => c.id)).toEqual(before.clocks.map((c) => c.id));
  for (const c of before.clocks) {
    const now = after.clocks.find((x) => x.id === c.id)!;
    if (c.status === 'met') expect(now).toEqual(c);
    if (c.status === 'cancelled') expect(now.status).toBe('cancelled');
  }
  // what the clocks service is told matches what the incident now holds
  for (const s of d.clocksToStart) expect(before.clocks.some((c) => c.id === s.clockId)).toBe(false);
  for (const s of d.clocksToStart) expect(after.clocks.some((c) => c.id === s.clockId)).toBe(true);
  for (const c of d.clocksToCancel) expect(after.clocks.find((x) => x.id === c.clockId)?.status).toBe('cancelled');
  for (const m of d.clocksMet) expect(after.clocks.find((x) => x.id === m.clockId)?.metAt).toBe(m.metAt);
}

describe('incident state machine, any sequence of regrades, milestones and breaches', () => {
  it('keeps milestones, keeps met clocks met, and runs exactly the clocks of the current level', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPINION_LEVELS),
        fc.integer({ min: 0, max: 30 * HOUR }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(op, { maxLength: 30 }),
        (level, ago, discoveredFraction, ops) => {
          // Prepare
          const d0 = deps();
          const occurredAt = NOW - ago;
          const discoveredAt = occurredAt + Math.floor(ago * discoveredFraction);
          const opened = openIncident(incident({ level, occurredAt, discoveredAt }), NOW, d0);
          let state = opened.state;
          let now = NOW;
          let expectedLevel = level;
          let milestonesRecorded = 0;
          assertInvariants(state);
          for (const o of ops) {
            const before = state;
            // Act
            let d: IncidentDecision | undefined;
            if (o.kind === 'wait') {
              now += o.dt;
              continue;
            }
            if (o.kind === 'regrade') {
              d = regradeIncident(state, { level: o.level, reason: '重新定级', by: 'h' }, now, d0);
              expectedLevel = o.level;
            } else if (o.kind === 'milestone') {
              const at = Math.max(occurredAt, now - o.back);
              d = recordMilestone(state, { kind: o.type, at, channel: '政府网站', documentNo: o.doc, by: 'u' }, now);
              if (d.state !== before) milestonesRecorded++;
            } else {
              const clock = state.clocks[o.pick % state.clocks.length];
              d = clock ? recordClockBreach(state, clock.id, now) : undefined;
            }
            if (!d) continue;
            state = d.state;
            // Assess
            assertStep(before, d);
            assertInvariants(state);
            expect(state.level).toBe(expectedLevel);
          }
          expect(state.milestones).toHaveLength(milestonesRecorded);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after any regrade path, the clocks equal those of opening at the final level, minus what was met', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OPINION_LEVELS), { minLength: 1, maxLength: 8 }), (path) => {
        // Prepare
        const d0 = deps();
        let state = openIncident(incident({ level: path[0]! }), NOW, d0).state;
        // Act
        for (const level of path.slice(1))
          state = regradeIncident(state, { level, reason: 'r', by: 'h' }, NOW, d0).state;
        const direct = openIncident(incident({ level: state.level }), NOW, deps()).state;
        // Assess
        const live = state.clocks.filter((c) => c.status === 'running').map((c) => [c.kind, c.startAt, c.dueAt]);
        expect(live).toEqual(direct.clocks.map((c) => [c.kind, c.startAt, c.dueAt]));
      }),
    );
  });
});
