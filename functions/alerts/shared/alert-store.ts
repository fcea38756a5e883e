// Where alerts live in the one table:
//   pk ALERT#<id>, sk ALERT                          the alert's state
//   gsi1 DEPTALERTS#<dept> / <status>#<raised>#<id>  the department's board
//   gsi2 ALERTDUE#<shard> / <next action>#<id>       sparse: only alerts that will escalate or remind
//   pk SUBJECTALERTS#<type>#<id> / <raised>#<id>     every alert ever raised for a case (an incident):
//                                                    its after-action timeline is one key query
//   pk ALERT#<id>, sk NOTIFY#<at>#<channel>#<n>      each notification sent for it and its outcome
//   pk CLOCK#<clockId>, sk ALERTS                    the clock's latest alert and whether the clock
//                                                    finished; every raise and resolve of that clock
//                                                    writes it under a version condition, so they
//                                                    apply one at a time, in any delivery order
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertState, AlertStatus } from '@fazhi/domain/alerts/alert-state';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import { DUE_SHARDS, dueBound, dueIndexKey, padMs } from '@fazhi/platform/ddb/due-index';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';

export const ALERT_SHARDS = DUE_SHARDS;

export const alertKey = (id: string) => ({ pk: `ALERT#${id}`, sk: 'ALERT' });
export const alertHeadKey = (clockId: string) => ({ pk: `CLOCK#${clockId}`, sk: 'ALERTS' });
export const alertDueShard = (shard: number) => `ALERTDUE#${shard}`;
const boardPartition = (departmentId: string) => `DEPTALERTS#${departmentId}`;

export function alertItem(s: AlertState): Record<string, unknown> & { version: number } {
  return {
    ...alertKey(s.id),
    type: 'alert',
    ...s,
    gsi1pk: boardPartition(s.departmentId),
    gsi1sk: `${s.status}#${padMs(s.raisedAt)}#${s.id}`,
    ...(s.nextActionAt === null ? {} : dueIndexKey('ALERTDUE', s.id, s.nextActionAt)),
  };
}

const ITEM_ONLY = new Set(['pk', 'sk', 'type', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']);

export function alertOf(item: Record<string, unknown>): AlertState {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !ITEM_ONLY.has(k))) as unknown as AlertState;
}

/** Creates the alert, or replaces it only when the stored version is the one before `s.version`. */
export function putAlert(d: PlatformDeps, s: AlertState): TransactItem {
  return putVersioned(d, alertItem(s));
}

export async function getAlert(d: PlatformDeps, id: string): Promise<AlertState | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: alertKey(id), ConsistentRead: true }));
  return got.Item ? alertOf(got.Item) : undefined;
}

export interface AlertHead {
  clockId: string;
  latestAlertId?: string;
  /** Set once the clock was met or cancelled: nothing more is raised for it. */
  finished?: 'clock-met' | 'clock-cancelled';
  version: number;
}

export async function getAlertHead(d: PlatformDeps, clockId: string): Promise<AlertHead | undefined> {
  const got = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: alertHeadKey(clockId), ConsistentRead: true }),
  );
  if (!got.Item) return undefined;
  const { pk: _pk, sk: _sk, type: _t, ...head } = got.Item;
  return head as AlertHead;
}

/** The next head after `previous` (undefined: none yet), written under its version. */
export function putAlertHead(
  d: PlatformDeps,
  previous: AlertHead | undefined,
  change: Partial<Omit<AlertHead, 'clockId' | 'version'>> & { clockId: string },
): TransactItem {
  const next = { ...previous, ...change, version: (previous?.version ?? 0) + 1 };
  return putVersioned(d, { ...alertHeadKey(change.clockId), type: 'alert-head', ...next });
}

/** A department's alerts of one status, newest first; `raisedFrom` skips older ones. */
export async function departmentAlerts(
  d: PlatformDeps,
  departmentId: string,
  status: AlertStatus,
  opts: { raisedFrom?: number; max?: number } = {},
): Promise<AlertState[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': boardPartition(departmentId),
        ':from': `${status}#${padMs(opts.raisedFrom ?? 0)}`,
        ':to': `${status}#~`,
      },
      ScanIndexForward: false,
    },
    alertOf,
    opts.max ?? 200,
  );
}

/** Alerts of one due shard whose next action is at or before `now`. */
export async function dueAlerts(d: PlatformDeps, shard: number, now: number, limit = 200): Promise<AlertState[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :bound',
      ExpressionAttributeValues: { ':pk': alertDueShard(shard), ':bound': dueBound(now) },
      Limit: limit,
    },
    alertOf,
    1000,
  );
}

const subjectPartition = (type: string, id: string) => `SUBJECTALERTS#${type}#${id}`;

/** Links a newly raised alert to its case, written in the raise's transaction. */
export function putSubjectLink(d: PlatformDeps, s: AlertState): TransactItem {
  return {
    Put: {
      TableName: d.tableName,
      Item: {
        pk: subjectPartition(s.subject.type, s.subject.id),
        sk: `${padMs(s.raisedAt)}#${s.id}`,
        type: 'subject-alert',
        alertId: s.id,
      },
    },
  };
}

/** Ids of every alert raised for a case, oldest first. */
export async function subjectAlertIds(d: PlatformDeps, type: string, id: string, max = 500): Promise<string[]> {
  return queryPages(
    d,
    {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': subjectPartition(type, id) },
    },
    (item) => String(item.alertId),
    max,
  );
}

export interface NotificationRecord {
  alertId: string;
  at: number;
  channel: string;
  /** The alert event that was sent: Alert.Raised, Alert.Escalated, Alert.Reminded. */
  detailType: string;
  recipients: string[];
  outcome: 'sent' | 'skipped' | 'failed';
  /** For a failure: the error's name (never its message: it may carry an endpoint or a secret). */
  error?: string;
}

export async function recordNotification(d: PlatformDeps, n: NotificationRecord, attempt: string): Promise<void> {
  await d.ddb.send(
    new PutCommand({
      TableName: d.tableName,
      Item: {
        pk: `ALERT#${n.alertId}`,
        sk: `NOTIFY#${padMs(n.at)}#${n.channel}#${attempt}`,
        type: 'notification',
        ...n,
      },
    }),
  );
}

export async function alertNotifications(d: PlatformDeps, alertId: string): Promise<NotificationRecord[]> {
  return queryPages(
    d,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      ExpressionAttributeValues: { ':pk': `ALERT#${alertId}`, ':n': 'NOTIFY#' },
    },
    (item) => {
      const { pk: _pk, sk: _sk, type: _t, ...n } = item;
      return n as unknown as NotificationRecord;
    },
    200,
  );
}
