// The relay reads the chain head beside its re-read of the batch (relay.ts), so the head it hands
// to appendToChain may have been moved by another relay (the sweep racing the stream, a second
// shard) before its transaction. Then the head's condition must fail and the append read the head
// again: the chain is extended after the real head, never forked from the stale one.
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type EventItem, eventKey, newEventItem } from '../../packages/platform/src/ddb/outbox';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { appendToChain, chainEntries, readHead } from '../../packages/platform/src/evidence/store';
import { type Api, apiOf, eventually, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
});
afterAll(async () => rt?.stop());

async function postLead(i: number): Promise<void> {
  const key = rt.credentials!.departments.find((d) => d.id === 'psb')!.apiKey;
  const r = await api('POST', '/v1/events', {
    token: key,
    headers: { 'idempotency-key': `head-${i}` },
    body: {
      entries: [
        {
          detailType: 'EnforcementLead.Shared',
          detail: { data: { subjectName: `主体${i}`, category: 'tax', summary: `线索${i}` } },
        },
      ],
    },
  });
  expect(r.status, r.text).toBe(202);
  await eventually(async () => (await pendingEvents(rt.deps, 999_999_999_999_999)).length === 0, 'chained');
}

describe('the relay with a chain head read before another relay moved it', () => {
  it('appends after the real head, not the stale one', async () => {
    // Prepare: a head read, then moved by the stream relay chaining another event.
    await postLead(1);
    const stale = await readHead(rt.deps);
    await postLead(2);
    const moved = await readHead(rt.deps);
    expect(moved.seq).toBeGreaterThan(stale.seq);
    // A real event item the stream relay does not see: inserted under another type, then made an
    // event by an update (the stream filter admits inserts only), and not in the pending index.
    const {
      gsi2pk: _pk,
      gsi2sk: _sk,
      ...fresh
    } = newEventItem(rt.deps, {
      source: 'dept.psb',
      detailType: 'EnforcementLead.Shared',
      data: { subjectName: '主体3', category: 'tax', summary: '线索3' },
    });
    await rt.deps.ddb.send(new PutCommand({ TableName: rt.tableName, Item: { ...fresh, type: 'staging' } }));
    await rt.deps.ddb.send(
      new UpdateCommand({
        TableName: rt.tableName,
        Key: eventKey(fresh.eventId),
        UpdateExpression: 'SET #t = :t',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':t': 'event' },
      }),
    );

    // Act: append it with the stale head, as a relay whose head read lost the race would.
    await appendToChain(rt.deps, [fresh as EventItem], rt.deps.clock.now(), Promise.resolve(stale));

    // Assess: one entry after the moved head, linked to it; the chain has no gap and no fork.
    const head = await readHead(rt.deps);
    expect(head.seq).toBe(moved.seq + 1);
    const entries: { seq: number; eventId: string; prevHash: string; hash: string }[] = [];
    for await (const e of chainEntries(rt.deps)) entries.push(e);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const last = entries[entries.length - 1]!;
    expect(last).toMatchObject({ seq: moved.seq + 1, eventId: fresh.eventId, prevHash: moved.hash });
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
  });
});
