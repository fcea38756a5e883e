import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsToDay,
  cityDayOf,
  cityInstant,
  civilFromDay,
  DAY_MS,
  dayFromCivil,
  dayOfIsoDate,
  endOfCityDay,
  formatCityInstant,
  isoDateOfDay,
  startOfCityDay,
  tryDayOfIsoDate,
  weekdayOfDay,
} from './city-time';
import { CityTimeError } from './errors';

describe('city time (Asia/Shanghai, UTC+8)', () => {
  it('puts a day boundary at 16:00 UTC of the day before', () => {
    // Prepare
    const day = dayFromCivil(2026, 10, 1);

    // Act + Assess
    expect(startOfCityDay(day)).toBe(Date.UTC(2026, 8, 30, 16));
    expect(endOfCityDay(day)).toBe(Date.UTC(2026, 9, 1, 15, 59, 59, 999));
    expect(cityDayOf(Date.UTC(2026, 8, 30, 15, 59, 59, 999))).toBe(day - 1);
    expect(cityDayOf(Date.UTC(2026, 8, 30, 16))).toBe(day);
  });

  it('reads and writes local date-times with the +08:00 offset', () => {
    // Act
    const instant = cityInstant('2026-10-01T09:30');

    // Assess
    expect(instant).toBe(Date.UTC(2026, 9, 1, 1, 30));
    expect(formatCityInstant(instant)).toBe('2026-10-01T09:30:00.000+08:00');
    expect(cityInstant('2026-10-01T09:30:00.000+08:00')).toBe(instant);
    expect(formatCityInstant(endOfCityDay(dayFromCivil(2026, 10, 8)))).toBe('2026-10-08T23:59:59.999+08:00');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-10-01T24:00', '2026-10-01 09:30', '2026-10-01T09:30Z'])(
    'refuses %j',
    (text) => {
      // Act + Assess
      expect(() => cityInstant(text)).toThrow(CityTimeError);
    },
  );

  it('knows weekdays (2026-10-01 is a Thursday, 2026-02-14 a Saturday)', () => {
    // Act + Assess
    expect(weekdayOfDay(dayFromCivil(2026, 10, 1))).toBe(4);
    expect(weekdayOfDay(dayFromCivil(2026, 2, 14))).toBe(6);
    expect(weekdayOfDay(dayFromCivil(1970, 1, 1))).toBe(4);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 2, '2027-02-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2028-02-29', 1, '2028-03-29'],
  ])(
    'ends a month period on the corresponding day or the month end: %s + %i months = %s',
    (start, months, expected) => {
      // Act
      const result = addMonthsToDay(dayOfIsoDate(start), months);

      // Assess
      expect(isoDateOfDay(result)).toBe(expected);
    },
  );
});

describe('city time properties', () => {
  const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthLength = (year: number, month: number) =>
    [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  const civil = fc
    .record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => day <= monthLength(year, month));

  it('day numbers agree with the proleptic Gregorian calendar of Date.UTC and round-trip', () => {
    fc.assert(
      fc.property(civil, ({ year, month, day }) => {
        // Act
        const dayNumber = dayFromCivil(year, month, day);

        // Assess
        expect(dayNumber * DAY_MS).toBe(Date.UTC(year, month - 1, day));
        expect(civilFromDay(dayNumber)).toEqual({ year, month, day });
        expect(tryDayOfIsoDate(isoDateOfDay(dayNumber))).toBe(dayNumber);
      }),
    );
  });

  it('formats and parses every instant back to itself, and the day contains it', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2150, 0, 1) }), (instant) => {
        // Act
        const text = formatCityInstant(instant);
        const day = cityDayOf(instant);

        // Assess
        expect(cityInstant(text)).toBe(instant);
        expect(startOfCityDay(day)).toBeLessThanOrEqual(instant);
        expect(endOfCityDay(day)).toBeGreaterThanOrEqual(instant);
        expect(instant - startOfCityDay(day)).toBeLessThan(DAY_MS);
      }),
    );
  });
});
