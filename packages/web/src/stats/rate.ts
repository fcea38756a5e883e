import type { OnTimeTally } from '../api/types';

/**
 * The rate as a percentage, or undefined when nothing has come due (shown as "—": a department with
 * nothing due has not been 0 % on time). A rate above 1 is taken as already being a percentage.
 */
export function percentOf(stat: Pick<OnTimeTally, 'rate' | 'onTime' | 'late'>): number | undefined {
  if (stat.rate === null || !Number.isFinite(stat.rate)) {
    const closed = stat.onTime + stat.late;
    return closed ? (stat.onTime / closed) * 100 : undefined;
  }
  return stat.rate <= 1 ? stat.rate * 100 : stat.rate;
}

/** "92.5%", or "—" when nothing has come due. */
export function rateText(stat: Pick<OnTimeTally, 'rate' | 'onTime' | 'late'>): string {
  const percent = percentOf(stat);
  return percent === undefined ? '—' : `${percent.toFixed(1)}%`;
}
