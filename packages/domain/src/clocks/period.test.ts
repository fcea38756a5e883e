import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCalendarOverride, packagedCalendar } from './calendar';
import { cityInstant, formatCityInstant } from './city-time';
import { type CountingMode, durationInCountingUnits } from './due';
import { DurationParseError } from './errors';
import fixture2027 from './fixtures/calendar-2027.test-fixture.json' with { type: 'json' };
import { computeDue, type PeriodLedger, type PeriodRule, planDue, warningLeadMs, warningPoints } from './period';
import { defaultPolicies } from './policies';

const cal = packagedCalendar;
const due = (start: string, duration: string, counting: CountingMode, calendar = cal) =>
  formatCityInstant(computeDue(cityInstant(start), { duration, counting }, calendar));
const at = cityInstant;
const iso = formatCityInstant;
const END = 'T23:59:59.999+08:00';

/** The due of a ledger: pauses and extensions recorded on the clock, recomputed from scratch. */
function plan(rule: PeriodRule, ledger: Partial<PeriodLedger> & { startedAt: number }, calendar = cal) {
  const p = planDue(rule, { pauses: [], extensions: [], ...ledger }, calendar);
  return { ...p, due: iso(p.dueAt), unrolled: iso(p.unrolledDueAt) };
}

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

describe('computeDue, months (民法典 Art. 202–203)', () => {
  it('ends at 24:00 of the last day, not at the start time of day', () => {
    // Act + Assess
    expect(due('2026-03-15T09:30', 'P1M', 'months')).toBe(`2026-04-15${END}`);
    expect(due('2026-01-31T10:00', 'P1M', 'months')).toBe(`2026-02-28${END}`);
    expect(due('2028-02-29T10:00', 'P1M', 'months')).toBe(`2028-03-29${END}`);
    expect(due('2024-02-29T10:00', 'P1Y', 'months')).toBe(`2025-02-28${END}`);
  });

  it('rolls a last day on a holiday to the next working day, when the policy rolls', () => {
    // 2026-09-01 + 1 month = Oct 1 (国庆): rolls to Thu Oct 8; a publication end does not roll
    expect(due('2026-09-01T10:00', 'P1M', 'months')).toBe(`2026-10-08${END}`);
    expect(plan({ counting: 'months', period: 'P1M', rolls: false }, { startedAt: at('2026-09-01T10:00') }).due).toBe(
      `2026-10-01${END}`,
    );
  });
});

describe('boundaries of a day period', () => {
  const rule: PeriodRule = { counting: 'calendarDays', period: 'P3D', rolls: true };

  it('is on time at dueAt and late 1 ms after', () => {
    // Act
    const { dueAt } = plan(rule, { startedAt: at('2026-03-02T10:00') });

    // Assess
    expect(iso(dueAt)).toBe(`2026-03-05${END}`);
    expect(iso(dueAt + 1)).toBe('2026-03-06T00:00:00.000+08:00');
  });

  it('keeps the unrolled last day beside the rolled due', () => {
    // Act: Sep 28 + 3 = Oct 1 (国庆) → Oct 8
    const p = plan(rule, { startedAt: at('2026-09-28T10:00') });

    // Assess
    expect(p.unrolled).toBe(`2026-10-01${END}`);
    expect(p.due).toBe(`2026-10-08${END}`);
  });

  it('grants the holiday roll once when paused across a holiday (the old double roll)', () => {
    // Prepare: Sep 28 + 3 = Oct 1 → rolled Oct 8. Paused Sep 29 → Sep 30: one day back.
    const ledger = {
      startedAt: at('2026-09-28T10:00'),
      pauses: [{ from: at('2026-09-29T10:00'), to: at('2026-09-30T10:00') }],
    };

    // Act
    const p = plan(rule, ledger);

    // Assess: unrolled Oct 2 (still 国庆) → Oct 8, not Oct 8 + 1 day re-counted from the rolled due
    expect(p.unrolled).toBe(`2026-10-02${END}`);
    expect(p.due).toBe(`2026-10-08${END}`);
  });

  it('extends from the true last day across a holiday, rolling once', () => {
    // Sep 24 + 3 = Sep 27 (中秋, rolls to Sep 28); extended P3D: Sep 30, a working day
    const p = plan(rule, {
      startedAt: at('2026-09-24T10:00'),
      extensions: [{ by: 'P3D', at: at('2026-09-25T10:00') }],
    });

    // Assess: counted from the rolled due (Sep 28) it would be Oct 1 → Oct 8
    expect(p.due).toBe(`2026-09-30${END}`);
  });

  it('stops on a 调休 working weekend without rolling', () => {
    // Oct 7 + 3 = Sat Oct 10, a 调休 workday
    expect(plan(rule, { startedAt: at('2026-10-07T10:00') }).due).toBe(`2026-10-10${END}`);
  });

  it('counts working days across a 调休 working weekend', () => {
    // Working days after Feb 13 2026: Feb 14 (调休 Sat), then 春节 Feb 15–23, Feb 24, 25
    expect(
      plan({ counting: 'workingDays', period: 'P3D', rolls: true }, { startedAt: at('2026-02-13T10:00') }).due,
    ).toBe(`2026-02-25${END}`);
  });

  it('does not count a pause across the Spring Festival (working days)', () => {
    // Prepare: 10 working days from Feb 9 2026: 10, 11, 12, 13, 14 (调休), 24, 25, 26, 27, 28 (调休)
    const wd: PeriodRule = { counting: 'workingDays', period: 'P10D', rolls: true };
    const startedAt = at('2026-02-09T10:00');

    // Act: paused on Feb 12 (the pause day counts as used; 7 left after it: 13, 14, 24–28) to Feb 25
    const fresh = plan(wd, { startedAt });
    const paused = plan(wd, { startedAt, pauses: [{ from: at('2026-02-12T09:00'), to: at('2026-02-25T09:00') }] });

    // Assess: 7 working days after Feb 25: 26, 27, 28 (调休), Mar 2, 3, 4, 5
    expect(fresh.due).toBe(`2026-02-28${END}`);
    expect(paused.due).toBe(`2026-03-05${END}`);
  });

  it('does not count a pause across the Spring Festival (calendar days), and rolls once', () => {
    // Jan 30 + 30 days = Mar 1 (Sun) → Mar 2. Paused Feb 10 → Feb 24: 14 days back → Mar 15 (Sun) → Mar 16
    const cd: PeriodRule = { counting: 'calendarDays', period: 'P30D', rolls: true };
    const startedAt = at('2026-01-30T10:00');

    // Act
    const p = plan(cd, { startedAt, pauses: [{ from: at('2026-02-10T10:00'), to: at('2026-02-24T10:00') }] });

    // Assess
    expect(plan(cd, { startedAt }).due).toBe(`2026-03-02${END}`);
    expect(p.unrolled).toBe(`2026-03-15${END}`);
    expect(p.due).toBe(`2026-03-16${END}`);
  });

  it('merges overlapping pauses and ignores one still open', () => {
    // Prepare: two pauses overlapping 10:00–14:00 and 12:00–16:00 = 6 h; a third still open
    const hours: PeriodRule = { counting: 'hours', period: 'PT24H', rolls: false };
    const startedAt = at('2026-06-01T08:00');
    const pauses = [
      { from: at('2026-06-01T10:00'), to: at('2026-06-01T14:00') },
      { from: at('2026-06-01T12:00'), to: at('2026-06-01T16:00') },
      { from: at('2026-06-01T18:00') },
    ];

    // Act + Assess
    expect(plan(hours, { startedAt, pauses }).due).toBe('2026-06-02T14:00:00.000+08:00');
  });
});

describe('a year whose calendar is not loaded', () => {
  it.each([
    ['2026-12-30T10:00', 'P3D', 'calendarDays', `2027-01-04${END}`, `2027-01-04${END}`],
    ['2026-12-29T10:00', 'P3D', 'calendarDays', `2027-01-01${END}`, `2027-01-04${END}`],
    ['2026-12-28T10:00', 'P10D', 'workingDays', `2027-01-11${END}`, `2027-01-12${END}`],
  ] as const)(
    '%s + %s (%s) is due provisionally at %s counting weekends only, and at %s once 2027 is loaded',
    (start, period, counting, provisional, exact) => {
      // Prepare
      const rule: PeriodRule = { counting, period, rolls: true };
      const with2027 = loadCalendarOverride(fixture2027);

      // Act
      const before = plan(rule, { startedAt: at(start) });
      const after = plan(rule, { startedAt: at(start) }, with2027);

      // Assess
      expect(before.due).toBe(provisional);
      expect(before.provisionalYears).toEqual([2027]);
      expect(after.due).toBe(exact);
      expect(after.provisionalYears).toEqual([]);
    },
  );

  it('needs no calendar for hours', () => {
    expect(
      plan({ counting: 'hours', period: 'PT24H', rolls: false }, { startedAt: at('2027-03-01T10:00') }),
    ).toMatchObject({
      due: '2027-03-02T10:00:00.000+08:00',
      provisionalYears: [],
    });
  });
});

describe('warnings of a day-counted clock', () => {
  it('fire at 09:00 on the last working days before the due day, skipping holidays', () => {
    // Due Thu Oct 8 2026 (after 国庆): working days before it are Sep 30 and Sep 29
    const points = warningPoints(at('2026-10-08T23:59:59.999'), [], { workingDaysBefore: [2, 1, 0], at: '09:00' }, cal);

    // Assess
    expect(points.map((p) => [p.key, iso(p.at)])).toEqual([
      ['D-2T09:00', '2026-09-29T09:00:00.000+08:00'],
      ['D-1T09:00', '2026-09-30T09:00:00.000+08:00'],
      ['D-0T09:00', '2026-10-08T09:00:00.000+08:00'],
    ]);
  });

  it('keep 2 h, 1 h and 30 min for hour clocks', () => {
    const points = warningPoints(at('2026-10-08T15:00'), ['PT2H', 'PT1H', 'PT30M'], undefined, cal);
    expect(points.map((p) => iso(p.at).slice(11, 16))).toEqual(['13:00', '14:00', '14:30']);
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
        if (policy.counting !== 'hours') {
          expect(formatCityInstant(dueAt).slice(11)).toBe('23:59:59.999+08:00');
          if (policy.rolls) expect(cal.isWorkingDate(formatCityInstant(dueAt).slice(0, 10))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  // Months too, now that a month period ends at 24:00 of its last day (not the start's time of day).
  it('never comes earlier for a later start, in any mode', () => {
    const nonMonthPolicies = policies;
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

describe('warningLeadMs', () => {
  it('orders working-hours warnings by how far before due they lie', () => {
    expect(warningLeadMs('PT30M')).toBe(30 * 60_000);
    expect(warningLeadMs('D-0T09:00')).toBe(15 * 3_600_000);
    expect(warningLeadMs('D-1T09:00')).toBeGreaterThan(warningLeadMs('D-0T09:00'));
    expect(warningLeadMs('D-2T09:00')).toBeGreaterThan(warningLeadMs('D-1T09:00'));
  });
});
