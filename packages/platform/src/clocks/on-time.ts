// On-time counters per department, clock kind and city day of the due instant, kept in the same
// transaction as the clock change that moves them, so GET /v1/stats/on-time is one range query and
// never a Scan.
//   pk ONTIME, sk <YYYY-MM-DD>#<departmentId>#<kind>#<shard>   counters open / onTime / late
// (Counters written before the kind was part of the key, <day>#<dept>#<shard>, carry no `kind`
// attribute and are read as kind 'other'.)
// The shard is the clock's due-index shard, so a busy day of one department is spread over 16
// counter items and concurrent transactions rarely meet on one (when they do, DynamoDB cancels one
// as a transient conflict and it is retried).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ClockState } from '@fazhi/domain/clocks/index';
import type { TransactItem } from '../ddb/commit';
import type { PlatformDeps } from '../deps';
import type { ClockRecord } from './clock-record';
import { clockShardOf } from './keys';

export const ONTIME_PK = 'ONTIME';

export type Outcome = 'open' | 'onTime' | 'late';

/** Which counter a clock in this state sits in; a cancelled clock counts nowhere (a breach stays late). */
export function outcomeOf(s: Pick<ClockState, 'status' | 'metLate'>): Outcome | undefined {
  switch (s.status) {
    case 'running':
    case 'paused':
      return 'open';
    case 'met':
      return s.metLate ? 'late' : 'onTime';
    case 'breached':
      return 'late';
    case 'cancelled':
      return undefined;
  }
}

export interface CounterDelta {
  sk: string;
  departmentId: string;
  kind: string;
  /** The kind's names (zh, en), so a report can name a kind without the service that defined it. */
  label: string;
  labelEn: string;
  day: string;
  open: number;
  onTime: number;
  late: number;
}

export function counterSk(day: string, departmentId: string, kind: string, shard: number): string {
  return `${day}#${departmentId}#${kind}#${String(shard).padStart(2, '0')}`;
}

/** What a change from `before` (undefined: a new clock) to `after` adds to the counters. */
export function counterDelta(before: ClockRecord | undefined, after: ClockRecord): CounterDelta | undefined {
  const was = before ? outcomeOf(before) : undefined;
  const now = outcomeOf(after);
  if (was === now) return undefined;
  const delta: CounterDelta = {
    sk: counterSk(after.statsDay, after.departmentId, after.kind, clockShardOf(after.id)),
    departmentId: after.departmentId,
    kind: after.kind,
    label: after.label,
    labelEn: after.labelEn,
    day: after.statsDay,
    open: 0,
    onTime: 0,
    late: 0,
  };
  if (was) delta[was] -= 1;
  if (now) delta[now] += 1;
  return delta;
}

/** One Update per counter item (a transaction may name an item once), deltas summed. */
export function counterUpdates(d: PlatformDeps, deltas: readonly (CounterDelta | undefined)[]): TransactItem[] {
  const byKey = new Map<string, CounterDelta>();
  for (const x of deltas) {
    if (!x) continue;
    const sum = byKey.get(x.sk);
    if (sum) {
      sum.open += x.open;
      sum.onTime += x.onTime;
      sum.late += x.late;
    } else byKey.set(x.sk, { ...x });
  }
  return [...byKey.values()]
    .filter((x) => x.open !== 0 || x.onTime !== 0 || x.late !== 0)
    .map((x) => ({
      Update: {
        TableName: d.tableName,
        Key: { pk: ONTIME_PK, sk: x.sk },
        UpdateExpression:
          'SET #t = :type, departmentId = :dept, #kind = :kind, #label = :label, labelEn = :labelEn, #day = :day ADD #open :open, onTime :onTime, late :late',
        ExpressionAttributeNames: { '#t': 'type', '#day': 'day', '#open': 'open', '#kind': 'kind', '#label': 'label' },
        ExpressionAttributeValues: {
          ':type': 'on-time-counter',
          ':dept': x.departmentId,
          ':kind': x.kind,
          ':label': x.label,
          ':labelEn': x.labelEn,
          ':day': x.day,
          ':open': x.open,
          ':onTime': x.onTime,
          ':late': x.late,
        },
      },
    }));
}

export interface OnTimeTotals {
  departmentId: string;
  open: number;
  onTime: number;
  late: number;
}

/** The counters of one city day, department and clock kind (its shards summed). */
export interface OnTimeCounter extends OnTimeTotals {
  day: string;
  kind: string;
  label: string;
  labelEn: string;
}

/** Every counter over the city days from `fromDay` to `toDay` inclusive (YYYY-MM-DD): one range query. */
export async function onTimeCounters(d: PlatformDeps, fromDay: string, toDay: string): Promise<OnTimeCounter[]> {
  const rows = new Map<string, OnTimeCounter>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await d.ddb.send(
      new QueryCommand({
        TableName: d.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': ONTIME_PK, ':from': `${fromDay}#`, ':to': `${toDay}#~` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const departmentId = String(item.departmentId);
      const day = String(item.day ?? String(item.sk).slice(0, 10));
      const kind = typeof item.kind === 'string' ? item.kind : 'other';
      const key = `${day}#${departmentId}#${kind}`;
      const label = typeof item.label === 'string' ? item.label : kind;
      const labelEn = typeof item.labelEn === 'string' ? item.labelEn : kind;
      const row = rows.get(key) ?? { day, departmentId, kind, label, labelEn, open: 0, onTime: 0, late: 0 };
      row.open += Number(item.open ?? 0);
      row.onTime += Number(item.onTime ?? 0);
      row.late += Number(item.late ?? 0);
      rows.set(key, row);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** Sums per department over the city days from `fromDay` to `toDay` inclusive (YYYY-MM-DD). */
export async function onTimeTotals(
  d: PlatformDeps,
  fromDay: string,
  toDay: string,
): Promise<Map<string, OnTimeTotals>> {
  const totals = new Map<string, OnTimeTotals>();
  for (const row of await onTimeCounters(d, fromDay, toDay)) {
    const t = totals.get(row.departmentId) ?? { departmentId: row.departmentId, open: 0, onTime: 0, late: 0 };
    t.open += row.open;
    t.onTime += row.onTime;
    t.late += row.late;
    totals.set(row.departmentId, t);
  }
  return totals;
}
