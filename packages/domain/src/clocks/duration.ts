import { DurationParseError } from './errors';

// ISO 8601 durations as policies write them (PT5H, P3D, P1M, P1Y). Whole numbers only: no legal
// time limit in the catalog is fractional, and rejecting `PT0.5H` keeps every instant exact.

export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1_000;
/** Asia/Shanghai has no DST, so a day in a fixed-length duration is always 24 h. */
const DAY_MS = 24 * HOUR_MS;
/** Keeps every component far from float trouble; 1e6 days is 2,700 years. */
const MAX_COMPONENT = 1_000_000;

const SHAPE = /^P(?:(\d+)W|(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/;
const EXPECTED = 'expected P[n]Y[n]M[n]D[T[n]H[n]M[n]S] or P[n]W with whole numbers, e.g. PT5H, P3D, P1M';

function explain(text: string): string {
  if (text.trim() !== text) return 'surrounding whitespace';
  if (text.startsWith('-')) return 'negative durations are not allowed';
  if (/[.,]\d/.test(text)) return 'fractions are not supported';
  if (text !== text.toUpperCase()) return `designators must be upper case; ${EXPECTED}`;
  if (text === 'P' || text === 'PT' || text.endsWith('T')) return 'no component after P or T';
  return EXPECTED;
}

export function parseDuration(text: string): Duration {
  if (typeof text !== 'string') throw new DurationParseError(String(text), 'not a string');
  const match = SHAPE.exec(text);
  if (!match || text === 'P') throw new DurationParseError(text, explain(text));
  const [, weeks, years, months, days, hours, minutes, seconds] = match.map((part) =>
    part === undefined ? 0 : Number(part),
  );
  const duration: Duration = {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
  if (Object.values(duration).some((value) => value > MAX_COMPONENT)) {
    throw new DurationParseError(text, `a component exceeds ${MAX_COMPONENT}`);
  }
  return duration;
}

/** The canonical text of a duration (zero components omitted; the zero duration is `PT0S`). */
export function formatDuration(duration: Duration): string {
  if (duration.weeks > 0 && Object.values({ ...duration, weeks: 0 }).every((value) => value === 0)) {
    return `P${duration.weeks}W`;
  }
  const days = duration.days + duration.weeks * 7;
  const date = `${part(duration.years, 'Y')}${part(duration.months, 'M')}${part(days, 'D')}`;
  const time = `${part(duration.hours, 'H')}${part(duration.minutes, 'M')}${part(duration.seconds, 'S')}`;
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

function part(value: number, designator: string): string {
  return value === 0 ? '' : `${value}${designator}`;
}

function toDuration(value: Duration | string): Duration {
  return typeof value === 'string' ? parseDuration(value) : value;
}

export function isZeroDuration(value: Duration | string): boolean {
  return Object.values(toDuration(value)).every((component) => component === 0);
}

/** True when the duration has a fixed length in milliseconds (no years or months). */
export function isFixedDuration(value: Duration | string): boolean {
  const d = toDuration(value);
  return d.years === 0 && d.months === 0;
}

/** Length in milliseconds; years and months are refused because their length depends on the start. */
export function durationMs(value: Duration | string): number {
  const d = toDuration(value);
  if (!isFixedDuration(d)) {
    throw new DurationParseError(formatDuration(d), 'years and months have no fixed length in milliseconds');
  }
  return (d.weeks * 7 + d.days) * DAY_MS + d.hours * HOUR_MS + d.minutes * MINUTE_MS + d.seconds * SECOND_MS;
}

/** Whole days (weeks count 7); refuses any time or month component, which a day count cannot hold. */
export function durationDays(value: Duration | string): number {
  const d = toDuration(value);
  if (d.years !== 0 || d.months !== 0 || d.hours !== 0 || d.minutes !== 0 || d.seconds !== 0) {
    throw new DurationParseError(formatDuration(d), 'a day count must be written in days or weeks only, e.g. P3D');
  }
  return d.weeks * 7 + d.days;
}

/** Whole months (a year counts 12); refuses any day or time component. */
export function durationMonths(value: Duration | string): number {
  const d = toDuration(value);
  if (d.weeks !== 0 || d.days !== 0 || d.hours !== 0 || d.minutes !== 0 || d.seconds !== 0) {
    throw new DurationParseError(formatDuration(d), 'a month count must be written in months or years only, e.g. P2M');
  }
  return d.years * 12 + d.months;
}

/**
 * The duration of a whole number of seconds, in hours, minutes and seconds (no days, so `PT26H`
 * reads as written in policies): `1_800_000` → PT30M. For offsets computed in milliseconds.
 */
export function durationOfMs(ms: number): Duration {
  if (!Number.isInteger(ms) || ms < 0 || ms % SECOND_MS !== 0) {
    throw new RangeError(`not a non-negative whole number of seconds in ms: ${ms}`);
  }
  const seconds = ms / SECOND_MS;
  return {
    years: 0,
    months: 0,
    weeks: 0,
    days: 0,
    hours: Math.floor(seconds / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    seconds: seconds % 60,
  };
}
