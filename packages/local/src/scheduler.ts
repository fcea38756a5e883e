// Runs the wirings' schedules on the local tick. A run never overlaps the previous one of the same
// schedule (an EventBridge schedule could; our handlers tolerate it, but the log stays readable).
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(private readonly log: (msg: string, extra?: Record<string, unknown>) => void) {}

  every(name: string, ms: number, run: () => Promise<unknown>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const p = run()
        .catch((e: Error) => this.log('scheduled run failed', { schedule: name, error: e.message }))
        .finally(() => {
          busy = false;
          this.running.delete(p);
        });
      this.running.add(p);
    }, ms);
    this.timers.push(timer);
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
