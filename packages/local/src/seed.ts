// Seeds the demo city at start (idempotent) and writes the credentials file. API keys are stored
// hashed; their plaintext lives only in the local credentials file, which is a developer
// convenience of the local runtime (in AWS an admin rotates a key and hands it over once).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getRoster, putRoster } from '@fazhi/functions/alerts/shared/rosters';
import { parseApiKey, secretMatches } from '@fazhi/platform/auth/api-keys';
import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import {
  departmentItem,
  departmentKey,
  getApiKey,
  getKeySet,
  invalidateDepartmentCache,
  rotationWrites,
} from '@fazhi/platform/repos/departments';
import { putPerson } from '@fazhi/platform/repos/people';
import {
  DEMO_DEPARTMENTS,
  DEMO_PASSWORD,
  DEMO_ROSTER_DAYS,
  DEMO_ROSTER_MIN_AHEAD_MS,
  DEMO_USERS,
  demoShifts,
} from './demo-data';
import { type DemoHistoryOptions, seedDemoHistory } from './demo-history';
import { hashPassword, userKey } from './local-idp';
import { seedMediationDemo } from './mediation-seed';

export interface Credentials {
  baseUrl: string;
  departments: { id: string; name: string; apiKey: string }[];
  users: { username: string; password: string; roles: string[]; departmentId: string }[];
}

async function keyStillValid(d: PlatformDeps, apiKey: string | undefined, departmentId: string): Promise<boolean> {
  const parsed = apiKey ? parseApiKey(apiKey) : undefined;
  if (!parsed) return false;
  const rec = await getApiKey(d, parsed.keyId);
  return Boolean(
    rec &&
      rec.departmentId === departmentId &&
      rec.expiresAt === undefined &&
      secretMatches(parsed.secret, rec.secretHash),
  );
}

export async function seedDemo(
  d: PlatformDeps,
  credentialsFile: string,
  baseUrl: string,
  history: DemoHistoryOptions | false = false,
  /** The deps the functions run with (guarded); the history hands them to the handlers it drives. */
  functionDeps: PlatformDeps = d,
): Promise<Credentials> {
  const previous: Credentials | undefined = existsSync(credentialsFile)
    ? JSON.parse(readFileSync(credentialsFile, 'utf8'))
    : undefined;
  const departments = await Promise.all(
    DEMO_DEPARTMENTS.map(async (dept) => {
      const exists = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: departmentKey(dept.id) }));
      if (!exists.Item) {
        await d.ddb.send(
          new PutCommand({
            TableName: d.tableName,
            Item: departmentItem({ ...dept, version: 1 }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      }
      const known = previous?.departments.find((x) => x.id === dept.id)?.apiKey;
      if (known && (await keyStillValid(d, known, dept.id))) return { id: dept.id, name: dept.name, apiKey: known };
      const { issued, writes } = rotationWrites(d, await getKeySet(d, dept.id), 0);
      await commit(d, writes);
      return { id: dept.id, name: dept.name, apiKey: issued.apiKey };
    }),
  );
  invalidateDepartmentCache();
  // Every demo user has the same published password, so one (slow, salted) hash serves them all.
  let demoHash: Promise<string> | undefined;
  await Promise.all(
    DEMO_USERS.map(async (u) => {
      const exists = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: userKey(u.username) }));
      if (exists.Item) return;
      demoHash ??= hashPassword(DEMO_PASSWORD);
      await d.ddb.send(
        new PutCommand({
          TableName: d.tableName,
          Item: { ...userKey(u.username), type: 'user', ...u, passwordHash: await demoHash },
        }),
      );
    }),
  );
  await Promise.all(
    DEMO_USERS.map((u) =>
      putPerson(d, { username: u.username, departmentId: u.departmentId, displayName: u.displayName, phone: u.phone }),
    ),
  );
  await seedDemoRosters(d);
  await seedMediationDemo(d);
  if (history)
    await seedDemoHistory(functionDeps, baseUrl, {
      departmentKeys: Object.fromEntries(departments.map((x) => [x.id, x.apiKey])),
      ...history,
    });
  const credentials: Credentials = {
    baseUrl,
    departments,
    users: DEMO_USERS.map((u) => ({
      username: u.username,
      password: DEMO_PASSWORD,
      roles: u.roles,
      departmentId: u.departmentId,
    })),
  };
  mkdirSync(dirname(credentialsFile), { recursive: true });
  writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

const MAX_ROSTER_SHIFTS = 500;

/**
 * Every demo department gets a duty roster covering the next 60 days from the runtime's clock (the
 * virtual one when it is on). A roster with less than 7 days ahead is extended from its last shift;
 * shifts that ended more than 7 days ago are dropped to stay under the roster's size limit.
 */
export async function seedDemoRosters(d: PlatformDeps): Promise<void> {
  const now = d.clock.now();
  await Promise.all(
    DEMO_DEPARTMENTS.map(async (dept) => {
      const current = await getRoster(d, dept.id);
      const lastEnd = current?.shifts.at(-1)?.endsAt;
      if (lastEnd !== undefined && lastEnd - now >= DEMO_ROSTER_MIN_AHEAD_MS) return;
      const from = lastEnd !== undefined && lastEnd > now ? lastEnd : now;
      const kept = (current?.shifts ?? []).filter(
        (s) => s.endsAt > now - DEMO_ROSTER_MIN_AHEAD_MS && s.startsAt < from,
      );
      const shifts = [...kept, ...demoShifts(dept.id, from, now + DEMO_ROSTER_DAYS * 86_400_000)].slice(
        -MAX_ROSTER_SHIFTS,
      );
      const next = {
        departmentId: dept.id,
        head: current?.head ?? `${dept.id}.head`,
        shifts,
        version: (current?.version ?? 0) + 1,
      };
      // Another runtime seeding the same table at once wrote it first: that roster is as good.
      await commit(d, [putRoster(d, next)]).catch((e: unknown) => {
        if (!(e instanceof TransactionConflict)) throw e;
      });
    }),
  );
}
