// Transfer cases in the one table. The case: pk TRCASE#<id>, sk CASE. Its list memberships: one
// small item per list under the same pk (sk Q#<list>), each in gsi1 TRQ#<list> / <reportedAt>#<id>
// with the case's summary, so every list is one Query of one partition (never a Scan) and every
// membership changes in the case's own transaction.
//
// Lists: all (the procuratorate and admins), dept#<departmentId> (every department that is or was a
// party: the agency, each public-security organ it went to, the procuratorate, the court),
// agency#<id>, category#<offenceCategory>, status#<status> (the filters).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { STATUS_NAMES, type TransferCase } from '@fazhi/domain/transfers/transfer-types';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { padMs } from '@fazhi/platform/clocks/keys';
import { put, putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { NotFoundError } from '@fazhi/platform/errors';
import { clockIdOf } from './clock-plan';

export const caseKey = (id: string) => ({ pk: `TRCASE#${id}`, sk: 'CASE' });

/** Every department that is or was a party of the case (a case passed on stays visible to the organ that had it). */
export function departmentsOf(c: TransferCase): string[] {
  const ids = [
    c.agencyDepartmentId,
    c.policeDepartmentId,
    ...c.passedOn.map((p) => p.from),
    c.procuratorateDepartmentId,
    c.prosecution?.courtDepartmentId,
  ];
  return [...new Set(ids.filter((x): x is string => x !== undefined))];
}

export function listsOf(c: TransferCase): string[] {
  return [
    'all',
    `status#${c.status}`,
    `agency#${c.agencyDepartmentId}`,
    `category#${c.offenceCategory}`,
    ...departmentsOf(c).map((d) => `dept#${d}`),
  ];
}

export interface CaseSummary {
  id: string;
  title: string;
  enforcementCaseNo: string;
  offenceCategory: string;
  regionCode: string;
  status: TransferCase['status'];
  statusName: string;
  agencyDepartmentId: string;
  policeDepartmentId?: string;
  procuratorateDepartmentId?: string;
  courtDepartmentId?: string;
  /** A clock breached and still running. */
  overdue: boolean;
  /** The earliest due instant of the running clocks (epoch ms). */
  nextDueAt?: number;
  reportedAt: number;
  version: number;
}

/** A running clock the case learnt had breached (RecordClockBreach). */
export const isOverdue = (c: TransferCase) => Object.values(c.clocks).some((k) => k?.running && k.breachedAt);

export function summaryOf(c: TransferCase, clocks: ReadonlyMap<string, ClockRecord>): CaseSummary {
  const dues = Object.entries(c.clocks)
    .filter(([, k]) => k?.running)
    .flatMap(([key]) => {
      const r = clocks.get(clockIdOf(c.id, key));
      return r ? [r.dueAt] : [];
    });
  return {
    id: c.id,
    title: c.title,
    enforcementCaseNo: c.enforcementCaseNo,
    offenceCategory: c.offenceCategory,
    regionCode: c.regionCode,
    status: c.status,
    statusName: STATUS_NAMES[c.status],
    agencyDepartmentId: c.agencyDepartmentId,
    ...(c.policeDepartmentId ? { policeDepartmentId: c.policeDepartmentId } : {}),
    ...(c.procuratorateDepartmentId ? { procuratorateDepartmentId: c.procuratorateDepartmentId } : {}),
    ...(c.prosecution?.courtDepartmentId ? { courtDepartmentId: c.prosecution.courtDepartmentId } : {}),
    overdue: isOverdue(c),
    ...(dues.length > 0 ? { nextDueAt: Math.min(...dues) } : {}),
    reportedAt: c.reportedAt,
    version: c.version,
  };
}

/** The case (created at version 1 or replacing the version before) and its list items, to commit together. */
export function putCase(
  d: PlatformDeps,
  next: TransferCase,
  previous: TransferCase | undefined,
  clocks: ReadonlyMap<string, ClockRecord>,
): TransactItem[] {
  const now = new Set(listsOf(next));
  const before = previous ? listsOf(previous) : [];
  const summary = summaryOf(next, clocks);
  const pk = caseKey(next.id).pk;
  return [
    putVersioned(d, { ...caseKey(next.id), type: 'transfer-case', state: next, version: next.version }),
    ...[...now].map((list) =>
      put(d, {
        pk,
        sk: `Q#${list}`,
        type: 'transfer-list',
        gsi1pk: `TRQ#${list}`,
        gsi1sk: `${padMs(next.reportedAt)}#${next.id}`,
        summary,
      }),
    ),
    ...before
      .filter((q) => !now.has(q))
      .map((list) => ({ Delete: { TableName: d.tableName, Key: { pk, sk: `Q#${list}` } } })),
  ];
}

export async function findCase(d: PlatformDeps, id: string): Promise<TransferCase | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: caseKey(id), ConsistentRead: true }));
  return got.Item ? (got.Item.state as TransferCase) : undefined;
}

export async function getCase(d: PlatformDeps, id: string): Promise<TransferCase> {
  const found = await findCase(d, id);
  if (!found) throw new NotFoundError(`Transfer case ${id}`);
  return found;
}

/** Newest report first, at most `max`. */
export function listCases(d: PlatformDeps, list: string, max = 200): Promise<CaseSummary[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `TRQ#${list}` },
      ScanIndexForward: false,
    },
    (item) => item.summary as CaseSummary,
    max,
  );
}
