// The incident's events (epoch ms) in the catalog's wire form (events/src/types/opinion-incident-*.ts).
// Each carries the incident's clocks as they stand after it, so a subscriber needs no lookup.

import type { OpinionIncidentEvent } from '@fazhi/domain/opinion/incident-events';
import type { IncidentState } from '@fazhi/domain/opinion/incident-state';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { milestoneView } from './incident-view';

export const OPINION_SOURCE = 'fazhi.opinion';
const MAX_CLOCKS = 20;

function clocksOf(s: IncidentState) {
  return s.clocks
    .slice(-MAX_CLOCKS)
    .map((c) => ({ id: c.id, kind: c.kind, dueAt: toCityIso(c.dueAt), status: c.status }));
}

function dataOf(e: OpinionIncidentEvent, s: IncidentState, reportedLate: boolean): Record<string, unknown> {
  const head = {
    incidentId: s.id,
    title: s.title,
    level: s.level,
    responsibleDepartmentId: s.responsibleDepartmentId,
  };
  switch (e.type) {
    case 'OpinionIncident.Opened':
      return {
        ...head,
        occurredAt: toCityIso(s.occurredAt),
        discoveredAt: toCityIso(s.discoveredAt),
        summary: s.summary.slice(0, 2000),
        clocks: clocksOf(s),
        openedBy: e.data.openedBy,
        reportedLate,
      };
    case 'OpinionIncident.Regraded':
      return {
        ...head,
        previousLevel: e.data.from,
        reason: e.data.reason,
        occurredAt: toCityIso(s.occurredAt),
        clocks: clocksOf(s),
        regradedBy: e.data.by,
        at: toCityIso(e.data.at),
      };
    case 'OpinionIncident.MilestoneRecorded': {
      return {
        ...head,
        milestone: milestoneView(e.data.milestone),
        ...(e.data.metClock ? { metClockId: e.data.metClock.clockId } : {}),
        clocks: clocksOf(s),
      };
    }
    case 'OpinionIncident.Closed':
      return { ...head, reason: e.data.reason, clocks: clocksOf(s), closedBy: e.data.by, at: toCityIso(e.data.at) };
  }
}

/** `state` is the incident after the event. */
export function incidentEventOf(
  e: OpinionIncidentEvent,
  state: IncidentState,
  opts: { correlationId?: string; reportedLate?: boolean } = {},
): NewEvent {
  return {
    source: OPINION_SOURCE,
    detailType: e.type,
    data: dataOf(e, state, opts.reportedLate ?? false),
    ...(opts.correlationId ? { correlationId: opts.correlationId } : {}),
  };
}
