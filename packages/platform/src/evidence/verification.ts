// Evidence verification at scale. A periodic job (functions/exchange/evidence-checkpoint) walks the
// chain from the last checkpoint to the head and, when every entry and event checks out, writes a
// new checkpoint (CHECKPOINT / CP#<seq>: that entry's hash). Checkpoints have a partition of their
// own so that the chain partition (CHAIN) is written by the relay alone: the checkpoint job's role
// may write CHECKPOINT and only read CHAIN (table-access.ts). Checkpoints written under CHAIN by
// earlier versions are ignored; the first run after the upgrade walks from the genesis once and
// writes the first CHECKPOINT item. A verification is a job, never a request
// waiting on a walk: POST starts it (job item + an event, in one transaction), the job function
// walks in chunks from the last checkpoint (or from the genesis for a full audit), each chunk
// storing its position and handing on to the next by another event, and GET reads the result.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type ChainHead, type ChainReport, entryHash, GENESIS_HASH } from '@fazhi/domain/evidence/chain';
import { commit, put } from '../ddb/commit';
import type { PlatformDeps } from '../deps';
import { toIso } from '../events/envelope';
import { entrySk, readHead, walkChain } from './store';

export const VERIFICATION_REQUESTED = 'Evidence.VerificationRequested';
const CHUNK = 20_000;
const JOB_TTL_SECONDS = 90 * 24 * 3600;

export interface Checkpoint extends ChainHead {
  checkedAt: number;
}

export const CHECKPOINT_PK = 'CHECKPOINT';
export const checkpointSk = (seq: number) => `CP#${String(seq).padStart(12, '0')}`;
const jobKey = (jobId: string) => ({ pk: `VERIFY#${jobId}`, sk: 'JOB' });

export async function lastCheckpoint(d: PlatformDeps): Promise<Checkpoint | undefined> {
  const page = await d.ddb.send(
    new QueryCommand({
      TableName: d.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :cp)',
      ExpressionAttributeValues: { ':pk': CHECKPOINT_PK, ':cp': 'CP#' },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = page.Items?.[0];
  return item ? { seq: item.seq, hash: item.hash, checkedAt: item.checkedAt } : undefined;
}

/** The checkpoint's own entry must still be there with the checkpoint's hash, or nothing after it is trusted. */
async function checkpointHolds(d: PlatformDeps, cp: ChainHead): Promise<ChainReport | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: { pk: 'CHAIN', sk: entrySk(cp.seq) } }));
  const e = got.Item;
  if (e && e.hash === cp.hash && entryHash(e as never) === cp.hash) return undefined;
  return {
    ok: false,
    checked: 0,
    head: await readHead(d),
    problem: {
      kind: e ? 'entry-altered' : 'entry-removed',
      seq: cp.seq,
      ...(e ? { eventId: e.eventId as string } : {}),
      message: `entry ${cp.seq} no longer matches the checkpoint taken of it`,
    },
  };
}

/** The periodic job: verifies what was appended since the last checkpoint and, if intact, checkpoints the head. */
export async function writeCheckpoint(d: PlatformDeps): Promise<ChainReport> {
  const from = (await lastCheckpoint(d)) ?? { seq: 0, hash: GENESIS_HASH };
  const broken = from.seq > 0 ? await checkpointHolds(d, from) : undefined;
  if (broken) return broken;
  const { report } = await walkChain(d, from);
  if (report.ok && report.head.seq > from.seq) {
    await d.ddb
      .send(
        new PutCommand({
          TableName: d.tableName,
          Item: {
            pk: CHECKPOINT_PK,
            sk: checkpointSk(report.head.seq),
            type: 'chain-checkpoint',
            seq: report.head.seq,
            hash: report.head.hash,
            checkedAt: d.clock.now(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
  }
  return report;
}

export type VerificationFrom = 'checkpoint' | 'genesis';

export interface VerificationJob {
  jobId: string;
  status: 'running' | 'done';
  from: VerificationFrom;
  /** Where the walk started: the checkpoint used (seq 0 = the genesis). */
  start: ChainHead;
  /** Where the walk has got to. */
  position: ChainHead;
  checked: number;
  requestedAt: number;
  requestedBy: string;
  finishedAt?: number;
  report?: ChainReport;
  version: number;
}

export async function startVerification(
  d: PlatformDeps,
  from: VerificationFrom,
  requestedBy: string,
): Promise<VerificationJob> {
  const jobId = d.newId();
  const cp = from === 'checkpoint' ? await lastCheckpoint(d) : undefined;
  const start = cp ? { seq: cp.seq, hash: cp.hash } : { seq: 0, hash: GENESIS_HASH };
  const job: VerificationJob = {
    jobId,
    status: 'running',
    from,
    start,
    position: start,
    checked: 0,
    requestedAt: d.clock.now(),
    requestedBy,
    version: 1,
  };
  await commit(
    d,
    [
      put(d, {
        ...jobKey(jobId),
        type: 'verification',
        ...job,
        ttl: Math.floor(job.requestedAt / 1000) + JOB_TTL_SECONDS,
      }),
    ],
    [{ source: 'fazhi.exchange', detailType: VERIFICATION_REQUESTED, data: { jobId } }],
  );
  return job;
}

export async function readVerification(d: PlatformDeps, jobId: string): Promise<VerificationJob | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: jobKey(jobId), ConsistentRead: true }));
  return got.Item as VerificationJob | undefined;
}

/** One chunk of a job; hands on to the next chunk by an event, in the same transaction as its progress. */
export async function continueVerification(d: PlatformDeps, jobId: string, chunk = CHUNK): Promise<void> {
  const job = await readVerification(d, jobId);
  if (!job || job.status === 'done') return;
  const broken = job.checked === 0 && job.start.seq > 0 ? await checkpointHolds(d, job.start) : undefined;
  const walk = broken ? { report: broken, done: true, position: job.start } : await walkChain(d, job.position, chunk);
  const checked = job.checked + walk.report.checked;
  const next: VerificationJob = {
    ...job,
    position: walk.position,
    checked,
    version: job.version + 1,
    ...(walk.done
      ? { status: 'done', finishedAt: d.clock.now(), report: { ...walk.report, checked } }
      : { status: 'running' }),
  };
  await commit(
    d,
    [
      put(
        d,
        { ...jobKey(jobId), type: 'verification', ...next, ttl: Math.floor(job.requestedAt / 1000) + JOB_TTL_SECONDS },
        { expr: '#v = :v', names: { '#v': 'version' }, values: { ':v': job.version } },
      ),
    ],
    walk.done ? [] : [{ source: 'fazhi.exchange', detailType: VERIFICATION_REQUESTED, data: { jobId } }],
  );
}

/** The job as the API and the CLI show it. */
export function verificationView(job: VerificationJob) {
  return {
    jobId: job.jobId,
    status: job.status,
    from: job.from,
    startedAfter: job.start.seq,
    checked: job.checked,
    requestedAt: toIso(job.requestedAt),
    ...(job.finishedAt !== undefined ? { finishedAt: toIso(job.finishedAt) } : {}),
    ...(job.report ? { report: job.report } : {}),
  };
}
