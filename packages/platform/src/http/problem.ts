// The one place where any error becomes an HTTP answer. Callers get RFC 9457 problem+json with a
// stable `type`; they never see a stack, an SDK message or an internal name.
import { PlatformError } from '../errors';

export const PROBLEM_BASE = 'https://fazhi.gov.cn/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  correlationId?: string;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Domain packages raise errors with a stable `code` and know nothing of HTTP; their status is
 * decided here. Unlisted domain codes answer 422 (the request was understood but the rules refuse it).
 */
const DOMAIN_STATUS: Record<string, number> = {
  NOT_A_RECIPIENT: 403,
  NOT_ALLOWED: 403,
  FORBIDDEN: 403,
  ALREADY_RESOLVED: 409,
  ALREADY_CLOSED: 409,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  CALENDAR_YEAR_NOT_LOADED: 422,
  'clock.transition.invalid': 409,
  'clock.extension.refused': 403,
  'clock.policy.unknown': 422,
  'clock.calendar.year-not-loaded': 422,
};

interface CodedError extends Error {
  code: string;
  /** Domain errors may classify themselves without knowing HTTP. */
  kind?: 'invalid' | 'forbidden' | 'conflict' | 'not-found';
}

const KIND_STATUS: Record<string, number> = { invalid: 422, forbidden: 403, conflict: 409, 'not-found': 404 };
function isCoded(e: unknown): e is CodedError {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && !('$metadata' in e);
}

function slugOf(code: string): string {
  return code.toLowerCase().replaceAll('_', '-').replaceAll('.', '-');
}

export function problemOf(err: unknown, correlationId?: string): Problem {
  if (err instanceof PlatformError) {
    return {
      type: PROBLEM_BASE + err.slug,
      title: err.title,
      status: err.status,
      detail: err.message,
      ...(err.errors ? { errors: err.errors } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }
  if (isCoded(err)) {
    const status = DOMAIN_STATUS[err.code] ?? (err.kind ? KIND_STATUS[err.kind] : undefined) ?? 422;
    return {
      type: PROBLEM_BASE + slugOf(err.code),
      title:
        status === 409
          ? 'Conflict'
          : status === 403
            ? 'Not allowed'
            : status === 404
              ? 'Not found'
              : 'Request refused by the rules',
      status,
      detail: err.message,
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
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    body: JSON.stringify(problem),
  };
}
