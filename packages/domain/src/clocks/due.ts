import { type Duration, durationDays, durationMonths, durationMs, isZeroDuration, parseDuration } from './duration';
import { DurationParseError } from './errors';

// Counting modes and the size of a duration in them. The due itself is computed in period.ts.
//
// CONVENTION: `dueAt` is the LAST INSTANT THAT IS STILL ON TIME. A milestone recorded at exactly
// dueAt is met; at dueAt + 1 ms the clock is breached. Day deadlines therefore end at
// 23:59:59.999 +08:00 of their last day, and an hour deadline PT5H from 10:00 is due at 15:00:00.000.
//
// Counting modes (DOMAIN.md, "Counting rules"):
// - hours:        wall-clock duration from the start instant.
// - calendarDays: the start day is not counted; due at the end of the Nth day after it; when that
//                 day is a statutory holiday or a rest day (a weekend that is not a 调休 workday) and
//                 the policy rolls, the deadline rolls to the end of the next working day.
// - workingDays:  the start day is not counted; weekends and holidays are skipped, 调休 weekends
//                 count; due at the end of the Nth working day.
// - months:       the corresponding day N months later (the month's last day when there is no such
//                 day), at 24:00 of that day; rolls like calendar days when the policy rolls.

export type CountingMode = 'hours' | 'calendarDays' | 'workingDays' | 'months';

export const COUNTING_MODES: readonly CountingMode[] = ['hours', 'calendarDays', 'workingDays', 'months'];

export interface DueRule {
  /** ISO 8601, shaped for the counting mode: fixed for hours, days for day modes, months/years for months. */
  duration: string;
  counting: CountingMode;
}

/**
 * The size of a duration in the unit its counting mode counts (ms, days or months), after checking
 * that it is shaped for that mode and positive. Used to compare an extension with its maximum.
 * @throws DurationParseError
 */
export function durationInCountingUnits(duration: Duration | string, counting: CountingMode): number {
  const parsed = typeof duration === 'string' ? parseDuration(duration) : duration;
  let units: number;
  switch (counting) {
    case 'hours':
      units = durationMs(parsed);
      break;
    case 'calendarDays':
    case 'workingDays':
      units = durationDays(parsed);
      break;
    case 'months':
      units = durationMonths(parsed);
      break;
  }
  if (units <= 0 || isZeroDuration(parsed)) {
    throw new DurationParseError(String(duration), 'a time limit must be longer than zero');
  }
  return units;
}
