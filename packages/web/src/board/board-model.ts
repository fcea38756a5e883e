import type { Alert, AlertLevel, ClockStatus } from '../api/types';
import { instant } from '../time/china-time';
import { type Urgency, urgencyOf } from '../time/countdown';

interface ClockLike {
  dueAt: string;
  status: ClockStatus;
  metAt?: string;
}

/** A clock still asks for action: running, paused, or past due without its milestone. */
export const isActive = (clock: ClockLike): boolean =>
  !clock.metAt && (clock.status === 'running' || clock.status === 'paused' || clock.status === 'breached');

export type ClockState =
  | { kind: 'active'; remainingMs: number; urgency: Urgency; paused: boolean }
  | { kind: 'met'; onTime: boolean; lateByMs: number }
  | { kind: 'cancelled' };

export function clockState(clock: ClockLike, now: number): ClockState {
  if (clock.metAt || clock.status === 'met') {
    const metAt = clock.metAt ? instant(clock.metAt) : Number.NaN;
    const lateByMs = Number.isFinite(metAt) ? Math.max(0, metAt - instant(clock.dueAt)) : 0;
    return { kind: 'met', onTime: lateByMs === 0, lateByMs };
  }
  if (clock.status === 'cancelled') return { kind: 'cancelled' };
  const remainingMs = instant(clock.dueAt) - now;
  // The sweeper may mark a clock breached a moment before our offset estimate says it is due.
  const urgency = clock.status === 'breached' ? 'breached' : urgencyOf(remainingMs);
  return { kind: 'active', remainingMs, urgency, paused: clock.status === 'paused' };
}

export type ClockLook = Urgency | 'paused' | 'met' | 'met-late' | 'cancelled';

/** The colour family of a clock on screen (always shown together with its words); a late completion looks late. */
export const lookOf = (state: ClockState): ClockLook => {
  if (state.kind === 'active') return state.paused ? 'paused' : state.urgency;
  if (state.kind === 'met') return state.onTime ? 'met' : 'met-late';
  return state.kind;
};

/**
 * How long before due an alert really went out. A warning is named by its policy step (`PT30M`), but a
 * clock started late, or a sweep that caught up after a pause, raises it with less time left: the label
 * must say what happened (9 minutes, not 30). Undefined for a breach.
 */
export function warnedAheadMs(alert: Pick<Alert, 'reason' | 'raisedAt' | 'dueAt'>): number | undefined {
  if (alert.reason !== 'warning') return undefined;
  return Math.max(0, instant(alert.dueAt) - instant(alert.raisedAt));
}

/** Most urgent first: the furthest overdue, then the nearest deadline; paused clocks after running ones. */
export function byUrgency<T extends ClockLike>(clocks: readonly T[]): T[] {
  return clocks
    .filter(isActive)
    .sort(
      (a, b) => Number(a.status === 'paused') - Number(b.status === 'paused') || instant(a.dueAt) - instant(b.dueAt),
    );
}

/** Clocks met or cancelled within the window, most recent first, so the board shows what was just done. */
export function recentlyFinished<T extends ClockLike & { breachedAt?: string }>(
  clocks: readonly T[],
  now: number,
  windowMs = 12 * 3_600_000,
): T[] {
  const finishedAt = (c: T) => instant(c.metAt ?? c.dueAt);
  return clocks
    .filter((c) => !isActive(c) && (c.status === 'met' || c.status === 'cancelled' || !!c.metAt))
    .filter((c) => now - finishedAt(c) <= windowMs)
    .sort((a, b) => finishedAt(b) - finishedAt(a));
}

const LEVEL_RANK: Record<AlertLevel, number> = { officer: 0, leader: 1, head: 2 };

/** Breaches before warnings, higher escalation before lower, then the nearest deadline, then the oldest. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(b.reason === 'breach') - Number(a.reason === 'breach') ||
      (LEVEL_RANK[b.level] ?? 0) - (LEVEL_RANK[a.level] ?? 0) ||
      instant(a.dueAt) - instant(b.dueAt) ||
      instant(a.raisedAt) - instant(b.raisedAt),
  );
}
