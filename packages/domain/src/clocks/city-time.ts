import { CityTimeError } from './errors';

// Day arithmetic in the city's zone. Every Chinese mainland city is on Asia/Shanghai: UTC+8 all
// year, no DST since 1991, so a fixed offset is exact for every date the engine handles and we avoid
// Intl/tz data and Date objects (the domain never reads the wall clock). Instants are epoch ms numbers;
// a "day" is a day number: whole days since 1970-01-01 in city time.

export const CITY_TIME_ZONE = 'Asia/Shanghai';
export const CITY_UTC_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export function cityDayOf(instant: number): number {
  return Math.floor((instant + CITY_UTC_OFFSET_MS) / DAY_MS);
}

export function startOfCityDay(day: number): number {
  return day * DAY_MS - CITY_UTC_OFFSET_MS;
}

/** The last millisecond of the day, 23:59:59.999 +08:00 — the last on-time instant of a day deadline. */
export function endOfCityDay(day: number): number {
  return startOfCityDay(day + 1) - 1;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDay(day: number): boolean {
  const weekday = weekdayOfDay(day);
  return weekday === 0 || weekday === 6;
}

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian, exact integer maths.
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
  return next - dayFromCivil(year, month, 1);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function isoDateOfDay(day: number): string {
  const civil = civilFromDay(day);
  return `${pad(civil.year, 4)}-${pad(civil.month)}-${pad(civil.day)}`;
}

/** The day number of a `YYYY-MM-DD` text, or undefined when it is not a real date. */
export function tryDayOfIsoDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, day);
}

export function dayOfIsoDate(text: string): number {
  const day = tryDayOfIsoDate(text);
  if (day === undefined) throw new CityTimeError(`Not a real date written YYYY-MM-DD: ${JSON.stringify(text)}`);
  return day;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?)?(?:\+08:00)?$/;

/**
 * The instant of a city-local wall time: `2026-10-01`, `2026-10-01T09:30`, `2026-10-01T09:30:00.000`,
 * optionally suffixed `+08:00`. Handy in tests and data files; API input with other offsets should
 * be parsed by the caller.
 */
export function cityInstant(text: string): number {
  const match = LOCAL_DATE_TIME.exec(text);
  const day = match?.[1] === undefined ? undefined : tryDayOfIsoDate(match[1]);
  if (!match || day === undefined) {
    throw new CityTimeError(`Not a city-local date-time YYYY-MM-DD[THH:mm[:ss[.SSS]]]: ${JSON.stringify(text)}`);
  }
  const hours = Number(match[2] ?? 0);
  const minutes = Number(match[3] ?? 0);
  const seconds = Number(match[4] ?? 0);
  const millis = Number(match[5] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new CityTimeError(`Not a valid time of day: ${JSON.stringify(text)}`);
  }
  return startOfCityDay(day) + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** ISO 8601 with the city's offset, e.g. `2026-10-08T23:59:59.999+08:00`. */
export function formatCityInstant(instant: number): string {
  const day = cityDayOf(instant);
  let rest = instant - startOfCityDay(day);
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${isoDateOfDay(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}+08:00`;
}

/**
 * The day that ends a period of `months` counted from `day` (民法典 Art. 202): the corresponding
 * day of the month `months` later, or that month's last day when it has none (Jan 31 + 1 month =
 * Feb 28, or 29 in a leap year). The period ends at 24:00 of that day (endOfCityDay).
 */
export function addMonthsToDay(day: number, months: number): number {
  const civil = civilFromDay(day);
  const monthIndex = civil.year * 12 + (civil.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(civil.day, daysInMonth(year, month)));
}
