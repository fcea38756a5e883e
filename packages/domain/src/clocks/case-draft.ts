import type { ClockIntent } from './clock-intent';

// One decision of a case in the making, the same for every case domain (transfers, integrity
// records, …): the state's next version, the events it emits (each with the domain's own head
// fields), their timeline lines, and what it asks of its clocks, in order.

/** A case's own note of one of its clocks (the clock service keeps the clock itself). */
export interface CaseClockNote {
  policyId: string;
  running: boolean;
  /** How it stopped: met by the act it waited for, or cancelled because that act will never come. */
  ended?: 'met' | 'cancelled';
  /** Recorded from the clock service's Clock.Breached; a late meet breaches too. */
  breachedAt?: number;
}

export interface DraftableCase<T extends string> {
  version: number;
  clocks: Partial<Record<string, CaseClockNote>>;
  timeline: { at: number; what: T; by: string; note?: string }[];
}

export abstract class CaseDraft<S extends DraftableCase<T>, K extends string, T extends string, E> {
  readonly events: E[] = [];
  readonly clocks: ClockIntent<K>[] = [];
  state: S;
  constructor(
    state: S,
    readonly now: number,
    readonly by: string,
  ) {
    this.state = { ...state, version: state.version + 1 };
  }

  /** The event as the domain writes it: its head fields (id, version, at, by, …), then `data`. */
  protected abstract eventOf(type: T, data: Record<string, unknown>): E;

  emit(type: T, data: Record<string, unknown> = {}, note?: string): void {
    this.events.push(this.eventOf(type, data));
    this.state.timeline = [
      ...this.state.timeline,
      { at: this.now, what: type, by: this.by, ...(note ? { note } : {}) },
    ];
  }
  start(
    key: K,
    policyId: string,
    startedAt = this.now,
    period?: { duration: string; documentNo: string; decidedBy: string },
  ): void {
    this.clocks.push({ kind: 'start', key, policyId, startedAt, ...(period ? { period } : {}) });
    this.note(key, { policyId, running: true });
  }
  /** A conditional clock: started from its statutory start and met at once, so its lateness is judged. */
  startMet(key: K, policyId: string, startedAt: number): void {
    this.clocks.push({ kind: 'start', key, policyId, startedAt }, { kind: 'meet', key, at: this.now });
    this.note(key, { policyId, running: false, ended: 'met' });
  }
  running(key: K): boolean {
    return this.state.clocks[key]?.running === true;
  }
  stop(key: K, how: 'meet' | 'cancel', reason = '', at = this.now): void {
    const c = this.state.clocks[key];
    if (!c?.running) return;
    this.clocks.push(how === 'meet' ? { kind: 'meet', key, at } : { kind: 'cancel', key, reason });
    this.note(key, { ...c, running: false, ended: how === 'meet' ? 'met' : 'cancelled' });
  }
  /** Cancels every running clock (the case leaves the platform or ends). */
  stopAll(reason: string): void {
    for (const [key, c] of Object.entries(this.state.clocks)) if (c?.running) this.stop(key as K, 'cancel', reason);
  }
  private note(key: K, c: CaseClockNote): void {
    this.state.clocks = { ...this.state.clocks, [key]: c };
  }
}
