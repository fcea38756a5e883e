// Mediation cases in the one table. The case: pk MEDCASE#<id>, sk CASE. Its queue memberships: one
// small item per queue under the same pk (sk Q#<queue>), each in gsi1 MEDQ#<queue> / <receivedAt>#<id>
// with the case's summary, so every list is one Query of one partition (never a Scan) and every
// queue changes in the case's own transaction.
//
// Queues: intake (waiting for dispatch), returned (waiting again after a return), overdue (a clock
// breached and still running), org#<organisationId> (dispatched to, joint with, or accepted by),
// leader#<username> (领导包案), referrer#<departmentId> (the referring court / police / petition
// office), status#<status>.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import type { MediationCase } from '@fazhi/domain/mediation/case-types';
import { padMs } from '@fazhi/platform/clocks/keys';
import { put, putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { NotFoundError } from '@fazhi/platform/errors';

/** The case as stored: the domain state plus what the service learnt from the clocks. */
export interface StoredCase {
  state: MediationCase;
  /** Clock keys that breached (Clock.Breached); overdue while such a clock still runs. */
  breached: MediationClockKey[];
}

export const caseKey = (id: string) => ({ pk: `MEDCASE#${id}`, sk: 'CASE' });

export function isReturned(c: MediationCase): boolean {
  const last = c.dispatches.at(-1);
  return c.status === 'queued' && last?.answer?.accepted === false;
}

/** The organisations a case involves now: the one dispatched to (and joint ones), or the one working it. */
export function organisationsOf(c: MediationCase): string[] {
  const last = c.dispatches.at(-1);
  const current =
    last && (last.answer === undefined || last.answer.accepted) ? [last.organisationId, ...last.jointWith] : [];
  return [...new Set([...current, ...(c.organisationId ? [c.organisationId] : [])])];
}

export function queuesOf(s: StoredCase): string[] {
  const c = s.state;
  const q = [`status#${c.status}`, ...organisationsOf(c).map((o) => `org#${o}`)];
  if (c.status === 'queued') q.push('intake');
  if (isReturned(c)) q.push('returned');
  if (s.breached.some((k) => c.clocks[k]?.running)) q.push('overdue');
  if (c.responsibleLeader) q.push(`leader#${c.responsibleLeader}`);
  if (c.referral) q.push(`referrer#${c.referral.departmentId}`);
  return q;
}

export interface CaseSummary {
  id: string;
  title: string;
  status: MediationCase['status'];
  source: MediationCase['source'];
  disputeType: MediationCase['disputeType'];
  regionCode: string;
  tier: MediationCase['tier'];
  risk: MediationCase['risk'];
  organisationId?: string;
  responsibleLeader?: string;
  responsibleLeaderName?: string;
  referringDepartmentId?: string;
  returned: boolean;
  receivedAt: number;
  version: number;
}

export function summaryOf(c: MediationCase): CaseSummary {
  const orgs = organisationsOf(c);
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    source: c.source,
    disputeType: c.disputeType,
    regionCode: c.regionCode,
    tier: c.tier,
    risk: c.risk,
    ...(orgs[0] ? { organisationId: orgs[0] } : {}),
    ...(c.responsibleLeader ? { responsibleLeader: c.responsibleLeader } : {}),
    ...(c.responsibleLeaderName ? { responsibleLeaderName: c.responsibleLeaderName } : {}),
    ...(c.referral ? { referringDepartmentId: c.referral.departmentId } : {}),
    returned: isReturned(c),
    receivedAt: c.receivedAt,
    version: c.version,
  };
}

/** The case (created at version 1 or replacing the version before) and its queue items, to commit together. */
export function putCase(d: PlatformDeps, next: StoredCase, previous: StoredCase | undefined): TransactItem[] {
  const c = next.state;
  const now = new Set(queuesOf(next));
  const before = previous ? queuesOf(previous) : [];
  const summary = summaryOf(c);
  return [
    putVersioned(d, {
      ...caseKey(c.id),
      type: 'mediation-case',
      state: c,
      breached: next.breached,
      version: c.version,
    }),
    ...[...now].map((queue) =>
      put(d, {
        pk: `MEDCASE#${c.id}`,
        sk: `Q#${queue}`,
        type: 'mediation-queue',
        gsi1pk: `MEDQ#${queue}`,
        gsi1sk: `${padMs(c.receivedAt)}#${c.id}`,
        summary,
      }),
    ),
    ...before
      .filter((q) => !now.has(q))
      .map((queue) => ({ Delete: { TableName: d.tableName, Key: { pk: `MEDCASE#${c.id}`, sk: `Q#${queue}` } } })),
  ];
}

export async function findCase(d: PlatformDeps, id: string): Promise<StoredCase | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: caseKey(id), ConsistentRead: true }));
  if (!got.Item) return undefined;
  return { state: got.Item.state as MediationCase, breached: (got.Item.breached ?? []) as MediationClockKey[] };
}

export async function getCase(d: PlatformDeps, id: string): Promise<StoredCase> {
  const found = await findCase(d, id);
  if (!found) throw new NotFoundError(`Mediation case ${id}`);
  return found;
}

/** Newest first. */
export function listQueue(d: PlatformDeps, queue: string, max = 200): Promise<CaseSummary[]> {
  return queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `MEDQ#${queue}` },
      ScanIndexForward: false,
    },
    (item) => item.summary as CaseSummary,
    max,
  );
}
