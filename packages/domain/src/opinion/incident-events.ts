import type { MilestoneKind, OpinionClockKind, OpinionPolicyId } from './clock-kinds';
import type { OpinionLevel } from './levels';

// Domain events of the incident aggregate as `{ type, data }`; the handler wraps `data` in the bus
// envelope. Instants are epoch ms. The free-text summary is left out: it may name people, and
// subscribers that need it read the incident.

export interface ClockToStart {
  clockId: string;
  kind: OpinionClockKind;
  policyId: OpinionPolicyId;
  /** The instant counting starts from (occurrence or discovery), not the moment of the command. */
  startAt: number;
  dueAt: number;
}

export interface ClockRef {
  clockId: string;
  kind: OpinionClockKind;
  policyId: OpinionPolicyId;
}

export interface ClockMet extends ClockRef {
  metAt: number;
  late: boolean;
}

export interface MilestoneRecord {
  kind: MilestoneKind;
  at: number;
  channel: string;
  evidenceUrl?: string;
  documentNo?: string;
  recordedBy: string;
  recordedAt: number;
}

interface IncidentRef {
  incidentId: string;
  responsibleDepartmentId: string;
  /** The aggregate version after this event. */
  version: number;
}

export interface OpinionIncidentOpened {
  type: 'OpinionIncident.Opened';
  data: IncidentRef & {
    title: string;
    level: OpinionLevel;
    occurredAt: number;
    discoveredAt: number;
    openedBy: string;
    openedAt: number;
    clocks: ClockToStart[];
  };
}

export interface OpinionIncidentRegraded {
  type: 'OpinionIncident.Regraded';
  data: IncidentRef & {
    from: OpinionLevel;
    to: OpinionLevel;
    reason: string;
    by: string;
    at: number;
    clocksStarted: ClockToStart[];
    clocksCancelled: ClockRef[];
  };
}

export interface OpinionIncidentMilestoneRecorded {
  type: 'OpinionIncident.MilestoneRecorded';
  data: IncidentRef & { milestone: MilestoneRecord; metClock?: ClockMet };
}

export interface OpinionIncidentClosed {
  type: 'OpinionIncident.Closed';
  data: IncidentRef & { reason: string; by: string; at: number; clocksCancelled: ClockRef[] };
}

export type OpinionIncidentEvent =
  | OpinionIncidentOpened
  | OpinionIncidentRegraded
  | OpinionIncidentMilestoneRecorded
  | OpinionIncidentClosed;
