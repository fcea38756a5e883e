import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClockChange,
  cancelClockChange,
  meetClockChange,
  startClockChange,
  tickClockChange,
} from './clock-changes';
import type { ClockRecord } from './clock-record';
import { counterDelta, type Outcome, outcomeOf } from './on-time';
import { buildClockRegistry } from './registry';
import { registerClockSubject } from './subjects';

registerClockSubject({ type: 'test-case', service: 'test', name: '测试案件', nameEn: 'Test case' });

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-22T09:00:00+08:00');
const registry = buildClockRegistry({});

type Step = { kind: 'tick' | 'meet' | 'cancel'; afterMs: number };

const step = fc.record({
  kind: fc.constantFrom<Step['kind']>('tick', 'meet', 'cancel'),
  afterMs: fc.integer({ min: 0, max: 8 * HOUR }),
});

function apply(record: ClockRecord, s: Step, at: number): ClockChange | undefined {
  try {
    if (s.kind === 'tick') return tickClockChange(record, at);
    if (s.kind === 'meet') return meetClockChange(record, at);
    return cancelClockChange(record, at, 'test');
  } catch {
    return undefined; // a command the clock's status refuses changes nothing
  }
}

describe('on-time counters', () => {
  it('always sum, over a clock’s life, to exactly the counter its final state sits in', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), fc.integer({ min: 0, max: 6 * HOUR }), (steps, lateBy) => {
        // Prepare
        const start = startClockChange(
          {
            id: 'c1',
            policyId: 'opinion.release',
            subject: { type: 'test-case', id: 'i1' },
            departmentId: 'propaganda',
            startedAt: T0 - lateBy,
            kind: 'release',
            label: '权威发布',
            labelEn: 'Authoritative release',
          },
          T0,
          registry,
        );
        const sums: Record<Outcome, number> = { open: 0, onTime: 0, late: 0 };
        const add = (c: ClockChange) => {
          const delta = counterDelta(c.before, c.after);
          if (delta) for (const k of ['open', 'onTime', 'late'] as const) sums[k] += delta[k];
        };
        add(start);
        let record = start.after;
        let at = T0;
        // Act
        for (const s of steps) {
          at += s.afterMs;
          const change = apply(record, s, at);
          if (!change) continue;
          add(change);
          record = change.after;
        }
        // Assess
        const final = outcomeOf(record);
        expect(sums).toEqual({
          open: final === 'open' ? 1 : 0,
          onTime: final === 'onTime' ? 1 : 0,
          late: final === 'late' ? 1 : 0,
        });
      }),
    );
  });

  it('keeps a breached clock late when it is met or cancelled afterwards', () => {
    expect(outcomeOf({ status: 'breached' })).toBe('late');
    expect(outcomeOf({ status: 'met', metLate: true })).toBe('late');
    expect(outcomeOf({ status: 'met', metLate: false })).toBe('onTime');
    expect(outcomeOf({ status: 'cancelled' })).toBeUndefined();
  });
});
