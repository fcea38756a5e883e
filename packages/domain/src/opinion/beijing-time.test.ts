import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBeijingMinute, formatSpan } from './beijing-time';

describe('formatBeijingMinute', () => {
  it('writes an instant in UTC+8', () => {
    // Act / Assess
    expect(formatBeijingMinute(Date.parse('2026-11-22T10:05:59+08:00'))).toBe('2026-11-22 10:05');
    expect(formatBeijingMinute(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(formatBeijingMinute(Date.parse('2028-02-29T23:59:00+08:00'))).toBe('2028-02-29 23:59');
  });

  it('agrees with the platform calendar for any instant from 1970 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), (ms) => {
        // Prepare: the Date object only serves as the oracle here.
        const oracle = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
        // Act / Assess
        expect(formatBeijingMinute(ms)).toBe(oracle);
      }),
    );
  });
});

describe('formatSpan', () => {
  it('writes hours and minutes in both languages', () => {
    // Act / Assess
    expect(formatSpan(5 * 3_600_000)).toEqual({ zh: '5小时', en: '5 h' });
    expect(formatSpan(90 * 60_000)).toEqual({ zh: '1小时30分钟', en: '1 h 30 min' });
    expect(formatSpan(10 * 60_000)).toEqual({ zh: '10分钟', en: '10 min' });
  });
});
