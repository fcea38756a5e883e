import * as z from 'zod';
import packagedYears from '../../calendars/cn-mainland.json' with { type: 'json' };
import { civilFromDay, isWeekendDay, tryDayOfIsoDate, weekdayOfDay } from './city-time';
import { CalendarDataError, CalendarYearNotLoadedError } from './errors';
import { describeZodIssues } from './zod-issues';

// The State Council holiday arrangement (国务院办公厅关于部分节假日安排的通知) per year, as data.
// `holidays` are the days off of each festival period, `workdays` the weekend days turned into
// working days (调休上班). Anything else is a working day Monday–Friday and a rest day at the weekend.
// A year that is not loaded is an error, never a Mon–Fri guess.

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const calendarYearSchema = z
  .object({
    year: z.number().int().min(1949).max(2200),
    holidays: z.array(dateText).min(1, 'a State Council arrangement always lists holidays'),
    workdays: z.array(dateText),
    source: z.string().trim().min(1, 'name the notice the dates come from'),
    verified: z.boolean(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const seen = new Map<string, 'holidays' | 'workdays'>();
    for (const list of ['holidays', 'workdays'] as const) {
      entry[list].forEach((date, index) => {
        const path = [list, index];
        const day = tryDayOfIsoDate(date);
        if (day === undefined) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is not a real date` });
          return;
        }
        if (!date.startsWith(`${entry.year}-`)) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is not in year ${entry.year}` });
        }
        const earlier = seen.get(date);
        if (earlier === list) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is listed twice` });
        } else if (earlier) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is listed both as a holiday and as a workday` });
        }
        seen.set(date, list);
        if (list === 'workdays' && !isWeekendDay(day)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `${date} is a ${WEEKDAY_NAMES[weekdayOfDay(day)]}; workdays lists only weekend days that become working days (调休上班)`,
          });
        }
      });
    }
  });

export type CalendarYear = z.infer<typeof calendarYearSchema>;

export type DayKind = 'workday' | 'adjustedWorkday' | 'weekend' | 'holiday';

interface IndexedYear {
  readonly data: CalendarYear;
  readonly holidays: ReadonlySet<number>;
  readonly workdays: ReadonlySet<number>;
}

function indexYear(data: CalendarYear): IndexedYear {
  const days = (dates: readonly string[]) => new Set(dates.map((date) => tryDayOfIsoDate(date) as number));
  return { data, holidays: days(data.holidays), workdays: days(data.workdays) };
}

/** Immutable; `withYears` and `loadCalendarOverride` return new calendars. */
export class HolidayCalendar {
  private readonly byYear: ReadonlyMap<number, IndexedYear>;

  private constructor(years: readonly CalendarYear[]) {
    this.byYear = new Map(years.map((year) => [year.year, indexYear(year)]));
  }

  /** Validates the data; `label` names it in the error message. */
  static fromData(json: unknown, label = 'calendar data'): HolidayCalendar {
    return new HolidayCalendar(parseCalendarYears(json, label));
  }

  /** Years with data, ascending. */
  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.byYear.has(year);
  }

  yearData(year: number): CalendarYear | undefined {
    return this.byYear.get(year)?.data;
  }

  /** A copy where each given year replaces the same year wholesale (a notice is corrected as a whole). */
  withYears(years: readonly CalendarYear[]): HolidayCalendar {
    const merged = new Map([...this.byYear].map(([year, indexed]) => [year, indexed.data]));
    for (const year of years) merged.set(year.year, year);
    return new HolidayCalendar([...merged.values()]);
  }

  /** @throws CalendarYearNotLoadedError */
  kindOfDay(day: number): DayKind {
    const { year } = civilFromDay(day);
    const indexed = this.byYear.get(year);
    if (!indexed) throw new CalendarYearNotLoadedError(year, this.years);
    if (indexed.holidays.has(day)) return 'holiday';
    if (indexed.workdays.has(day)) return 'adjustedWorkday';
    return isWeekendDay(day) ? 'weekend' : 'workday';
  }

  isWorkingDay(day: number): boolean {
    const kind = this.kindOfDay(day);
    return kind === 'workday' || kind === 'adjustedWorkday';
  }

  kindOfDate(isoDate: string): DayKind {
    return this.kindOfDay(dayOfDate(isoDate));
  }

  isWorkingDate(isoDate: string): boolean {
    return this.isWorkingDay(dayOfDate(isoDate));
  }

  /** `day` itself when it is a working day, else the next working day. */
  workingDayOnOrAfter(day: number): number {
    return workingDayOnOrAfter(this, day);
  }

  /** The `count`-th working day strictly after `day` (`day` itself is never counted). */
  addWorkingDays(day: number, count: number): number {
    return addWorkingDays(this, day, count);
  }

  /** Working days in (fromDay, toDay]; 0 when toDay ≤ fromDay. */
  workingDaysBetween(fromDay: number, toDay: number): number {
    return workingDaysBetween(this, fromDay, toDay);
  }

  /**
   * Working days as a clock counts them: a year without data counts Monday–Friday (no holidays,
   * no 调休) instead of failing, and the counter remembers it, so the due is flagged provisional and
   * recomputed when the year is loaded (DOMAIN.md "Next year's calendar").
   */
  counter(): DayCounter {
    return new DayCounter(this);
  }
}

/** What the day loops need; HolidayCalendar (strict) and DayCounter (provisional) both are. */
export interface WorkingDayTest {
  isWorkingDay(day: number): boolean;
}

export function workingDayOnOrAfter(days: WorkingDayTest, day: number): number {
  let candidate = day;
  while (!days.isWorkingDay(candidate)) candidate += 1;
  return candidate;
}

export function addWorkingDays(days: WorkingDayTest, day: number, count: number): number {
  let candidate = day;
  let remaining = count;
  while (remaining > 0) {
    candidate += 1;
    if (days.isWorkingDay(candidate)) remaining -= 1;
  }
  return candidate;
}

export function workingDaysBetween(days: WorkingDayTest, fromDay: number, toDay: number): number {
  let count = 0;
  for (let day = fromDay + 1; day <= toDay; day += 1) if (days.isWorkingDay(day)) count += 1;
  return count;
}

/** The `count`-th working day before `day`, counting `day` itself as 0 when it is a working day. */
export function workingDayBefore(days: WorkingDayTest, day: number, count: number): number {
  let candidate = day;
  while (!days.isWorkingDay(candidate)) candidate -= 1;
  let remaining = count;
  while (remaining > 0) {
    candidate -= 1;
    if (days.isWorkingDay(candidate)) remaining -= 1;
  }
  return candidate;
}

export class DayCounter implements WorkingDayTest {
  private readonly guessed = new Set<number>();

  constructor(private readonly calendar: HolidayCalendar) {}

  isWorkingDay(day: number): boolean {
    const { year } = civilFromDay(day);
    if (this.calendar.hasYear(year)) return this.calendar.isWorkingDay(day);
    this.guessed.add(year);
    return !isWeekendDay(day);
  }

  /** Years counted without data (weekends only), ascending. */
  get provisionalYears(): number[] {
    return [...this.guessed].sort((a, b) => a - b);
  }
}

function dayOfDate(isoDate: string): number {
  const day = tryDayOfIsoDate(isoDate);
  if (day === undefined) throw new CalendarDataError(`Not a real date written YYYY-MM-DD: ${JSON.stringify(isoDate)}`);
  return day;
}

/** One year object or an array of them, validated; a year may appear once. */
export function parseCalendarYears(json: unknown, label = 'calendar data'): CalendarYear[] {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new CalendarDataError(`${label} is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const schema = Array.isArray(value) ? z.array(calendarYearSchema) : calendarYearSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new CalendarDataError(`${label} is invalid:\n${describeZodIssues(parsed.error)}`, { cause: parsed.error });
  }
  const years = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const seen = new Set<number>();
  for (const year of years) {
    if (seen.has(year.year)) throw new CalendarDataError(`${label} is invalid:\n- year ${year.year} appears twice`);
    seen.add(year.year);
  }
  return years;
}

/** The State Council arrangements shipped with the release (2004–2026, from chinese-days). */
export const packagedCalendar: HolidayCalendar = HolidayCalendar.fromData(
  packagedYears,
  'packages/domain/calendars/cn-mainland.json',
);

/**
 * Loads a city's calendar file (one year object, an array of them, or their JSON text) over `base`
 * (the packaged calendar by default): each year in the file replaces that year entirely. This is how
 * next year's arrangement goes live without a release, and how a published correction is applied.
 * @throws CalendarDataError with one line per problem
 */
export function loadCalendarOverride(json: unknown, base: HolidayCalendar = packagedCalendar): HolidayCalendar {
  return base.withYears(parseCalendarYears(json, 'calendar override'));
}
