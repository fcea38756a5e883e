import type { AlertReason, AlertResolution, AlertState } from './alert-state';
import type { AlertLevel } from './levels';

// An alert's life as dated entries, for the after-action review of a case: when it was raised and to
// whom, each escalation and reminder, who acknowledged it, how it ended, and (from the notifier's
// records) each notification with its channel and outcome.

export type AlertHistoryKind = 'raised' | 'escalated' | 'reminded' | 'acknowledged' | 'resolved' | 'notified';

export interface NotificationOutcome {
  at: number;
  channel: string;
  detailType: string;
  recipients: string[];
  outcome: 'sent' | 'skipped' | 'failed';
  error?: string;
}

export interface AlertHistoryEntry {
  at: number;
  kind: AlertHistoryKind;
  alertId: string;
  clockId: string;
  clockKind: string;
  label: string;
  reason: AlertReason;
  warning?: string;
  dueAt: number;
  level?: AlertLevel;
  from?: AlertLevel;
  recipients?: string[];
  by?: string;
  resolution?: AlertResolution;
  channel?: string;
  outcome?: NotificationOutcome['outcome'];
  error?: string;
}

const ORDER: Record<AlertHistoryKind, number> = {
  raised: 0,
  escalated: 1,
  reminded: 1,
  notified: 2,
  acknowledged: 3,
  resolved: 4,
};

/** The entries of one alert, in time order (at one instant: raised, escalated, notified, acknowledged, resolved). */
export function alertHistory(a: AlertState, notifications: readonly NotificationOutcome[] = []): AlertHistoryEntry[] {
  const base = {
    alertId: a.id,
    clockId: a.clockId,
    clockKind: a.clockKind,
    label: a.label,
    reason: a.reason,
    ...(a.warning !== undefined ? { warning: a.warning } : {}),
    dueAt: a.dueAt,
  };
  const firstLevel = a.escalations[0]?.from ?? a.level;
  const entries: AlertHistoryEntry[] = [
    {
      ...base,
      at: a.raisedAt,
      kind: 'raised',
      level: firstLevel,
      // `notified` keeps first-alerted order and a raise reaches one person (roster.ts `reach`).
      recipients: a.notified.slice(0, 1),
    },
    ...a.escalations.map((e) => ({
      ...base,
      at: e.at,
      kind: 'escalated' as const,
      from: e.from,
      level: e.to,
      recipients: e.recipients,
    })),
    ...a.remindedAt.map((at) => ({ ...base, at, kind: 'reminded' as const })),
    ...notifications.map((n) => ({
      ...base,
      at: n.at,
      kind: 'notified' as const,
      channel: n.channel,
      outcome: n.outcome,
      recipients: n.recipients,
      ...(n.error ? { error: n.error } : {}),
    })),
  ];
  if (a.acknowledgedAt !== undefined) {
    entries.push({
      ...base,
      at: a.acknowledgedAt,
      kind: 'acknowledged',
      ...(a.acknowledgedBy ? { by: a.acknowledgedBy } : {}),
    });
  }
  if (a.resolvedAt !== undefined) {
    entries.push({
      ...base,
      at: a.resolvedAt,
      kind: 'resolved',
      ...(a.resolution ? { resolution: a.resolution } : {}),
    });
  }
  return entries.sort((x, y) => x.at - y.at || ORDER[x.kind] - ORDER[y.kind]);
}
