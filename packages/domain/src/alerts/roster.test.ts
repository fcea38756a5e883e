import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertError } from './alert-error';
import { onDutyAt, reach, recipientsFor, replaceRoster, type Shift, shiftsAround } from './roster';
import { HOUR, roster, T0 } from './test-fixtures';

describe('onDutyAt', () => {
  it('names the officer and leader of the shift covering the instant', () => {
    // Act
    const duty = onDutyAt(roster, T0 + 3 * HOUR);
    // Assess
    expect(duty).toEqual({ officer: 'propaganda.duty', leader: 'propaganda.leader', head: 'propaganda.head' });
  });

  it('hands over at the boundary: the incoming shift owns the hand-over instant', () => {
    // Act
    const duty = onDutyAt(roster, T0 + 12 * HOUR);
    // Assess
    expect(duty.officer).toBe('night.duty');
  });

  it('leaves only the head when no shift covers the instant', () => {
    // Act
    const duty = onDutyAt(roster, T0 - 1);
    // Assess
    expect(duty).toEqual({ head: 'propaganda.head' });
  });
});

describe('recipientsFor', () => {
  it('reaches each level in a covered shift', () => {
    // Prepare
    const at = T0 + HOUR;
    // Act / Assess
    expect(recipientsFor('officer', roster, at)).toEqual(['propaganda.duty']);
    expect(recipientsFor('leader', roster, at)).toEqual(['propaganda.leader']);
    expect(recipientsFor('head', roster, at)).toEqual(['propaganda.head']);
  });

  it('falls back to the head outside every shift, and reports the level reached', () => {
    // Prepare
    const at = T0 + 30 * HOUR;
    // Act
    const officer = reach('officer', roster, at);
    const leader = reach('leader', roster, at);
    // Assess
    expect(officer).toEqual({ level: 'head', recipients: ['propaganda.head'] });
    expect(leader).toEqual({ level: 'head', recipients: ['propaganda.head'] });
  });

  it('reaches nobody, at the head level, when the department has no roster', () => {
    // Act / Assess
    expect(reach('officer', undefined, T0)).toEqual({ level: 'head', recipients: [] });
  });

  it('for any roster of adjacent shifts, the officer reached is the covering shift’s officer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 24 * 60 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lengthsMin, where) => {
          // Prepare
          let start = T0;
          const shifts: Shift[] = lengthsMin.map((len, i) => {
            const s = { id: `s${i}`, startsAt: start, endsAt: start + len * 60_000, officer: `o${i}`, leader: `l${i}` };
            start = s.endsAt;
            return s;
          });
          const at = Math.min(start - 1, Math.floor(T0 + where * (start - T0)));
          const expected = shifts.find((s) => s.startsAt <= at && at < s.endsAt)!;
          // Act
          const got = recipientsFor('officer', { ...roster, shifts }, at);
          // Assess
          expect(got).toEqual([expected.officer]);
        },
      ),
    );
  });
});

describe('replaceRoster', () => {
  const body = { head: ' propaganda.head ', shifts: [...roster.shifts].reverse(), version: 3 };

  it('replaces the whole roster, sorts the shifts and bumps the version', () => {
    // Act
    const next = replaceRoster(roster, 'propaganda', body);
    // Assess
    expect(next.version).toBe(4);
    expect(next.head).toBe('propaganda.head');
    expect(next.shifts.map((s) => s.id)).toEqual(['day', 'night']);
  });

  it('starts at version 1 for a department without a roster', () => {
    // Act
    const next = replaceRoster(undefined, 'emergency', { ...body, version: 0 });
    // Assess
    expect(next).toMatchObject({ departmentId: 'emergency', version: 1 });
  });

  it('refuses a change made on a stale version', () => {
    // Act / Assess
    expect(() => replaceRoster(roster, 'propaganda', { ...body, version: 2 })).toThrow(
      expect.objectContaining({ code: 'ROSTER_VERSION_CONFLICT', kind: 'conflict' }),
    );
  });

  it('refuses a body naming another department', () => {
    // Act / Assess
    expect(() => replaceRoster(roster, 'propaganda', { ...body, departmentId: 'emergency' })).toThrow(
      expect.objectContaining({ code: 'ROSTER_DEPARTMENT_MISMATCH' }),
    );
  });

  it('refuses overlapping shifts and reports where', () => {
    // Prepare
    const shifts = [roster.shifts[0]!, { ...roster.shifts[1]!, startsAt: T0 + 11 * HOUR }];
    // Act
    let error: unknown;
    try {
      replaceRoster(roster, 'propaganda', { ...body, shifts });
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(AlertError);
    expect((error as AlertError).code).toBe('INVALID_ROSTER');
    expect((error as AlertError).issues).toEqual([
      { path: ['shifts', 1, 'startsAt'], message: 'Shift "night" overlaps shift "day" (班次时间重叠)' },
    ]);
  });
});

describe('shiftsAround', () => {
  it('names the shift on duty and the one after it, the incoming one at a hand-over', () => {
    // Act
    const morning = shiftsAround(roster, T0 + HOUR);
    const handOver = shiftsAround(roster, T0 + 12 * HOUR);
    const after = shiftsAround(roster, T0 + 30 * HOUR);
    // Assess
    expect([morning.current?.id, morning.next?.id]).toEqual(['day', 'night']);
    expect([handOver.current?.id, handOver.next?.id]).toEqual(['night', undefined]);
    expect(after).toEqual({});
  });

  it('finds the next shift across a gap in the roster', () => {
    const gap = { ...roster, shifts: [roster.shifts[1]!] };
    expect(shiftsAround(gap, T0).next?.id).toBe('night');
    expect(shiftsAround(gap, T0).current).toBeUndefined();
  });
});
