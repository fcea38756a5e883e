// API key rotation on the local runtime and DynamoDB Local: 150 rotations in a row and 50 at once,
// then every key ever issued is tried through the real authoriser (an apiKey route of the gateway).
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let admin: string;
/** Items per TransactWriteItems the platform sent, observed on the real client. */
const transactionSizes: number[] = [];

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
  rt.deps.ddb.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand' || context.commandName === 'TransactWriteCommand') {
        const items = (args.input as { TransactItems?: { Put?: { Item?: { type?: unknown } } }[] }).TransactItems ?? [];
        // Only rotations (the relay's batches are transactions too).
        if (items.some((i) => i.Put?.Item?.type === 'api-key-set')) transactionSizes.push(items.length);
      }
      return next(args);
    },
    { step: 'initialize', name: 'recordTransactionSizes' },
  );
});
afterAll(async () => rt?.stop());

async function newDepartment(id: string): Promise<void> {
  const r = await api('PUT', `/v1/departments/${id}`, {
    token: admin,
    body: { name: `测试部门${id}`, kinds: ['enforcement'] },
  });
  expect(r.status, r.text).toBe(201);
}

const rotate = (dept: string, graceHours: number) =>
  api('POST', `/v1/departments/${dept}/api-keys`, { token: admin, body: { graceHours } });

/** Which of these keys the authoriser lets through right now. */
async function working(keys: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const key of keys) {
    const r = await api('GET', '/v1/inbox', { token: key });
    if (r.status === 200) out.push(key);
    else expect(r.status, r.text).toBe(401);
  }
  return out;
}

async function keySetOf(dept: string): Promise<{ version: number; keys: { keyId: string; expiresAt?: number }[] }> {
  const got = await rt.deps.ddb.send(
    new GetCommand({ TableName: rt.tableName, Key: { pk: `DEPT#${dept}`, sk: 'KEYSET' }, ConsistentRead: true }),
  );
  return got.Item as { version: number; keys: { keyId: string; expiresAt?: number }[] };
}

const keyIdOf = (apiKey: string) => apiKey.split('_')[1]!;

describe('150 rotations in a row', () => {
  it('each is one small transaction; afterwards exactly the live set authenticates, and grace 0 revokes it all', async () => {
    // Prepare
    await newDepartment('rot150');
    const issued: string[] = [];
    transactionSizes.length = 0;

    // Act: graces of 0, 1 and 24 hours in turn, 150 times.
    for (let i = 0; i < 150; i++) {
      const r = await rotate('rot150', [24, 1, 0, 24, 24][i % 5]!);
      expect(r.status, `rotation ${i + 1}: ${r.text}`).toBe(201);
      expect(r.json.liveKeys.length).toBeLessThanOrEqual(2);
      issued.push(r.json.apiKey);
    }

    // Assess: rotation 150 had a 24 h grace: the key it replaced (149) is in its grace, 148 revoked.
    expect(transactionSizes).toHaveLength(150);
    expect(Math.max(...transactionSizes)).toBeLessThanOrEqual(5);
    const set = await keySetOf('rot150');
    expect(set.version).toBe(150);
    expect(set.keys.map((k) => k.keyId)).toEqual([issued[149], issued[148]].map((k) => keyIdOf(k!)));
    expect(await working(issued)).toEqual([issued[148], issued[149]]);
    // Pruned: every key outside the set carries a TTL, so the table forgets it.
    const stored = await rt.deps.ddb.send(
      new GetCommand({ TableName: rt.tableName, Key: { pk: `APIKEY#${keyIdOf(issued[10]!)}`, sk: 'APIKEY' } }),
    );
    expect(stored.Item?.ttl).toBeGreaterThan(0);

    // Act: a leak — revoke everything at once.
    const revoke = await rotate('rot150', 0);

    // Assess
    expect(revoke.status, revoke.text).toBe(201);
    expect(revoke.json.liveKeys).toHaveLength(1);
    expect(revoke.json.previousKeysExpireAt).toBeUndefined();
    expect(await working([...issued, revoke.json.apiKey])).toEqual([revoke.json.apiKey]);
    // About 450 requests: give a loaded machine time (this is no timing assertion).
  }, 300_000);

  it('a grace runs out on the clock: the previous key stops when it ends, the current one does not', async () => {
    // Prepare
    await newDepartment('rotgrace');
    const first = await rotate('rotgrace', 0);
    const second = await rotate('rotgrace', 1);
    expect(await working([first.json.apiKey, second.json.apiKey])).toHaveLength(2);

    // Act
    rt.virtualClock!.advance(3600_000 + 1000);

    // Assess
    const stale = await api('GET', '/v1/inbox', { token: first.json.apiKey });
    expect(stale.status).toBe(401);
    expect(stale.json.detail).toMatch(/grace period is over/);
    expect(await working([first.json.apiKey, second.json.apiKey])).toEqual([second.json.apiKey]);
    const third = await rotate('rotgrace', 24);
    expect(third.json.liveKeys.map((k: { keyId: string }) => k.keyId)).toEqual([third.json.keyId, second.json.keyId]);
  });
});

describe('50 rotations at once', () => {
  for (const graceHours of [0, 24]) {
    it(`with graceHours ${graceHours}: one new key is current, and only the set it left authenticates`, async () => {
      // Prepare
      const dept = `rotcon${graceHours}`;
      await newDepartment(dept);
      const before = await rotate(dept, 0);
      expect(before.status).toBe(201);

      // Act
      const results = await Promise.all(Array.from({ length: 50 }, () => rotate(dept, graceHours)));

      // Assess
      const won = results.filter((r) => r.status === 201);
      const lost = results.filter((r) => r.status !== 201);
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const r of lost) {
        expect(r.status, r.text).toBe(409);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(r.json.type).toMatch(/key-rotation-conflict$/);
      }
      const set = await keySetOf(dept);
      expect(set.version).toBe(1 + won.length);
      const current = set.keys[0]!;
      expect(current.expiresAt).toBeUndefined();
      expect(won.map((r) => r.json.keyId)).toContain(current.keyId);
      const all = [before.json.apiKey, ...won.map((r) => r.json.apiKey)];
      const live = await working(all);
      expect(live.map(keyIdOf).sort()).toEqual(set.keys.map((k) => k.keyId).sort());
      if (graceHours === 0) {
        expect(live).toHaveLength(1);
      } else {
        // The current key plus the one it replaced, in its grace; never more.
        expect(live.length).toBe(2);
        expect(set.keys.slice(1).every((k) => k.expiresAt !== undefined)).toBe(true);
      }
      // The losers issued nothing: every stored key of the department is one a caller was given.
      const stored = await rt.deps.ddb.send(
        new QueryCommand({
          TableName: rt.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `DEPTKEYS#${dept}` },
        }),
      );
      expect(stored.Items?.length).toBe(1 + won.length);
    });
  }
});
