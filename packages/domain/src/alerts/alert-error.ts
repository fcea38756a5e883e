// One error type for the alerts domain. Codes are stable (handlers and clients match on them); the
// kind tells a handler which problem+json status to answer without the domain knowing HTTP.
export type AlertErrorKind = 'invalid' | 'forbidden' | 'conflict';

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
  /** The body names another department than the one being written. */
  ROSTER_DEPARTMENT_MISMATCH: 'invalid',
} as const satisfies Record<string, AlertErrorKind>;

export type AlertErrorCode = keyof typeof ALERT_ERROR_KINDS;

export interface AlertErrorIssue {
  path: (string | number)[];
  message: string;
}

export class AlertError extends Error {
  readonly code: AlertErrorCode;
  readonly kind: AlertErrorKind;
  readonly issues: AlertErrorIssue[];

  constructor(code: AlertErrorCode, message: string, issues: AlertErrorIssue[] = []) {
    super(message);
    this.name = 'AlertError';
    this.code = code;
    this.kind = ALERT_ERROR_KINDS[code];
    this.issues = issues;
  }
}
