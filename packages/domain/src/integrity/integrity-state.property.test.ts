import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClockState } from '../clocks/clock-state';
import { ClockTransitionError } from '../clocks/errors';
import { DomainError } from '../domain-error';
import { applyIntents } from '../transfers/test-fixtures';
import { COMMAND_PARTY, decide, type IntegrityCommand, invariantViolations } from './integrity-state';
import type { Actor, IntegrityRecord } from './integrity-types';
import { at, COMPETENT, COURT, CREDIT, EDUCATION, report, STRANGER, SUBJECT, SYSTEM } from './test-fixtures';

// Any sequence of commands, by any party, valid or not: a refused command is a DomainError and
// changes nothing; an accepted one moves the version by one, announces it with that version,
// leaves a state that satisfies every invariant, and asks of the clock engine only what it accepts.

const ACTORS: Actor[] = [COURT, COMPETENT, SUBJECT, CREDIT, EDUCATION, STRANGER, SYSTEM];

const COMMANDS: IntegrityCommand[] = [
  { type: 'Withdraw', reason: '误报' },
  { type: 'AwaitMaterials' },
  { type: 'ReceiveMaterials' },
  { type: 'Verify', found: true, documentNo: 'v' },
  { type: 'Verify', found: false, documentNo: 'v', reasons: '不属实' },
  { type: 'Verify', found: false, documentNo: 'v' },
  { type: 'WaiveObjection' },
  { type: 'RaiseObjection', grounds: '理由' },
  { type: 'DecideObjection', upheld: true, documentNo: 'o', reasons: '成立' },
  { type: 'DecideObjection', upheld: false, documentNo: 'o', reasons: '不成立' },
  { type: 'Confirm', documentNo: 'c' },
  { type: 'Publish', tier: 'general' },
  { type: 'Publish', tier: 'serious' },
  { type: 'Publish', tier: 'minor', reason: '影响较大' },
  { type: 'Publish', tier: 'minor' },
  { type: 'NotifyPunishment', measure: 'honours-restricted', toDepartmentId: 'education-bureau' },
  { type: 'NotifyPunishment', measure: 'public-criticism', toDepartmentId: 'education-bureau' },
  { type: 'AcknowledgePunishment', n: 1 },
  { type: 'AcknowledgePunishment', n: 2 },
  { type: 'RecordRectification', documentNo: 'r', summary: '已整改', paidFen: 100 },
  { type: 'ApplyRepair', statement: '承诺' },
  { type: 'DecideRepair', repaired: true, documentNo: 'd' },
  { type: 'DecideRepair', repaired: false, documentNo: 'd', reasons: '不符合' },
  { type: 'EndPublication' },
  { type: 'RecordLawfulChange', documentNo: 'l', compensationFen: 100, reason: '规划调整' },
  { type: 'RecordClockBreach', key: 'verification' },
  { type: 'RecordClockBreach', key: 'publication-end' },
];

function rightActor(command: IntegrityCommand): Actor {
  switch (COMMAND_PARTY[command.type]) {
    case 'reporter':
    case 'any':
      return COURT;
    case 'competent':
      return COMPETENT;
    case 'subject':
      return SUBJECT;
    case 'credit':
      return CREDIT;
    case 'measure':
      return EDUCATION;
    case 'system':
      return SYSTEM;
  }
}

function pickCommand(r: IntegrityRecord, now: number, pick: number, anything: boolean): IntegrityCommand {
  if (anything) return COMMANDS[pick % COMMANDS.length] as IntegrityCommand;
  const accepted = COMMANDS.filter((c) => {
    try {
      decide(r, c, rightActor(c), now);
      return true;
    } catch {
      return false;
    }
  });
  const pool = accepted.length > 0 ? accepted : COMMANDS;
  return pool[pick % pool.length] as IntegrityCommand;
}

const step = fc.record({
  pick: fc.nat(),
  anything: fc.boolean(),
  actor: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom(...ACTORS), weight: 1 }),
  /** Days to the next command: within the working-day clocks or past the publication periods. */
  days: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 60, max: 400 })),
});

describe('integrity record under any sequence of commands', () => {
  it('keeps version, events, invariants and clock intents consistent', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom('contract-default', 'judgment-non-performance'),
        fc.integer({ min: 0, max: 500 }),
        fc.array(step, { minLength: 10, maxLength: 50 }),
        (category, docDaysAgo, steps) => {
          const T0 = at('2026-03-02T09:00');
          const basis = {
            kind: category === 'judgment-non-performance' ? 'judgment' : 'contract',
            documentNo: 'b',
            date: T0 - docDaysAgo * 86_400_000,
            issuer: 'i',
          } as const;
          const first = decide(undefined, report({ category, basis }), COURT, T0);
          let r = first.state;
          let clocks = new Map<string, ClockState>();
          applyIntents(clocks, first.clocks, T0, r.id);
          let now = T0;
          for (const s of steps) {
            now += s.days * 86_400_000 + 3_600_000;
            const command = pickCommand(r, now, s.pick, s.anything);
            let d: ReturnType<typeof decide>;
            try {
              d = decide(r, command, s.actor ?? rightActor(command), now);
            } catch (e) {
              if (!(e instanceof DomainError)) throw e;
              continue;
            }
            const next = new Map(clocks);
            try {
              applyIntents(next, d.clocks, now, r.id);
            } catch (e) {
              // Materials awaited after the verification period ran out: the engine refuses to
              // pause a clock past due and the service answers 409, writing nothing.
              if (
                e instanceof ClockTransitionError &&
                d.clocks.some((i) => i.kind === 'pause') &&
                /past due/.test(e.message)
              )
                continue;
              throw e;
            }
            expect(d.state.version).toBe(r.version + 1);
            expect(d.events.length).toBeGreaterThan(0);
            for (const ev of d.events) expect(ev.data.version).toBe(d.state.version);
            expect(invariantViolations(d.state)).toEqual([]);
            for (const [key, k] of Object.entries(d.state.clocks)) {
              const engine = next.get(key);
              expect(engine, key).toBeDefined();
              const live = engine?.status === 'running' || engine?.status === 'paused';
              expect(live, key).toBe(k?.running === true);
            }
            r = d.state;
            clocks = next;
            reached.add(r.status);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The runs go deep enough to mean something (repair applications and decisions are walked by integrity-state.test.ts).
    for (const s of [
      'verified',
      'objection',
      'confirmed',
      'published',
      'rectified',
      'ended',
      'dismissed',
      'lawfully-changed',
    ])
      expect(reached, s).toContain(s);
  });
});
