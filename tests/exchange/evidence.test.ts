// The evidence log: a tampered event, a tampered chain entry and a removed entry are each detected
// and named; an untouched log verifies.
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { entrySk } from '../../packages/platform/src/evidence/store';
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

const verify = async () => (await api('GET', '/v1/evidence/verify', { token: auditor })).json;
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
    const cli = await api('GET', '/_local/evidence/verify');
    expect(cli.json.problem.seq).toBe(seq);
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

  it('names a removed entry', async () => {
    const seq = await seqOf(ids[0]!);
    await rt.deps.ddb.send(new DeleteCommand({ TableName: rt.tableName, Key: { pk: 'CHAIN', sk: entrySk(seq) } }));
    expect((await verify()).problem).toMatchObject({ kind: 'entry-removed', seq });
  });

  it('is for auditors and admins only', async () => {
    const officer = await login(api, 'psb.duty');
    const r = await api('GET', '/v1/evidence/verify', { token: officer });
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});
