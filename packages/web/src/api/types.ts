// Shapes served by the HTTP API (see the on-duty board contract). Times are ISO 8601 strings with offset.

export type Role = 'duty-officer' | 'duty-leader' | 'dept-head' | 'admin' | (string & {});

export interface User {
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string;
  departmentName?: string;
  /** Filled in by the web from /v1/departments; the API's user carries the Chinese name only. */
  departmentNameEn?: string;
  /** Filled in by the web from /v1/departments: what the department is (enforcement, procuratorate, …). */
  departmentKinds?: string[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  /** Seconds the token lasts from the answer (absent from an older runtime). */
  expiresIn?: number;
  user: User;
}

export interface Department {
  id: string;
  name: string;
  nameEn: string;
  kinds: string[];
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface Subject {
  type: string;
  id: string;
  title: string;
}

export interface Clock {
  id: string;
  policyId: string;
  kind: string;
  label: string;
  labelEn: string;
  subject: Subject;
  departmentId: string;
  startedAt: string;
  dueAt: string;
  status: ClockStatus;
  metAt?: string;
  breachedAt?: string;
  /** The policy's legal source in Chinese (mixed texts until every policy has `sourceEn`). */
  policySource: string;
  policySourceEn?: string;
  verified: boolean;
  /** The due counts a year whose holiday calendar is not loaded yet; it moves when it is. */
  provisional?: boolean;
  provisionalYears?: number[];
  pauses?: { id: string; reason: string; reasonName: string; reasonNameEn: string; from: string; to?: string }[];
}

export type AlertLevel = 'officer' | 'leader' | 'head';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  id: string;
  clockId: string;
  clockKind: string;
  label: string;
  subject: Subject;
  departmentId: string;
  reason: 'warning' | 'breach';
  warning?: string;
  level: AlertLevel;
  recipients: string[];
  /** The recipients by name (the person directory), same order; absent from older servers. */
  recipientNames?: string[];
  status: AlertStatus;
  raisedAt: string;
  escalatedAt?: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  acknowledgedByName?: string;
  resolvedAt?: string;
  dueAt: string;
}

export type IncidentLevel = 'I' | 'II' | 'III' | 'IV' | 'hot';
export type MilestoneKind = 'release' | 'press-conference' | 'response';

export interface IncidentClock {
  id: string;
  kind: string;
  label: string;
  dueAt: string;
  status: ClockStatus;
  metAt?: string;
}

export interface Milestone {
  kind: MilestoneKind;
  at: string;
  channel: string;
  evidenceUrl?: string;
  documentNo?: string;
  recordedBy: string;
}

export interface TimelineEntry {
  at: string;
  type: string;
  text: string;
  textEn: string;
  /** Who acted; the text begins with this username. */
  by?: string;
}

export interface Incident {
  id: string;
  title: string;
  level: IncidentLevel;
  occurredAt: string;
  discoveredAt: string;
  responsibleDepartmentId: string;
  summary: string;
  status: 'open' | 'closed';
  clocks: IncidentClock[];
  milestones: Milestone[];
  timeline: TimelineEntry[];
  version: number;
  createdAt: string;
  /** On a read (not on a command's reply): who recorded the milestones, username → name. */
  names?: Record<string, string>;
}

export interface OpenIncidentBody {
  title: string;
  level: IncidentLevel;
  occurredAt: string;
  discoveredAt: string;
  responsibleDepartmentId: string;
  summary: string;
}

export interface MilestoneBody {
  kind: MilestoneKind;
  at: string;
  channel: string;
  evidenceUrl?: string;
  documentNo?: string;
}

export interface Shift {
  id: string;
  startsAt: string;
  endsAt: string;
  officer: string;
  leader: string;
}

export interface Roster {
  departmentId: string;
  shifts: Shift[];
  head: string;
  version: number;
}

export interface OnTimeTally {
  /** Come due in the range: onTime + late + open. */
  total: number;
  onTime: number;
  late: number;
  /** 未完成: past its due day and not met. */
  open: number;
  /** 未到期: not yet due; in no rate. */
  pending: number;
  /** 0–1, null when nothing has come due. */
  rate: number | null;
}

export interface OnTimeStat extends OnTimeTally {
  departmentId: string;
  departmentName: string;
}

export interface OnTimeReport {
  from: string;
  to: string;
  items: OnTimeStat[];
  trend: (OnTimeTally & { day: string })[];
  byKind: (OnTimeTally & { kind: string; label: string; labelEn: string })[];
}

export type ClockOutcome = 'onTime' | 'late' | 'open' | 'pending';

export interface Items<T> {
  items: T[];
}

export interface LocalClock {
  now: string;
  offsetMs: number;
}

export interface DutyPerson {
  username: string;
  displayName: string;
  phone?: string;
}

export interface DutyShift {
  startsAt: string;
  endsAt: string;
  officer: DutyPerson;
  leader: DutyPerson;
}

export interface OnDuty {
  departmentId: string;
  at: string;
  current?: DutyShift;
  next?: DutyShift;
  head?: DutyPerson;
}

/** A case's alert history, with the people it names: username → name. */
export interface CaseAlertHistory extends Items<CaseAlertEntry> {
  names?: Record<string, string>;
}

export interface CaseAlertEntry {
  at: string;
  kind: 'raised' | 'escalated' | 'reminded' | 'acknowledged' | 'resolved' | 'notified';
  alertId: string;
  clockId: string;
  clockKind: string;
  label: string;
  reason: 'warning' | 'breach';
  warning?: string;
  dueAt: string;
  level?: AlertLevel;
  from?: AlertLevel;
  recipients?: string[];
  by?: string;
  resolution?: string;
  channel?: string;
  outcome?: 'sent' | 'skipped' | 'failed';
  error?: string;
}
