// Detection (有案不移 / 以罚代刑 / 有案难移) in the one table. A penalty case an agency posted: pk
// TRPEN#<agency>#<caseNo>, sk CASE, with its record, the hash of it and the ids of the flags it gives
// now. A flag: pk TRFLAG#<flagId>, sk FLAG, in gsi1 TRFLAGQ / <0 open | 1 decided>#<raisedAt>#<id>, so
// the procuratorate's list is one Query with the open ones first. A flag id is the domain's content
// hash: an unchanged case gives the same id (a decision on it holds), a changed one a new id.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '@fazhi/domain/evidence/canonical-json';
import { detectFlags, type Flag, type FlagDecision, type PenaltyCaseRecord } from '@fazhi/domain/transfers/detection';
import type { ThresholdCatalog } from '@fazhi/domain/transfers/thresholds';
import type { TransferCase } from '@fazhi/domain/transfers/transfer-types';
import { padMs } from '@fazhi/platform/clocks/keys';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import type { NewEvent } from '@fazhi/platform/ddb/outbox';
import { queryPages } from '@fazhi/platform/ddb/query-pages';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { findCase, listCases } from './case-store';
import { TRANSFERS_SOURCE } from './subject';

export type FlagStatus = 'open' | 'confirmed' | 'dismissed' | 'superseded';

export interface StoredFlag {
  flag: Flag;
  status: FlagStatus;
  raisedAt: number;
  decision?: FlagDecision;
  version: number;
}

export interface StoredPenaltyCase {
  record: PenaltyCaseRecord;
  hash: string;
  flagIds: string[];
  postedAt: number;
  updatedAt: number;
  version: number;
}

const FLAG_LIST = 'TRFLAGQ';
export const penaltyKey = (agency: string, caseNo: string) => ({ pk: `TRPEN#${agency}#${caseNo}`, sk: 'CASE' });
export const flagKey = (id: string) => ({ pk: `TRFLAG#${id}`, sk: 'FLAG' });

async function getItem(d: PlatformDeps, Key: { pk: string; sk: string }) {
  return (await d.ddb.send(new GetCommand({ TableName: d.tableName, Key, ConsistentRead: true }))).Item;
}

export async function findPenaltyCase(d: PlatformDeps, agency: string, caseNo: string) {
  return (await getItem(d, penaltyKey(agency, caseNo))) as StoredPenaltyCase | undefined;
}

export async function findFlag(d: PlatformDeps, id: string) {
  return (await getItem(d, flagKey(id))) as StoredFlag | undefined;
}

export function putFlag(d: PlatformDeps, f: StoredFlag): TransactItem {
  return putVersioned(d, {
    ...flagKey(f.flag.id),
    type: 'transfer-flag',
    ...f,
    gsi1pk: FLAG_LIST,
    gsi1sk: `${f.status === 'open' ? 0 : 1}#${padMs(f.raisedAt)}#${f.flag.id}`,
  });
}

/** Open first, then decided (and superseded); oldest raised first within each. */
export function listFlags(d: PlatformDeps, max = 500): Promise<StoredFlag[]> {
  return queryPages(
    d,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': FLAG_LIST } },
    (item) => ({
      flag: item.flag as Flag,
      status: item.status as FlagStatus,
      raisedAt: item.raisedAt as number,
      ...(item.decision ? { decision: item.decision as FlagDecision } : {}),
      version: item.version as number,
    }),
    max,
  );
}

/** The agency's transfer cases (full), by enforcement case number: one Query of its list, then by key. */
export async function transfersByCaseNo(
  d: PlatformDeps,
  agency: string,
  caseNos: ReadonlySet<string>,
): Promise<TransferCase[]> {
  const summaries = (await listCases(d, `agency#${agency}`, 1000)).filter((s) => caseNos.has(s.enforcementCaseNo));
  const found = await Promise.all(summaries.map((s) => findCase(d, s.id)));
  return found.filter((c): c is TransferCase => c !== undefined);
}

export const recordHash = (r: PenaltyCaseRecord) => canonicalJson(r);

export function flagView(f: StoredFlag) {
  return {
    ...f.flag,
    status: f.status,
    raisedAt: toCityIso(f.raisedAt),
    ...(f.decision
      ? {
          decision: {
            decision: f.decision.decision,
            ...(f.decision.reason ? { reason: f.decision.reason } : {}),
            by: f.decision.by,
            at: toCityIso(f.decision.at),
            ...(f.decision.threshold ? { threshold: f.decision.threshold } : {}),
          },
        }
      : {}),
  };
}

const flagHeadOf = (f: Flag, at: number) => ({
  flagId: f.id,
  kind: f.kind,
  kindName: f.kindName,
  agencyDepartmentId: f.agencyDepartmentId,
  ...(f.caseNo ? { caseNo: f.caseNo } : {}),
  ...(f.transferCaseId ? { transferCaseId: f.transferCaseId } : {}),
  at: toCityIso(at),
});

export function flagRaisedEvent(f: Flag, at: number): NewEvent {
  return {
    source: TRANSFERS_SOURCE,
    detailType: 'TransferFlag.Raised',
    correlationId: f.id,
    data: { ...flagHeadOf(f, at), explanation: f.explanation, ...(f.threshold ? { threshold: f.threshold } : {}) },
  };
}

export function flagDecidedEvent(f: Flag, dec: FlagDecision): NewEvent {
  return {
    source: TRANSFERS_SOURCE,
    detailType: 'TransferFlag.Decided',
    correlationId: f.id,
    data: {
      ...flagHeadOf(f, dec.at),
      decision: dec.decision,
      ...(dec.reason ? { reason: dec.reason } : {}),
      by: dec.by,
      ...(dec.threshold ? { threshold: dec.threshold } : {}),
    },
  };
}

export interface CaseDetection {
  outcome: 'created' | 'changed' | 'unchanged';
  flags: StoredFlag[];
  writes: TransactItem[];
  events: NewEvent[];
}

/**
 * Runs the detection for one penalty case against its transfers and the flags decided before: raises
 * each flag not known yet (or known but superseded), keeps a decided one decided, and supersedes the
 * open flags the case no longer gives. Writes nothing when neither the case nor its flags changed.
 */
export async function detectCase(
  d: PlatformDeps,
  record: PenaltyCaseRecord,
  transfers: readonly TransferCase[],
  thresholds: ThresholdCatalog,
  now: number,
  extra: readonly StoredFlag[] = [],
): Promise<CaseDetection> {
  const prev = await findPenaltyCase(d, record.agencyDepartmentId, record.caseNo);
  const hash = recordHash(record);
  const known = new Map<string, StoredFlag>(extra.map((f) => [f.flag.id, f]));
  const load = async (ids: readonly string[]) => {
    for (const id of ids)
      if (!known.has(id)) {
        const f = await findFlag(d, id);
        if (f) known.set(id, f);
      }
  };
  const run = () =>
    detectFlags({
      penaltyCases: [record],
      transfers,
      thresholds,
      decisions: [...known.values()].flatMap((f) => (f.decision ? [f.decision] : [])),
    });
  await load(prev?.flagIds ?? []);
  await load(run().map((f) => f.id));
  // A decision just loaded (a confirmed 有案不移) may give a further flag (以罚代刑).
  const flags = run();
  await load(flags.map((f) => f.id));

  const writes: TransactItem[] = [];
  const events: NewEvent[] = [];
  const current: StoredFlag[] = [];
  for (const flag of flags) {
    const k = known.get(flag.id);
    if (k && k.status !== 'superseded') {
      current.push(k);
      continue;
    }
    const raised: StoredFlag = { flag, status: 'open', raisedAt: now, version: (k?.version ?? 0) + 1 };
    writes.push(putFlag(d, raised));
    events.push(flagRaisedEvent(flag, now));
    current.push(raised);
  }
  const ids = new Set(flags.map((f) => f.id));
  for (const id of prev?.flagIds ?? []) {
    const k = known.get(id);
    if (k && !ids.has(id) && k.status === 'open')
      writes.push(putFlag(d, { ...k, status: 'superseded', version: k.version + 1 }));
  }
  const sameFlags = prev !== undefined && canonicalJson([...prev.flagIds].sort()) === canonicalJson([...ids].sort());
  const outcome = !prev ? 'created' : prev.hash !== hash ? 'changed' : 'unchanged';
  if (outcome !== 'unchanged' || !sameFlags || writes.length > 0)
    writes.unshift(
      putVersioned(d, {
        ...penaltyKey(record.agencyDepartmentId, record.caseNo),
        type: 'transfer-penalty-case',
        record,
        hash,
        flagIds: [...ids],
        postedAt: prev?.postedAt ?? now,
        updatedAt: outcome === 'unchanged' ? (prev?.updatedAt ?? now) : now,
        version: (prev?.version ?? 0) + 1,
      }),
    );
  return { outcome, flags: current, writes, events };
}
