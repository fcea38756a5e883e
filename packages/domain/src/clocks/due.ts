import type { HolidayCalendar } from './calendar';
import { addCityMonths, cityDayOf, endOfCityDay } from './city-time';
import { type Duration, durationDays, durationMonths, durationMs, isZeroDuration, parseDuration } from './duration';
import { DurationParseError } from './errors';

// When a clock is due.
//
// CONVENTION: `dueAt` is the LAST INSTANT THAT IS STILL ON TIME. A milestone recorded at exactly
// dueAt is met; at dueAt + 1 ms the clock is breached. Day deadlines therefore end at
// 23:59:59.999 +08:00 of their last day, and an hour deadline PT5H from 10:00 is due at 15:00:00.000.
//
// Counting modes (DOMAIN.md, "Counting rules"):
// - hours:        wall-clock duration from the start instant.
// - calendarDays: the start day is not counted; due at the end of the Nth day after it; when that
//                 day is a statutory holiday or a rest day (a weekend that is not a 调休 workday) the
//                 deadline rolls to the end of the next working day (the criminal-procedure rule).
// - workingDays:  the start day is not counted; weekends and holidays are skipped, 调休 weekends
//                 count; due at the end of the Nth working day.
// - months:       same day of the month N months later (the month's last day when there is no such
//                 day), at the same time of day; no holiday roll-forward.
// Hours and months need no holiday calendar; day modes throw CalendarYearNotLoadedError when a day
// they must classify lies in a year without data.

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

function endOfDayCount(startAt: number, days: number, counting: 'calendarDays' | 'workingDays', cal: HolidayCalendar) {
  const startDay = cityDayOf(startAt);
  const lastDay =
    counting === 'calendarDays' ? cal.workingDayOnOrAfter(startDay + days) : cal.addWorkingDays(startDay, days);
  return endOfCityDay(lastDay);
}

/** The last on-time instant of a clock started at `startAt` (epoch ms). */
export function computeDue(startAt: number, policy: DueRule, calendar: HolidayCalendar): number {
  const units = durationInCountingUnits(policy.duration, policy.counting);
  switch (policy.counting) {
    case 'hours':
      return startAt + units;
    case 'calendarDays':
    case 'workingDays':
      return endOfDayCount(startAt, units, policy.counting, calendar);
    case 'months':
      return addCityMonths(startAt, units);
  }
}

/**
 * The due instant after a pause from `pausedFrom` to `resumedAt` (pausedFrom ≤ dueAt).
 * - hours, months: due moves by the paused span exactly.
 * - calendarDays: the calendar days left at the pause (due day − pause day) are counted again from
 *   the resume day, then the holiday roll-forward applies.
 * - workingDays: the working days left at the pause (in (pause day, due day]) are counted again
 *   after the resume day; with none left the clock is due at the end of the resume day (or of the
 *   next working day when it resumes on a rest day).
 * Day modes count whole days like a fresh start: a pause and resume on the same day changes nothing,
 * and a pause over midnight gives back the whole day.
 */
export function dueAfterPause(
  dueAt: number,
  pausedFrom: number,
  resumedAt: number,
  counting: CountingMode,
  calendar: HolidayCalendar,
): number {
  const dueDay = cityDayOf(dueAt);
  const pauseDay = cityDayOf(pausedFrom);
  const resumeDay = cityDayOf(resumedAt);
  switch (counting) {
    case 'hours':
    case 'months':
      return dueAt + (resumedAt - pausedFrom);
    case 'calendarDays':
      return endOfCityDay(calendar.workingDayOnOrAfter(resumeDay + Math.max(0, dueDay - pauseDay)));
    case 'workingDays': {
      const left = calendar.workingDaysBetween(pauseDay, dueDay);
      const lastDay = left === 0 ? calendar.workingDayOnOrAfter(resumeDay) : calendar.addWorkingDays(resumeDay, left);
      return endOfCityDay(lastDay);
    }
  }
}

/**
 * The due instant after an extension `by`, counted from the current due: hours add exactly; calendar
 * days add to the due day and roll forward again; working days add working days after the due day;
 * months take the same day of the month later (民法典 Art. 202 style, Feb 28 + P1M = Mar 28).
 */
export function dueAfterExtension(
  dueAt: number,
  by: string,
  counting: CountingMode,
  calendar: HolidayCalendar,
): number {
  const units = durationInCountingUnits(by, counting);
  const dueDay = cityDayOf(dueAt);
  switch (counting) {
    case 'hours':
      return dueAt + units;
    case 'calendarDays':
      return endOfCityDay(calendar.workingDayOnOrAfter(dueDay + units));
    case 'workingDays':
      return endOfCityDay(calendar.addWorkingDays(dueDay, units));
    case 'months':
      return addCityMonths(dueAt, units);
  }
}
