// Throttling for the local login (in AWS, Cognito's own protection does this): failed sign-ins are
// counted per username and per client address. After a few failures each next attempt must wait
// (1 s, 2 s, 4 s … up to a minute); after many, the username or address is locked for 15 minutes.
// While blocked, even the right password is refused, so guessing gains nothing from speed. Time
// comes from the injected clock. One runtime is one process, so the counters live in memory.
import type { Clock } from '@fazhi/domain/clock';

export interface ThrottlePolicy {
  /** Failures allowed without any wait. */
  free: number;
  /** Failures after which the key is locked for `lockMs`. */
  lockAfter: number;
  lockMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  windowMs: number;
}

export const USERNAME_POLICY: ThrottlePolicy = {
  free: 3,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
};
/** Offices share an address behind NAT: more room per address than per username. */
export const ADDRESS_POLICY: ThrottlePolicy = {
  free: 10,
  lockAfter: 30,
  lockMs: 15 * 60_000,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
};

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

const MAX_ENTRIES = 10_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly policies: { username: ThrottlePolicy; address: ThrottlePolicy } = {
      username: USERNAME_POLICY,
      address: ADDRESS_POLICY,
    },
  ) {}

  /** Milliseconds until this username from this address may try again; 0 when it may now. */
  waitMs(username: string, address: string): number {
    const now = this.clock.now();
    return Math.max(0, ...this.keys(username, address).map(([k]) => (this.live(k, now)?.blockedUntil ?? 0) - now));
  }

  failed(username: string, address: string): void {
    const now = this.clock.now();
    for (const [key, policy] of this.keys(username, address)) {
      const e = this.live(key, now) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
      e.failures++;
      e.lastFailure = now;
      if (e.failures >= policy.lockAfter) e.blockedUntil = now + policy.lockMs;
      else if (e.failures > policy.free)
        e.blockedUntil = now + Math.min(policy.maxDelayMs, 1000 * 2 ** (e.failures - policy.free - 1));
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    this.prune(now);
  }

  /** A correct sign-in clears the username's failures (not the address's: one's own account must not reset a guesser's count). */
  succeeded(username: string): void {
    this.entries.delete(`user:${username}`);
  }

  private keys(username: string, address: string): [string, ThrottlePolicy][] {
    return [
      [`user:${username}`, this.policies.username],
      [`addr:${address}`, this.policies.address],
    ];
  }

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const policy = key.startsWith('user:') ? this.policies.username : this.policies.address;
    if (now - e.lastFailure > policy.windowMs && now >= e.blockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  private prune(now: number): void {
    if (this.entries.size <= MAX_ENTRIES) return;
    for (const key of this.entries.keys()) {
      this.live(key, now);
      if (this.entries.size <= MAX_ENTRIES) return;
    }
    // Still full of live entries: drop the oldest (Map keeps insertion order; failures re-insert).
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
