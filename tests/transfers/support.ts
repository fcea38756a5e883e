// Due instants as DOMAIN.md counts them, computed here from the holiday data alone, so the clock
// engine is checked against an independent reading: hours are exact; for days the start day is not
// counted, the period ends at 24:00 city time (UTC+8) of its last day, and a last day that is a rest
// day or holiday rolls to the next working day. Plus the bodies of a transfer case.
import { packagedCalendar } from '../../packages/domain/src/clocks/calendar';
import type { Api } from '../support/runtime';

const CITY = 8 * 3_600_000;
const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** A test arrangement for 2027 (the packaged calendars stop at 2026), loaded by the tests. */
export const YEAR_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-14'],
  source: 'test arrangement (not the published notice)',
  verified: false,
};

const dayOf = (ms: number) => Math.floor((ms + CITY) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function isWorkingDay(day: number): boolean {
  const iso = isoOf(day);
  const year = Number(iso.slice(0, 4));
  const y = year === 2027 ? YEAR_2027 : packagedCalendar.yearData(year);
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

/** The next Thursday 10:00 city time after `now`: its 3 days end on a Sunday, so they roll. */
export function nextThursdayTen(now: number): number {
  let day = dayOf(now) + 1;
  while (new Date(day * DAY).getUTCDay() !== 4) day++;
  return day * DAY - CITY + 10 * HOUR;
}

export const nowOf = async (api: Api) => (await api('GET', '/_local/clock')).json.nowMs as number;

export async function advanceTo(api: Api, instant: number): Promise<void> {
  const by = Math.ceil((instant - (await nowOf(api))) / 1000);
  if (by > 0) await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } });
}

export const REPORT = {
  enforcementCaseNo: '芜市监案〔2026〕101号',
  title: '某食品有限公司销售伪劣食品案',
  summary: '销售不符合安全标准的食品，销售金额约12万元',
  offenceCategory: 'fake-products',
  basis: 'threshold',
  threshold: { id: 'fake-products.sales', version: 1 },
  team: ['张执法', '李执法'],
  regionCode: '340202',
  party: { name: '某食品有限公司', creditCode: '91340200MA2T8XLX4K' },
};

export const DOCUMENTS = [
  { kind: 'transfer-letter', title: '涉嫌犯罪案件移送书', documentNo: '芜市监移〔2026〕3号', attachmentId: 'att-1' },
  { kind: 'investigation-report', title: '涉嫌犯罪案件情况的调查报告', attachmentId: 'att-2' },
  { kind: 'seized-items-list', title: '涉案物品清单', attachmentId: 'att-3' },
  { kind: 'inspection-report', title: '检验报告', attachmentId: 'att-4' },
  { kind: 'other-materials', title: '询问笔录', attachmentId: 'att-5' },
];

export const TRANSFER = { policeDepartmentId: 'psb', procuratorateDepartmentId: 'procuratorate', documents: DOCUMENTS };

export type ClockView = { key: string; status: string; dueAt: string; departmentId: string; metAt?: string };
export const clockOf = (view: { clocks: ClockView[] }, key: string) => view.clocks.find((c) => c.key === key);
