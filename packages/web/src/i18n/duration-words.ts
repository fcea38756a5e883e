import { durationMs } from '../time/countdown';
import type { Lang } from './i18n';

/** `PT1H30M` → "1 小时 30 分钟" / "1 h 30 min"; an unreadable duration is shown as given. */
export function durationWords(iso: string, lang: Lang): string {
  const ms = durationMs(iso);
  return ms === undefined ? iso : msWords(ms, lang);
}

/** 540 000 → "9 分钟" / "9 min" (rounded to the minute). */
export function msWords(ms: number, lang: Lang): string {
  const totalMinutes = Math.round(ms / 60_000);
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  const units = lang === 'en' ? (['d', 'h', 'min'] as const) : (['天', '小时', '分钟'] as const);
  const words = [
    [d, units[0]],
    [h, units[1]],
    [m, units[2]],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, unit]) => `${n} ${unit}`);
  return words.length ? words.join(' ') : lang === 'en' ? '0 min' : '0 分钟';
}
