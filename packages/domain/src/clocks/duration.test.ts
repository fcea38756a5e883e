import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Duration,
  durationDays,
  durationMonths,
  durationMs,
  durationOfMs,
  formatDuration,
  isFixedDuration,
  parseDuration,
} from './duration';
import { ClockError, DurationParseError } from './errors';

const zero: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseDuration', () => {
  it.each([
    ['PT5H', { hours: 5 }],
    ['PT30M', { minutes: 30 }],
    ['P3D', { days: 3 }],
    ['P10D', { days: 10 }],
    ['P1M', { months: 1 }],
    ['P2M', { months: 2 }],
    ['P3M', { months: 3 }],
    ['P1Y', { years: 1 }],
    ['P2W', { weeks: 2 }],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }],
  ])('reads %s', (text, expected) => {
    // Act
    const parsed = parseDuration(text);

    // Assess
    expect(parsed).toEqual({ ...zero, ...expected });
  });

  it.each([
    ['', 'expected'],
    ['P', 'no component'],
    ['PT', 'no component'],
    ['P1DT', 'no component'],
    ['5H', 'expected'],
    ['pt5h', 'upper case'],
    ['-PT5H', 'negative'],
    ['PT0.5H', 'fractions'],
    ['PT1,5H', 'fractions'],
    ['P1H', 'expected'],
    ['PT1D', 'expected'],
    ['P1M1Y', 'expected'],
    ['P1W2D', 'expected'],
    [' PT5H', 'whitespace'],
    ['P9999999D', 'exceeds'],
  ])('refuses %j with a reason', (text, reason) => {
    // Act
    const attempt = () => parseDuration(text);

    // Assess
    expect(attempt).toThrow(DurationParseError);
    expect(attempt).toThrow(reason);
    try {
      attempt();
    } catch (error) {
      expect((error as DurationParseError).code).toBe('clock.duration.invalid');
      expect((error as DurationParseError).input).toBe(text);
    }
  });
});

describe('duration sizes', () => {
  it('gives fixed lengths in ms, counting a day as 24 h (Asia/Shanghai has no DST)', () => {
    // Act + Assess
    expect(durationMs('PT5H')).toBe(5 * 3_600_000);
    expect(durationMs('PT30M')).toBe(1_800_000);
    expect(durationMs('P1D')).toBe(86_400_000);
    expect(durationMs('P1W')).toBe(7 * 86_400_000);
    expect(isFixedDuration('P1M')).toBe(false);
  });

  it('refuses ms for months and years, days for time parts, months for days', () => {
    // Act + Assess
    expect(() => durationMs('P1M')).toThrow('no fixed length');
    expect(() => durationDays('PT24H')).toThrow('days or weeks only');
    expect(() => durationMonths('P30D')).toThrow('months or years only');
    expect(durationDays('P2W')).toBe(14);
    expect(durationMonths('P1Y2M')).toBe(14);
  });
});

const component = fc.integer({ min: 0, max: 500 });
const anyDuration: fc.Arbitrary<Duration> = fc.oneof(
  fc
    .record({
      years: component,
      months: component,
      days: component,
      hours: component,
      minutes: component,
      seconds: component,
    })
    .map((d) => ({ ...d, weeks: 0 })),
  fc.integer({ min: 1, max: 500 }).map((weeks) => ({ ...zero, weeks })),
);

describe('duration properties', () => {
  it('formats to a text that parses back to the same duration', () => {
    fc.assert(
      fc.property(anyDuration, (duration) => {
        // Act
        const text = formatDuration(duration);

        // Assess
        expect(parseDuration(text)).toEqual(duration);
      }),
    );
  });

  it('accepts a text only when its canonical form reads the same, and fails only with DurationParseError', () => {
    const alphabet = fc.constantFrom('P', 'T', 'Y', 'M', 'W', 'D', 'H', 'S', '1', '2', '0', '5', '.', '-', 'p', ' ');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join('')),
        (text) => {
          // Act
          let parsed: Duration | undefined;
          try {
            parsed = parseDuration(text);
          } catch (error) {
            // Assess (refused)
            expect(error).toBeInstanceOf(DurationParseError);
            expect(error).toBeInstanceOf(ClockError);
            return;
          }
          // Assess (accepted)
          expect(parseDuration(formatDuration(parsed))).toEqual(parsed);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('durationOfMs', () => {
  it('writes warning offsets computed in milliseconds as policies write them', () => {
    expect(formatDuration(durationOfMs(30 * 60_000))).toBe('PT30M');
    expect(formatDuration(durationOfMs(5 * 3_600_000))).toBe('PT5H');
    expect(formatDuration(durationOfMs(0))).toBe('PT0S');
    expect(() => durationOfMs(-1)).toThrow(RangeError);
    expect(() => durationOfMs(1500)).toThrow(RangeError);
  });

  it('formats then parses back to the same milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 3600 }), (s) => {
        const text = formatDuration(durationOfMs(s * 1000));
        expect(durationMs(text)).toBe(s * 1000);
        expect(text).toMatch(/^PT/);
      }),
    );
  });
});
