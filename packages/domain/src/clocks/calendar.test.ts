import { isWorkday } from 'chinese-days';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HolidayCalendar, loadCalendarOverride, packagedCalendar, parseCalendarYears } from './calendar';
import { dayFromCivil, isoDateOfDay } from './city-time';
import { CalendarDataError, CalendarYearNotLoadedError, type ClockError } from './errors';
import fixture2027 from './fixtures/calendar-2027.test-fixture.json' with { type: 'json' };

describe('packaged calendar', () => {
  it('holds 2004–2026, every year verified, exactly the dates of chinese-days (regenerate on drift)', () => {
    // Prepare
    const expectedHolidays = Object.keys(chineseDaysData.holidays).sort();
    const expectedWorkdays = Object.keys(chineseDaysData.workdays).sort();

    // Act
    const years = packagedCalendar.years.map((year) => packagedCalendar.yearData(year)!);

    // Assess
    expect(packagedCalendar.years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(years.every((year) => year.verified && year.source.includes(String(year.year)))).toBe(true);
    expect(years.flatMap((year) => year.holidays).sort()).toEqual(expectedHolidays);
    expect(years.flatMap((year) => year.workdays).sort()).toEqual(expectedWorkdays);
  });

  it.each([
    ['2026-10-01', 'holiday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-08', 'workday'],
    ['2026-10-10', 'adjustedWorkday'],
    ['2026-09-20', 'adjustedWorkday'],
    ['2026-09-25', 'holiday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-14', 'adjustedWorkday'],
    ['2026-02-28', 'adjustedWorkday'],
    ['2026-01-04', 'adjustedWorkday'],
    ['2026-05-09', 'adjustedWorkday'],
    ['2026-03-07', 'weekend'],
    ['2026-03-09', 'workday'],
  ] as const)('classifies %s as %s (2026 State Council arrangement)', (date, kind) => {
    // Act + Assess
    expect(packagedCalendar.kindOfDate(date)).toBe(kind);
  });

  it('agrees with chinese-days on every day of 2004–2026', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(2004, 1, 1), max: dayFromCivil(2026, 12, 31) }), (day) => {
        // Act
        const date = isoDateOfDay(day);

        // Assess
        expect(packagedCalendar.isWorkingDate(date)).toBe(isWorkday(date));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a year without data', () => {
  it('throws CalendarYearNotLoadedError naming the year and how to load it, never a Mon–Fri guess', () => {
    // Act
    const attempt = () => packagedCalendar.isWorkingDate('2027-01-04');

    // Assess
    expect(attempt).toThrow(CalendarYearNotLoadedError);
    expect(attempt).toThrow(/2027.*loaded: 2004–2026.*loadCalendarOverride/s);
    try {
      attempt();
    } catch (error) {
      expect((error as CalendarYearNotLoadedError).year).toBe(2027);
      expect((error as ClockError).code).toBe('clock.calendar.year-not-loaded');
    }
  });

  it('works once the year is loaded from a file, leaving the packaged years and the base untouched', () => {
    // Act
    const calendar = loadCalendarOverride(JSON.stringify(fixture2027));

    // Assess
    expect(calendar.kindOfDate('2027-01-01')).toBe('holiday');
    expect(calendar.kindOfDate('2027-01-04')).toBe('workday');
    expect(calendar.kindOfDate('2027-02-20')).toBe('adjustedWorkday');
    expect(calendar.kindOfDate('2026-10-01')).toBe('holiday');
    expect(calendar.yearData(2027)?.verified).toBe(false);
    expect(packagedCalendar.hasYear(2027)).toBe(false);
  });

  it('replaces a packaged year wholesale when a correction is loaded', () => {
    // Prepare
    const correction = { year: 2026, holidays: ['2026-01-01'], workdays: [], source: 'correction', verified: true };

    // Act
    const calendar = loadCalendarOverride([correction]);

    // Assess
    expect(calendar.kindOfDate('2026-01-01')).toBe('holiday');
    expect(calendar.kindOfDate('2026-10-01')).toBe('workday');
    expect(calendar.years).toHaveLength(23);
  });
});

describe('calendar override validation', () => {
  const valid = { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-20'], source: 'notice', verified: true };

  it.each([
    [{ ...valid, holidays: ['2027-02-30'] }, 'holidays[0]: 2027-02-30 is not a real date'],
    [{ ...valid, holidays: ['2027/01/01'] }, 'holidays[0]: must be a date written YYYY-MM-DD'],
    [{ ...valid, holidays: ['2026-12-31'] }, 'holidays[0]: 2026-12-31 is not in year 2027'],
    [{ ...valid, holidays: ['2027-01-01', '2027-01-01'] }, 'holidays[1]: 2027-01-01 is listed twice'],
    [{ ...valid, workdays: ['2027-01-01'] }, 'workdays[0]: 2027-01-01 is listed both as a holiday and as a workday'],
    [{ ...valid, workdays: ['2027-01-04'] }, 'workdays[0]: 2027-01-04 is a Monday; workdays lists only weekend days'],
    [{ ...valid, holidays: [] }, 'holidays: a State Council arrangement always lists holidays'],
    [{ ...valid, source: ' ' }, 'source: name the notice'],
    [{ ...valid, verified: 'yes' }, 'verified:'],
    [{ ...valid, year: 2027.5 }, 'year:'],
    [{ ...valid, holiday: [] }, 'holiday'],
    [[valid, valid], 'year 2027 appears twice'],
    ['{ "year": 2027,', 'not valid JSON'],
  ])('refuses %j with a message that points at the problem', (json, message) => {
    // Act
    const attempt = () => loadCalendarOverride(json);

    // Assess
    expect(attempt).toThrow(CalendarDataError);
    expect(attempt).toThrow(message);
  });

  it('accepts one year or an array of years', () => {
    // Act + Assess
    expect(parseCalendarYears(valid)).toHaveLength(1);
    expect(parseCalendarYears([valid, { ...valid, year: 2028, holidays: ['2028-01-01'], workdays: [] }])).toHaveLength(
      2,
    );
    expect(HolidayCalendar.fromData([]).years).toEqual([]);
  });
});

describe('working-day arithmetic', () => {
  it('counts working days strictly after a day, skipping 春节 and counting 调休 Saturdays', () => {
    // Prepare
    const friday = dayFromCivil(2026, 2, 13);

    // Act
    const third = packagedCalendar.addWorkingDays(friday, 3);

    // Assess: 02-14 (调休 Saturday), 02-24, 02-25
    expect(isoDateOfDay(third)).toBe('2026-02-25');
    expect(packagedCalendar.workingDaysBetween(friday, third)).toBe(3);
    expect(isoDateOfDay(packagedCalendar.workingDayOnOrAfter(dayFromCivil(2026, 10, 1)))).toBe('2026-10-08');
  });
});
