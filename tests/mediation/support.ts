// Due instants as DOMAIN.md counts them, computed here from the holiday data alone, so the clock
// engine is checked against an independent reading of the rules: the start day is not counted; a
// day-counted period ends at 24:00 (city time) of its last day; a last day that is a rest day rolls
// to the next working day; working days skip weekends and holidays and count adjusted workdays.
import { packagedCalendar } from '../../packages/domain/src/clocks/calendar';

const CITY = 8 * 3_600_000;
const DAY = 86_400_000;

/** A test arrangement for 2027 (the packaged calendars stop at 2026). */
export const YEAR_2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ],
  workdays: ['2027-02-14'],
  source: 'test arrangement (not the published notice)',
  verified: false,
};

const dayOf = (ms: number) => Math.floor((ms + CITY) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function yearOf(day: number) {
  const year = Number(isoOf(day).slice(0, 4));
  return year === 2027 ? YEAR_2027 : packagedCalendar.yearData(year);
}

export function isWorkingDay(day: number): boolean {
  const iso = isoOf(day);
  const y = yearOf(day);
  if (!y) throw new Error(`no calendar for ${iso}`);
  if (y.holidays.includes(iso)) return false;
  if (y.workdays.includes(iso)) return true;
  const weekday = new Date(day * DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** 24:00 of the city day, as the engine stores it (the last millisecond of the day). */
const endOf = (day: number) => (day + 1) * DAY - CITY - 1;

export function calendarDaysDue(start: number, days: number): number {
  let last = dayOf(start) + days;
  while (!isWorkingDay(last)) last++;
  return endOf(last);
}

export function workingDaysDue(start: number, days: number): number {
  let day = dayOf(start);
  for (let n = 0; n < days; ) if (isWorkingDay(++day)) n++;
  return endOf(day);
}

/** 09:00 city time of the day of `instant`. */
export function nineOClockOf(instant: number): number {
  return dayOf(instant) * DAY - CITY + 9 * 3_600_000;
}
