import { api } from '../api/endpoints';
import { forgetValidated, readLocalClock } from '../api/http';
import type { Alert, Clock } from '../api/types';
import { createStore } from '../store';
import { diffAlerts, type SeenAlerts } from './new-alerts';
import { BOARD_POLL, visiblePollMs } from './poll-intervals';

export interface BoardData {
  clocks: Clock[];
  alerts: Alert[];
  /** Acknowledged but not yet resolved: someone is on it, the milestone is still to be met. */
  acknowledged: Alert[];
  /** Browser time of the last successful refresh; undefined before the first. */
  updatedAt?: number;
  error?: unknown;
}

// Module state, not component state: leaving the board and coming back shows the last data at once and does
// not ring again for alerts already announced.
export const boardStore = createStore<BoardData>({ clocks: [], alerts: [], acknowledged: [] });
let seen: SeenAlerts | undefined;
let lastAlerts: unknown;
let pollsSinceClocks = Number.POSITIVE_INFINITY;
/** Polls in a row whose alerts answer was unchanged (a 304): a quiet board polls more slowly. */
let unchangedPolls = 0;
let localClock: 'unknown' | 'present' | 'absent' = 'unknown';

export const usesLocalClock = (): boolean => localClock === 'present';

export function resetBoard(): void {
  boardStore.set({ clocks: [], alerts: [], acknowledged: [] });
  seen = undefined;
  lastAlerts = undefined;
  pollsSinceClocks = Number.POSITIVE_INFINITY;
  unchangedPolls = 0;
  forgetValidated();
}

/** How long the visible board waits before its next poll (poll-intervals.ts). */
export const visibleBoardPollMs = (): number => visiblePollMs(unchangedPolls);

/** Reads the local runtime's virtual clock where there is one; asked once and then left alone in AWS. */
export async function syncServerClock(): Promise<void> {
  if (localClock === 'absent') return;
  const present = await readLocalClock();
  if (localClock === 'unknown' || present) localClock = present ? 'present' : 'absent';
}

/**
 * One poll: the server clock first, then the open alerts, conditionally (a 304 while nothing changed).
 * Every clock of the department (`all`, because a breached clock is no longer `running` but still counts
 * down, and a just-met one is shown as done) is read again when the alerts changed — a warning, a breach
 * or a met milestone changes both — when asked (`full`), and every `clocksEvery` polls otherwise; the
 * countdowns run in the browser meanwhile. Returns the alerts to announce.
 */
export async function refreshBoard(full = false): Promise<Alert[]> {
  await syncServerClock();
  try {
    const alerts = await api.alerts('open');
    const changed = alerts !== lastAlerts;
    lastAlerts = alerts;
    unchangedPolls = changed || full ? 0 : unchangedPolls + 1;
    pollsSinceClocks++;
    // Against the local runtime every poll reads both (a demo moves the virtual clock and watches).
    const readClocks = full || changed || usesLocalClock() || pollsSinceClocks >= BOARD_POLL.clocksEvery;
    const clocks = readClocks ? await api.clocks('all') : { items: boardStore.get().clocks };
    if (readClocks) pollsSinceClocks = 0;
    const openAlerts = alerts.items.filter((a) => a.status === 'open');
    const diff = diffAlerts(seen, openAlerts);
    seen = diff.seen;
    const acknowledged = alerts.items.filter((a) => a.status === 'acknowledged');
    boardStore.set({ clocks: clocks.items, alerts: openAlerts, acknowledged, updatedAt: Date.now() });
    return diff.announce;
  } catch (error) {
    boardStore.set({ ...boardStore.get(), error });
    return [];
  }
}

/** Moves an acknowledged alert at once instead of waiting for the next poll. */
export function markAcknowledged(
  alertId: string,
  by: Pick<Alert, 'acknowledgedBy' | 'acknowledgedByName' | 'acknowledgedAt'>,
): void {
  const data = boardStore.get();
  const acked = data.alerts.find((a) => a.id === alertId);
  boardStore.set({
    ...data,
    alerts: data.alerts.filter((a) => a.id !== alertId),
    acknowledged: acked ? [{ ...acked, ...by, status: 'acknowledged' }, ...data.acknowledged] : data.acknowledged,
  });
}
