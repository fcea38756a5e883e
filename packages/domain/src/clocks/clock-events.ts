// Events the clock aggregate emits. Plain objects: the platform wraps each in the bus envelope
// (`detail = { meta, data }`, detail-type = `type`). Instants are epoch ms; `version` is the
// aggregate version after the event, so subscribers can drop stale or duplicate deliveries.

export interface ClockSubject {
  /** What the clock is about, a subject type a service registered, e.g. `opinion-incident`. */
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
  /** The due counts a year without calendar data (weekends only) and moves when it is loaded. */
  provisional: boolean;
  version: number;
}

export interface ClockConsent {
  /** Who consented, e.g. both parties of a mediation. */
  parties: string[];
  documentNo?: string;
}

export type ClockEvent =
  | { type: 'Clock.Started'; data: ClockEventBase & { startedAt: number; period: string; documentNo?: string } }
  | {
      type: 'Clock.WarningDue';
      /** `warning` is `PT1H` (before due) or `D-1T09:00` (working hours); `warningAt` is its instant. */
      data: ClockEventBase & { warning: string; warningAt: number; firedAt: number };
    }
  | { type: 'Clock.Breached'; data: ClockEventBase & { breachedAt: number; detectedAt: number } }
  | { type: 'Clock.Met'; data: ClockEventBase & { metAt: number; late: boolean; whilePaused: boolean } }
  | {
      type: 'Clock.Paused';
      data: ClockEventBase & {
        pauseId: string;
        reason: string;
        by: string;
        documentNo?: string;
        pausedAt: number;
        openPauses: number;
      };
    }
  | {
      type: 'Clock.Resumed';
      data: ClockEventBase & {
        pauseId: string;
        reason: string;
        by: string;
        resumedAt: number;
        pausedAt: number;
        /** False while another pause is still open. */
        running: boolean;
        previousDueAt: number;
      };
    }
  | {
      type: 'Clock.Extended';
      data: ClockEventBase & {
        by: string;
        decidedBy: string;
        role: string;
        reason: string;
        at: number;
        documentNo?: string;
        consent?: ClockConsent;
        previousDueAt: number;
      };
    }
  | { type: 'Clock.Cancelled'; data: ClockEventBase & { cancelledAt: number; reason: string } }
  | {
      type: 'Clock.Replanned';
      data: ClockEventBase & {
        cause: 'policy' | 'calendar';
        at: number;
        previousDueAt: number;
        policyVersion: number;
        previousPolicyVersion: number;
      };
    };

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
  'Clock.Replanned',
];
