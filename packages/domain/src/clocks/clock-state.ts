import type { HolidayCalendar } from './calendar';
import type { ClockEvent, ClockEventBase, ClockEventType, ClockSubject } from './clock-events';
import { computeDue, dueAfterExtension, dueAfterPause, durationInCountingUnits } from './due';
import { durationMs } from './duration';
import { ClockError, ClockExtensionError, ClockTransitionError } from './errors';
import type { ClockPolicy } from './policy-schema';

// The clock aggregate: a pure state machine. Every command returns the next state and the events
// that announce it; nothing here reads the wall clock — instants come in as arguments.
//
// Decisions (DOMAIN.md §1, §2):
// - `dueAt` is the last on-time instant (see due.ts): met at dueAt is on time, dueAt + 1 ms breaches.
// - Warnings fire at dueAt − offset, each at most once. A tick fires every warning not yet sent
//   whose instant has come, in order, then the breach (a sweeper that was down catches up).
// - "Alert at once": commands that (re)arm a clock — start, resume, extend — evaluate it at their
//   own instant. Of the warnings already past at that moment only the latest (closest to due) fires;
//   the earlier ones are recorded in `warningsSkipped` and never fire. If the clock is already past
//   due, only the breach fires. So an incident reported 10 minutes before its 5-hour deadline raises
//   one PT30M warning, not a burst of three. Start is therefore the clock's first tick.
// - Pauses: while paused nothing fires; on resume dueAt moves as due.ts `dueAfterPause` documents
//   (exact span for hours and months, whole days re-counted for day modes). Extensions add to the
//   current dueAt (due.ts `dueAfterExtension`). Both re-arm warnings whose new instant is still ahead.
// - Met: lateness is judged by the milestone's own instant (`metAt > dueAt`), not by when it was
//   recorded; meeting a running clock late emits Clock.Breached first so every late clock has one.
//   A paused clock is stopped, so meeting it is on time.

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface ClockPause {
  from: number;
  to?: number;
  reason: string;
}

export interface ClockExtension {
  /** ISO duration in the policy's counting unit. */
  by: string;
  decidedBy: string;
  role: string;
  reason: string;
  at: number;
}

export interface ClockState {
  id: string;
  policyId: string;
  subject: ClockSubject;
  departmentId: string;
  startedAt: number;
  dueAt: number;
  status: ClockStatus;
  /** The policy's warnings when the clock started, largest first: a tick needs no policy lookup. */
  warnings: string[];
  /** Warnings already fired. */
  warningsSent: string[];
  /** Warnings passed over by the alert-at-once rule; they never fire. */
  warningsSkipped: string[];
  breachedAt?: number;
  metAt?: number;
  metLate?: boolean;
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

/** What commands that compute a due instant need; `policy.id` must be the clock's policy. */
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
}

type DataOf<T extends ClockEventType> = Extract<ClockEvent, { type: T }>['data'];
type ExtraOf<T extends ClockEventType> = Omit<DataOf<T>, keyof ClockEventBase>;

class Draft {
  readonly events: ClockEvent[] = [];
  constructor(public state: ClockState) {}

  emit<T extends ClockEventType>(type: T, extra: ExtraOf<T>): void {
    this.state = { ...this.state, version: this.state.version + 1 };
    const { id, policyId, departmentId, subject, dueAt, version } = this.state;
    const data = { clockId: id, policyId, departmentId, subject, dueAt, version, ...extra };
    this.events.push({ type, data } as unknown as ClockEvent);
  }

  result(): ClockTransition {
    return { state: this.state, events: this.events };
  }
}

function assertInstant(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new ClockTransitionError(`${name} must be epoch milliseconds, got ${value}`);
}

function assertText(name: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ClockTransitionError(`${name} must not be empty`);
}

function assertPolicy(state: ClockState, policy: ClockPolicy): void {
  if (policy.id !== state.policyId) {
    throw new ClockTransitionError(`Clock ${state.id} runs policy ${state.policyId}, not ${policy.id}`);
  }
}

function refuse(state: ClockState, command: string, why?: string): never {
  throw new ClockTransitionError(`Cannot ${command} clock ${state.id}: ${why ?? `it is ${state.status}`}`);
}

function warningAt(state: ClockState, warning: string): number {
  return state.dueAt - durationMs(warning);
}

/** Unsent, unskipped warnings, earliest instant first. */
function pendingWarnings(state: ClockState): string[] {
  return state.warnings.filter((w) => !state.warningsSent.includes(w) && !state.warningsSkipped.includes(w));
}

/** After dueAt moved: warnings whose new instant is still ahead of `at` may fire again. */
function rearmWarnings(state: ClockState, at: number): ClockState {
  const ahead = (w: string) => warningAt(state, w) > at;
  return {
    ...state,
    warningsSent: state.warningsSent.filter((w) => !ahead(w)),
    warningsSkipped: state.warningsSkipped.filter((w) => !ahead(w)),
  };
}

function fireWarning(draft: Draft, warning: string, now: number): void {
  draft.state = { ...draft.state, warningsSent: [...draft.state.warningsSent, warning] };
  draft.emit('Clock.WarningDue', { warning, warningAt: warningAt(draft.state, warning), firedAt: now });
}

function breach(draft: Draft, detectedAt: number): void {
  const breachedAt = draft.state.dueAt + 1;
  draft.state = { ...draft.state, status: 'breached', breachedAt };
  draft.emit('Clock.Breached', { breachedAt, detectedAt });
}

/**
 * Fires what is due at `now` on a running clock. `catchUp` (a tick) fires every due warning in
 * order; `atOnce` (start, resume, extend) fires only the latest past warning and skips the others.
 */
function evaluate(draft: Draft, now: number, mode: 'catchUp' | 'atOnce'): void {
  if (draft.state.status !== 'running') return;
  const past = pendingWarnings(draft.state).filter((w) => warningAt(draft.state, w) <= now);
  const overdue = now > draft.state.dueAt;
  if (mode === 'catchUp') {
    for (const warning of past) fireWarning(draft, warning, now);
  } else if (past.length > 0) {
    const fire = overdue ? [] : past.slice(-1);
    const skip = past.filter((w) => !fire.includes(w));
    draft.state = { ...draft.state, warningsSkipped: [...draft.state.warningsSkipped, ...skip] };
    for (const warning of fire) fireWarning(draft, warning, now);
  }
  if (overdue) breach(draft, now);
}

function sortWarnings(warnings: readonly string[]): string[] {
  return [...warnings].sort((a, b) => durationMs(b) - durationMs(a));
}

export function startClock(input: StartClockInput, context: ClockContext): ClockTransition {
  assertText('id', input.id);
  assertText('departmentId', input.departmentId);
  assertText('subject.type', input.subject.type);
  assertText('subject.id', input.subject.id);
  assertInstant('startedAt', input.startedAt);
  assertInstant('now', input.now);
  const { policy, calendar } = context;
  const initial: ClockState = {
    id: input.id,
    policyId: policy.id,
    subject: { ...input.subject },
    departmentId: input.departmentId,
    startedAt: input.startedAt,
    dueAt: computeDue(input.startedAt, policy, calendar),
    status: 'running',
    warnings: sortWarnings(policy.warnings),
    warningsSent: [],
    warningsSkipped: [],
    pauses: [],
    extensions: [],
    version: 0,
  };
  const draft = new Draft(initial);
  draft.emit('Clock.Started', { startedAt: input.startedAt });
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

/** Records the milestone that stops the clock, at the instant it actually happened. */
export function meetClock(state: ClockState, at: number): ClockTransition {
  assertInstant('at', at);
  if (state.status === 'met' || state.status === 'cancelled') refuse(state, 'meet');
  if (at < state.startedAt) refuse(state, 'meet', 'the milestone is before the clock started');
  const draft = new Draft(closeOpenPause(state, at));
  const late = state.status !== 'paused' && at > state.dueAt;
  if (state.status === 'running' && late) breach(draft, at);
  draft.state = { ...draft.state, status: 'met', metAt: at, metLate: late };
  draft.emit('Clock.Met', { metAt: at, late });
  return draft.result();
}

function closeOpenPause(state: ClockState, at: number): ClockState {
  const open = state.pauses.at(-1);
  if (state.status !== 'paused' || !open || open.to !== undefined) return state;
  return { ...state, pauses: [...state.pauses.slice(0, -1), { ...open, to: Math.max(at, open.from) }] };
}

export function pauseClock(
  state: ClockState,
  command: { at: number; reason: string },
  context: ClockContext,
): ClockTransition {
  assertInstant('at', command.at);
  assertText('reason', command.reason);
  assertPolicy(state, context.policy);
  if (!context.policy.pausable) refuse(state, 'pause', `policy ${context.policy.id} is not pausable`);
  if (state.status !== 'running') refuse(state, 'pause');
  const lastResume = state.pauses.at(-1)?.to ?? state.startedAt;
  if (command.at < lastResume) refuse(state, 'pause', 'the pause is before the clock started or last resumed');
  if (command.at > state.dueAt) refuse(state, 'pause', 'it is already past due');
  const draft = new Draft({
    ...state,
    status: 'paused',
    pauses: [...state.pauses, { from: command.at, reason: command.reason }],
  });
  draft.emit('Clock.Paused', { pausedAt: command.at, reason: command.reason });
  return draft.result();
}

export function resumeClock(state: ClockState, command: { at: number }, context: ClockContext): ClockTransition {
  assertInstant('at', command.at);
  assertPolicy(state, context.policy);
  const open = state.pauses.at(-1);
  if (state.status !== 'paused' || !open) refuse(state, 'resume');
  if (command.at < open.from) refuse(state, 'resume', 'the resume is before the pause');
  const previousDueAt = state.dueAt;
  const dueAt = dueAfterPause(previousDueAt, open.from, command.at, context.policy.counting, context.calendar);
  const resumed = closeOpenPause(state, command.at);
  const draft = new Draft(rearmWarnings({ ...resumed, status: 'running', dueAt }, command.at));
  draft.emit('Clock.Resumed', { resumedAt: command.at, pausedAt: open.from, previousDueAt });
  evaluate(draft, command.at, 'atOnce');
  return draft.result();
}

export interface ExtendClockCommand {
  /** ISO duration in the policy's counting unit (PT2H for hours, P10D for days, P1M for months). */
  by: string;
  decidedBy: string;
  role: string;
  reason: string;
  at: number;
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
  if (!rule) throw new ClockExtensionError(`Policy ${policy.id} allows no extension`);
  if (!rule.allowedRoles.includes(command.role)) {
    throw new ClockExtensionError(
      `Role ${JSON.stringify(command.role)} may not extend ${policy.id} (allowed: ${rule.allowedRoles.join(', ')})`,
    );
  }
  if (state.extensions.length >= rule.maxTimes) {
    throw new ClockExtensionError(`${policy.id} may be extended at most ${rule.maxTimes} time(s)`);
  }
  let units: number;
  try {
    units = durationInCountingUnits(command.by, policy.counting);
  } catch (cause) {
    const why = cause instanceof ClockError ? cause.message : String(cause);
    throw new ClockExtensionError(`Extension ${command.by} does not fit ${policy.counting}: ${why}`, { cause });
  }
  const used = state.extensions.reduce((sum, e) => sum + durationInCountingUnits(e.by, policy.counting), 0);
  if (used + units > durationInCountingUnits(rule.maxTotal, policy.counting)) {
    throw new ClockExtensionError(`Extensions of ${policy.id} may add at most ${rule.maxTotal} in total`);
  }
  const previousDueAt = state.dueAt;
  const dueAt = dueAfterExtension(previousDueAt, command.by, policy.counting, calendar);
  const extension: ClockExtension = {
    by: command.by,
    decidedBy: command.decidedBy,
    role: command.role,
    reason: command.reason,
    at: command.at,
  };
  const draft = new Draft(rearmWarnings({ ...state, dueAt, extensions: [...state.extensions, extension] }, command.at));
  draft.emit('Clock.Extended', { ...extension, previousDueAt });
  evaluate(draft, command.at, 'atOnce');
  return draft.result();
}

export function cancelClock(state: ClockState, command: { at: number; reason: string }): ClockTransition {
  assertInstant('at', command.at);
  assertText('reason', command.reason);
  if (state.status === 'met' || state.status === 'cancelled') refuse(state, 'cancel');
  const draft = new Draft({
    ...closeOpenPause(state, command.at),
    status: 'cancelled',
    cancelledAt: command.at,
    cancelReason: command.reason,
  });
  draft.emit('Clock.Cancelled', { cancelledAt: command.at, reason: command.reason });
  return draft.result();
}

/**
 * The next instant the sweeper must tick this clock: its next unsent warning, else dueAt + 1 (the
 * breach); null when nothing is pending (paused, met, breached, cancelled). Key of the due index.
 */
export function nextDueInstant(state: ClockState): number | null {
  if (state.status !== 'running') return null;
  const next = pendingWarnings(state)[0];
  return next === undefined ? state.dueAt + 1 : Math.min(warningAt(state, next), state.dueAt + 1);
}
