import type { CaseClock } from './mediation-api';

/**
 * The clock that asks for action soonest: running, paused, or breached and still not met (a breach
 * keeps asking), earliest due first. Met and cancelled clocks ask nothing.
 */
export function nextClock(clocks: readonly CaseClock[]): CaseClock | undefined {
  return clocks
    .filter((k) => k.status === 'running' || k.status === 'paused' || (k.status === 'breached' && !k.metAt))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}
