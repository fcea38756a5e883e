import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendarOverride, packagedCalendar } from './calendar';
import { cityInstant, formatCityInstant } from './city-time';
import { type CountingMode, computeDue, dueAfterExtension, dueAfterPause, durationInCountingUnits } from './due';
import { CalendarYearNotLoadedError, DurationParseError } from './errors';
import fixture2027 from './fixtures/calendar-2027.test-fixture.json' with { type: 'json' };
import { defaultPolicies } from './policies';

const cal = packagedCalendar;
const due = (start: string, duration: string, counting: CountingMode, calendar = cal) =>
  formatCityInstant(computeDue(cityInstant(start), { duration, counting }, calendar));

describe('computeDue, hours', () => {
  it('adds the wall-clock duration exactly, holidays or not', () => {
    // Act + Assess
    expect(due('2026-10-01T10:00', 'PT5H', 'hours')).toBe('2026-10-01T15:00:00.000+08:00');
    expect(due('2026-09-30T22:15:30', 'PT24H', 'hours')).toBe('2026-10-01T22:15:30.000+08:00');
    expect(due('2026-02-16T23:00', 'PT48H', 'hours')).toBe('2026-02-18T23:00:00.000+08:00');
  });

  it('needs no calendar data, so it works in an uncovered year', () => {
    // Act + Assess
    expect(due('2027-03-01T10:00', 'PT24H', 'hours')).toBe('2027-03-02T10:00:00.000+08:00');
  });
});

describe('computeDue, calendar days', () => {
  it.each([
    ['2026-03-02T10:00', 'P3D', '2026-03-05', 'start day not counted, due at the end of the 3rd day'],
    ['2026-03-02T23:59:59.999', 'P3D', '2026-03-05', 'a start late in the day counts the same'],
    ['2026-03-05T08:00', 'P3D', '2026-03-09', 'Sunday rolls to Monday'],
    ['2026-09-28T10:00', 'P3D', '2026-10-08', '国庆 Oct 1–7 rolls to Thursday Oct 8'],
    ['2026-09-22T10:00', 'P3D', '2026-09-28', '中秋 Sep 25–27 rolls to Monday Sep 28'],
    ['2026-02-12T10:00', 'P3D', '2026-02-24', '春节 Feb 15–23 rolls to Tuesday Feb 24'],
    ['2026-10-07T10:00', 'P3D', '2026-10-10', 'Saturday Oct 10 is a 调休 workday: no roll'],
    ['2026-09-17T10:00', 'P3D', '2026-09-20', 'Sunday Sep 20 is a 调休 workday: no roll'],
    ['2026-10-01T10:00', 'P10D', '2026-10-12', 'holidays in the middle still count'],
  ])('%s + %s is due at the end of %s (%s)', (start, duration, lastDay) => {
    // Act + Assess
    expect(due(start, duration, 'calendarDays')).toBe(`${lastDay}T23:59:59.999+08:00`);
  });
});

describe('computeDue, working days', () => {
  it.each([
    ['2026-03-04T10:00', 'P3D', '2026-03-09', 'Thu, Fri, Mon'],
    ['2026-05-08T10:00', 'P3D', '2026-05-12', '调休 Saturday May 9 counts'],
    ['2026-02-13T10:00', 'P3D', '2026-02-25', '调休 Feb 14 counts, 春节 Feb 15–23 does not'],
    ['2026-09-30T10:00', 'P10D', '2026-10-20', '国庆 skipped, 调休 Oct 10 counts'],
    ['2026-10-03T10:00', 'P1D', '2026-10-08', 'started on a holiday'],
    ['2026-09-18T10:00', 'P1D', '2026-09-20', '调休 Sunday Sep 20 is the first working day'],
  ])('%s + %s is due at the end of %s (%s)', (start, duration, lastDay) => {
    // Act + Assess
    expect(due(start, duration, 'workingDays')).toBe(`${lastDay}T23:59:59.999+08:00`);
  });
});

describe('computeDue, months', () => {
  it.each([
    ['2026-01-31T10:00', 'P1M', '2026-02-28T10:00:00.000+08:00'],
    ['2026-03-15T09:30', 'P1M', '2026-04-15T09:30:00.000+08:00'],
    ['2025-12-31T16:00', 'P2M', '2026-02-28T16:00:00.000+08:00'],
    ['2026-09-01T10:00', 'P1M', '2026-10-01T10:00:00.000+08:00'],
    ['2026-11-30T10:00', 'P3M', '2027-02-28T10:00:00.000+08:00'],
    ['2024-02-29T10:00', 'P1Y', '2025-02-28T10:00:00.000+08:00'],
    ['2026-05-20T10:00', 'P3Y', '2029-05-20T10:00:00.000+08:00'],
  ])('%s + %s = %s (end of month when the day is missing, no holiday roll)', (start, duration, expected) => {
    // Act + Assess
    expect(due(start, duration, 'months')).toBe(expected);
  });
});

describe('an uncovered year', () => {
  it.each([
    ['2026-12-30T10:00', 'P3D', 'calendarDays'],
    ['2026-12-28T10:00', 'P10D', 'workingDays'],
  ] as const)(
    '%s + %s in %s throws CalendarYearNotLoadedError for 2027, then works with the 2027 file',
    (start, duration, counting) => {
      // Prepare
      const with2027 = loadCalendarOverride(fixture2027);

      // Act
      const attempt = () => due(start, duration, counting);

      // Assess
      expect(attempt).toThrow(CalendarYearNotLoadedError);
      expect(attempt).toThrow('2027');
      expect(() => due(start, duration, counting, with2027)).not.toThrow();
    },
  );

  it('counts with the loaded 2027 arrangement (fixture: Jan 1–3 off)', () => {
    // Prepare
    const with2027 = loadCalendarOverride(fixture2027);

    // Act + Assess: Dec 30 + 3 = Jan 2 (holiday) → Jan 3 (holiday) → Monday Jan 4
    expect(due('2026-12-30T10:00', 'P3D', 'calendarDays', with2027)).toBe('2027-01-04T23:59:59.999+08:00');
    // Dec 29, 30, 31, Jan 4, 5, 6, 7, 8, 11, 12
    expect(due('2026-12-28T10:00', 'P10D', 'workingDays', with2027)).toBe('2027-01-12T23:59:59.999+08:00');
  });
});

describe('duration shape per counting mode', () => {
  it.each([
    ['P1M', 'hours'],
    ['PT24H', 'calendarDays'],
    ['P1M', 'workingDays'],
    ['P30D', 'months'],
    ['PT0S', 'hours'],
    ['P0D', 'calendarDays'],
  ] as const)('refuses %s for %s', (duration, counting) => {
    // Act + Assess
    expect(() => durationInCountingUnits(duration, counting)).toThrow(DurationParseError);
  });
});

describe('dueAfterPause', () => {
  const at = cityInstant;

  it('moves an hours or months due by the paused span exactly', () => {
    // Act + Assess
    expect(dueAfterPause(at('2026-10-01T15:00'), at('2026-10-01T11:00'), at('2026-10-01T13:30'), 'hours', cal)).toBe(
      at('2026-10-01T17:30'),
    );
    expect(dueAfterPause(at('2026-02-28T10:00'), at('2026-02-01T10:00'), at('2026-02-11T10:00'), 'months', cal)).toBe(
      at('2026-03-10T10:00'),
    );
  });

  it('re-counts the calendar days left from the resume day, then rolls', () => {
    // Prepare: due Thu Mar 5 end, paused Tue Mar 3 (2 days left)
    const dueAt = at('2026-03-05T23:59:59.999');

    // Act
    const sameDay = dueAfterPause(dueAt, at('2026-03-03T09:00'), at('2026-03-03T17:00'), 'calendarDays', cal);
    const later = dueAfterPause(dueAt, at('2026-03-03T09:00'), at('2026-03-05T09:00'), 'calendarDays', cal);
    const intoHoliday = dueAfterPause(dueAt, at('2026-03-03T09:00'), at('2026-09-29T09:00'), 'calendarDays', cal);

    // Assess
    expect(formatCityInstant(sameDay)).toBe('2026-03-05T23:59:59.999+08:00');
    expect(formatCityInstant(later)).toBe('2026-03-09T23:59:59.999+08:00'); // Sat Mar 7 rolls to Monday
    expect(formatCityInstant(intoHoliday)).toBe('2026-10-08T23:59:59.999+08:00');
  });

  it('re-counts the working days left after the resume day', () => {
    // Prepare: P3D from Wed Mar 4 is due Mon Mar 9; paused Thu Mar 5 with Fri + Mon left
    const dueAt = at('2026-03-09T23:59:59.999');

    // Act
    const sameDay = dueAfterPause(dueAt, at('2026-03-05T09:00'), at('2026-03-05T18:00'), 'workingDays', cal);
    const overHoliday = dueAfterPause(dueAt, at('2026-03-05T09:00'), at('2026-09-30T09:00'), 'workingDays', cal);
    const noneLeft = dueAfterPause(dueAt, at('2026-03-09T09:00'), at('2026-10-03T09:00'), 'workingDays', cal);

    // Assess
    expect(formatCityInstant(sameDay)).toBe('2026-03-09T23:59:59.999+08:00');
    expect(formatCityInstant(overHoliday)).toBe('2026-10-09T23:59:59.999+08:00');
    expect(formatCityInstant(noneLeft)).toBe('2026-10-08T23:59:59.999+08:00');
  });
});

describe('dueAfterExtension', () => {
  const at = cityInstant;

  it('adds to the current due in the counting unit', () => {
    // Act + Assess
    expect(dueAfterExtension(at('2026-10-01T15:00'), 'PT2H', 'hours', cal)).toBe(at('2026-10-01T17:00'));
    expect(formatCityInstant(dueAfterExtension(at('2026-09-27T23:59:59.999'), 'P10D', 'calendarDays', cal))).toBe(
      '2026-10-08T23:59:59.999+08:00',
    );
    expect(formatCityInstant(dueAfterExtension(at('2026-09-30T23:59:59.999'), 'P2D', 'workingDays', cal))).toBe(
      '2026-10-09T23:59:59.999+08:00',
    );
    expect(formatCityInstant(dueAfterExtension(at('2026-02-28T10:00'), 'P1M', 'months', cal))).toBe(
      '2026-03-28T10:00:00.000+08:00',
    );
  });
});

describe('computeDue properties', () => {
  const policies = Object.values(defaultPolicies);
  // Up to Sep 2026 so that the longest day clock (P60D) stays inside the packaged years.
  const start = fc.integer({ min: cityInstant('2004-01-01'), max: cityInstant('2026-09-30T23:59:59.999') });
  const earlyStart = fc.integer({ min: cityInstant('2004-01-01'), max: cityInstant('2026-08-01') });

  it('is never before the start, and a day deadline ends a working day at 23:59:59.999', () => {
    fc.assert(
      fc.property(fc.constantFrom(...policies), start, (policy, startAt) => {
        // Act
        const dueAt = computeDue(startAt, policy, cal);

        // Assess
        expect(dueAt).toBeGreaterThan(startAt);
        if (policy.counting === 'calendarDays' || policy.counting === 'workingDays') {
          expect(formatCityInstant(dueAt).slice(11)).toBe('23:59:59.999+08:00');
          expect(cal.isWorkingDate(formatCityInstant(dueAt).slice(0, 10))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  // Not for months: Jan 30 23:00 + P1M = Feb 28 23:00 but Jan 31 10:00 + P1M = Feb 28 10:00.
  it('never comes earlier for a later start in hour and day modes', () => {
    const nonMonthPolicies = policies.filter((policy) => policy.counting !== 'months');
    fc.assert(
      fc.property(
        fc.constantFrom(...nonMonthPolicies),
        earlyStart,
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        (policy, a, gap) => {
          // Act
          const first = computeDue(a, policy, cal);
          const second = computeDue(a + gap, policy, cal);

          // Assess
          expect(second).toBeGreaterThanOrEqual(first);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('months mode quirk', () => {
  it('keeps the time of day, so a later start may be due earlier on a clamped month end', () => {
    // Act
    const earlierStart = computeDue(cityInstant('2026-01-30T23:00'), { duration: 'P1M', counting: 'months' }, cal);
    const laterStart = computeDue(cityInstant('2026-01-31T10:00'), { duration: 'P1M', counting: 'months' }, cal);

    // Assess
    expect(laterStart).toBeLessThan(earlierStart);
  });
});
