// The platform's one error hierarchy. Each carries the RFC 9457 fields it answers with; the HTTP
// mapping (http/problem.ts) is the only place that turns any error into a response.
export interface FieldError {
  path: string;
  /** Stable machine code of the field's problem (zod's issue code, or the domain's); `invalid` by default. */
  code?: string;
  message: string;
}

export class PlatformError extends Error {
  constructor(
    readonly status: number,
    /** Stable, documented problem type slug; the response `type` is `https://fazhi.gov.cn/problems/<slug>`. */
    readonly slug: string,
    readonly title: string,
    detail?: string,
    options?: { cause?: unknown; errors?: FieldError[] },
  ) {
    super(detail ?? title, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.errors = options?.errors;
  }
  readonly errors: FieldError[] | undefined;
}

export class BadRequestError extends PlatformError {
  constructor(slug: string, title: string, detail?: string, errors?: FieldError[]) {
    super(400, slug, title, detail, { errors });
  }
}
export class UnauthorizedError extends PlatformError {
  constructor(detail = 'Send `Authorization: Bearer <API key or token>`.') {
    super(401, 'unauthorized', 'Authentication required', detail);
  }
}
export class ForbiddenError extends PlatformError {
  constructor(detail: string, slug = 'forbidden') {
    super(403, slug, 'Not allowed', detail);
  }
}
export class NotFoundError extends PlatformError {
  constructor(what: string) {
    super(404, 'not-found', 'Not found', `${what} does not exist or is not visible to you.`);
  }
}
/** What the caller names existed but has ended for good (an expired link). */
export class GoneError extends PlatformError {
  constructor(detail: string) {
    super(410, 'gone', 'Gone', detail);
  }
}
export class ConflictError extends PlatformError {
  constructor(slug: string, detail: string, cause?: unknown) {
    super(409, slug, 'Conflict', detail, { cause });
  }
}
/**
 * A refusal the caller should simply retry after a moment (answered with `Retry-After`): the
 * request did nothing, and the same request with the same Idempotency-Key is safe to send again.
 */
export class RetryLaterError extends PlatformError {
  constructor(
    status: 409 | 429 | 503,
    slug: string,
    title: string,
    detail: string,
    readonly retryAfterSeconds: number,
    cause?: unknown,
  ) {
    super(status, slug, title, detail, { cause });
  }
}
export class PayloadTooLargeError extends PlatformError {
  constructor(limit: number, actual: number) {
    super(413, 'payload-too-large', 'Request body too large', `The body is ${actual} bytes; the limit is ${limit}.`);
  }
}
export class UnsupportedMediaTypeError extends PlatformError {
  constructor(got: string | undefined) {
    super(415, 'unsupported-media-type', 'Unsupported media type', `Send application/json, not ${got ?? 'nothing'}.`);
  }
}
export class ValidationError extends PlatformError {
  constructor(detail: string, errors: FieldError[], slug = 'validation-failed') {
    super(422, slug, 'Request failed validation', detail, { errors });
  }
}
