// A clock change is what the engine decided for one clock: its record before (none for a new
// clock), after, and the events. Services build changes here and hand them to clockWrites(), which
// turns them into writes of the caller's own transaction.
import {
  type ClockEvent,
  type ClockSubject,
  cancelClock,
  meetClock,
  startClock,
  tickClock,
} from '@fazhi/domain/clocks/index';
import type { ClockLabels, ClockRecord } from './clock-record';
import { statsDayOf } from './clock-record';
import { type ClockRegistry, clockContext } from './registry';

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
  correlationId?: string;
}

/**
 * Starts a clock at `now`. A clock started late fires its nearest past warning (or its breach) at
 * once, in the same change: the alert goes out with the transaction that created the clock.
 */
export function startClockChange(spec: StartClockSpec, now: number, registry: ClockRegistry): ClockChange {
  const { kind, label, labelEn, correlationId, ...input } = spec;
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
