import { DomainError, type DomainErrorKind, type DomainIssue } from '../domain-error';

// The opinion domain's codes; the error itself is the one DomainError (domain-error.ts).
export type OpinionErrorKind = Extract<DomainErrorKind, 'invalid' | 'conflict'>;

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

export type OpinionErrorIssue = DomainIssue;

export class OpinionError extends DomainError {
  declare readonly code: OpinionErrorCode;

  constructor(code: OpinionErrorCode, message: string, issues: DomainIssue[] = []) {
    super(code, OPINION_ERROR_KINDS[code], message, issues);
  }
}
