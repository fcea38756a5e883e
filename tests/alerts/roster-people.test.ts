// Rosters name only the department's own users, or deputies the city names on the department: on
// the local runtime and DynamoDB Local, through PUT /v1/departments/{id}/roster.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, userKey } from '../../packages/local/src/local-idp';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let admin: string;
let head: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  [admin, head] = await Promise.all([login(api, 'admin'), login(api, 'propaganda.head')]);
});
afterAll(async () => rt?.stop());

const HOUR = 3600_000;
const at = (h: number) => new Date(Date.UTC(2030, 0, 1) + h * HOUR).toISOString();
const shift = (i: number, officer: string, leader: string) => ({
  id: `s${i}`,
  startsAt: at(i * 24),
  endsAt: at((i + 1) * 24),
  officer,
  leader,
});

async function roster() {
  const r = await api('GET', '/v1/departments/propaganda/roster', { token: head });
  expect(r.status, r.text).toBe(200);
  return r.json as { head: string; version: number; shifts: unknown[] };
}

const put = async (shifts: unknown[], headName = 'propaganda.head') =>
  api('PUT', '/v1/departments/propaganda/roster', {
    token: head,
    body: { head: headName, shifts, version: (await roster()).version },
  });

describe('roster people', () => {
  it('refuses unknown and foreign usernames with 422, naming each at its row, and stores nothing', async () => {
    // Prepare
    const before = await roster();

    // Act
    const r = await put(
      [
        shift(0, 'propaganda.duty', 'finance.leader'),
        shift(1, 'propaganda.duty', 'propaganda.leader'),
        shift(2, 'nobody.at.all', 'propaganda.leader'),
      ],
      'ghost.head',
    );

    // Assess
    expect(r.status, r.text).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.type).toMatch(/roster-unknown-people$/);
    expect(r.json.errors).toEqual([
      expect.objectContaining({ path: 'head', code: 'unknown-user' }),
      expect.objectContaining({ path: 'shifts.0.leader', code: 'foreign-user' }),
      expect.objectContaining({ path: 'shifts.2.officer', code: 'unknown-user' }),
    ]);
    expect(r.json.errors[1].message).toContain('finance.leader');
    expect(r.json.errors[2].message).toContain('nobody.at.all');
    expect(await roster()).toEqual(before);
  });

  it('accepts a deputy from another department only once the city names them on the department', async () => {
    // Prepare
    const shifts = [shift(0, 'propaganda.duty', 'propaganda.leader'), shift(1, 'emergency.duty', 'propaganda.leader')];
    const refused = await put(shifts);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.json.errors).toEqual([expect.objectContaining({ path: 'shifts.1.officer', code: 'foreign-user' })]);

    // Act
    const configured = await api('PUT', '/v1/departments/propaganda', {
      token: admin,
      body: {
        name: '市委宣传部',
        nameEn: 'Publicity Department',
        kinds: ['propaganda'],
        rosterDeputies: ['emergency.duty'],
      },
    });
    const accepted = await put(shifts);
    const stillForeign = await put([shift(0, 'finance.duty', 'propaganda.leader')]);

    // Assess
    expect(configured.status, configured.text).toBe(200);
    expect(configured.json.rosterDeputies).toEqual(['emergency.duty']);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json.shifts[1].officer).toBe('emergency.duty');
    expect(stillForeign.status).toBe(422);
    expect(stillForeign.json.errors[0]).toMatchObject({ path: 'shifts.0.officer', code: 'foreign-user' });
  });

  it('refuses a deputy name that is no user at all, even when the city lists it', async () => {
    // Prepare
    const configured = await api('PUT', '/v1/departments/propaganda', {
      token: admin,
      body: { name: '市委宣传部', kinds: ['propaganda'], rosterDeputies: ['emergency.duty', 'typo.duty'] },
    });
    expect(configured.status, configured.text).toBe(200);

    // Act
    const r = await put([shift(0, 'typo.duty', 'propaganda.leader')]);

    // Assess
    expect(r.status).toBe(422);
    expect(r.json.errors[0]).toMatchObject({ path: 'shifts.0.officer', code: 'unknown-user' });
  });

  it('knows a person once they have signed in (in AWS the identity provider holds users, the directory learns them)', async () => {
    // Prepare: a user of the identity provider who never signed in is not in the directory yet.
    await rt.deps.ddb.send(
      new PutCommand({
        TableName: rt.tableName,
        Item: {
          ...userKey('propaganda.new'),
          type: 'user',
          username: 'propaganda.new',
          displayName: '新同事',
          roles: ['duty-officer'],
          departmentId: 'propaganda',
          passwordHash: await hashPassword('Fazhi@2026'),
        },
      }),
    );
    const shifts = [shift(0, 'propaganda.new', 'propaganda.leader')];
    const before = await put(shifts);
    expect(before.status).toBe(422);
    expect(before.json.errors[0]).toMatchObject({ path: 'shifts.0.officer', code: 'unknown-user' });

    // Act
    const me = await api('GET', '/v1/me', { token: await login(api, 'propaganda.new') });
    const after = await put(shifts);

    // Assess
    expect(me.status, me.text).toBe(200);
    expect(after.status, after.text).toBe(200);
    const onDuty = await api('GET', '/v1/departments/propaganda/on-duty', { token: head });
    expect(onDuty.status, onDuty.text).toBe(200);
  });
});
