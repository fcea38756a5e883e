import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationMs, formatCountdown, SOON_MS, URGENT_MS, urgencyOf } from './countdown';

const parseCountdown = (text: string): number => {
  const m = /^(-?)(\d{2,}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a countdown: ${text}`);
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] ? -seconds : seconds;
};

describe('urgencyOf', () => {
  it('is green above 2 h, amber at 2 h, red at 30 min, breached only once past due', () => {
    // Prepare
    const cases: [number, string][] = [
      [SOON_MS + 1, 'ok'],
      [SOON_MS, 'soon'],
      [URGENT_MS + 1, 'soon'],
      [URGENT_MS, 'urgent'],
      [0, 'urgent'],
      [-1, 'breached'],
    ];

    // Act
    const got = cases.map(([ms]) => urgencyOf(ms));

    // Assess
    expect(got).toEqual(cases.map(([, u]) => u));
  });
});

describe('formatCountdown', () => {
  it('shows hours beyond a day and a minus sign once overdue', () => {
    expect(formatCountdown(10 * 60_000)).toBe('00:10:00');
    expect(formatCountdown(24 * 3_600_000 - 1000)).toBe('23:59:59');
    expect(formatCountdown(48 * 3_600_000)).toBe('48:00:00');
    expect(formatCountdown(-(5 * 60_000 + 12_000))).toBe('-00:05:12');
  });

  it('reaches 00:00:00 exactly at the due instant and -00:00:01 within the first overdue second', () => {
    expect(formatCountdown(999)).toBe('00:00:01');
    expect(formatCountdown(0)).toBe('00:00:00');
    expect(formatCountdown(-1)).toBe('-00:00:01');
  });

  it('reads back to the remaining whole seconds, rounded away from the deadline (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * 3_600_000, max: 400 * 3_600_000 }), (ms) => {
        // Act
        const seconds = parseCountdown(formatCountdown(ms));

        // Assess
        expect(Math.abs(seconds)).toBe(Math.ceil(Math.abs(ms) / 1000));
        expect(seconds < 0).toBe(ms < 0 && Math.ceil(Math.abs(ms) / 1000) > 0);
      }),
    );
  });

  it('never increases as time passes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000 }), (ms, d) => {
        expect(parseCountdown(formatCountdown(ms - d))).toBeLessThanOrEqual(parseCountdown(formatCountdown(ms)));
      }),
    );
  });
});

describe('durationMs', () => {
  it('reads the durations policies use', () => {
    expect(durationMs('PT2H')).toBe(2 * 3_600_000);
    expect(durationMs('PT30M')).toBe(30 * 60_000);
    expect(durationMs('P1DT2H')).toBe(26 * 3_600_000);
    expect(durationMs('PT45S')).toBe(45_000);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '2H', 'PT-1H', 'P1W', 'PT1.5H']) expect(durationMs(bad)).toBeUndefined();
  });

  it('round-trips any day/hour/minute/second combination (property)', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(23), fc.nat(59), fc.nat(59), (d, h, m, s) => {
        fc.pre(d + h + m + s > 0);
        const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
        const iso = `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
        expect(durationMs(iso)).toBe((((d * 24 + h) * 60 + m) * 60 + s) * 1000);
      }),
    );
  });
});
