import { DomainError, type DomainErrorKind, type DomainIssue } from '../domain-error';

// The alerts domain's codes; the error itself is the one DomainError (domain-error.ts).
export type AlertErrorKind = Extract<DomainErrorKind, 'invalid' | 'forbidden' | 'conflict'>;

export const ALERT_ERROR_KINDS = {
  /** The actor was never sent this alert and is neither admin nor head of its department. */
  NOT_A_RECIPIENT: 'forbidden',
  /** Acknowledging an alert that is already resolved (API: 409). */
  ALREADY_RESOLVED: 'conflict',
  /** An instant before the alert was raised. */
  INVALID_TIME: 'invalid',
  /** ackWindowMs / remindEveryMs not positive finite numbers. */
  INVALID_ESCALATION: 'invalid',
  /** A new alarm compared against an alert of another clock. */
  CLOCK_MISMATCH: 'invalid',
  /** A roster breaking its invariants (overlaps, empty names, …). */
  INVALID_ROSTER: 'invalid',
  /** The roster changed since the caller read it (optimistic concurrency on `version`). */
  ROSTER_VERSION_CONFLICT: 'conflict',
  /** The roster names people who are not users of the department (nor deputies the city allows). */
  ROSTER_UNKNOWN_PEOPLE: 'invalid',
  /** The body names another department than the one being written. */
  ROSTER_DEPARTMENT_MISMATCH: 'invalid',
} as const satisfies Record<string, AlertErrorKind>;

export type AlertErrorCode = keyof typeof ALERT_ERROR_KINDS;

export type AlertErrorIssue = DomainIssue;

export class AlertError extends DomainError {
  declare readonly code: AlertErrorCode;

  constructor(code: AlertErrorCode, message: string, issues: DomainIssue[] = []) {
    super(code, ALERT_ERROR_KINDS[code], message, issues);
  }
}
