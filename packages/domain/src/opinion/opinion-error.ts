// One error type for the opinion domain; stable codes, and a kind a handler maps to a status.
export type OpinionErrorKind = 'invalid' | 'conflict';

export const OPINION_ERROR_KINDS = {
  /** open(): a field or the order of the instants is wrong. */
  INVALID_INCIDENT: 'invalid',
  /** A milestone without an evidence link or a document number. */
  EVIDENCE_REQUIRED: 'invalid',
  /** A milestone, regrade or close that breaks a field rule (channel, reason, times). */
  INVALID_INPUT: 'invalid',
  /** A change to a closed incident. */
  INCIDENT_CLOSED: 'conflict',
  /** A clock id the incident does not hold. */
  UNKNOWN_CLOCK: 'invalid',
  /** A policy duration missing or not positive. */
  INVALID_POLICY: 'invalid',
} as const satisfies Record<string, OpinionErrorKind>;

export type OpinionErrorCode = keyof typeof OPINION_ERROR_KINDS;

export interface OpinionErrorIssue {
  path: (string | number)[];
  message: string;
}

export class OpinionError extends Error {
  readonly code: OpinionErrorCode;
  readonly kind: OpinionErrorKind;
  readonly issues: OpinionErrorIssue[];

  constructor(code: OpinionErrorCode, message: string, issues: OpinionErrorIssue[] = []) {
    super(message);
    this.name = 'OpinionError';
    this.code = code;
    this.kind = OPINION_ERROR_KINDS[code];
    this.issues = issues;
  }
}
