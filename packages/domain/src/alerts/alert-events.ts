import type { AlertLevel } from './levels';

// Domain events of the alert aggregate, `{ type, data }`: the handler wraps `data` in the bus
// envelope (`detail = { meta, data }`, detail-type = `type`). Instants are epoch ms here; the
// event catalog decides their wire form. Every event repeats the alert's reference so a notifier
// (SNS, webhook, board) can word its message without loading the alert.

export interface AlertRef {
  alertId: string;
  clockId: string;
  clockKind: string;
  label: string;
  subject: { type: string; id: string; title: string };
  departmentId: string;
  reason: 'warning' | 'breach';
  warning?: string;
  dueAt: number;
  /** The aggregate version after this event; subscribers drop anything older than what they hold. */
  version: number;
}

export interface AlertRaised {
  type: 'Alert.Raised';
  data: AlertRef & { level: AlertLevel; recipients: string[]; raisedAt: number };
}

export interface AlertEscalated {
  type: 'Alert.Escalated';
  data: AlertRef & { from: AlertLevel; to: AlertLevel; recipients: string[]; at: number };
}

export interface AlertAcknowledged {
  type: 'Alert.Acknowledged';
  data: AlertRef & { by: string; at: number };
}

export interface AlertReminded {
  type: 'Alert.Reminded';
  data: AlertRef & { level: AlertLevel; recipients: string[]; acknowledged: boolean; at: number };
}

export interface AlertResolved {
  type: 'Alert.Resolved';
  data: AlertRef & { resolution: string; at: number };
}

export type AlertEvent = AlertRaised | AlertEscalated | AlertAcknowledged | AlertReminded | AlertResolved;
export type AlertEventType = AlertEvent['type'];
