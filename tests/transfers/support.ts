// Due instants as DOMAIN.md counts them, computed here from the holiday data alone, so the clock
// engine is checked against an independent reading: hours are exact; for days the start day is not
// counted, the period ends at 24:00 city time (UTC+8) of its last day, and a last day that is a rest
// day or holiday rolls to the next working day. Plus the bodies of a transfer case.
import { packagedCalendar } from '../../packages/domain/src/clocks/calendar';
import type { Api } from '../support/runtime';

const CITY = 8 * 3_600_000;
const DAY = 86_400_000;
export const HOUR = 3_600_000;

/**
 * A test arrangement for 2027 (the packaged calendars stop at 2026), loaded by the tests. It has a
 * weekday holiday in most months (Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day on
 * their likely dates), so a test that needs a holiday ahead finds one until the autumn of 2027.
 */
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
    '2027-04-05',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
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

export type ClockView = {
  key: string;
  status: string;
  startedAt?: string;
  dueAt: string;
  departmentId: string;
  metAt?: string;
};
export const clockOf = (view: { clocks: ClockView[] }, key: string) => view.clocks.find((c) => c.key === key);

// ── working days, city days and the inbox (reverse-path, pass-on-and-materials) ─────────────────

/** The city day (UTC+8) of an instant, as a day number. */
export const cityDay = dayOf;
/** 10:00 city time of a city day. */
export const tenOn = (day: number) => day * DAY - CITY + 10 * HOUR;
/** 24:00 of a city day: the last on-time instant of a period whose last day it is. */
export const endOfDay = endOf;
export { isWorkingDay };

/** The n-th working day after `day` (the day itself not counted). */
export function workingDayAfter(day: number, n: number): number {
  let d = day;
  for (let k = 0; k < n; ) if (isWorkingDay(++d)) k++;
  return d;
}

/** The n-th working day before `day`. */
export function workingDayBefore(day: number, n: number): number {
  let d = day;
  for (let k = 0; k < n; ) if (isWorkingDay(--d)) k++;
  return d;
}

/** N working days: the start day not counted, weekends and holidays skipped, 调休 workdays counted. */
export const workingDaysDue = (start: number, days: number) => endOf(workingDayAfter(dayOf(start), days));

/** The same count if only Saturdays and Sundays were rest days: differs when a holiday is crossed. */
export function weekdaysOnlyDue(start: number, days: number): number {
  let d = dayOf(start);
  for (let k = 0; k < days; ) {
    const w = new Date(++d * DAY).getUTCDay();
    if (w !== 0 && w !== 6) k++;
  }
  return endOf(d);
}

/** The first public holiday on a weekday at least `minDays` after `now` (packaged calendars and YEAR_2027). */
export function nextWeekdayHoliday(now: number, minDays: number): number {
  for (let d = dayOf(now) + minDays; d < dayOf(now) + 400; d++) {
    const w = new Date(d * DAY).getUTCDay();
    if (w !== 0 && w !== 6 && !isWorkingDay(d)) return d;
  }
  throw new Error('no weekday holiday ahead in the loaded calendars');
}

export type InboxEvent = { type: string; data: Record<string, any> };

/** Every event in the department's inbox about the case (its own events and its clocks'), oldest first. */
export async function inboxOf(api: Api, apiKey: string, caseId: string): Promise<InboxEvent[]> {
  const out: InboxEvent[] = [];
  let after = '';
  for (;;) {
    const r = await api('GET', `/v1/inbox?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`, {
      token: apiKey,
    });
    if (r.status !== 200) throw new Error(`inbox: ${r.status} ${r.text}`);
    const items = r.json.items as { event: Record<string, any> }[];
    for (const { event } of items) {
      const data = (event.detail?.data ?? {}) as Record<string, any>;
      if (data.caseId === caseId || data.subject?.id === caseId)
        out.push({ type: String(event['detail-type'] ?? event.detailType), data });
    }
    if (items.length === 0) return out;
    after = r.json.next as string;
  }
}
