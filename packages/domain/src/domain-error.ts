// The one error type of the domain. Every domain failure carries a stable `code` (part of the API
// contract: clients match on it, never rename one), a `kind` that tells the HTTP edge which status
// to answer without the domain knowing HTTP, and the failing fields (`issues`) when there are any.
// packages/platform/src/http/problem.ts maps it to problem+json `errors[]`.
export type DomainErrorKind = 'invalid' | 'forbidden' | 'conflict' | 'not-found';

export interface DomainIssue {
  /** Where in the input, e.g. `['period', 'duration']`; empty for the input as a whole. */
  path: (string | number)[];
  /** Stable machine code of this field's problem, e.g. `out-of-bounds`; `invalid` when omitted. */
  code?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly issues: DomainIssue[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A field issue with the given code; `path` is dotted or an array. */
export function issue(path: string | (string | number)[], code: string, message: string): DomainIssue {
  return { path: typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path, code, message };
}
