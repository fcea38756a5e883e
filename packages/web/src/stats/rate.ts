import type { OnTimeStat } from '../api/types';

/** The API's rate as a percentage; a rate above 1 is taken as already being a percentage. */
export function percentOf(stat: OnTimeStat): number {
  if (!Number.isFinite(stat.rate)) {
    const closed = stat.onTime + stat.late;
    return closed ? (stat.onTime / closed) * 100 : 0;
  }
  return stat.rate <= 1 ? stat.rate * 100 : stat.rate;
}
