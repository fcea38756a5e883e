// Events the clock aggregate emits. Plain objects: the clocks service wraps each in the bus envelope
// (`detail = { meta, data }`, detail-type = `type`). Instants are epoch ms; `version` is the
// aggregate version after the event, so subscribers can drop stale or duplicate deliveries.

export interface ClockSubject {
  /** What the clock is about, e.g. `OpinionIncident`, `Transfer`, `MediationCase`. */
  type: string;
  id: string;
  title?: string;
}

export interface ClockEventBase {
  clockId: string;
  policyId: string;
  departmentId: string;
  subject: ClockSubject;
  /** The last on-time instant after the event. */
  dueAt: number;
  version: number;
}

export type ClockEvent =
  | { type: 'Clock.Started'; data: ClockEventBase & { startedAt: number } }
  | {
      type: 'Clock.WarningDue';
      /** `warning` is the policy's ISO offset before due (e.g. `PT1H`); `warningAt` = dueAt − warning. */
      data: ClockEventBase & { warning: string; warningAt: number; firedAt: number };
    }
  | { type: 'Clock.Breached'; data: ClockEventBase & { breachedAt: number; detectedAt: number } }
  | { type: 'Clock.Met'; data: ClockEventBase & { metAt: number; late: boolean } }
  | { type: 'Clock.Paused'; data: ClockEventBase & { pausedAt: number; reason: string } }
  | { type: 'Clock.Resumed'; data: ClockEventBase & { resumedAt: number; pausedAt: number; previousDueAt: number } }
  | {
      type: 'Clock.Extended';
      data: ClockEventBase & {
        by: string;
        decidedBy: string;
        role: string;
        reason: string;
        at: number;
        previousDueAt: number;
      };
    }
  | { type: 'Clock.Cancelled'; data: ClockEventBase & { cancelledAt: number; reason: string } };

export type ClockEventType = ClockEvent['type'];

export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = [
  'Clock.Started',
  'Clock.WarningDue',
  'Clock.Breached',
  'Clock.Met',
  'Clock.Paused',
  'Clock.Resumed',
  'Clock.Extended',
  'Clock.Cancelled',
];
