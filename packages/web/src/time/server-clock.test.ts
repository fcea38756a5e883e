import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetOf, parseDateHeader, ServerClock } from './server-clock';

function clockAt(browserNow: { value: number }) {
  return new ServerClock(() => browserNow.value);
}

describe('ServerClock', () => {
  it('follows the virtual clock of the local runtime, offset by the round trip midpoint', () => {
    // Prepare: the server runs 4 h 50 min ahead of the browser
    const browser = { value: 1_000_000 };
    const clock = clockAt(browser);
    const ahead = (4 * 60 + 50) * 60_000;

    // Act
    clock.observe({ sentAt: 1_000_000, receivedAt: 1_000_100, serverNow: 1_000_050 + ahead }, 'local-clock');
    browser.value = 1_005_000;

    // Assess
    expect(clock.source).toBe('local-clock');
    expect(clock.now()).toBe(1_005_000 + ahead);
  });

  it('jumps when the virtual clock is advanced and ignores small jitter', () => {
    // Prepare
    const browser = { value: 0 };
    const clock = clockAt(browser);
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 0 }, 'local-clock');

    // Act
    clock.observe({ sentAt: 10, receivedAt: 30, serverNow: 20 + 120 }, 'local-clock');
    const afterJitter = clock.offsetMs;
    clock.observe({ sentAt: 40, receivedAt: 60, serverNow: 50 + 11 * 60_000 }, 'local-clock');

    // Assess
    expect(afterJitter).toBe(0);
    expect(clock.offsetMs).toBe(11 * 60_000);
  });

  it('uses a Date header (second resolution) until the precise local clock answers, then ignores it', () => {
    // Prepare
    const clock = clockAt({ value: 0 });

    // Act
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 60_000 }, 'date-header');
    const fromHeader = clock.offsetMs;
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 5_000 }, 'local-clock');
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 90_000 }, 'date-header');

    // Assess
    expect(fromHeader).toBe(60_500);
    expect(clock.offsetMs).toBe(5_000);
  });

  it('tells subscribers when the offset changes', () => {
    // Prepare
    const clock = clockAt({ value: 0 });
    let calls = 0;
    const unsubscribe = clock.subscribe(() => calls++);

    // Act
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 1_000 }, 'local-clock');
    unsubscribe();
    clock.observe({ sentAt: 0, receivedAt: 0, serverNow: 100_000 }, 'local-clock');

    // Assess
    expect(calls).toBe(1);
  });

  it('estimates within half the round trip of the true offset (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (trueOffset, up, down) => {
          // The server reads its clock somewhere between the request leaving and the answer arriving.
          const sentAt = 1_000_000;
          const serverNow = sentAt + up + trueOffset;
          const estimate = offsetOf({ sentAt, receivedAt: sentAt + up + down, serverNow });
          expect(Math.abs(estimate - trueOffset)).toBeLessThanOrEqual((up + down) / 2);
        },
      ),
    );
  });

  it('parses IMF-fixdate Date headers and rejects garbage', () => {
    expect(parseDateHeader('Sun, 22 Nov 2026 06:05:09 GMT')).toBe(Date.UTC(2026, 10, 22, 6, 5, 9));
    expect(parseDateHeader('yesterday')).toBeUndefined();
    expect(parseDateHeader(null)).toBeUndefined();
  });
});
