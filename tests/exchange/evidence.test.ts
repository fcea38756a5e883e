// The evidence log: a tampered event, a tampered chain entry and a removed entry are each detected
// and named by a verification job; an untouched log verifies; a checkpoint lets a verification start
// after it, and the checkpoint job refuses to checkpoint past a broken entry.
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { entrySk } from '../../packages/platform/src/evidence/store';
import { lastCheckpoint, writeCheckpoint } from '../../packages/platform/src/evidence/verification';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let auditor: string;
const ids: string[] = [];

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  auditor = await login(api, 'auditor');
  const key = rt.credentials!.departments.find((d) => d.id === 'psb')!.apiKey;
  for (let i = 0; i < 6; i++) {
    const r = await api('POST', '/v1/events', {
      token: key,
      headers: { 'idempotency-key': `ev-${i}` },
      body: {
        entries: [
          {
            detailType: 'EnforcementLead.Shared',
            detail: { data: { subjectName: `主体${i}`, category: 'tax', summary: `线索${i}` } },
          },
        ],
      },
    });
    ids.push(r.json.entries[0].eventId);
  }
  await eventually(async () => (await pendingEvents(rt.deps, 999_999_999_999_999)).length === 0, 'all chained');
});
afterAll(async () => rt?.stop());

/** Starts a verification job as the auditor and waits for its report. */
async function verify(from: 'genesis' | 'checkpoint' = 'genesis', path = '/v1/evidence/verifications') {
  const started = await api('POST', path, { token: auditor, body: { from } });
  expect(started.status, started.text).toBe(202);
  expect(started.json.status).toBe('running');
  const done = await eventually(async () => {
    const r = await api('GET', `${path}/${started.json.jobId}`, { token: auditor });
    return r.json?.status === 'done' && r.json;
  }, 'the verification job');
  return { ...done.report, startedAfter: done.startedAfter };
}
const seqOf = async (eventId: string) =>
  (await rt.deps.ddb.send(new GetCommand({ TableName: rt.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } })))
    .Item!.chainSeq as number;

describe('evidence verification', () => {
  it('verifies an untouched log', async () => {
    const report = await verify();
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(6);
    expect(report.head.seq).toBe(report.checked);
  });

  it('checkpoints an intact chain, and a verification from the checkpoint walks only what came after', async () => {
    // Prepare
    const head = (await verify()).head.seq as number;
    // Act
    const checkpointed = await writeCheckpoint(rt.deps);
    const fromCheckpoint = await verify('checkpoint');
    // Assess
    expect(checkpointed.ok).toBe(true);
    expect((await lastCheckpoint(rt.deps))?.seq).toBe(checkpointed.head.seq);
    expect(checkpointed.head.seq).toBeGreaterThanOrEqual(head);
    expect(fromCheckpoint.ok).toBe(true);
    expect(fromCheckpoint.startedAfter).toBe(checkpointed.head.seq);
    expect(fromCheckpoint.checked).toBe(fromCheckpoint.head.seq - checkpointed.head.seq);
  });

  it('names an event altered after acceptance', async () => {
    const seq = await seqOf(ids[2]!);
    await rt.deps.ddb.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: { pk: `EVENT#${ids[2]}`, sk: 'EVENT' },
        UpdateExpression: 'SET detail.#d.summary = :s',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: { ':s': '篡改' },
      }),
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'event-altered', seq, eventId: ids[2] });
    const cli = await verify('genesis', '/_local/evidence/verifications');
    expect(cli.problem.seq).toBe(seq);
    // The checkpoint taken before it was altered is its own entry's: that still holds, so the
    // checkpoint job, walking on from there, names nothing; a full walk (above) is what finds it.
    const from = await lastCheckpoint(rt.deps);
    expect(from!.seq).toBeGreaterThanOrEqual(seq);
  });

  it('names the first of several problems: an earlier altered chain entry wins', async () => {
    const seq = await seqOf(ids[1]!);
    await rt.deps.ddb.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: { pk: 'CHAIN', sk: entrySk(seq) },
        UpdateExpression: 'SET digest = :d',
        ExpressionAttributeValues: { ':d': 'f'.repeat(64) },
      }),
    );
    expect((await verify()).problem).toMatchObject({ kind: 'entry-altered', seq });
  });

  it('refuses to checkpoint past, or verify from, a checkpoint whose entry was altered', async () => {
    // Prepare: the checkpointed entry itself is altered
    const cp = (await lastCheckpoint(rt.deps))!;
    await rt.deps.ddb.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: { pk: 'CHAIN', sk: entrySk(cp.seq) },
        UpdateExpression: 'SET digest = :d',
        ExpressionAttributeValues: { ':d': 'e'.repeat(64) },
      }),
    );
    // Act
    const checkpointed = await writeCheckpoint(rt.deps);
    const fromCheckpoint = await verify('checkpoint');
    // Assess
    expect(checkpointed).toMatchObject({ ok: false, problem: { kind: 'entry-altered', seq: cp.seq } });
    expect((await lastCheckpoint(rt.deps))?.seq).toBe(cp.seq);
    expect(fromCheckpoint).toMatchObject({ ok: false, problem: { kind: 'entry-altered', seq: cp.seq } });
  });

  it('names a removed entry', async () => {
    const seq = await seqOf(ids[0]!);
    await rt.deps.ddb.send(new DeleteCommand({ TableName: rt.tableName, Key: { pk: 'CHAIN', sk: entrySk(seq) } }));
    expect((await verify()).problem).toMatchObject({ kind: 'entry-removed', seq });
  });

  it('is for auditors and admins only', async () => {
    const officer = await login(api, 'psb.duty');
    const r = await api('POST', '/v1/evidence/verifications', { token: officer, body: {} });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});
