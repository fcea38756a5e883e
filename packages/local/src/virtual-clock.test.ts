import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationMs, VirtualClock } from './virtual-clock';

describe('virtual clock', () => {
  it('moves forward by ISO durations and keeps flowing with real time', () => {
    let real = 1_000;
    let saved = -1;
    const c = new VirtualClock(
      0,
      (o) => {
        saved = o;
      },
      () => real,
    );
    c.advance(durationMs('PT4H'));
    expect(c.now()).toBe(1_000 + 4 * 3600_000);
    real += 5;
    expect(c.now()).toBe(1_005 + 4 * 3600_000);
    expect(saved).toBe(4 * 3600_000);
    expect(() => c.advance(-1)).toThrow(RangeError);
  });

  it('parses the durations a demo uses and refuses others', () => {
    expect(durationMs('PT11M')).toBe(660_000);
    expect(durationMs('P1DT2H')).toBe(26 * 3600_000);
    expect(durationMs('PT0.5S')).toBe(500);
    for (const bad of ['', 'P', 'PT', '4H', 'P1M', 'PT-1H', 'P1W']) expect(() => durationMs(bad)).toThrow(RangeError);
  });

  it('round-trips any d/h/m/s duration', () => {
    fc.assert(
      fc.property(fc.nat(400), fc.nat(23), fc.nat(59), fc.nat(59), (d, h, m, s) => {
        expect(durationMs(`P${d}DT${h}H${m}M${s}S`)).toBe(((d * 24 + h) * 60 + m) * 60_000 + s * 1000);
      }),
    );
  });
});
