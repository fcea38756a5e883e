// The department event exchange end to end on the local runtime and DynamoDB Local: posting,
// entitlement, inbox, receipts, webhooks, dead letters, idempotency and every bad-input class.
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { departmentItem, getDepartment } from '../../packages/platform/src/repos/departments';
import { sealLegacyWebhookSecrets } from '../../packages/platform/src/secrets/seal-legacy';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { startWebhookReceiver } from '../support/webhook-receiver';

const lead = (summary = '涉嫌销售假冒伪劣食品', extra: Record<string, unknown> = {}) => ({
  entries: [
    {
      detailType: 'EnforcementLead.Shared',
      detail: {
        data: { subjectName: '某某食品有限公司', uscc: '91350100M000100Y43', category: 'food-drug', summary, ...extra },
      },
    },
  ],
});

let rt: LocalRuntime;
let api: Api;
let keyOf: (dept: string) => string;
let admin: string;
const commandsSent: string[] = [];

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  keyOf = (dept) => rt.credentials!.departments.find((d) => d.id === dept)!.apiKey;
  admin = await login(api, 'admin');
  // Record every DynamoDB command the platform sends, to prove no request or event path scans.
  rt.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      commandsSent.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
});
afterAll(async () => rt?.stop());

/** Waits until nothing is left in the outbox, then answers the chain length. */
async function settled(): Promise<number> {
  await eventually(async () => (await pendingEvents(rt.deps, 999_999_999_999_999)).length === 0, 'outbox drained');
  return chainLength();
}

async function chainEntriesOf(eventId: string): Promise<number> {
  const q = await rt.deps.ddb.send(
    new QueryCommand({
      TableName: rt.tableName,
      KeyConditionExpression: 'pk = :p',
      FilterExpression: 'eventId = :e',
      ExpressionAttributeValues: { ':p': 'CHAIN', ':e': eventId },
    }),
  );
  return q.Items?.length ?? 0;
}

async function chainLength(): Promise<number> {
  const head = await rt.deps.ddb.send(new GetCommand({ TableName: rt.tableName, Key: { pk: 'CHAIN', sk: 'HEAD' } }));
  return (head.Item?.seq as number | undefined) ?? 0;
}

async function inboxOf(dept: string) {
  const r = await api('GET', '/v1/inbox?limit=100', { token: keyOf(dept) });
  expect(r.status).toBe(200);
  return r.json.items as { event: { id: string; source: string; detail: { data: { summary: string } } } }[];
}

describe('posting an enforcement lead', () => {
  it('reaches entitled departments’ inboxes with receipts, and never a department without the right', async () => {
    // Prepare
    const before = await settled();
    // Act
    const r = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'lead-1' },
      body: lead('线索一'),
    });
    // Assess
    expect(r.status, r.text).toBe(202);
    const eventId = r.json.entries[0].eventId as string;
    const inPsb = await eventually(async () => (await inboxOf('psb')).find((i) => i.event.id === eventId), 'psb inbox');
    expect(inPsb.event.source).toBe('dept.samr');
    expect((await inboxOf('procuratorate')).some((i) => i.event.id === eventId)).toBe(true);
    const receipts = await eventually(async () => {
      const x = await api('GET', `/v1/events/${eventId}/receipts`, { token: keyOf('samr') });
      return x.json?.receipts?.length >= 4 ? x.json : undefined;
    }, 'receipts');
    const delivered = receipts.receipts.map((x: { departmentId: string }) => x.departmentId).sort();
    expect(delivered).toEqual(['emergency', 'justice', 'ndrc', 'procuratorate', 'psb'].sort());
    expect(delivered).not.toContain('samr');
    expect(delivered).not.toContain('propaganda');
    expect((await inboxOf('propaganda')).some((i) => i.event.id === eventId)).toBe(false);
    expect((await inboxOf('finance')).some((i) => i.event.id === eventId)).toBe(false);
    expect(await settled()).toBe(before + 1);
  });

  it('delivers only to the named targets that are entitled and records the refusal of the others', async () => {
    const r = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'lead-targets' },
      body: lead('定向线索', { targetDepartments: ['psb', 'finance'] }),
    });
    expect(r.status, r.text).toBe(202);
    const eventId = r.json.entries[0].eventId as string;
    const receipts = await eventually(async () => {
      const x = await api('GET', `/v1/events/${eventId}/receipts`, { token: admin });
      return x.json?.receipts?.length === 2 ? x.json.receipts : undefined;
    }, 'receipts');
    expect(receipts.find((x: { departmentId: string }) => x.departmentId === 'psb').status).toBe('delivered');
    expect(receipts.find((x: { departmentId: string }) => x.departmentId === 'finance')).toMatchObject({
      status: 'refused',
      reason: 'not-entitled',
    });
    expect((await inboxOf('procuratorate')).some((i) => i.event.id === eventId)).toBe(false);
  });

  it('pages the inbox with opaque cursors and no duplicates', async () => {
    const body = { entries: Array.from({ length: 3 }, (_, i) => lead(`分页${i}`).entries[0]) };
    const r = await api('POST', '/v1/events', { token: keyOf('samr'), headers: { 'idempotency-key': 'paging' }, body });
    expect(r.status).toBe(202);
    const ids = new Set(r.json.entries.map((e: { eventId: string }) => e.eventId));
    await eventually(
      async () => (await inboxOf('justice')).filter((i) => ids.has(i.event.id)).length === 3,
      'three in inbox',
    );
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 50; page++) {
      const x = await api('GET', `/v1/inbox?limit=2${after ? `&after=${after}` : ''}`, { token: keyOf('justice') });
      expect(x.status).toBe(200);
      if (x.json.items.length === 0) break;
      seen.push(...x.json.items.map((i: { event: { id: string } }) => i.event.id));
      after = x.json.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    const bad = await api('GET', '/v1/inbox?after=not-a-cursor', { token: keyOf('justice') });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('idempotency', () => {
  it('answers a replay with the same key and body exactly as the first time, storing once', async () => {
    const before = await settled();
    const first = await api('POST', '/v1/events', {
      token: keyOf('psb'),
      headers: { 'idempotency-key': 'same' },
      body: lead('重放'),
    });
    const again = await api('POST', '/v1/events', {
      token: keyOf('psb'),
      headers: { 'idempotency-key': 'same' },
      body: lead('重放'),
    });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await settled()).toBe(before + 1);
    expect(await chainEntriesOf(first.json.entries[0].eventId)).toBe(1);
  });

  it('answers 409 to the same key with a different body', async () => {
    await api('POST', '/v1/events', { token: keyOf('psb'), headers: { 'idempotency-key': 'k-409' }, body: lead('甲') });
    const r = await api('POST', '/v1/events', {
      token: keyOf('psb'),
      headers: { 'idempotency-key': 'k-409' },
      body: lead('乙'),
    });
    expect(r.status).toBe(409);
    expect(r.json.type).toContain('idempotency-key-reused');
  });

  it('keeps keys apart per department', async () => {
    const a = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'shared-key' },
      body: lead('丙'),
    });
    const b = await api('POST', '/v1/events', {
      token: keyOf('psb'),
      headers: { 'idempotency-key': 'shared-key' },
      body: lead('丁'),
    });
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(b.json.entries[0].eventId).not.toBe(a.json.entries[0].eventId);
  });

  it('lets only one of many concurrent requests with one key commit', async () => {
    const before = await settled();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api('POST', '/v1/events', { token: keyOf('ndrc'), headers: { 'idempotency-key': 'race' }, body: lead('并发') }),
      ),
    );
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(new Set(results.map((r) => r.json.entries[0].eventId)).size).toBe(1);
    expect(await settled()).toBe(before + 1);
    expect(await chainEntriesOf(results[0]!.json.entries[0].eventId)).toBe(1);
  });
});

describe('bad input gets problem+json and stores nothing', () => {
  const cases: { name: string; status: number; type: string; send: () => ReturnType<Api> }[] = [
    {
      name: 'no API key',
      status: 401,
      type: 'unauthorized',
      send: () => api('POST', '/v1/events', { headers: { 'idempotency-key': 'b1' }, body: lead() }),
    },
    {
      name: 'unknown API key',
      status: 401,
      type: 'unauthorized',
      send: () =>
        api('POST', '/v1/events', {
          token: `fz_aaaaaaaaaaaa_${'x'.repeat(43)}`,
          headers: { 'idempotency-key': 'b2' },
          body: lead(),
        }),
    },
    {
      name: 'garbage bearer',
      status: 401,
      type: 'unauthorized',
      send: () => api('POST', '/v1/events', { token: 'hello', headers: { 'idempotency-key': 'b3' }, body: lead() }),
    },
    {
      name: 'a person’s token on a department route',
      status: 403,
      type: 'forbidden',
      send: () => api('POST', '/v1/events', { token: admin, headers: { 'idempotency-key': 'b4' }, body: lead() }),
    },
    {
      name: 'no right to publish',
      status: 403,
      type: 'publish-not-allowed',
      send: () =>
        api('POST', '/v1/events', { token: keyOf('propaganda'), headers: { 'idempotency-key': 'b5' }, body: lead() }),
    },
    {
      name: 'malformed JSON',
      status: 400,
      type: 'malformed-json',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b6', 'content-type': 'application/json' },
          raw: '{"entries": [',
        }),
    },
    {
      name: 'not JSON',
      status: 415,
      type: 'unsupported-media-type',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b7', 'content-type': 'text/plain' },
          raw: 'hello',
        }),
    },
    {
      name: 'missing Idempotency-Key',
      status: 400,
      type: 'idempotency-key-required',
      send: () => api('POST', '/v1/events', { token: keyOf('samr'), body: lead() }),
    },
    {
      name: 'unknown detail-type',
      status: 422,
      type: 'invalid-events',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b8' },
          body: { entries: [{ detailType: 'Nope.Happened', detail: { data: {} } }] },
        }),
    },
    {
      name: 'invalid detail (bad 统一社会信用代码)',
      status: 422,
      type: 'invalid-events',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b9' },
          body: lead('x', { uscc: '91350100M000100Y44' }),
        }),
    },
    {
      name: 'no entries',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b10' },
          body: { entries: [] },
        }),
    },
    {
      name: 'eleven entries',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b11' },
          body: { entries: Array.from({ length: 11 }, () => lead().entries[0]) },
        }),
    },
    {
      name: 'body over 256 KB',
      status: 413,
      type: 'payload-too-large',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b12' },
          body: lead('大'.repeat(90_000)),
        }),
    },
    {
      name: 'one bad entry among good ones',
      status: 422,
      type: 'invalid-events',
      send: () =>
        api('POST', '/v1/events', {
          token: keyOf('samr'),
          headers: { 'idempotency-key': 'b13' },
          body: {
            entries: [
              lead().entries[0],
              { detailType: 'EnforcementLead.Shared', detail: { data: { subjectName: '' } } },
            ],
          },
        }),
    },
  ];

  it.each(cases)('$name → $status', async ({ status, type, send }) => {
    const before = await settled();
    const r = await send();
    expect(r.status, r.text).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.type).toBe(`https://fazhi.gov.cn/problems/${type}`);
    expect(r.json.status).toBe(status);
    expect(r.text).not.toMatch(/at .*\.ts:\d+|stack/i);
    await new Promise((res) => setTimeout(res, 150));
    expect(await settled()).toBe(before);
  });

  it('names the failing field of an invalid detail', async () => {
    const r = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'b14' },
      body: lead('x', { uscc: '91350100M000100Y44' }),
    });
    expect(r.json.errors[0].path).toBe('entries.0.detail.data.uscc');
  });

  it('answers unknown routes and local routes with problem+json too', async () => {
    const r = await api('GET', '/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('webhooks', () => {
  const storedDepartment = async (id: string) =>
    (await rt.deps.ddb.send(new GetCommand({ TableName: rt.tableName, Key: { pk: `DEPT#${id}`, sk: 'DEPT' } }))).Item!;

  it('stores the signing secret sealed: the item (and so backups and the stream) holds no plaintext', async () => {
    // Act
    const set = await api('PUT', '/v1/departments/finance/webhook', {
      token: admin,
      // A loopback address: this runtime allows them, and a disabled hook is never called.
      body: { url: 'http://127.0.0.1:9/hook', enabled: false },
    });
    const item = await storedDepartment('finance');
    // Assess
    expect(set.status, set.text).toBe(200);
    const secret = set.json.secret as string;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(item)).not.toContain(secret);
    expect(JSON.stringify(item)).not.toContain(Buffer.from(secret).toString('base64'));
    expect(item.webhook.secret).toBeUndefined();
    expect(Object.keys(item.webhook.sealedSecret).sort()).toEqual(['ct', 'edk', 'iv', 'tag', 'v']);
    // the runtime's key opens it for finance, and for no other department (the context binds it)
    expect(await rt.deps.secrets.open(item.webhook.sealedSecret, { departmentId: 'finance' })).toBe(secret);
    await expect(rt.deps.secrets.open(item.webhook.sealedSecret, { departmentId: 'tax' })).rejects.toThrow();
  });

  it('seals a secret left in plain text by an earlier version, keeping the same secret', async () => {
    // Prepare: court's webhook as versions before sealing stored it
    const court = (await getDepartment(rt.deps, 'court'))!;
    const legacy = {
      url: 'https://court.example.gov.cn/hook',
      secret: 'legacy-plain-secret',
      enabled: false,
      updatedAt: 1,
    };
    await rt.deps.ddb.send(
      new PutCommand({
        TableName: rt.tableName,
        Item: departmentItem({ ...court, webhook: legacy, version: court.version + 1 }),
      }),
    );
    // Act: what the local runtime runs at start
    const sealed = await sealLegacyWebhookSecrets(rt.deps);
    const item = await storedDepartment('court');
    // Assess
    expect(sealed).toBe(1);
    expect(JSON.stringify(item)).not.toContain('legacy-plain-secret');
    expect(await rt.deps.secrets.open(item.webhook.sealedSecret, { departmentId: 'court' })).toBe(
      'legacy-plain-secret',
    );
    expect(await sealLegacyWebhookSecrets(rt.deps)).toBe(0);
  });

  it('signs deliveries with HMAC-SHA256, records the receipt, dead-letters a failing endpoint and replays it', async () => {
    // Prepare: the procuratorate registers a webhook
    const hook = await startWebhookReceiver();
    try {
      const set = await api('PUT', '/v1/departments/procuratorate/webhook', { token: admin, body: { url: hook.url } });
      expect(set.status, set.text).toBe(200);
      hook.setSecret(set.json.secret);

      // Act 1: a healthy endpoint
      const ok = await api('POST', '/v1/events', {
        token: keyOf('psb'),
        headers: { 'idempotency-key': 'wh-1' },
        body: lead('推送一'),
      });
      const okId = ok.json.entries[0].eventId as string;
      const got = await eventually(async () => hook.received.find((x) => x.body.id === okId), 'webhook delivery');
      expect(got.signatureValid).toBe(true);
      expect(got.body['detail-type']).toBe('EnforcementLead.Shared');
      await eventually(async () => {
        const x = await api('GET', `/v1/events/${okId}/receipts`, { token: admin });
        return (
          x.json.receipts.find(
            (r: { departmentId: string; webhook: { status: string } }) => r.departmentId === 'procuratorate',
          )?.webhook.status === 'delivered'
        );
      }, 'receipt delivered');

      // Act 2: the endpoint fails; after Lambda's two retries the delivery lands in the dead-letter store
      hook.fail(500);
      const bad = await api('POST', '/v1/events', {
        token: keyOf('psb'),
        headers: { 'idempotency-key': 'wh-2' },
        body: lead('推送二'),
      });
      const badId = bad.json.entries[0].eventId as string;
      const letter = await eventually(async () => {
        const x = await api('GET', '/_local/dlq');
        return x.json.items.find(
          (l: { event: { detail: { data: { eventId: string } } } }) => l.event.detail.data.eventId === badId,
        );
      }, 'dead letter');
      expect(letter).toMatchObject({ attempts: 3, condition: 'RetriesExhausted' });
      const failing = await api('GET', `/v1/events/${badId}/receipts`, { token: admin });
      const r = failing.json.receipts.find((x: { departmentId: string }) => x.departmentId === 'procuratorate');
      expect(r.webhook).toMatchObject({ status: 'failing', attempts: 3, lastError: 'HTTP 500' });

      // Act 3: the endpoint recovers; replay
      hook.fail(undefined);
      const replay = await api('POST', '/_local/dlq/replay', { body: { id: letter.id } });
      expect(replay.json).toEqual({ replayed: 1, failed: 0 });
      // Assess
      const redelivered = await eventually(
        async () => hook.received.find((x) => x.body.id === badId),
        'replayed delivery',
      );
      expect(redelivered.signatureValid).toBe(true);
      const after = await api('GET', `/v1/events/${badId}/receipts`, { token: admin });
      expect(
        after.json.receipts.find((x: { departmentId: string }) => x.departmentId === 'procuratorate').webhook.status,
      ).toBe('delivered');
      expect((await api('GET', '/_local/dlq')).json.items.some((l: { id: string }) => l.id === letter.id)).toBe(false);
    } finally {
      await api('PUT', '/v1/departments/procuratorate/webhook', {
        token: admin,
        body: { url: hook.url, enabled: false },
      });
      await hook.close();
    }
  });

  it('refuses a plain-http webhook outside loopback and a non-head of another department', async () => {
    const r = await api('PUT', '/v1/departments/psb/webhook', {
      token: admin,
      body: { url: 'http://example.gov.cn/hook' },
    });
    expect(r.status).toBe(422);
    const head = await login(api, 'samr.head');
    const other = await api('PUT', '/v1/departments/psb/webhook', {
      token: head,
      body: { url: 'https://psb.example.gov.cn/hook' },
    });
    expect(other.status).toBe(403);
  });
});

describe('401 answers say what to fix', () => {
  it.each([
    ['no header', undefined, /Send `Authorization: Bearer/],
    ['a truncated key', 'fz_abc', /copied whole/],
    ['an unknown key', `fz_aaaaaaaaaaaa_${'x'.repeat(43)}`, /unknown or was revoked/],
    ['a bad token', 'eyJhbGciOiJIUzI1NiJ9.e30.x', /sign in again/],
  ])('%s', async (_, token, detail) => {
    const r = await api('GET', '/v1/inbox', token ? { token } : {});
    expect(r.status).toBe(401);
    expect(r.json.detail).toMatch(detail);
  });
});

describe('API keys', () => {
  it('rotates a key: the new one works at once, the old one stops after the grace period', async () => {
    const old = keyOf('finance');
    const r = await api('POST', '/v1/departments/finance/api-keys', { token: admin, body: { graceHours: 0 } });
    expect(r.status, r.text).toBe(201);
    expect(r.json.apiKey).toMatch(/^fz_/);
    expect((await api('GET', '/v1/inbox', { token: r.json.apiKey })).status).toBe(200);
    const stale = await api('GET', '/v1/inbox', { token: old });
    expect(stale.status).toBe(401);
    expect(stale.json.detail).toMatch(/replaced by a rotation/);
    const notAdmin = await api('POST', '/v1/departments/finance/api-keys', {
      token: await login(api, 'finance.head'),
      body: {},
    });
    expect(notAdmin.status).toBe(403);
    // Stored hashed: the plaintext appears nowhere in the table.
    const stored = await rt.deps.ddb.send(
      new GetCommand({ TableName: rt.tableName, Key: { pk: `APIKEY#${r.json.keyId}`, sk: 'APIKEY' } }),
    );
    expect(JSON.stringify(stored.Item)).not.toContain(r.json.apiKey.slice(16));
  });
});

describe('no Scan', () => {
  it('sent no Scan to DynamoDB during all of the above', async () => {
    const q = await rt.deps.ddb.send(
      new QueryCommand({
        TableName: rt.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'CHAIN' },
        Limit: 1,
      }),
    );
    expect(q.Items?.length).toBe(1);
    expect(commandsSent.length).toBeGreaterThan(50);
    expect(commandsSent).toContain('QueryCommand');
    expect(commandsSent.filter((c) => /Scan/.test(c))).toEqual([]);
  });
});

describe('reference', () => {
  it('serves the catalog, OpenAPI 3.1 with every wired route, and the readable reference', async () => {
    const cat = await api('GET', '/v1/catalog');
    expect(cat.status).toBe(200);
    const lead = cat.json.items.find((e: { detailType: string }) => e.detailType === 'EnforcementLead.Shared');
    expect(lead.schema.properties.data).toBeDefined();
    const oas = await api('GET', '/openapi.json');
    expect(oas.json.openapi).toBe('3.1.0');
    for (const p of ['/v1/events', '/v1/inbox', '/v1/events/{eventId}/receipts', '/v1/catalog'])
      expect(oas.json.paths[p]).toBeDefined();
    const docs = await api('GET', '/docs');
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(docs.text).toContain('/v1/events');
  });
});

describe('departments', () => {
  it('lets an admin add a department, issue its first key, and the new department take part at once', async () => {
    const created = await api('PUT', '/v1/departments/tax', {
      token: admin,
      body: { name: '市税务局', nameEn: 'Tax Bureau', kinds: ['enforcement'] },
    });
    expect(created.status, created.text).toBe(201);
    const key = await api('POST', '/v1/departments/tax/api-keys', { token: admin, body: {} });
    expect(key.status).toBe(201);
    const posted = await api('POST', '/v1/events', {
      token: key.json.apiKey,
      headers: { 'idempotency-key': 'tax-1' },
      body: lead('税务线索'),
    });
    expect(posted.status, posted.text).toBe(202);
    const list = await api('GET', '/v1/departments', { token: admin });
    expect(list.json.items.some((d: { id: string }) => d.id === 'tax')).toBe(true);
    const bad = await api('PUT', '/v1/departments/Bad_Id', {
      token: admin,
      body: { name: 'x', kinds: ['enforcement'] },
    });
    // A path parameter outside its declared shape is refused at the edge, before the handler.
    expect(bad.status).toBe(400);
    expect(bad.json.type).toBe('https://fazhi.gov.cn/problems/invalid-path-parameter');
    const notAdmin = await api('PUT', '/v1/departments/tax', {
      token: await login(api, 'samr.head'),
      body: { name: 'x', kinds: ['enforcement'] },
    });
    expect(notAdmin.status).toBe(403);
  });
});

describe('personal data', () => {
  it('reaches public security whole and other recipients masked, inbox and webhook alike; the evidence keeps the original', async () => {
    const hook = await startWebhookReceiver();
    try {
      const set = await api('PUT', '/v1/departments/justice/webhook', { token: admin, body: { url: hook.url } });
      hook.setSecret(set.json.secret);
      const summary = '举报人手机 13800138000，当事人身份证 110101199003071234';
      const r = await api('POST', '/v1/events', {
        token: keyOf('samr'),
        headers: { 'idempotency-key': 'pii-1' },
        body: lead(summary),
      });
      const eventId = r.json.entries[0].eventId as string;
      const psb = await eventually(async () => (await inboxOf('psb')).find((i) => i.event.id === eventId), 'psb inbox');
      expect(psb.event.detail.data.summary).toBe(summary);
      const justice = await eventually(
        async () => (await inboxOf('justice')).find((i) => i.event.id === eventId),
        'justice inbox',
      );
      expect(justice.event.detail.data.summary).toBe('举报人手机 138****8000，当事人身份证 110101********1234');
      const pushed = await eventually(async () => hook.received.find((x) => x.body.id === eventId), 'justice webhook');
      expect(JSON.stringify(pushed.body)).not.toContain('13800138000');
      expect(pushed.signatureValid).toBe(true);
      const stored = await rt.deps.ddb.send(
        new GetCommand({ TableName: rt.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } }),
      );
      expect(stored.Item?.detail.data.summary).toBe(summary);
    } finally {
      await api('PUT', '/v1/departments/justice/webhook', { token: admin, body: { url: hook.url, enabled: false } });
      await hook.close();
    }
  });
});

describe('fan-out', () => {
  it('tolerates the bus delivering the same event twice: one inbox item and one receipt per department', async () => {
    const r = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'twice' },
      body: lead('重复投递'),
    });
    const eventId = r.json.entries[0].eventId as string;
    await eventually(async () => (await inboxOf('psb')).some((i) => i.event.id === eventId), 'first delivery');
    const stored = await rt.deps.ddb.send(
      new GetCommand({ TableName: rt.tableName, Key: { pk: `EVENT#${eventId}`, sk: 'EVENT' } }),
    );
    const before = await api('GET', `/v1/events/${eventId}/receipts`, { token: admin });
    const { handler } = await import('../../functions/exchange/fanout/handler');
    const again = {
      version: '0' as const,
      id: 'redelivery',
      'detail-type': stored.Item!.detailType,
      source: stored.Item!.source,
      account: '0',
      time: stored.Item!.time,
      region: 'local',
      resources: [],
      detail: stored.Item!.detail,
    };
    await handler(again);
    await handler(again);
    const inPsb = (await inboxOf('psb')).filter((i) => i.event.id === eventId);
    expect(inPsb).toHaveLength(1);
    const after = await api('GET', `/v1/events/${eventId}/receipts`, { token: admin });
    expect(after.json.receipts).toEqual(before.json.receipts);
  });
});
