// The monthly report's counters in the one table: pk MEDREPORT#<YYYY-MM>, sk `all` or
// `<dimension>#<value>` (packages/domain/src/mediation/report.ts), each counter a number attribute
// added to with UpdateItem ADD. An event is counted once: its marker (pk MEDCOUNTED#<eventId>) is put
// on condition it does not exist, in the same transaction as the additions, so a redelivered event
// fails the condition and adds nothing. A month is read with one Query of its partition.
import type { CounterKey, Counters, Increment } from '@fazhi/domain/mediation/report';
import { commit, type TransactItem, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';

/** Markers outlive any redelivery (EventBridge retries for at most a day; DLQ redrives within the queue's 14 days). */
const MARKER_DAYS = 60;

export const counterPk = (month: string) => `MEDREPORT#${month}`;
export const markerKey = (eventId: string) => ({ pk: `MEDCOUNTED#${eventId}`, sk: 'EVENT' });

export function counterUpdates(d: PlatformDeps, inc: Increment): TransactItem[] {
  const fields = Object.entries(inc.add).filter(([, v]) => v !== undefined && v !== 0) as [string, number][];
  if (fields.length === 0) return [];
  const names = Object.fromEntries(fields.map(([f], i) => [`#f${i}`, f]));
  const values = Object.fromEntries(fields.map(([, v], i) => [`:v${i}`, v]));
  const expr = `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')}`;
  return inc.keys.map((sk) => ({
    Update: {
      TableName: d.tableName,
      Key: { pk: counterPk(inc.month), sk },
      UpdateExpression: expr,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }));
}

export function countedMarker(d: PlatformDeps, eventId: string, what: string): TransactItem {
  return {
    Put: {
      TableName: d.tableName,
      Item: {
        ...markerKey(eventId),
        type: 'mediation-report-marker',
        what,
        ttl: Math.floor(d.clock.now() / 1000) + MARKER_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Adds the increment once per event id; false when the event was already counted (a redelivery). */
export async function countOnce(d: PlatformDeps, eventId: string, what: string, inc: Increment): Promise<boolean> {
  const updates = counterUpdates(d, inc);
  if (updates.length === 0) return false;
  try {
    await commit(d, [countedMarker(d, eventId, what), ...updates]);
    return true;
  } catch (e) {
    if (e instanceof TransactionConflict) return false;
    throw e;
  }
}

export type MonthRows = Map<CounterKey, Partial<Counters>>;

export async function monthRows(d: PlatformDeps, month: string): Promise<MonthRows> {
  const items = await queryPages(
    d,
    { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': counterPk(month) } },
    (i) => i,
  );
  const rows: MonthRows = new Map();
  for (const { pk: _, sk, ...counters } of items) rows.set(sk as CounterKey, counters as Partial<Counters>);
  return rows;
}
