// A clock change is what the engine decided for one clock: its record before (none for a new
// clock), after, and the events. Services build changes here and hand them to clockWrites(), which
// turns them into writes of the caller's own transaction.
import {
  type ClockEvent,
  type ClockSubject,
  cancelClock,
  type ExtendClockCommand,
  extendClock,
  meetClock,
  type PauseClockCommand,
  pauseClock,
  type ResumeClockCommand,
  replanClock,
  resumeClock,
  type StartClockInput,
  startClock,
  tickClock,
} from '@fazhi/domain/clocks/index';
import type { ClockLabels, ClockRecord } from './clock-record';
import { statsDayOf } from './clock-record';
import { type ClockRegistry, clockContext } from './registry';
import { requireClockSubject } from './subjects';

export interface ClockChange {
  before: ClockRecord | undefined;
  after: ClockRecord;
  events: ClockEvent[];
}

export interface StartClockSpec extends ClockLabels {
  id: string;
  policyId: string;
  subject: ClockSubject;
  departmentId: string;
  /** When counting starts (e.g. the event's occurrence), possibly in the past. */
  startedAt: number;
  /** A period the starting decision set, where the policy lets one (e.g. a contract's payment term). */
  period?: StartClockInput['period'];
  correlationId?: string;
}

/**
 * Starts a clock at `now`. A clock started late fires its nearest past warning (or its breach) at
 * once, in the same change: the alert goes out with the transaction that created the clock.
 */
export function startClockChange(spec: StartClockSpec, now: number, registry: ClockRegistry): ClockChange {
  const { kind, label, labelEn, correlationId, ...input } = spec;
  requireClockSubject(spec.subject.type);
  const t = startClock({ ...input, now }, clockContext(registry, spec.policyId));
  const after: ClockRecord = {
    ...t.state,
    kind,
    label,
    labelEn,
    ...(correlationId ? { correlationId } : {}),
    statsDay: statsDayOf(t.state.dueAt),
  };
  return { before: undefined, after, events: t.events };
}

function change(before: ClockRecord, t: { state: ClockRecord | object; events: ClockEvent[] }): ClockChange {
  return { before, after: { ...before, ...t.state }, events: t.events };
}

/** The sweeper's step; no events when nothing was due. */
export function tickClockChange(record: ClockRecord, now: number): ClockChange {
  return change(record, tickClock(record, now));
}

export function meetClockChange(record: ClockRecord, at: number): ClockChange {
  return change(record, meetClock(record, at));
}

export function cancelClockChange(record: ClockRecord, at: number, reason: string): ClockChange {
  return change(record, cancelClock(record, { at, reason }));
}

export function pauseClockChange(
  record: ClockRecord,
  command: PauseClockCommand,
  registry: ClockRegistry,
): ClockChange {
  return change(record, pauseClock(record, command, clockContext(registry, record.policyId)));
}

export function resumeClockChange(
  record: ClockRecord,
  command: ResumeClockCommand,
  registry: ClockRegistry,
): ClockChange {
  return change(record, resumeClock(record, command, clockContext(registry, record.policyId)));
}

export function extendClockChange(
  record: ClockRecord,
  command: ExtendClockCommand,
  registry: ClockRegistry,
): ClockChange {
  return change(record, extendClock(record, command, clockContext(registry, record.policyId)));
}

/** Under the registry's current policy version (`policy`) or its calendar (`calendar`). */
export function replanClockChange(
  record: ClockRecord,
  command: { at: number; cause: 'policy' | 'calendar' },
  registry: ClockRegistry,
): ClockChange {
  return change(record, replanClock(record, clockContext(registry, record.policyId), command));
}
