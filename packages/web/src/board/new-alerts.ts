import type { Alert, AlertLevel } from '../api/types';

/** What the board last saw of each open alert: enough to tell a new alert or an escalation. */
export type SeenAlerts = ReadonlyMap<string, AlertLevel>;

export interface AlertDiff {
  seen: SeenAlerts;
  /** Alerts that appeared or escalated since the previous poll: these ring the bell. */
  announce: Alert[];
}

/** The first poll after sign-in (no previous) establishes what is there without ringing. */
export function diffAlerts(previous: SeenAlerts | undefined, current: readonly Alert[]): AlertDiff {
  const seen = new Map(current.map((a) => [a.id, a.level] as const));
  if (!previous) return { seen, announce: [] };
  const announce = current.filter((a) => previous.get(a.id) !== a.level);
  return { seen, announce };
}
