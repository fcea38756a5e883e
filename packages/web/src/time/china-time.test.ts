import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime, fromLocalInput, toChinaIso, toLocalInput } from './china-time';

// 2026-11-22 06:05:09 UTC is 14:05:09 in Beijing.
const AT = Date.UTC(2026, 10, 22, 6, 5, 9);

describe('China time', () => {
  it('formats an instant as Beijing time whatever the machine time zone', () => {
    expect(formatDateTime(AT)).toBe('2026-11-22 14:05:09');
    expect(formatTime(AT)).toBe('14:05:09');
    expect(toChinaIso(AT)).toBe('2026-11-22T14:05:09+08:00');
    expect(toLocalInput(AT)).toBe('2026-11-22T14:05');
  });

  it('crosses midnight into the next Beijing day', () => {
    expect(formatDateTime(Date.UTC(2026, 11, 31, 16, 0, 0))).toBe('2027-01-01 00:00:00');
  });

  it('reads a datetime-local value as Beijing time', () => {
    expect(fromLocalInput('2026-11-22T14:05')).toBe(AT - 9000);
    expect(fromLocalInput('2026-11-22T14:05:09')).toBe(AT);
  });

  it('refuses values that are not real instants', () => {
    for (const bad of ['', '2026-02-30T10:00', '2026-11-22 14:05', '2026-11-22T24:00', '2026-13-01T00:00', 'abc']) {
      expect(fromLocalInput(bad)).toBeUndefined();
    }
  });

  it('toChinaIso parses back to the same instant, to the second (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        const ms = seconds * 1000;
        expect(Date.parse(toChinaIso(ms))).toBe(ms);
      }),
    );
  });

  it('toLocalInput and fromLocalInput round-trip to the minute (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 68_000_000 }), (minutes) => {
        const ms = minutes * 60_000;
        expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
      }),
    );
  });
});
