// The local runtime's clock. `system` is the real clock. `virtual` is the real clock plus an offset
// that only moves forward (POST /_local/clock/advance), so a demo can run five hours of a crisis in
// seconds while time keeps flowing between jumps.
import type { Clock } from '@fazhi/domain/clock';

export class VirtualClock implements Clock {
  constructor(
    private offsetMs = 0,
    private readonly onChange: (offsetMs: number) => void = () => undefined,
    private readonly real: () => number = Date.now,
  ) {}
  now(): number {
    return this.real() + this.offsetMs;
  }
  get offset(): number {
    return this.offsetMs;
  }
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the virtual clock only moves forward');
    this.offsetMs += ms;
    this.onChange(this.offsetMs);
    return this.now();
  }
}

/** ISO 8601 duration with days, hours, minutes, seconds (`P1DT2H`, `PT4H`, `PT11M`, `PT0.5S`). */
export function durationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T'))
    throw new RangeError(`"${iso}" is not an ISO 8601 duration like PT4H or P1DT30M`);
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Math.round(Number(s ?? 0) * 1000);
}
