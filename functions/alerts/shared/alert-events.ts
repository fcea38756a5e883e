// The alert aggregate's events (epoch ms) in the catalog's wire form (events/src/types/alert-*.ts).
// An alert of a department without a roster reaches nobody by name (empty recipients): the
// department's webhook and board still carry it.
import type { AlertEvent } from '@fazhi/domain/alerts/alert-events';
import type { AlertState } from '@fazhi/domain/alerts/alert-state';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { toCityIso } from '@fazhi/platform/events/envelope';

export const ALERTS_SOURCE = 'fazhi.alerts';

function recipientsOf(list: readonly string[]): string[] {
  return [...list].slice(0, 50);
}

function dataOf(e: AlertEvent, s: AlertState): Record<string, unknown> {
  const head = {
    alertId: s.id,
    clockId: s.clockId,
    departmentId: s.departmentId,
    level: s.level,
    recipients: recipientsOf(s.recipients),
    reason: s.reason,
    ...(s.warning !== undefined ? { warning: s.warning } : {}),
    clockKind: s.clockKind.slice(0, 64),
    subject: {
      type: s.subject.type,
      id: s.subject.id,
      ...(s.subject.title.trim() ? { title: s.subject.title.slice(0, 200) } : {}),
    },
  };
  switch (e.type) {
    case 'Alert.Raised':
      return {
        ...head,
        level: e.data.level,
        recipients: recipientsOf(e.data.recipients),
        at: toCityIso(e.data.raisedAt),
      };
    case 'Alert.Escalated':
      return {
        ...head,
        level: e.data.to,
        recipients: recipientsOf(e.data.recipients),
        fromLevel: e.data.from,
        at: toCityIso(e.data.at),
      };
    case 'Alert.Reminded':
      return {
        ...head,
        level: e.data.level,
        recipients: recipientsOf(e.data.recipients),
        at: toCityIso(e.data.at),
      };
    case 'Alert.Acknowledged':
      return { ...head, acknowledgedBy: e.data.by, at: toCityIso(e.data.at) };
    case 'Alert.Resolved':
      return { ...head, resolution: e.data.resolution, at: toCityIso(e.data.at) };
  }
}

/** `state` is the alert after the event. */
export function alertEventOf(e: AlertEvent, state: AlertState, correlationId?: string): NewEvent {
  return {
    source: ALERTS_SOURCE,
    detailType: e.type,
    data: dataOf(e, state),
    ...(correlationId ? { correlationId } : {}),
  };
}
