import { durationMs } from '../clocks/duration';
import { AlertError } from './alert-error';
import type { AlertEvent } from './alert-events';
import {
  type AlertState,
  awaitsBreach,
  type ClockAlarm,
  type EscalationPolicy,
  type RaiseInput,
  raiseAlert,
  resolveAlert,
} from './alert-state';
import { type AlertLevel, levelAbove } from './levels';
import type { Roster } from './roster';

// A clock sends several alarms over its life (warnings at 2 h, 1 h, 30 min, then the breach).
// Decision: one live alert per clock. A more urgent alarm supersedes the live alert — the old one
// is resolved with 'superseded' and a new one is raised, so each alarm asks for its own
// acknowledgement. An alarm that is not more urgent than the latest alert (a duplicate delivery,
// or an older warning arriving late) is ignored. If the old alert was still unacknowledged, the
// new one starts at the level the old one had reached: nobody answered there, so starting again
// at the officer would undo the escalation; and if its acknowledgement window had already run out
// (the sweep had not yet escalated it, e.g. after a time jump), the new one starts one level higher,
// where the sweep would have taken it: replacing an alert never skips an escalation it was owed. Once a clock's alert was resolved because the clock
// was met or cancelled, nothing more is raised for it.

export interface SupersedeOutcome {
  outcome: 'raised' | 'superseded' | 'ignored';
  /** The new alert, when one was raised. */
  raised?: AlertState;
  /** The previous alert, resolved as 'superseded'. */
  superseded?: AlertState;
  /** In order: the old alert's Alert.Resolved, then the new Alert.Raised. */
  events: AlertEvent[];
}

/** Higher is more urgent: the breach above every warning, a warning closer to due above a farther one. */
export function alarmUrgency(alarm: Pick<ClockAlarm, 'reason' | 'warning'>): number {
  if (alarm.reason === 'breach') return Number.POSITIVE_INFINITY;
  return alarm.warning === undefined ? Number.NEGATIVE_INFINITY : -durationMs(alarm.warning);
}

/**
 * The level an open alert stands at by `at`, as the sweep would have left it: one up once its
 * acknowledgement window has run out, except while a fallen-due warning awaits its breach.
 */
function owedLevel(open: AlertState, at: number): AlertLevel {
  const windowOver = open.nextActionAt !== null && at >= open.nextActionAt && !awaitsBreach(open, at);
  return (windowOver ? levelAbove(open.level) : undefined) ?? open.level;
}

/**
 * `latest` is the most recent alert of the alarm's clock (any status), if any; the handler finds
 * it by clock id.
 */
export function raiseForClock(
  latest: AlertState | undefined,
  input: RaiseInput,
  roster: Roster | undefined,
  at: number,
  escalation: EscalationPolicy,
): SupersedeOutcome {
  if (!latest) {
    const raised = raiseAlert(input, roster, at, escalation);
    return { outcome: 'raised', raised: raised.state, events: raised.events };
  }
  if (latest.clockId !== input.clockId) {
    throw new AlertError('CLOCK_MISMATCH', `Alert ${latest.id} is for clock ${latest.clockId}, not ${input.clockId}`);
  }
  const clockFinished = latest.resolution === 'clock-met' || latest.resolution === 'clock-cancelled';
  if (latest.id === input.id || clockFinished || alarmUrgency(input) <= alarmUrgency(latest)) {
    return { outcome: 'ignored', events: [] };
  }
  if (latest.status === 'resolved') {
    const raised = raiseAlert(input, roster, at, escalation);
    return { outcome: 'raised', raised: raised.state, events: raised.events };
  }
  const startLevel = latest.status === 'open' ? owedLevel(latest, at) : 'officer';
  const old = resolveAlert(latest, at, 'superseded');
  const raised = raiseAlert(input, roster, at, escalation, startLevel);
  return {
    outcome: 'superseded',
    raised: raised.state,
    superseded: old.state,
    events: [...old.events, ...raised.events],
  };
}
