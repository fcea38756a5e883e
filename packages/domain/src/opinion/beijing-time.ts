// Timeline texts name instants in China Standard Time (UTC+8, no daylight saving), the time every
// reader of them works in.
import { formatCityInstant } from '../clocks/city-time';

/** 1795312800000 → '2026-11-22 10:00'. */
export function formatBeijingMinute(ms: number): string {
  return formatCityInstant(ms).slice(0, 16).replace('T', ' ');
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
