// A stored clock: the engine's state plus what the board shows and what the counters need. The
// service that starts a clock names it (kind, label); the engine never needs those.
import { type ClockState, cityDayOf, isoDateOfDay, nextDueInstant } from '@fazhi/domain/clocks/index';
import { boardIndexKey, clockKey, clockShardOf, dueIndexKey } from './keys';

export interface ClockLabels {
  /** Short machine name within the subject, e.g. `release`, `press-conference`. */
  kind: string;
  /** Chinese label for the board, e.g. 权威发布. */
  label: string;
  labelEn: string;
}

export interface ClockRecord extends ClockState, ClockLabels {
  /** Carried into every event of the clock, so a sweep's events join the request that started it. */
  correlationId?: string;
  /** City day (YYYY-MM-DD) of the due instant at start: the on-time counter bucket, fixed for life. */
  statsDay: string;
}

export function statsDayOf(dueAt: number): string {
  return isoDateOfDay(cityDayOf(dueAt));
}

export function clockItem(r: ClockRecord): Record<string, unknown> {
  const next = nextDueInstant(r);
  return {
    ...clockKey(r.id),
    type: 'clock',
    ...r,
    shard: clockShardOf(r.id),
    ...boardIndexKey(r.departmentId, r.status, r.dueAt, r.id),
    ...(next === null ? {} : dueIndexKey(r.id, next)),
  };
}

const ITEM_ONLY = new Set(['pk', 'sk', 'type', 'shard', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);

export function recordOf(item: Record<string, unknown>): ClockRecord {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !ITEM_ONLY.has(k))) as unknown as ClockRecord;
}
