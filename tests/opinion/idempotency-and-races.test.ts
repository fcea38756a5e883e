// Idempotency keys and identical requests racing, on the local runtime and DynamoDB Local: a
// re-indented retry is the same request; a retry gets its stored answer even when the command would
// now be refused; a transaction conflict on the record is retried, then answered 409 with
// Retry-After; and the loser of two identical milestones, regrades or closes is told "already
// recorded" instead of a clock-transition error.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

let rt: LocalRuntime;
let api: Api;
let officer: string;
let now: number;
/** While above 0, each TransactWriteItems holding an idempotency record is cancelled as DynamoDB does under contention. */
let conflictsToInject = 0;
let conflictsInjected = 0;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  officer = await login(api, 'propaganda.duty');
  now = (await api('GET', '/_local/clock')).json.nowMs;
  milestone = milestoneOf();
  // The one fault DynamoDB Local cannot be made to produce on demand: a TransactionConflict.
  rt.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: { Put?: { Item?: { type?: unknown } } }[] }).TransactItems;
      if (
        /^TransactWrite(Items)?Command$/.test(context.commandName ?? '') &&
        conflictsToInject > 0 &&
        items?.[0]?.Put?.Item?.type === 'idempotency'
      ) {
        conflictsToInject--;
        conflictsInjected++;
        throw new TransactionCanceledException({
          message:
            'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
          $metadata: {},
          CancellationReasons: items.map((_, i) =>
            i === 0
              ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
              : { Code: 'None' },
          ),
        });
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectTransactionConflict' },
  );
});
afterAll(async () => rt?.stop());

const incident = (title: string) => ({
  title,
  level: 'II',
  occurredAt: iso(now - 2 * HOUR),
  discoveredAt: iso(now - HOUR),
  responsibleDepartmentId: 'propaganda',
  summary: '网络流传某小区自来水浑浊，正在核实。',
});
const milestoneOf = () => ({
  kind: 'release',
  at: iso(now - 10 * MIN),
  channel: '官方微博',
  documentNo: '宣发〔2026〕1号',
});
let milestone: ReturnType<typeof milestoneOf>;

async function open(title: string): Promise<string> {
  const r = await api('POST', '/v1/opinion-incidents', { token: officer, body: incident(title) });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

const send = (path: string, raw: string, key?: string) =>
  api('POST', path, {
    token: officer,
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    raw,
  });

describe('Idempotency-Key', () => {
  it('treats re-indented, reordered JSON as the same request, and another body as a misuse', async () => {
    // Prepare
    const id = await open('重排的重试');
    const path = `/v1/opinion-incidents/${id}/milestones`;
    const first = await send(path, JSON.stringify(milestone), 'reindent-1');
    expect(first.status, first.text).toBe(201);
    const reordered = Object.fromEntries(Object.entries(milestone).reverse());

    // Act
    const again = await send(path, JSON.stringify(reordered, null, 4), 'reindent-1');
    const other = await send(path, JSON.stringify({ ...milestone, channel: '人民网' }), 'reindent-1');

    // Assess
    expect(again.status, again.text).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(other.status).toBe(409);
    expect(other.json.type).toMatch(/idempotency-key-reused$/);
  });

  it('is the same for POST /v1/events: a re-indented retry gets the same event ids, nothing posted twice', async () => {
    // Prepare
    const key = rt.credentials!.departments.find((x) => x.id === 'samr')!.apiKey;
    const body = {
      entries: [
        {
          detailType: 'EnforcementLead.Shared',
          detail: {
            data: {
              subjectName: '某某食品有限公司',
              uscc: '91350100M000100Y43',
              category: 'food-drug',
              summary: '涉嫌销售不符合安全标准的食品',
            },
          },
        },
      ],
    };
    const post = (raw: string) =>
      api('POST', '/v1/events', {
        token: key,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'events-reindent-1' },
        raw,
      });
    const first = await post(JSON.stringify(body));
    expect(first.status, first.text).toBe(202);

    // Act
    const again = await post(`\n${JSON.stringify(body, null, 2)}\n`);

    // Assess
    expect(again.status, again.text).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers a retry with its stored answer even when the command would now be refused', async () => {
    // Prepare: the milestone is recorded, then the incident is closed.
    const id = await open('关闭后重试');
    const path = `/v1/opinion-incidents/${id}/milestones`;
    const first = await send(path, JSON.stringify(milestone), 'after-close-1');
    expect(first.status, first.text).toBe(201);
    const closed = await send(`/v1/opinion-incidents/${id}/close`, JSON.stringify({ reason: '处置完毕' }));
    expect(closed.status, closed.text).toBe(200);

    // Act
    const retry = await send(path, JSON.stringify(milestone), 'after-close-1');
    const fresh = await send(path, JSON.stringify(milestone), 'after-close-2');

    // Assess
    expect(retry.status, retry.text).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(fresh.status).toBe(409);
    expect(fresh.json.type).toMatch(/incident-closed$/);
  });

  it('retries a TransactionConflict on the record, and after a few answers 409 with Retry-After, storing nothing', async () => {
    // Prepare
    const id = await open('事务冲突');
    const path = `/v1/opinion-incidents/${id}/milestones`;

    // Act: two conflicts, then the transaction goes through.
    conflictsInjected = 0;
    conflictsToInject = 2;
    const retried = await send(path, JSON.stringify(milestone), 'busy-1');

    // Assess
    expect(retried.status, retried.text).toBe(201);
    expect(conflictsInjected).toBe(2);

    // Act: it keeps conflicting.
    conflictsInjected = 0;
    conflictsToInject = 1000;
    const busy = await send(path, JSON.stringify({ ...milestone, kind: 'press-conference' }), 'busy-2');
    conflictsToInject = 0;

    // Assess
    expect(busy.status, busy.text).toBe(409);
    expect(busy.headers.get('content-type')).toContain('application/problem+json');
    expect(busy.json.type).toMatch(/idempotency-record-busy$/);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(conflictsInjected).toBeGreaterThan(1);
    expect(conflictsInjected).toBeLessThan(10);
    const state = await api('GET', `/v1/opinion-incidents/${id}`, { token: officer });
    expect(state.json.milestones).toHaveLength(1);
    // The same request again, once the contention is over, is simply done.
    const later = await send(path, JSON.stringify({ ...milestone, kind: 'press-conference' }), 'busy-2');
    expect(later.status, later.text).toBe(201);
    expect(later.json.milestones).toHaveLength(2);
  });
});

describe('identical requests at once', () => {
  const N = 8;
  const race = (path: string, body: unknown) =>
    Promise.all(Array.from({ length: N }, (_, i) => send(path, JSON.stringify(body), `race-${path}-${i}`)));
  const outcomes = (rs: Awaited<ReturnType<typeof race>>) =>
    rs.map((r) => `${r.status} ${r.headers.get('x-fazhi-outcome') ?? 'changed'}`).sort();

  it('one milestone, regrade and close each win; every other caller is told it was already recorded', async () => {
    // Prepare
    const id = await open('同时提交');

    // Act
    const milestones = await race(`/v1/opinion-incidents/${id}/milestones`, milestone);
    const regrades = await race(`/v1/opinion-incidents/${id}/regrade`, { level: 'I', reason: '影响扩大' });
    const closes = await race(`/v1/opinion-incidents/${id}/close`, { reason: '处置完毕' });

    // Assess
    for (const r of [...milestones, ...regrades, ...closes]) expect([200, 201], r.text).toContain(r.status);
    const already = Array.from({ length: N - 1 }, () => '200 already-recorded');
    expect(outcomes(milestones)).toEqual(['201 changed', ...already].sort());
    expect(outcomes(regrades)).toEqual(['200 changed', ...already].sort());
    expect(outcomes(closes)).toEqual(['200 changed', ...already].sort());
    for (const r of milestones) expect(r.json.milestones).toHaveLength(1);
    for (const r of regrades) expect(r.json.level).toBe('I');
    for (const r of closes) expect(r.json.status).toBe('closed');
    const final = await api('GET', `/v1/opinion-incidents/${id}`, { token: officer });
    expect(final.json.milestones).toHaveLength(1);
    expect(final.json.timeline.filter((e: { type: string }) => e.type === 'closed')).toHaveLength(1);
  });
});
