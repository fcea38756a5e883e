// The one place where any error becomes an HTTP answer. Callers get RFC 9457 problem+json with a
// stable `type`; they never see a stack, an SDK message or an internal name.
import { DomainError, type DomainErrorKind } from '@fazhi/domain/domain-error';
import { PlatformError, RetryLaterError } from '../errors';

export const PROBLEM_BASE = 'https://fazhi.gov.cn/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; code: string; message: string }[];
  correlationId?: string;
  /** Seconds after which the same request may be sent again; also sent as `Retry-After`. */
  retryAfter?: number;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** A binary body (a Buffer reply, e.g. an Excel export), base64 as API Gateway expects it. */
  isBase64Encoded?: boolean;
}

const KIND_STATUS: Record<DomainErrorKind, number> = { invalid: 422, forbidden: 403, conflict: 409, 'not-found': 404 };
const KIND_TITLE: Record<DomainErrorKind, string> = {
  invalid: 'Request refused by the rules',
  forbidden: 'Not allowed',
  conflict: 'Conflict',
  'not-found': 'Not found',
};

/** A domain error's code as a problem type slug: `clock.extension.refused` → `clock-extension-refused`. */
function slugOf(code: string): string {
  return code.toLowerCase().replaceAll('_', '-').replaceAll('.', '-');
}

/** problem+json `errors[]`: one item per failing field, `{ path, code, message }`. */
function fieldErrors(
  issues: readonly { path: string | readonly (string | number)[]; code?: string; message: string }[],
) {
  return issues.map((i) => ({
    path: typeof i.path === 'string' ? i.path : i.path.map(String).join('.') || '(body)',
    code: i.code ?? 'invalid',
    message: i.message,
  }));
}

export function problemOf(err: unknown, correlationId?: string): Problem {
  if (err instanceof PlatformError) {
    return {
      type: PROBLEM_BASE + err.slug,
      title: err.title,
      status: err.status,
      detail: err.message,
      ...(err.errors ? { errors: fieldErrors(err.errors) } : {}),
      ...(correlationId ? { correlationId } : {}),
      ...(err instanceof RetryLaterError ? { retryAfter: err.retryAfterSeconds } : {}),
    };
  }
  if (err instanceof DomainError) {
    return {
      type: PROBLEM_BASE + slugOf(err.code),
      title: KIND_TITLE[err.kind],
      status: KIND_STATUS[err.kind],
      detail: err.message,
      ...(err.issues.length > 0 ? { errors: fieldErrors(err.issues) } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }
  if (err instanceof Error && err.name === 'TimeoutError') {
    // middy's early timeout: the function ran out of time before answering; nothing was committed
    // by this request after the point it stopped, and a retry with the same Idempotency-Key is safe.
    return {
      type: `${PROBLEM_BASE}timeout`,
      title: 'Timed out',
      status: 504,
      detail: 'The request took too long and was stopped. Retry it with the same Idempotency-Key.',
      ...(correlationId ? { correlationId } : {}),
    };
  }
  return {
    type: `${PROBLEM_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'Something failed on our side. Quote the correlation id when you report it.',
    ...(correlationId ? { correlationId } : {}),
  };
}

export function problemResponse(problem: Problem): HttpResponse {
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...(problem.correlationId ? { 'x-correlation-id': problem.correlationId } : {}),
      ...(problem.retryAfter !== undefined
        ? { 'retry-after': String(Math.max(1, Math.ceil(problem.retryAfter))) }
        : {}),
    },
    body: JSON.stringify(problem),
  };
}
