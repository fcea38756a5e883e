import {
  addWorkingDays,
  type DayCounter,
  type HolidayCalendar,
  workingDayBefore,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './calendar';
import { addMonthsToDay, cityDayOf, endOfCityDay, startOfCityDay } from './city-time';
import { type CountingMode, durationInCountingUnits } from './due';
import { durationMs } from './duration';
import type { WorkdayWarnings } from './policy-schema';

// A clock's due, computed from scratch from what the clock records: its start, its period (in the
// counting unit), the pauses and the extensions. Nothing is computed from an earlier due, so the
// holiday roll is applied once, to the period's true last day (DOMAIN.md "Counting rules"):
//
// 1. The unrolled last day: start day not counted; N calendar days, N working days, or the
//    corresponding day N months later (that month's last day when it has none). Hours count ms.
// 2. Pauses and extensions are applied in time order to that unrolled end:
//    - a pause (the union of overlapping pauses, closed) gives back what was left at its start,
//      counted again from its end: the exact span for hours; for day modes and months the days left
//      after the pause day are counted again after the resume day (working days for workingDays);
//    - an extension adds its length in the counting unit to the unrolled last day.
// 3. The roll, once: when the policy rolls and the last day is a rest day or holiday, the due is
//    the end of the next working day. A working-day period always ends on a working day.
// A day period ends at 24:00 of its last day, city time: dueAt is 23:59:59.999 +08:00 (the last
// instant still on time; see due.ts). Days in a year without calendar data count Monday–Friday and
// the result is flagged provisional.

export interface PeriodRule {
  counting: CountingMode;
  /** ISO duration in the counting unit. */
  period: string;
  rolls: boolean;
}

export interface PeriodLedger {
  startedAt: number;
  pauses: readonly { from: number; to?: number }[];
  extensions: readonly { by: string; at: number }[];
}

export interface DuePlan {
  /** End of the period's true last day (hours: the exact instant), before any roll. */
  unrolledDueAt: number;
  /** The last on-time instant. */
  dueAt: number;
  /** Years counted without calendar data (weekends only); empty when the due is final. */
  provisionalYears: number[];
}

/** Closed pause spans with overlapping (or touching) pauses merged; spans still open are left out. */
export function pausedSpans(pauses: PeriodLedger['pauses']): { from: number; to: number }[] {
  const sorted = [...pauses].sort((a, b) => a.from - b.from);
  const spans: { from: number; to: number | undefined }[] = [];
  for (const p of sorted) {
    const last = spans.at(-1);
    if (last && (last.to === undefined || p.from <= last.to)) {
      last.to = last.to === undefined || p.to === undefined ? undefined : Math.max(last.to, p.to);
    } else {
      spans.push({ from: p.from, to: p.to });
    }
  }
  return spans.filter((s): s is { from: number; to: number } => s.to !== undefined);
}

type Step = { at: number; kind: 'pause'; from: number; to: number } | { at: number; kind: 'extend'; by: string };

export function planDue(rule: PeriodRule, ledger: PeriodLedger, calendar: HolidayCalendar): DuePlan {
  const days = calendar.counter();
  const n = durationInCountingUnits(rule.period, rule.counting);
  const steps: Step[] = [
    ...pausedSpans(ledger.pauses).map((s) => ({ at: s.from, kind: 'pause' as const, ...s })),
    ...ledger.extensions.map((e) => ({ at: e.at, kind: 'extend' as const, by: e.by })),
  ].sort((a, b) => a.at - b.at);

  if (rule.counting === 'hours') {
    let end = ledger.startedAt + n;
    for (const s of steps) end += s.kind === 'pause' ? s.to - s.from : durationMs(s.by);
    return { unrolledDueAt: end, dueAt: end, provisionalYears: [] };
  }

  const startDay = cityDayOf(ledger.startedAt);
  let lastDay = addUnits(rule.counting, startDay, n, days);
  for (const s of steps) {
    lastDay =
      s.kind === 'pause'
        ? afterPause(rule.counting, lastDay, cityDayOf(s.from), cityDayOf(s.to), days)
        : addUnits(rule.counting, lastDay, durationInCountingUnits(s.by, rule.counting), days);
  }
  const dueDay = rule.rolls ? workingDayOnOrAfter(days, lastDay) : lastDay;
  return { unrolledDueAt: endOfCityDay(lastDay), dueAt: endOfCityDay(dueDay), provisionalYears: days.provisionalYears };
}

function addUnits(counting: Exclude<CountingMode, 'hours'>, day: number, n: number, days: DayCounter): number {
  switch (counting) {
    case 'calendarDays':
      return day + n;
    case 'workingDays':
      return addWorkingDays(days, day, n);
    case 'months':
      return addMonthsToDay(day, n);
  }
}

function afterPause(
  counting: Exclude<CountingMode, 'hours'>,
  lastDay: number,
  pauseDay: number,
  resumeDay: number,
  days: DayCounter,
): number {
  if (counting !== 'workingDays') return resumeDay + Math.max(0, lastDay - pauseDay);
  const left = workingDaysBetween(days, pauseDay, lastDay);
  return left === 0 ? workingDayOnOrAfter(days, resumeDay) : addWorkingDays(days, resumeDay, left);
}

export interface WarningPoint {
  /** `PT1H` (hour clocks: that long before due) or `D-1T09:00` (09:00, one working day before the due day). */
  key: string;
  at: number;
}

/**
 * How far before due a warning key lies, for ordering warnings by urgency without the calendar:
 * exact for hour offsets; for `D-nTHH:MM`, n days plus what is left of the due day after HH:MM.
 */
export function warningLeadMs(key: string): number {
  const day = /^D-(\d{1,2})T(\d{2}):(\d{2})$/.exec(key);
  if (!day) return durationMs(key);
  const [, n, hh, mm] = day.map(Number) as [number, number, number, number];
  return n * 86_400_000 + 86_400_000 - (hh * 60 + mm) * 60_000;
}

/** The key of a working-hours warning, e.g. `D-1T09:00`. */
export function workdayWarningKey(workingDaysBefore: number, at: string): string {
  return `D-${workingDaysBefore}T${at}`;
}

/**
 * When each warning fires for a due, earliest first. Hour offsets count back from the due instant;
 * working-hours warnings fire at `at` on the N-th working day before the due day (0: the due day,
 * or the last working day before it when the due day is a rest day), never at night.
 */
export function warningPoints(
  dueAt: number,
  offsets: readonly string[],
  workday: WorkdayWarnings | undefined,
  calendar: HolidayCalendar,
): WarningPoint[] {
  const points = offsets.map((key) => ({ key, at: dueAt - durationMs(key) }));
  if (workday) {
    const days = calendar.counter();
    const [hh, mm] = workday.at.split(':').map(Number) as [number, number];
    for (const before of workday.workingDaysBefore) {
      const day = workingDayBefore(days, cityDayOf(dueAt), before);
      const at = startOfCityDay(day) + (hh * 60 + mm) * 60_000;
      if (at <= dueAt) points.push({ key: workdayWarningKey(before, workday.at), at });
    }
  }
  return points.sort((a, b) => a.at - b.at);
}

/** The last on-time instant of a fresh period started at `startAt` (no pauses, no extensions). */
export function computeDue(
  startAt: number,
  rule: { duration: string; counting: CountingMode; rolls?: boolean },
  calendar: HolidayCalendar,
): number {
  const rolls = rule.rolls ?? rule.counting !== 'hours';
  return planDue(
    { counting: rule.counting, period: rule.duration, rolls },
    { startedAt: startAt, pauses: [], extensions: [] },
    calendar,
  ).dueAt;
}
