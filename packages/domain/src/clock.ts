// The clock port. Domain code never reads the wall clock: it is handed one of these, so tests and
// the local runtime can move time (a 5-hour crisis in seconds) and production uses the real clock.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock fixed at one instant that tests move by hand. */
export class ManualClock implements Clock {
  constructor(private at: number) {}
  now(): number {
    return this.at;
  }
  set(at: number): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}
