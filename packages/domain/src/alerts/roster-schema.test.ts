import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rosterBodySchema } from './roster-schema';

const iso = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
const T0 = Date.parse('2026-11-22T08:00:00+08:00');
const HOUR = 3_600_000;

function shift(id: string, fromH: number, toH: number) {
  return { id, startsAt: iso(T0 + fromH * HOUR), endsAt: iso(T0 + toH * HOUR), officer: 'a.duty', leader: 'a.leader' };
}

describe('rosterBodySchema', () => {
  it('turns ISO instants with offset into epoch milliseconds', () => {
    // Prepare
    const body = { head: 'a.head', version: 0, shifts: [shift('day', 0, 12)] };
    // Act
    const parsed = rosterBodySchema.parse(body);
    // Assess
    expect(parsed.shifts[0]).toMatchObject({ startsAt: T0, endsAt: T0 + 12 * HOUR });
  });

  it('explains each problem at its path', () => {
    // Prepare
    const body = {
      head: '  ',
      version: -1,
      shifts: [{ ...shift('day', 0, 12), startsAt: '2026-11-22T08:00:00', officer: '' }],
    };
    // Act
    const result = rosterBodySchema.safeParse(body);
    // Assess
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['head', 'Username must not be empty (用户名不能为空)'],
      ['shifts.0.startsAt', 'Expected an ISO 8601 timestamp with offset, e.g. 2026-11-22T08:00:00+08:00'],
      ['shifts.0.officer', 'Username must not be empty (用户名不能为空)'],
      ['version', 'version is the roster version last read, 0 when there was none'],
    ]);
  });

  it('rejects an end before the start, overlaps and duplicate ids', () => {
    // Prepare
    const body = { head: 'a.head', version: 1, shifts: [shift('a', 0, 12), shift('b', 11, 10), shift('a', 20, 24)] };
    // Act
    const result = rosterBodySchema.safeParse(body);
    // Assess
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'endsAt must be after startsAt (结束时间须晚于开始时间)',
      'Shift id "a" is also used by shift #0',
      'Shift "b" overlaps shift "a" (班次时间重叠)',
    ]);
  });

  it('caps the roster at 500 shifts', () => {
    // Prepare
    const shifts = Array.from({ length: 501 }, (_, i) => shift(`s${i}`, i, i + 1));
    // Act
    const result = rosterBodySchema.safeParse({ head: 'a.head', version: 1, shifts });
    // Assess
    expect(result.error?.issues[0]?.message).toMatch(/at most 500 shifts/);
  });

  it('accepts any list of disjoint shifts in any order and rejects it once two overlap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (starts, overlapBy) => {
          // Prepare: one-hour shifts starting on distinct hours never overlap.
          const shifts = starts.map((h, i) => shift(`s${i}`, h, h + 1));
          const first = starts[0]!;
          const overlapping = [...shifts, shift('extra', first, first + 1 + overlapBy)];
          // Act
          const ok = rosterBodySchema.safeParse({ head: 'a.head', version: 2, shifts });
          const bad = rosterBodySchema.safeParse({ head: 'a.head', version: 2, shifts: overlapping });
          // Assess
          expect(ok.success).toBe(true);
          expect(bad.success).toBe(false);
          expect(bad.error?.issues.some((i) => i.message.includes('overlaps'))).toBe(true);
        },
      ),
    );
  });
});
