import type { HolidayCalendar } from './calendar';
import { formatCityInstant } from './city-time';
import type { ClockConsent, ClockEvent, ClockEventBase, ClockEventType, ClockSubject } from './clock-events';
import { type CountingMode, durationInCountingUnits } from './due';
import {
  ClockError,
  ClockExtensionError,
  ClockNotYetAllowedError,
  ClockPauseError,
  ClockPeriodError,
  ClockTransitionError,
} from './errors';
import { planDue, type WarningPoint, warningPoints } from './period';
import type { ClockPolicy, WorkdayWarnings } from './policy-schema';

// The clock aggregate: a pure state machine. Every command returns the next state and the events
// that announce it; nothing here reads the wall clock — instants come in as arguments.
//
// Decisions (DOMAIN.md "Counting rules", §2):
// - `dueAt` is the last on-time instant: met at dueAt is on time, dueAt + 1 ms breaches.
// - The clock keeps what its due is computed from — start, period, counting, roll flag, pauses,
//   extensions — and recomputes the due from scratch after each change (period.ts), so the holiday
//   roll is granted once. `unrolledDueAt` is the period's true end before the roll.
// - The clock copies the rule it runs under from its policy at start (with the policy version): a
//   later change of the policy applies to new clocks; `replanClock` applies it to a running one
//   only when an admin asks.
// - Warnings fire at their planned instant (hour offsets before due, or working hours for day
//   clocks), each at most once. A tick fires every warning not yet sent whose instant has come, in
//   order, then the breach (a sweeper that was down catches up).
// - "Alert at once": commands that (re)arm a clock — start, resume, extend, replan — evaluate it at
//   their own instant. Of the warnings already past only the latest fires; the earlier ones are
//   recorded in `warningsSkipped`. If the clock is already past due, only the breach fires.
// - Pauses are typed (a reason the policy accepts, who, the document); several may be open at once
//   and the clock runs again when the last closes. Paused time is not counted.
// - Met: lateness is judged by the milestone's own instant (`metAt > dueAt`); meeting a running
//   clock late emits Clock.Breached first so every late clock has one. A clock met while paused
//   records `metWhilePaused`, so a report can tell it from one met on time while running.
// - A `notBefore` clock marks the earliest instant an act is allowed (dueAt + 1 ms): it never warns
//   or breaches, and meeting it earlier is refused.

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
export type ClockMode = 'dueBy' | 'notBefore';

export interface ClockPause {
  id: string;
  /** A reason code of the policy's pauseReasons. */
  reason: string;
  by: string;
  documentNo?: string;
  from: number;
  to?: number;
  resumedBy?: string;
}

export interface ClockExtension {
  /** ISO duration in the clock's counting unit. */
  by: string;
  decidedBy: string;
  role: string;
  reason: string;
  at: number;
  documentNo?: string;
  consent?: ClockConsent;
}

/** The period a decision set, within the policy's bounds. */
export interface ClockPeriodDecision {
  documentNo: string;
  decidedBy: string;
  min?: string;
  max: string;
}

export interface ClockState {
  id: string;
  policyId: string;
  policyVersion: number;
  subject: ClockSubject;
  departmentId: string;
  mode: ClockMode;
  counting: CountingMode;
  rolls: boolean;
  /** ISO duration in the counting unit: the policy's, or the one a decision set. */
  period: string;
  decision?: ClockPeriodDecision;
  /** Hour offsets and working-hours warnings, as the policy had them at start. */
  warningRule: { offsets: string[]; workday?: WorkdayWarnings };
  startedAt: number;
  /** End of the period's true last day, before the holiday roll. */
  unrolledDueAt: number;
  dueAt: number;
  /** Years the due counted without calendar data; empty once every year is loaded. */
  provisionalYears: number[];
  /** When each warning fires for the current due, earliest first. */
  warningPlan: WarningPoint[];
  status: ClockStatus;
  warningsSent: string[];
  warningsSkipped: string[];
  breachedAt?: number;
  metAt?: number;
  metLate?: boolean;
  metWhilePaused?: boolean;
  cancelledAt?: number;
  cancelReason?: string;
  pauses: ClockPause[];
  extensions: ClockExtension[];
  version: number;
}

export interface ClockTransition {
  state: ClockState;
  events: ClockEvent[];
}

/** What commands that compute a due need; `policy.id` must be the clock's policy. */
export interface ClockContext {
  policy: ClockPolicy;
  calendar: HolidayCalendar;
}

export interface StartClockInput {
  id: string;
  subject: ClockSubject;
  departmentId: string;
  /** When the clock starts counting (e.g. the event's occurrence time), possibly in the past. */
  startedAt: number;
  /** When the clock is created; past warnings are judged at this instant (alert at once). */
  now: number;
  /** A period set by the starting decision, where the policy allows one. */
  period?: { duration: string; documentNo: string; decidedBy: string };
}

type DataOf<T extends ClockEventType> = Extract<ClockEvent, { type: T }>['data'];
type ExtraOf<T extends ClockEventType> = Omit<DataOf<T>, keyof ClockEventBase>;

class Draft {
  readonly events: ClockEvent[] = [];
  constructor(public state: ClockState) {}

  emit<T extends ClockEventType>(type: T, extra: ExtraOf<T>): void {
    this.state = { ...this.state, version: this.state.version + 1 };
    const { id, policyId, departmentId, subject, dueAt, version, provisionalYears } = this.state;
    const provisional = provisionalYears.length > 0;
    const data = { clockId: id, policyId, departmentId, subject, dueAt, provisional, version, ...extra };
    this.events.push({ type, data } as unknown as ClockEvent);
  }

  result(): ClockTransition {
    return { state: this.state, events: this.events };
  }
}

function assertInstant(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new ClockTransitionError(`${name} must be epoch milliseconds, got ${value}`);
}

function assertText(name: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ClockTransitionError(`${name} must not be empty`, {
      issues: [{ path: name.split('.'), code: 'required', message: 'must not be empty' }],
    });
  }
}

function assertPolicy(state: ClockState, policy: ClockPolicy): void {
  if (policy.id !== state.policyId) {
    throw new ClockTransitionError(`Clock ${state.id} runs policy ${state.policyId}, not ${policy.id}`);
  }
}

function refuse(state: ClockState, command: string, why?: string): never {
  throw new ClockTransitionError(`Cannot ${command} clock ${state.id}: ${why ?? `it is ${state.status}`}`);
}

const openPauses = (state: ClockState) => state.pauses.filter((p) => p.to === undefined);

/** Recomputes the due, its provisional years and the warning plan from what the clock records. */
function replanned(state: ClockState, calendar: HolidayCalendar): ClockState {
  const plan = planDue(state, state, calendar);
  const warningPlan =
    state.mode === 'notBefore'
      ? []
      : warningPoints(plan.dueAt, state.warningRule.offsets, state.warningRule.workday, calendar);
  return { ...state, ...plan, warningPlan };
}

/** Unsent, unskipped warnings, earliest instant first. */
function pendingWarnings(state: ClockState): WarningPoint[] {
  return state.warningPlan.filter((w) => !state.warningsSent.includes(w.key) && !state.warningsSkipped.includes(w.key));
}

/** After the due moved: warnings whose new instant is still ahead of `at` may fire again. */
function rearmWarnings(state: ClockState, at: number): ClockState {
  const ahead = new Set(state.warningPlan.filter((w) => w.at > at).map((w) => w.key));
  return {
    ...state,
    warningsSent: state.warningsSent.filter((k) => !ahead.has(k)),
    warningsSkipped: state.warningsSkipped.filter((k) => !ahead.has(k)),
  };
}

function fireWarning(draft: Draft, warning: WarningPoint, now: number): void {
  draft.state = { ...draft.state, warningsSent: [...draft.state.warningsSent, warning.key] };
  draft.emit('Clock.WarningDue', { warning: warning.key, warningAt: warning.at, firedAt: now });
}

function breach(draft: Draft, detectedAt: number): void {
  const breachedAt = draft.state.dueAt + 1;
  draft.state = { ...draft.state, status: 'breached', breachedAt };
  draft.emit('Clock.Breached', { breachedAt, detectedAt });
}

/**
 * Fires what is due at `now` on a running clock. `catchUp` (a tick) fires every due warning in
 * order; `atOnce` (start, resume, extend, replan) fires only the latest past warning.
 */
function evaluate(draft: Draft, now: number, mode: 'catchUp' | 'atOnce'): void {
  if (draft.state.status !== 'running' || draft.state.mode === 'notBefore') return;
  const past = pendingWarnings(draft.state).filter((w) => w.at <= now);
  const overdue = now > draft.state.dueAt;
  if (mode === 'catchUp') {
    for (const warning of past) fireWarning(draft, warning, now);
  } else if (past.length > 0) {
    const fire = overdue ? [] : past.slice(-1);
    const skip = past.filter((w) => !fire.includes(w)).map((w) => w.key);
    draft.state = { ...draft.state, warningsSkipped: [...draft.state.warningsSkipped, ...skip] };
    for (const warning of fire) fireWarning(draft, warning, now);
  }
  if (overdue) breach(draft, now);
}

function units(duration: string, counting: CountingMode, path: string[]): number {
  try {
    return durationInCountingUnits(duration, counting);
  } catch (cause) {
    const message = cause instanceof ClockError ? cause.message : String(cause);
    throw new ClockPeriodError(`${duration} does not fit ${counting}: ${message}`, {
      cause,
      issues: [{ path, code: 'invalid-duration', message }],
    });
  }
}

/** The period the clock runs: the policy's, or one a decision set within the policy's bounds. */
function periodOf(input: StartClockInput, policy: ClockPolicy): { period: string; decision?: ClockPeriodDecision } {
  const rule = policy.decided;
  if (!input.period) {
    if (rule?.required) {
      throw new ClockPeriodError(`Policy ${policy.id} needs the period set by the starting decision`, {
        issues: [{ path: ['period'], code: 'required', message: `the decision sets the period, at most ${rule.max}` }],
      });
    }
    return { period: policy.duration };
  }
  if (!rule) {
    throw new ClockPeriodError(`Policy ${policy.id} does not let a decision set its period`, {
      issues: [{ path: ['period'], code: 'not-allowed', message: `the period is fixed at ${policy.duration}` }],
    });
  }
  assertText('period.documentNo', input.period.documentNo);
  assertText('period.decidedBy', input.period.decidedBy);
  const n = units(input.period.duration, policy.counting, ['period', 'duration']);
  const max = durationInCountingUnits(rule.max, policy.counting);
  const min = rule.min === undefined ? 1 : durationInCountingUnits(rule.min, policy.counting);
  if (n > max || n < min) {
    const bounds = rule.min ? `${rule.min}–${rule.max}` : `at most ${rule.max}`;
    throw new ClockPeriodError(`Period ${input.period.duration} is outside ${bounds} of ${policy.id}`, {
      issues: [{ path: ['period', 'duration'], code: 'out-of-bounds', message: `must be ${bounds}` }],
    });
  }
  return {
    period: input.period.duration,
    decision: {
      documentNo: input.period.documentNo,
      decidedBy: input.period.decidedBy,
      max: rule.max,
      ...(rule.min ? { min: rule.min } : {}),
    },
  };
}

function ruleOf(policy: ClockPolicy) {
  return {
    policyVersion: policy.version,
    mode: policy.mode,
    counting: policy.counting,
    rolls: policy.rolls,
    warningRule: {
      offsets: [...policy.warnings],
      ...(policy.workdayWarnings ? { workday: policy.workdayWarnings } : {}),
    },
  };
}

export function startClock(input: StartClockInput, context: ClockContext): ClockTransition {
  assertText('id', input.id);
  assertText('departmentId', input.departmentId);
  assertText('subject.type', input.subject.type);
  assertText('subject.id', input.subject.id);
  assertInstant('startedAt', input.startedAt);
  assertInstant('now', input.now);
  const { policy, calendar } = context;
  const { period, decision } = periodOf(input, policy);
  const initial = replanned(
    {
      id: input.id,
      policyId: policy.id,
      ...ruleOf(policy),
      subject: { ...input.subject },
      departmentId: input.departmentId,
      period,
      ...(decision ? { decision } : {}),
      startedAt: input.startedAt,
      unrolledDueAt: 0,
      dueAt: 0,
      provisionalYears: [],
      warningPlan: [],
      status: 'running',
      warningsSent: [],
      warningsSkipped: [],
      pauses: [],
      extensions: [],
      version: 0,
    },
    calendar,
  );
  const draft = new Draft(initial);
  draft.emit('Clock.Started', {
    startedAt: input.startedAt,
    period,
    ...(decision ? { documentNo: decision.documentNo } : {}),
  });
  evaluate(draft, input.now, 'atOnce');
  return draft.result();
}

/** The sweeper's command. Idempotent: a second tick at the same `now` emits nothing. */
export function tickClock(state: ClockState, now: number): ClockTransition {
  assertInstant('now', now);
  const draft = new Draft(state);
  evaluate(draft, now, 'catchUp');
  return draft.result();
}

/** The earliest instant a "not before" clock allows the act; undefined for a "due by" clock. */
export function allowedFrom(state: ClockState): number | undefined {
  return state.mode === 'notBefore' ? state.dueAt + 1 : undefined;
}

/** Records the milestone that stops the clock, at the instant it actually happened. */
export function meetClock(state: ClockState, at: number): ClockTransition {
  assertInstant('at', at);
  if (state.status === 'met' || state.status === 'cancelled') refuse(state, 'meet');
  if (at < state.startedAt) refuse(state, 'meet', 'the milestone is before the clock started');
  const from = allowedFrom(state);
  if (from !== undefined && at < from) {
    throw new ClockNotYetAllowedError(`Clock ${state.id} allows the act only from ${formatCityInstant(from)}`, {
      issues: [{ path: ['at'], code: 'too-early', message: 'before the earliest date allowed' }],
    });
  }
  const whilePaused = state.status === 'paused';
  const draft = new Draft(closeOpenPauses(state, at, 'met'));
  const late = state.mode === 'dueBy' && !whilePaused && at > state.dueAt;
  if (state.status === 'running' && late) breach(draft, at);
  draft.state = { ...draft.state, status: 'met', metAt: at, metLate: late, metWhilePaused: whilePaused };
  draft.emit('Clock.Met', { metAt: at, late, whilePaused });
  return draft.result();
}

function closeOpenPauses(state: ClockState, at: number, by: string): ClockState {
  if (openPauses(state).length === 0) return state;
  return {
    ...state,
    pauses: state.pauses.map((p) => (p.to === undefined ? { ...p, to: Math.max(at, p.from), resumedBy: by } : p)),
  };
}

export interface PauseClockCommand {
  at: number;
  /** A reason code the policy accepts. */
  reason: string;
  by: string;
  documentNo?: string;
}

export function pauseClock(state: ClockState, command: PauseClockCommand, context: ClockContext): ClockTransition {
  assertInstant('at', command.at);
  assertText('reason', command.reason);
  assertText('by', command.by);
  assertPolicy(state, context.policy);
  if (state.status !== 'running' && state.status !== 'paused') refuse(state, 'pause');
  const accepted = context.policy.pauseReasons.map((r) => r.code);
  if (!accepted.includes(command.reason)) {
    const allowed = accepted.length > 0 ? `accepted: ${accepted.join(', ')}` : 'this clock cannot be paused';
    throw new ClockPauseError(`Policy ${context.policy.id} does not accept the pause reason ${command.reason}`, {
      issues: [{ path: ['reason'], code: 'not-accepted', message: allowed }],
    });
  }
  if (openPauses(state).some((p) => p.reason === command.reason)) {
    refuse(state, 'pause', `a pause for ${command.reason} is already open`);
  }
  const lastChange = Math.max(state.startedAt, ...state.pauses.map((p) => p.to ?? p.from));
  if (command.at < lastChange) refuse(state, 'pause', 'the pause is before the clock started or last changed');
  if (state.status === 'running' && command.at > state.dueAt) refuse(state, 'pause', 'it is already past due');
  const pause: ClockPause = {
    id: `p${state.pauses.length + 1}`,
    reason: command.reason,
    by: command.by,
    ...(command.documentNo ? { documentNo: command.documentNo } : {}),
    from: command.at,
  };
  const next: ClockState = { ...state, status: 'paused', pauses: [...state.pauses, pause] };
  const draft = new Draft(next);
  draft.emit('Clock.Paused', {
    pauseId: pause.id,
    reason: pause.reason,
    by: pause.by,
    ...(pause.documentNo ? { documentNo: pause.documentNo } : {}),
    pausedAt: command.at,
    openPauses: openPauses(next).length,
  });
  return draft.result();
}

export interface ResumeClockCommand {
  at: number;
  by: string;
  /** Which open pause ends: by id, or by reason code; the only open one when neither is given. */
  pauseId?: string;
  reason?: string;
}

export function resumeClock(state: ClockState, command: ResumeClockCommand, context: ClockContext): ClockTransition {
  assertInstant('at', command.at);
  assertText('by', command.by);
  assertPolicy(state, context.policy);
  if (state.status !== 'paused') refuse(state, 'resume');
  const open = openPauses(state);
  const pause =
    command.pauseId !== undefined
      ? open.find((p) => p.id === command.pauseId)
      : command.reason !== undefined
        ? open.find((p) => p.reason === command.reason)
        : open.length === 1
          ? open[0]
          : undefined;
  if (!pause) {
    const which = command.pauseId ?? command.reason;
    throw new ClockPauseError(
      which === undefined
        ? `Clock ${state.id} has ${open.length} open pauses; name the one that ends`
        : `Clock ${state.id} has no open pause ${which}`,
      {
        issues: [
          {
            path: [command.pauseId !== undefined ? 'pauseId' : 'reason'],
            code: 'no-open-pause',
            message: `open: ${open.map((p) => `${p.id} (${p.reason})`).join(', ')}`,
          },
        ],
      },
    );
  }
  if (command.at < pause.from) refuse(state, 'resume', 'the resume is before the pause');
  const previousDueAt = state.dueAt;
  const closed: ClockState = {
    ...state,
    pauses: state.pauses.map((p) => (p === pause ? { ...p, to: command.at, resumedBy: command.by } : p)),
  };
  const running = openPauses(closed).length === 0;
  const next = running
    ? rearmWarnings({ ...replanned(closed, context.calendar), status: 'running' }, command.at)
    : closed;
  const draft = new Draft(next);
  draft.emit('Clock.Resumed', {
    pauseId: pause.id,
    reason: pause.reason,
    by: command.by,
    resumedAt: command.at,
    pausedAt: pause.from,
    running,
    previousDueAt,
  });
  evaluate(draft, command.at, 'atOnce');
  return draft.result();
}

export interface ExtendClockCommand {
  /** ISO duration in the clock's counting unit (PT2H for hours, P10D for days, P1M for months). */
  by: string;
  decidedBy: string;
  role: string;
  reason: string;
  at: number;
  documentNo?: string;
  /** Both parties' consent, where the policy needs it or lets it lift the limits. */
  consent?: ClockConsent;
}

function refuseExtension(message: string, path: string, code: string, detail: string): never {
  throw new ClockExtensionError(message, { issues: [{ path: [path], code, message: detail }] });
}

/** @throws ClockExtensionError when the policy does not allow it; ClockTransitionError for status or time. */
export function extendClock(state: ClockState, command: ExtendClockCommand, context: ClockContext): ClockTransition {
  assertInstant('at', command.at);
  assertText('decidedBy', command.decidedBy);
  assertText('reason', command.reason);
  assertPolicy(state, context.policy);
  const { policy, calendar } = context;
  if (state.status !== 'running' && state.status !== 'paused') refuse(state, 'extend');
  if (command.at < state.startedAt) refuse(state, 'extend', 'the decision is before the clock started');
  if (state.status === 'running' && command.at > state.dueAt) refuse(state, 'extend', 'it is already past due');
  const rule = policy.extension;
  if (!rule) refuseExtension(`Policy ${policy.id} allows no extension`, 'by', 'not-extendable', 'no extension');
  if (!rule.allowedRoles.includes(command.role)) {
    refuseExtension(
      `Role ${JSON.stringify(command.role)} may not extend ${policy.id} (allowed: ${rule.allowedRoles.join(', ')})`,
      'role',
      'role-not-allowed',
      `allowed: ${rule.allowedRoles.join(', ')}`,
    );
  }
  const consented = (command.consent?.parties.filter((p) => p.trim() !== '').length ?? 0) >= 2;
  if (rule.consent === 'required' && !consented) {
    refuseExtension(
      `${policy.id} is extended only with both parties' consent`,
      'consent',
      'consent-required',
      'both parties consent',
    );
  }
  let n: number;
  try {
    n = durationInCountingUnits(command.by, state.counting);
  } catch (cause) {
    const why = cause instanceof ClockError ? cause.message : String(cause);
    refuseExtension(`Extension ${command.by} does not fit ${state.counting}: ${why}`, 'by', 'invalid-duration', why);
  }
  if (!(rule.consent === 'unlimited' && consented)) {
    if (rule.maxTimes === undefined && rule.maxTotal === undefined) {
      refuseExtension(
        `${policy.id} is extended only with both parties' consent`,
        'consent',
        'consent-required',
        'both parties consent',
      );
    }
    const limited = state.extensions.filter((e) => !(rule.consent === 'unlimited' && e.consent));
    if (rule.maxTimes !== undefined && limited.length >= rule.maxTimes) {
      refuseExtension(
        `${policy.id} may be extended at most ${rule.maxTimes} time(s)`,
        'by',
        'too-many',
        `at most ${rule.maxTimes}`,
      );
    }
    const used = limited.reduce((sum, e) => sum + durationInCountingUnits(e.by, state.counting), 0);
    if (rule.maxTotal !== undefined && used + n > durationInCountingUnits(rule.maxTotal, state.counting)) {
      refuseExtension(
        `Extensions of ${policy.id} may add at most ${rule.maxTotal} in total`,
        'by',
        'too-long',
        `at most ${rule.maxTotal} in total`,
      );
    }
  }
  const extension: ClockExtension = {
    by: command.by,
    decidedBy: command.decidedBy,
    role: command.role,
    reason: command.reason,
    at: command.at,
    ...(command.documentNo ? { documentNo: command.documentNo } : {}),
    ...(consented && command.consent ? { consent: command.consent } : {}),
  };
  const previousDueAt = state.dueAt;
  const extended = replanned({ ...state, extensions: [...state.extensions, extension] }, calendar);
  const draft = new Draft(rearmWarnings(extended, command.at));
  draft.emit('Clock.Extended', { ...extension, previousDueAt });
  evaluate(draft, command.at, 'atOnce');
  return draft.result();
}

export function cancelClock(state: ClockState, command: { at: number; reason: string }): ClockTransition {
  assertInstant('at', command.at);
  assertText('reason', command.reason);
  if (state.status === 'met' || state.status === 'cancelled') refuse(state, 'cancel');
  const draft = new Draft({
    ...closeOpenPauses(state, command.at, 'cancelled'),
    status: 'cancelled',
    cancelledAt: command.at,
    cancelReason: command.reason,
  });
  draft.emit('Clock.Cancelled', { cancelledAt: command.at, reason: command.reason });
  return draft.result();
}

/**
 * Recomputes a running or paused clock: under the policy version in `context` (an admin's explicit
 * re-plan: counting, roll, warnings and — unless a decision set it — the period), or under the same
 * rule with a newly loaded calendar. No events when nothing changes.
 */
export function replanClock(
  state: ClockState,
  context: ClockContext,
  command: { at: number; cause: 'policy' | 'calendar' },
): ClockTransition {
  assertInstant('at', command.at);
  assertPolicy(state, context.policy);
  if (state.status !== 'running' && state.status !== 'paused') return { state, events: [] };
  const rule = command.cause === 'policy' ? ruleOf(context.policy) : {};
  const period = command.cause === 'policy' && !state.decision ? context.policy.duration : state.period;
  const next = replanned({ ...state, ...rule, period }, context.calendar);
  const moved =
    next.dueAt !== state.dueAt ||
    next.policyVersion !== state.policyVersion ||
    next.provisionalYears.join() !== state.provisionalYears.join();
  if (!moved) return { state, events: [] };
  const draft = new Draft(rearmWarnings(next, command.at));
  draft.emit('Clock.Replanned', {
    cause: command.cause,
    at: command.at,
    previousDueAt: state.dueAt,
    policyVersion: next.policyVersion,
    previousPolicyVersion: state.policyVersion,
  });
  evaluate(draft, command.at, 'atOnce');
  return draft.result();
}

/**
 * The next instant the sweeper must tick this clock: its next unsent warning, else dueAt + 1 (the
 * breach); null when nothing is pending (paused, met, breached, cancelled, "not before"). Key of
 * the due index.
 */
export function nextDueInstant(state: ClockState): number | null {
  if (state.status !== 'running' || state.mode === 'notBefore') return null;
  const next = pendingWarnings(state)[0];
  return next === undefined ? state.dueAt + 1 : Math.min(next.at, state.dueAt + 1);
}
