import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDurationMs, parseIsoDurationMs } from './iso-duration';

describe('ISO 8601 durations (fixed units)', () => {
  it('reads the warning and escalation offsets the clock policies use', () => {
    // Prepare
    const inputs = ['PT2H', 'PT1H', 'PT30M', 'PT10M', 'P2D', 'P1DT1H30M', 'PT1.5S'];
    // Act
    const parsed = inputs.map(parseIsoDurationMs);
    // Assess
    expect(parsed).toEqual([7_200_000, 3_600_000, 1_800_000, 600_000, 172_800_000, 91_800_000, 1500]);
  });

  it('refuses calendar units and empty forms', () => {
    // Prepare
    const inputs = ['P', 'PT', 'P1M', 'P1Y', 'P1W', 'P1DT', '30M', 'PT-1H', ''];
    // Act
    const parsed = inputs.map(parseIsoDurationMs);
    // Assess
    expect(parsed).toEqual(inputs.map(() => undefined));
  });

  it('formats then parses back to the same milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * 3_600_000 }), (ms) => {
        // Act
        const text = formatIsoDurationMs(ms);
        // Assess
        expect(parseIsoDurationMs(text)).toBe(ms);
        expect(text).toMatch(/^PT/);
      }),
    );
  });

  it('writes whole units without zeros', () => {
    // Act / Assess
    expect(formatIsoDurationMs(30 * 60_000)).toBe('PT30M');
    expect(formatIsoDurationMs(5 * 3_600_000)).toBe('PT5H');
    expect(formatIsoDurationMs(0)).toBe('PT0S');
    expect(() => formatIsoDurationMs(-1)).toThrow(RangeError);
  });
});
