// On-time counters per department and city day of the due instant, kept in the same transaction
// as the clock change that moves them, so GET /v1/stats/on-time is one range query and never a Scan.
//   pk ONTIME, sk <YYYY-MM-DD>#<departmentId>#<shard>   counters open / onTime / late
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
  day: string;
  open: number;
  onTime: number;
  late: number;
}

export function counterSk(day: string, departmentId: string, shard: number): string {
  return `${day}#${departmentId}#${String(shard).padStart(2, '0')}`;
}

/** What a change from `before` (undefined: a new clock) to `after` adds to the counters. */
export function counterDelta(before: ClockRecord | undefined, after: ClockRecord): CounterDelta | undefined {
  const was = before ? outcomeOf(before) : undefined;
  const now = outcomeOf(after);
  if (was === now) return undefined;
  const delta: CounterDelta = {
    sk: counterSk(after.statsDay, after.departmentId, clockShardOf(after.id)),
    departmentId: after.departmentId,
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
          'SET #t = :type, departmentId = :dept, #day = :day ADD #open :open, onTime :onTime, late :late',
        ExpressionAttributeNames: { '#t': 'type', '#day': 'day', '#open': 'open' },
        ExpressionAttributeValues: {
          ':type': 'on-time-counter',
          ':dept': x.departmentId,
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

/** Sums per department over the city days from `fromDay` to `toDay` inclusive (YYYY-MM-DD). */
export async function onTimeTotals(
  d: PlatformDeps,
  fromDay: string,
  toDay: string,
): Promise<Map<string, OnTimeTotals>> {
  const totals = new Map<string, OnTimeTotals>();
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
      const dept = String(item.departmentId);
      const t = totals.get(dept) ?? { departmentId: dept, open: 0, onTime: 0, late: 0 };
      t.open += Number(item.open ?? 0);
      t.onTime += Number(item.onTime ?? 0);
      t.late += Number(item.late ?? 0);
      totals.set(dept, t);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return totals;
}
