import { durationOfMs, formatDuration } from '../clocks/duration';
import {
  type MilestoneKind,
  OPINION_CLOCK_SPECS,
  type OpinionClockKind,
  type OpinionClockPolicies,
  type OpinionPolicyId,
  requiredClockKinds,
} from './clock-kinds';
import type { ClockMet, ClockRef, ClockToStart, MilestoneRecord, OpinionIncidentEvent } from './incident-events';
import type { OpinionLevel } from './levels';
import { OpinionError, type OpinionErrorIssue } from './opinion-error';
import { type TimelineEntry, timeline } from './timeline';

// The public-opinion incident (政务舆情) aggregate. Commands are pure: they take the instant "now"
// and return the new state, the events, and what the clocks service must do (start, cancel, mark
// met) — the handler applies those in the same transaction as the state. A command that changes
// nothing returns the same state object and no events.

export type IncidentClockStatus = 'running' | 'met' | 'breached' | 'cancelled';

export interface IncidentClock {
  id: string;
  kind: OpinionClockKind;
  policyId: OpinionPolicyId;
  label: string;
  labelEn: string;
  /** Counting starts here (occurrence or discovery), even for a clock started later by a regrade. */
  startAt: number;
  dueAt: number;
  status: IncidentClockStatus;
  /** When the command that started it ran. */
  createdAt: number;
  metAt?: number;
  breachedAt?: number;
  cancelledAt?: number;
}

export interface IncidentState {
  id: string;
  title: string;
  level: OpinionLevel;
  occurredAt: number;
  discoveredAt: number;
  responsibleDepartmentId: string;
  summary: string;
  status: 'open' | 'closed';
  /** Every clock the incident ever ran, cancelled ones included (the history keeps them). */
  clocks: IncidentClock[];
  milestones: MilestoneRecord[];
  timeline: TimelineEntry[];
  openedBy: string;
  createdAt: number;
  closedAt?: number;
  closedBy?: string;
  closeReason?: string;
  version: number;
}

/** A clock that is already inside its warning period or past due when it starts: alert at once. */
export interface LateClock extends ClockRef {
  dueAt: number;
  reason: 'warning' | 'breach';
  /** For a warning: the nearest warning offset already passed, ISO 8601 (`PT30M`), as a Clock.Warning carries. */
  warning?: string;
}

export interface IncidentDecision {
  state: IncidentState;
  events: OpinionIncidentEvent[];
  /** Clocks to start in the clocks service, with the ids the incident refers to them by. */
  clocksToStart: ClockToStart[];
  clocksToCancel: ClockRef[];
  /**
   * Clocks to mark met. May name a clock started by this same decision (a regrade starting a clock
   * whose milestone was already recorded): apply clocksToStart first.
   */
  clocksMet: ClockMet[];
  reportedLate: LateClock[];
}

export interface OpinionDeps {
  policies: OpinionClockPolicies;
  /** Mints clock ids (ULIDs in production). */
  newClockId: () => string;
  /** Tolerance for instants a little ahead of "now" (clients' clocks drift). Default 5 minutes. */
  skewMs?: number;
}

export const DEFAULT_SKEW_MS = 5 * 60_000;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5000;
export const REASON_MAX = 1000;
export const CHANNEL_MAX = 100;
export const DOCUMENT_NO_MAX = 100;
export const URL_MAX = 2000;

export interface OpenIncidentInput {
  id: string;
  title: string;
  level: OpinionLevel;
  occurredAt: number;
  discoveredAt: number;
  responsibleDepartmentId: string;
  summary: string;
  openedBy: string;
}

export interface MilestoneInput {
  kind: MilestoneKind;
  at: number;
  channel: string;
  evidenceUrl?: string;
  documentNo?: string;
  by: string;
}

export interface RegradeInput {
  level: OpinionLevel;
  reason: string;
  by: string;
}

export interface CloseInput {
  reason: string;
  by: string;
}

const LIVE: readonly IncidentClockStatus[] = ['running', 'breached'];

function nothing(state: IncidentState): IncidentDecision {
  return { state, events: [], clocksToStart: [], clocksToCancel: [], clocksMet: [], reportedLate: [] };
}

function textProblem(value: string, max: number, name: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0) return `${name} must not be empty`;
  if (trimmed.length > max) return `${name} must be at most ${max} characters`;
  return undefined;
}

function refOf(c: IncidentClock): ClockRef {
  return { clockId: c.id, kind: c.kind, policyId: c.policyId };
}

function policyFor(deps: OpinionDeps, policyId: OpinionPolicyId) {
  const p = deps.policies[policyId];
  if (!p || !Number.isFinite(p.durationMs) || p.durationMs <= 0) {
    throw new OpinionError('INVALID_POLICY', `Policy ${policyId} has no positive duration`);
  }
  return p;
}

function newClock(
  kind: OpinionClockKind,
  incident: Pick<IncidentState, 'occurredAt' | 'discoveredAt'>,
  at: number,
  deps: OpinionDeps,
): IncidentClock {
  const spec = OPINION_CLOCK_SPECS[kind];
  const startAt = incident[spec.startsFrom];
  return {
    id: deps.newClockId(),
    kind,
    policyId: spec.policyId,
    label: spec.label,
    labelEn: spec.labelEn,
    startAt,
    dueAt: startAt + policyFor(deps, spec.policyId).durationMs,
    status: 'running',
    createdAt: at,
  };
}

function toStart(c: IncidentClock): ClockToStart {
  return { clockId: c.id, kind: c.kind, policyId: c.policyId, startAt: c.startAt, dueAt: c.dueAt };
}

/** Inside its first (largest) warning or past due at `at`. */
function lateness(c: IncidentClock, at: number, deps: OpinionDeps): LateClock | undefined {
  if (c.status !== 'running') return undefined;
  if (at > c.dueAt) return { ...refOf(c), dueAt: c.dueAt, reason: 'breach' };
  const left = c.dueAt - at;
  const passed = (policyFor(deps, c.policyId).warningsMs ?? []).filter((w) => w > 0 && left <= w);
  if (passed.length === 0) return undefined;
  return { ...refOf(c), dueAt: c.dueAt, reason: 'warning', warning: formatDuration(durationOfMs(Math.min(...passed))) };
}

/** The earliest recorded milestone that meets a clock of this kind. */
function meetingMilestone(milestones: readonly MilestoneRecord[], kind: OpinionClockKind): MilestoneRecord | undefined {
  const metBy = OPINION_CLOCK_SPECS[kind].metBy;
  return milestones.filter((m) => metBy.includes(m.kind)).sort((a, b) => a.at - b.at)[0];
}

function assertOpen(state: IncidentState): void {
  if (state.status === 'closed') throw new OpinionError('INCIDENT_CLOSED', `Incident ${state.id} is closed`);
}

export function openIncident(input: OpenIncidentInput, at: number, deps: OpinionDeps): IncidentDecision {
  const skew = deps.skewMs ?? DEFAULT_SKEW_MS;
  const issues: OpinionErrorIssue[] = [];
  const check = (path: string, problem: string | undefined) => {
    if (problem) issues.push({ path: [path], message: problem });
  };
  check('title', textProblem(input.title, TITLE_MAX, 'title'));
  check('summary', textProblem(input.summary, SUMMARY_MAX, 'summary'));
  check('responsibleDepartmentId', textProblem(input.responsibleDepartmentId, 100, 'responsibleDepartmentId'));
  if (!Number.isFinite(input.occurredAt)) check('occurredAt', 'occurredAt must be an instant');
  if (!Number.isFinite(input.discoveredAt)) check('discoveredAt', 'discoveredAt must be an instant');
  if (input.occurredAt > input.discoveredAt) {
    check('discoveredAt', 'discoveredAt must not be before occurredAt (发现时间不能早于发生时间)');
  }
  if (input.discoveredAt > at + skew) check('discoveredAt', 'discoveredAt is in the future (发现时间晚于当前时间)');
  if (issues.length > 0) throw new OpinionError('INVALID_INCIDENT', issues[0]!.message, issues);

  const base = {
    occurredAt: input.occurredAt,
    discoveredAt: input.discoveredAt,
  };
  const clocks = requiredClockKinds(input.level).map((kind) => newClock(kind, base, at, deps));
  const late = clocks.flatMap((c) => lateness(c, at, deps) ?? []);
  const title = input.title.trim();
  const state: IncidentState = {
    id: input.id,
    title,
    level: input.level,
    occurredAt: input.occurredAt,
    discoveredAt: input.discoveredAt,
    responsibleDepartmentId: input.responsibleDepartmentId,
    summary: input.summary.trim(),
    status: 'open',
    clocks,
    milestones: [],
    timeline: [
      timeline.opened(at, { title, level: input.level, ...base, by: input.openedBy }),
      ...clocks.map((c) => timeline.clockStarted(at, c)),
      ...late.map((l) => timeline.reportedLate(at, clocks.find((c) => c.id === l.clockId)!, l.reason === 'breach')),
    ],
    openedBy: input.openedBy,
    createdAt: at,
    version: 1,
  };
  const started = clocks.map(toStart);
  return {
    state,
    events: [
      {
        type: 'OpinionIncident.Opened',
        data: {
          incidentId: state.id,
          responsibleDepartmentId: state.responsibleDepartmentId,
          version: state.version,
          title,
          level: state.level,
          occurredAt: state.occurredAt,
          discoveredAt: state.discoveredAt,
          openedBy: state.openedBy,
          openedAt: at,
          clocks: started,
        },
      },
    ],
    clocksToStart: started,
    clocksToCancel: [],
    clocksMet: [],
    reportedLate: late,
  };
}

/**
 * Records what was released, when, where and by whom, and meets the live clock it answers
 * (release → release or timely-release, press-conference → press-conference, response → response
 * or timely-release). A milestone with no live clock to meet is still recorded: a Ⅲ incident may
 * hold a press conference. Recording the identical milestone again changes nothing.
 */
export function recordMilestone(
  state: IncidentState,
  input: MilestoneInput,
  now: number,
  skewMs = DEFAULT_SKEW_MS,
): IncidentDecision {
  assertOpen(state);
  const issues: OpinionErrorIssue[] = [];
  const channel = textProblem(input.channel, CHANNEL_MAX, 'channel');
  if (channel) issues.push({ path: ['channel'], message: channel });
  if (input.evidenceUrl !== undefined && !/^https?:\/\/\S+$/i.test(input.evidenceUrl)) {
    issues.push({ path: ['evidenceUrl'], message: 'evidenceUrl must be an http(s) link' });
  }
  if (input.evidenceUrl !== undefined && input.evidenceUrl.length > URL_MAX) {
    issues.push({ path: ['evidenceUrl'], message: `evidenceUrl must be at most ${URL_MAX} characters` });
  }
  if (input.documentNo !== undefined) {
    const problem = textProblem(input.documentNo, DOCUMENT_NO_MAX, 'documentNo');
    if (problem) issues.push({ path: ['documentNo'], message: problem });
  }
  if (!Number.isFinite(input.at) || input.at < state.occurredAt) {
    issues.push({ path: ['at'], message: 'The milestone cannot precede the incident (不能早于事件发生时间)' });
  } else if (input.at > now + skewMs) {
    issues.push({ path: ['at'], message: 'The milestone is in the future (不能晚于当前时间)' });
  }
  if (issues.length > 0) throw new OpinionError('INVALID_INPUT', issues[0]!.message, issues);
  if (input.evidenceUrl === undefined && input.documentNo === undefined) {
    throw new OpinionError(
      'EVIDENCE_REQUIRED',
      'A milestone needs an evidence link or a document number (需提供链接或文号)',
      [{ path: ['evidenceUrl'], message: 'evidenceUrl or documentNo is required' }],
    );
  }

  const milestone: MilestoneRecord = {
    kind: input.kind,
    at: input.at,
    channel: input.channel.trim(),
    ...(input.evidenceUrl !== undefined ? { evidenceUrl: input.evidenceUrl } : {}),
    ...(input.documentNo !== undefined ? { documentNo: input.documentNo.trim() } : {}),
    recordedBy: input.by,
    recordedAt: now,
  };
  const duplicate = state.milestones.some(
    (m) =>
      m.kind === milestone.kind &&
      m.at === milestone.at &&
      m.channel === milestone.channel &&
      m.evidenceUrl === milestone.evidenceUrl &&
      m.documentNo === milestone.documentNo,
  );
  if (duplicate) return nothing(state);

  const target = state.clocks.find(
    (c) => LIVE.includes(c.status) && OPINION_CLOCK_SPECS[c.kind].metBy.includes(input.kind),
  );
  const entries: TimelineEntry[] = [timeline.milestone(now, { ...milestone, by: input.by })];
  let met: ClockMet | undefined;
  let clocks = state.clocks;
  if (target) {
    met = { ...refOf(target), metAt: input.at, late: input.at > target.dueAt };
    clocks = state.clocks.map((c) => (c.id === target.id ? { ...c, status: 'met', metAt: input.at } : c));
    entries.push(timeline.clockMet(now, target, input.at));
  }
  const next: IncidentState = {
    ...state,
    clocks,
    milestones: [...state.milestones, milestone],
    timeline: [...state.timeline, ...entries],
    version: state.version + 1,
  };
  return {
    state: next,
    events: [
      {
        type: 'OpinionIncident.MilestoneRecorded',
        data: {
          incidentId: next.id,
          responsibleDepartmentId: next.responsibleDepartmentId,
          version: next.version,
          milestone,
          ...(met ? { metClock: met } : {}),
        },
      },
    ],
    clocksToStart: [],
    clocksToCancel: [],
    clocksMet: met ? [met] : [],
    reportedLate: [],
  };
}

/**
 * Changes the level and recomputes the clocks from the original occurrence (or discovery) time:
 * live clocks the new level does not require are cancelled; each required kind without a clock
 * (live or met) is started — already met if a milestone answering it was recorded. Met clocks stay
 * met whatever the level. A regrade to the current level changes nothing.
 */
export function regradeIncident(
  state: IncidentState,
  input: RegradeInput,
  at: number,
  deps: OpinionDeps,
): IncidentDecision {
  assertOpen(state);
  const reasonProblem = textProblem(input.reason, REASON_MAX, 'reason');
  if (reasonProblem)
    throw new OpinionError('INVALID_INPUT', reasonProblem, [{ path: ['reason'], message: reasonProblem }]);
  if (input.level === state.level) return nothing(state);

  const required = requiredClockKinds(input.level);
  const cancelled = state.clocks.filter((c) => LIVE.includes(c.status) && !required.includes(c.kind));
  const kept = state.clocks.map((c) =>
    cancelled.includes(c) ? { ...c, status: 'cancelled' as const, cancelledAt: at } : c,
  );
  const started: IncidentClock[] = [];
  const met: ClockMet[] = [];
  for (const kind of required) {
    if (kept.some((c) => c.kind === kind && c.status !== 'cancelled')) continue;
    const clock = newClock(kind, state, at, deps);
    const answered = meetingMilestone(state.milestones, kind);
    if (answered) {
      started.push({ ...clock, status: 'met', metAt: answered.at });
      met.push({ ...refOf(clock), metAt: answered.at, late: answered.at > clock.dueAt });
    } else {
      started.push(clock);
    }
  }
  const late = started.flatMap((c) => lateness(c, at, deps) ?? []);
  const reason = input.reason.trim();
  const next: IncidentState = {
    ...state,
    level: input.level,
    clocks: [...kept, ...started],
    timeline: [
      ...state.timeline,
      timeline.regraded(at, { from: state.level, to: input.level, reason, by: input.by }),
      ...cancelled.map((c) => timeline.clockCancelled(at, c, 'regraded')),
      ...started.map((c) => timeline.clockStarted(at, c)),
      ...started.flatMap((c) => (c.status === 'met' ? [timeline.clockMet(at, c, c.metAt!)] : [])),
      ...late.map((l) => timeline.reportedLate(at, started.find((c) => c.id === l.clockId)!, l.reason === 'breach')),
    ],
    version: state.version + 1,
  };
  const clocksToStart = started.map(toStart);
  const clocksToCancel = cancelled.map(refOf);
  return {
    state: next,
    events: [
      {
        type: 'OpinionIncident.Regraded',
        data: {
          incidentId: next.id,
          responsibleDepartmentId: next.responsibleDepartmentId,
          version: next.version,
          from: state.level,
          to: input.level,
          reason,
          by: input.by,
          at,
          clocksStarted: clocksToStart,
          clocksCancelled: clocksToCancel,
        },
      },
    ],
    clocksToStart,
    clocksToCancel,
    clocksMet: met,
    reportedLate: late,
  };
}

/** Closes the incident; clocks still running or breached are cancelled. Closing twice changes nothing. */
export function closeIncident(state: IncidentState, input: CloseInput, at: number): IncidentDecision {
  if (state.status === 'closed') return nothing(state);
  const reasonProblem = textProblem(input.reason, REASON_MAX, 'reason');
  if (reasonProblem)
    throw new OpinionError('INVALID_INPUT', reasonProblem, [{ path: ['reason'], message: reasonProblem }]);
  const reason = input.reason.trim();
  const cancelled = state.clocks.filter((c) => LIVE.includes(c.status));
  const next: IncidentState = {
    ...state,
    status: 'closed',
    closedAt: at,
    closedBy: input.by,
    closeReason: reason,
    clocks: state.clocks.map((c) =>
      cancelled.includes(c) ? { ...c, status: 'cancelled' as const, cancelledAt: at } : c,
    ),
    timeline: [
      ...state.timeline,
      ...cancelled.map((c) => timeline.clockCancelled(at, c, 'closed')),
      timeline.closed(at, { reason, by: input.by }),
    ],
    version: state.version + 1,
  };
  const clocksToCancel = cancelled.map(refOf);
  return {
    state: next,
    events: [
      {
        type: 'OpinionIncident.Closed',
        data: {
          incidentId: next.id,
          responsibleDepartmentId: next.responsibleDepartmentId,
          version: next.version,
          reason,
          by: input.by,
          at,
          clocksCancelled: clocksToCancel,
        },
      },
    ],
    clocksToStart: [],
    clocksToCancel,
    clocksMet: [],
    reportedLate: [],
  };
}

/**
 * Mirrors a Clock.Breached of one of the incident's clocks onto the incident (status and
 * timeline). No incident event: the clocks service already announced the breach. Anything but a
 * running clock (met, cancelled, already breached — a duplicate delivery) changes nothing.
 */
export function recordClockBreach(state: IncidentState, clockId: string, at: number): IncidentDecision {
  const clock = state.clocks.find((c) => c.id === clockId);
  if (!clock) throw new OpinionError('UNKNOWN_CLOCK', `Incident ${state.id} has no clock ${clockId}`);
  if (clock.status !== 'running') return nothing(state);
  const next: IncidentState = {
    ...state,
    clocks: state.clocks.map((c) => (c.id === clockId ? { ...c, status: 'breached', breachedAt: at } : c)),
    timeline: [...state.timeline, timeline.clockBreached(at, clock)],
    version: state.version + 1,
  };
  return nothing(next);
}

/** The clocks that stand for the current level: required kinds, not cancelled. */
export function currentClocks(state: IncidentState): IncidentClock[] {
  const required = requiredClockKinds(state.level);
  return state.clocks.filter((c) => c.status !== 'cancelled' && required.includes(c.kind));
}
