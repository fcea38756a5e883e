import { AlertError } from './alert-error';
import type { AlertEvent, AlertRef } from './alert-events';
import type { AlertLevel } from './levels';
import { levelAbove } from './levels';
import { type Roster, reach } from './roster';

// The alert aggregate: one alert per clock warning or breach, climbing the duty chain until
// someone acknowledges it, then reminding until it is resolved (normally: the clock is met).
// Commands are pure: (state, input, now) → { state, events }. A command that changes nothing
// returns the same state object and no events, so retries and duplicate deliveries are harmless.

export type AlertReason = 'warning' | 'breach';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * Why an alert ended. 'clock-met' / 'clock-cancelled' follow the clock; 'superseded' when a later
 * alarm of the same clock replaced it (see alert-supersede.ts); 'subject-closed' when the incident
 * or case was closed; 'manual' for an operator.
 */
export type AlertResolution = 'clock-met' | 'clock-cancelled' | 'superseded' | 'subject-closed' | 'manual';

export interface AlertSubject {
  type: string;
  id: string;
  title: string;
}

export interface Escalation {
  at: number;
  from: AlertLevel;
  to: AlertLevel;
  recipients: string[];
}

/** Taken from the clock's policy (defaults there: ackWindow PT10M, remindEvery PT30M), in ms. */
export interface EscalationPolicy {
  /** Unacknowledged this long → one level up; at the head, remind this often. */
  ackWindowMs: number;
  /** Acknowledged but unresolved → remind this often. */
  remindEveryMs: number;
}

/** What the clock service says happened: a warning before the due instant, or the breach. */
export interface ClockAlarm {
  clockId: string;
  clockKind: string;
  /** The clock's label (zh), e.g. 权威发布. */
  label: string;
  subject: AlertSubject;
  departmentId: string;
  dueAt: number;
  reason: AlertReason;
  /** For a warning: how long before due, ISO 8601 (`PT1H`). */
  warning?: string;
}

export interface AlertState {
  id: string;
  clockId: string;
  clockKind: string;
  label: string;
  subject: AlertSubject;
  departmentId: string;
  dueAt: number;
  reason: AlertReason;
  warning?: string;
  /** The level reached (after roster fallbacks), not merely the level aimed at. */
  level: AlertLevel;
  /** Who is being alerted now. */
  recipients: string[];
  /** Everyone this alert has ever been sent to: any of them may acknowledge it. */
  notified: string[];
  status: AlertStatus;
  raisedAt: number;
  escalations: Escalation[];
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  remindedAt: number[];
  resolvedAt?: number;
  resolution?: AlertResolution;
  /**
   * When the sweeper must look at this alert again: the acknowledgement deadline (escalation or,
   * at the head, a reminder) or the next reminder once acknowledged. null once resolved.
   */
  nextActionAt: number | null;
  escalation: EscalationPolicy;
  version: number;
}

export interface AlertDecision {
  state: AlertState;
  events: AlertEvent[];
}

/** Who acknowledges: the handler passes the caller's identity and roles from the token. */
export interface AlertActor {
  username: string;
  roles: readonly string[];
  departmentId?: string;
}

export interface RaiseInput extends ClockAlarm {
  /** A ULID minted by the handler (the domain does not read the clock or randomness). */
  id: string;
}

function assertEscalation(policy: EscalationPolicy): void {
  const ok = (n: number) => Number.isFinite(n) && n > 0;
  if (!ok(policy.ackWindowMs) || !ok(policy.remindEveryMs)) {
    throw new AlertError(
      'INVALID_ESCALATION',
      `ackWindowMs and remindEveryMs must be positive: ${policy.ackWindowMs}, ${policy.remindEveryMs}`,
    );
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function refOf(s: AlertState): AlertRef {
  return {
    alertId: s.id,
    clockId: s.clockId,
    clockKind: s.clockKind,
    label: s.label,
    subject: s.subject,
    departmentId: s.departmentId,
    reason: s.reason,
    ...(s.warning !== undefined ? { warning: s.warning } : {}),
    dueAt: s.dueAt,
    version: s.version,
  };
}

/**
 * Raises an alert at `startLevel` (normally the on-duty officer; alert-supersede.ts may start
 * higher so a later alarm does not fall back below where the earlier one had climbed).
 */
export function raiseAlert(
  input: RaiseInput,
  roster: Roster | undefined,
  at: number,
  escalation: EscalationPolicy,
  startLevel: AlertLevel = 'officer',
): AlertDecision {
  assertEscalation(escalation);
  const reached = reach(startLevel, roster, at);
  const state: AlertState = {
    id: input.id,
    clockId: input.clockId,
    clockKind: input.clockKind,
    label: input.label,
    subject: { ...input.subject },
    departmentId: input.departmentId,
    dueAt: input.dueAt,
    reason: input.reason,
    ...(input.warning !== undefined ? { warning: input.warning } : {}),
    level: reached.level,
    recipients: reached.recipients,
    notified: reached.recipients,
    status: 'open',
    raisedAt: at,
    escalations: [],
    remindedAt: [],
    nextActionAt: at + escalation.ackWindowMs,
    escalation: { ...escalation },
    version: 1,
  };
  return {
    state,
    events: [
      {
        type: 'Alert.Raised',
        data: { ...refOf(state), level: state.level, recipients: state.recipients, raisedAt: at },
      },
    ],
  };
}

/**
 * A warning alert whose clock has just fallen due is not escalated: its breach alert is on its way
 * and supersedes it, starting at the level the warning reached. Escalating the stale warning first
 * would make the breach skip the officer on duty depending on which of two sweeps ran first. After
 * one acknowledgement window past due (a breach that never came), it escalates as usual.
 */
export function awaitsBreach(a: AlertState, now: number): boolean {
  return a.reason === 'warning' && a.status === 'open' && now > a.dueAt && now <= a.dueAt + a.escalation.ackWindowMs;
}

/**
 * The sweeper's step, at most one action per call: unacknowledged past its window → one level up
 * (or, at the head, a reminder); acknowledged and due → a reminder. A sweeper that was stopped for
 * an hour therefore catches up one level per pass instead of jumping straight to the head, and
 * each new recipient gets a full window from the moment they were alerted. The roster is read at
 * `at`, so the alert follows shift hand-overs.
 */
export function tickAlert(state: AlertState, at: number, roster: Roster | undefined): AlertDecision {
  if (state.status === 'resolved' || state.nextActionAt === null || at < state.nextActionAt) {
    return { state, events: [] };
  }
  const policy = state.escalation;
  if (state.status === 'open') {
    const up = levelAbove(state.level);
    if (up) {
      const reached = reach(up, roster, at);
      const next: AlertState = {
        ...state,
        level: reached.level,
        recipients: reached.recipients,
        notified: union(state.notified, reached.recipients),
        escalations: [
          ...state.escalations,
          { at, from: state.level, to: reached.level, recipients: reached.recipients },
        ],
        nextActionAt: at + policy.ackWindowMs,
        version: state.version + 1,
      };
      return {
        state: next,
        events: [
          {
            type: 'Alert.Escalated',
            data: { ...refOf(next), from: state.level, to: reached.level, recipients: reached.recipients, at },
          },
        ],
      };
    }
  }
  const acknowledged = state.status === 'acknowledged';
  const reached = reach(state.level, roster, at);
  const recipients =
    acknowledged && state.acknowledgedBy ? union(reached.recipients, [state.acknowledgedBy]) : reached.recipients;
  const next: AlertState = {
    ...state,
    recipients,
    notified: union(state.notified, recipients),
    remindedAt: [...state.remindedAt, at],
    nextActionAt: at + (acknowledged ? policy.remindEveryMs : policy.ackWindowMs),
    version: state.version + 1,
  };
  return {
    state: next,
    events: [{ type: 'Alert.Reminded', data: { ...refOf(next), level: next.level, recipients, acknowledged, at } }],
  };
}

/** Anyone the alert was ever sent to, an admin, or the head (role dept-head) of its department. */
export function mayAcknowledge(state: AlertState, actor: AlertActor): boolean {
  if (state.notified.includes(actor.username)) return true;
  if (actor.roles.includes('admin')) return true;
  return actor.roles.includes('dept-head') && actor.departmentId === state.departmentId;
}

/**
 * Stops escalation; reminders continue every remindEvery until the alert is resolved. A second
 * acknowledgement (anyone's) changes nothing. Acknowledging a resolved alert is a conflict
 * (ALREADY_RESOLVED) because the caller's screen is out of date.
 */
export function acknowledgeAlert(state: AlertState, actor: AlertActor, at: number): AlertDecision {
  if (!mayAcknowledge(state, actor)) {
    throw new AlertError('NOT_A_RECIPIENT', `${actor.username} was not alerted and may not acknowledge ${state.id}`);
  }
  if (state.status === 'resolved') {
    throw new AlertError('ALREADY_RESOLVED', `Alert ${state.id} is already resolved (${state.resolution})`);
  }
  if (state.status === 'acknowledged') return { state, events: [] };
  if (at < state.raisedAt) {
    throw new AlertError('INVALID_TIME', `Acknowledged at ${at}, before the alert was raised at ${state.raisedAt}`);
  }
  const next: AlertState = {
    ...state,
    status: 'acknowledged',
    acknowledgedAt: at,
    acknowledgedBy: actor.username,
    nextActionAt: at + state.escalation.remindEveryMs,
    version: state.version + 1,
  };
  return { state: next, events: [{ type: 'Alert.Acknowledged', data: { ...refOf(next), by: actor.username, at } }] };
}

/**
 * Ends the alert. Resolving twice changes nothing. The instant is clamped to the alert's own
 * history: resolution usually follows a Clock.Met event whose instant may precede the moment the
 * (late-delivered) warning raised this alert.
 */
export function resolveAlert(state: AlertState, at: number, resolution: AlertResolution): AlertDecision {
  if (state.status === 'resolved') return { state, events: [] };
  const resolvedAt = Math.max(
    at,
    state.raisedAt,
    state.acknowledgedAt ?? state.raisedAt,
    ...state.escalations.map((e) => e.at),
    ...state.remindedAt,
  );
  const next: AlertState = {
    ...state,
    status: 'resolved',
    resolvedAt,
    resolution,
    nextActionAt: null,
    version: state.version + 1,
  };
  return { state: next, events: [{ type: 'Alert.Resolved', data: { ...refOf(next), resolution, at: resolvedAt } }] };
}
