// Countdowns follow the server's clock, not the browser's: the local runtime may run a virtual clock moved
// forward for a demo, and a duty PC's own clock may simply be wrong. We keep an offset to the browser clock.

export type ClockSource = 'none' | 'date-header' | 'local-clock';

export interface ClockSample {
  /** Browser time when the request was sent. */
  sentAt: number;
  /** Browser time when the response arrived. */
  receivedAt: number;
  /** Server time reported by the response. */
  serverNow: number;
}

/** Offset (server − browser) assuming the server read its clock halfway through the round trip. */
export function offsetOf(sample: ClockSample): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

// Below these differences a new sample is treated as jitter: adopting it would make the seconds jump back and forth.
const JITTER_MS: Record<Exclude<ClockSource, 'none'>, number> = { 'local-clock': 300, 'date-header': 1200 };

export class ServerClock {
  private offset = 0;
  private src: ClockSource = 'none';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly browserNow: () => number = () => Date.now()) {}

  get offsetMs(): number {
    return this.offset;
  }

  get source(): ClockSource {
    return this.src;
  }

  now(): number {
    return this.browserNow() + this.offset;
  }

  /**
   * Feeds one sample. A `Date` header has one-second resolution (truncated), so we add half a second; it is
   * ignored once the precise local virtual clock has been seen.
   */
  observe(sample: ClockSample, source: Exclude<ClockSource, 'none'>): void {
    if (source === 'date-header' && this.src === 'local-clock') return;
    const adjusted = source === 'date-header' ? { ...sample, serverNow: sample.serverNow + 500 } : sample;
    const next = offsetOf(adjusted);
    const sourceChanged = this.src !== source;
    if (!sourceChanged && Math.abs(next - this.offset) < JITTER_MS[source]) return;
    this.offset = next;
    this.src = source;
    for (const listener of this.listeners) listener();
  }

  /** Forgets the local clock, e.g. when /_local/clock stops answering. */
  reset(): void {
    this.src = 'none';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Parses an HTTP `Date` header (IMF-fixdate); undefined when absent or unparsable. */
export function parseDateHeader(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export const serverClock = new ServerClock();
