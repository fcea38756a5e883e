// A stored clock: the engine's state plus what the board shows and what the counters need. The
// service that starts a clock names it (kind, label); the engine never needs those.
import { type ClockState, cityDayOf, durationMs, isoDateOfDay, nextDueInstant } from '@fazhi/domain/clocks/index';
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
  const r = Object.fromEntries(Object.entries(item).filter(([k]) => !ITEM_ONLY.has(k))) as unknown as ClockRecord;
  return r.warningPlan ? r : fromLegacy(r as unknown as LegacyClock);
}

/** A clock stored before clocks kept their rule (only the opinion service's hour clocks existed then). */
type LegacyClock = Omit<ClockRecord, 'pauses'> & {
  warnings?: string[];
  pauses: { from: number; to?: number; reason: string }[];
};

function fromLegacy(r: LegacyClock): ClockRecord {
  const offsets = r.warnings ?? [];
  const { warnings: _dropped, ...rest } = r;
  return {
    ...rest,
    policyVersion: 1,
    mode: 'dueBy',
    counting: 'hours',
    rolls: false,
    period: `PT${Math.max(1, Math.round((r.dueAt - r.startedAt) / 1000))}S`,
    warningRule: { offsets },
    unrolledDueAt: r.dueAt,
    provisionalYears: [],
    warningPlan: offsets.map((key) => ({ key, at: r.dueAt - durationMs(key) })).sort((a, b) => a.at - b.at),
    pauses: r.pauses.map((p, i) => ({
      id: `p${i + 1}`,
      reason: p.reason,
      by: 'unknown',
      from: p.from,
      ...(p.to === undefined ? {} : { to: p.to }),
    })),
  };
}
