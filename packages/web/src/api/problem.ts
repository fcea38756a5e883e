// RFC 9457 problem details, normalised so the UI never has to show a raw body or stack trace.

export interface FieldError {
  path: string;
  message: string;
  /** A stable code (zod's issue code or the platform's), when the server sent one. */
  code?: string;
}

export interface Problem {
  type: string;
  /** Empty when the server sent no usable problem+json; the UI then shows a generic message for the status. */
  title: string;
  status: number;
  detail?: string;
  errors: FieldError[];
}

export type ApiErrorKind = 'http' | 'network';

export class ApiError extends Error {
  readonly problem: Problem;
  readonly kind: ApiErrorKind;

  constructor(problem: Problem, kind: ApiErrorKind) {
    super(problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.kind = kind;
  }

  get status(): number {
    return this.problem.status;
  }
}

export function networkError(): ApiError {
  return new ApiError({ type: 'about:blank#network', title: '', status: 0, errors: [] }, 'network');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);

function fieldErrorOf(value: unknown, fallbackPath = ''): FieldError | undefined {
  if (typeof value === 'string') return { path: fallbackPath, message: value };
  if (!isRecord(value)) return undefined;
  const rawPath = value.pointer ?? value.path ?? value.field ?? value.name ?? fallbackPath;
  const path = Array.isArray(rawPath) ? rawPath.join('.') : String(rawPath ?? '');
  const message = str(value.detail) ?? str(value.message) ?? str(value.title);
  const code = str(value.code);
  return message ? { path, message, ...(code ? { code } : {}) } : undefined;
}

// Servers shape `errors` differently (array of {pointer|path, detail|message} or a map field → message(s)).
function fieldErrorsOf(value: unknown): FieldError[] {
  if (Array.isArray(value)) return value.map((v) => fieldErrorOf(v)).filter((e): e is FieldError => !!e);
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([path, v]) =>
      (Array.isArray(v) ? v : [v]).map((m) => fieldErrorOf(m, path)).filter((e): e is FieldError => !!e),
    );
  }
  return [];
}

/** Reads a failed response body; anything that is not a problem object yields a generic problem for the status. */
export function problemFrom(status: number, body: string): Problem {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) return { type: 'about:blank', title: '', status, errors: [] };
  const title = str(parsed.title) ?? '';
  const detail = str(parsed.detail);
  return {
    type: str(parsed.type) ?? 'about:blank',
    title,
    status: typeof parsed.status === 'number' ? parsed.status : status,
    ...(detail && detail !== title ? { detail } : {}),
    errors: fieldErrorsOf(parsed.errors),
  };
}
