import { DomainError, type DomainErrorKind, type DomainIssue } from '../domain-error';

// The clock engine's codes on the one DomainError (domain-error.ts). Codes are part of the contract:
// never rename one, add a new class instead. The kind decides the HTTP status at the edge.

const CLOCK_ERROR_KINDS = {
  'clock.duration.invalid': 'invalid',
  'clock.time.invalid': 'invalid',
  'clock.calendar.invalid': 'invalid',
  'clock.calendar.year-not-loaded': 'invalid',
  'clock.policy.invalid': 'invalid',
  'clock.policy.unknown': 'invalid',
  'clock.transition.invalid': 'conflict',
  'clock.extension.refused': 'forbidden',
  'clock.pause.refused': 'invalid',
  'clock.period.invalid': 'invalid',
  'clock.not-yet-allowed': 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type ClockErrorCode = keyof typeof CLOCK_ERROR_KINDS;

type Options = ErrorOptions & { issues?: DomainIssue[] };

export abstract class ClockError extends DomainError {
  declare readonly code: ClockErrorCode;

  protected constructor(code: ClockErrorCode, message: string, options?: Options) {
    super(code, CLOCK_ERROR_KINDS[code], message, options?.issues ?? [], options);
  }
}

/** A text that is not an ISO 8601 duration the engine supports, or a duration of the wrong shape. */
export class DurationParseError extends ClockError {
  constructor(
    readonly input: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super('clock.duration.invalid', `Invalid ISO 8601 duration ${JSON.stringify(input)}: ${reason}`, options);
  }
}

/** A city-local date or date-time text that is not a real date, e.g. `2026-02-30`. */
export class CityTimeError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.time.invalid', message, options);
  }
}

/** Calendar data (package data or a city's override file) failed validation. */
export class CalendarDataError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.calendar.invalid', message, options);
  }
}

/**
 * A strict calendar lookup (kindOfDay) for a year with no State Council arrangement loaded. Clocks
 * do not raise it: they count such a year provisionally (weekends only) and say so (period.ts).
 */
export class CalendarYearNotLoadedError extends ClockError {
  constructor(
    readonly year: number,
    loadedYears: readonly number[],
  ) {
    const range = loadedYears.length > 0 ? `${loadedYears[0]}–${loadedYears[loadedYears.length - 1]}` : 'none';
    super(
      'clock.calendar.year-not-loaded',
      `No holiday calendar loaded for ${year} (loaded: ${range}). Load the State Council arrangement for ${year} ` +
        `with loadCalendarOverride({ "year": ${year}, "holidays": [...], "workdays": [...], "source": "...", ` +
        `"verified": true }) — see packages/domain/calendars/README.md.`,
    );
  }
}

/** A policy or a policy override file failed validation. */
export class ClockPolicyError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.policy.invalid', message, options);
  }
}

export class UnknownClockPolicyError extends ClockError {
  constructor(readonly policyId: string) {
    super('clock.policy.unknown', `Unknown clock policy ${JSON.stringify(policyId)}`, {
      issues: [{ path: ['policyId'], code: 'unknown', message: `no clock policy ${policyId}` }],
    });
  }
}

/** A command that the clock's status or history does not allow (meet a cancelled clock, resume a running one, …). */
export class ClockTransitionError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.transition.invalid', message, options);
  }
}

/** An extension the policy does not allow (role, number of times, total length, missing consent). */
export class ClockExtensionError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.extension.refused', message, options);
  }
}

/** A pause whose reason the policy does not accept, or a resume that names no open pause. */
export class ClockPauseError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.pause.refused', message, options);
  }
}

/** A period set by a decision outside the policy's bounds, or missing where the policy needs one. */
export class ClockPeriodError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.period.invalid', message, options);
  }
}

/** An act recorded before the earliest date a "not before" clock allows. */
export class ClockNotYetAllowedError extends ClockError {
  constructor(message: string, options?: Options) {
    super('clock.not-yet-allowed', message, options);
  }
}
