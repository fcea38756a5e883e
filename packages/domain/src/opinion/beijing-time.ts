// Timeline texts name instants in China Standard Time (UTC+8, no daylight saving), the time every
// reader of them works in. Plain arithmetic on epoch ms (Hinnant's civil-from-days), so the domain
// never constructs a Date.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/** 1795312800000 → '2026-11-22 10:00'. */
export function formatBeijingMinute(ms: number): string {
  const local = ms + OFFSET;
  const days = Math.floor(local / DAY);
  const ofDay = local - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad(month)}-${pad(day)} ${pad(Math.floor(ofDay / HOUR))}:${pad(Math.floor((ofDay % HOUR) / 60_000))}`;
}

/** 5 h → { zh: '5小时', en: '5 h' }; 90 min → { zh: '1小时30分钟', en: '1 h 30 min' }. */
export function formatSpan(ms: number): { zh: string; en: string } {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return { zh: `${m}分钟`, en: `${m} min` };
  if (m === 0) return { zh: `${h}小时`, en: `${h} h` };
  return { zh: `${h}小时${m}分钟`, en: `${h} h ${m} min` };
}
