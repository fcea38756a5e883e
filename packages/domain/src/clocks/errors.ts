// One error hierarchy for the clock engine. Handlers map `code` to a problem+json `type`, so codes
// are part of the contract: never rename one, add a new class instead.

export type ClockErrorCode =
  | 'clock.duration.invalid'
  | 'clock.time.invalid'
  | 'clock.calendar.invalid'
  | 'clock.calendar.year-not-loaded'
  | 'clock.policy.invalid'
  | 'clock.policy.unknown'
  | 'clock.transition.invalid'
  | 'clock.extension.refused';

export abstract class ClockError extends Error {
  abstract readonly code: ClockErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A text that is not an ISO 8601 duration the engine supports, or a duration of the wrong shape. */
export class DurationParseError extends ClockError {
  readonly code = 'clock.duration.invalid';

  constructor(
    readonly input: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Invalid ISO 8601 duration ${JSON.stringify(input)}: ${reason}`, options);
  }
}

/** A city-local date or date-time text that is not a real date, e.g. `2026-02-30`. */
export class CityTimeError extends ClockError {
  readonly code = 'clock.time.invalid';
}

/** Calendar data (package data or a city's override file) failed validation. */
export class CalendarDataError extends ClockError {
  readonly code = 'clock.calendar.invalid';
}

/**
 * A day-counting clock needed a year for which no State Council arrangement is loaded. There is no
 * Mon–Fri fallback on purpose: a guessed deadline that ignores 春节 is worse than a visible error.
 */
export class CalendarYearNotLoadedError extends ClockError {
  readonly code = 'clock.calendar.year-not-loaded';

  constructor(
    readonly year: number,
    loadedYears: readonly number[],
  ) {
    const range = loadedYears.length > 0 ? `${loadedYears[0]}–${loadedYears[loadedYears.length - 1]}` : 'none';
    super(
      `No holiday calendar loaded for ${year} (loaded: ${range}). Load the State Council arrangement for ${year} ` +
        `with loadCalendarOverride({ "year": ${year}, "holidays": [...], "workdays": [...], "source": "...", ` +
        `"verified": true }) — see packages/domain/calendars/README.md.`,
    );
  }
}

/** A policy or a policy override file failed validation. */
export class ClockPolicyError extends ClockError {
  readonly code = 'clock.policy.invalid';
}

export class UnknownClockPolicyError extends ClockError {
  readonly code = 'clock.policy.unknown';

  constructor(readonly policyId: string) {
    super(`Unknown clock policy ${JSON.stringify(policyId)}`);
  }
}

/** A command that the clock's status or history does not allow (meet a cancelled clock, resume a running one, …). */
export class ClockTransitionError extends ClockError {
  readonly code = 'clock.transition.invalid';
}

/** An extension the policy does not allow (role, number of times, total length). */
export class ClockExtensionError extends ClockError {
  readonly code = 'clock.extension.refused';
}
