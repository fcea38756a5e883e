// Departments and their API keys. Lists go through gsi1 (DEPT partition), keys are fetched by id:
// no Scan anywhere.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  isLive,
  type KeyEntry,
  type KeyRotation,
  MAX_LIVE_KEYS,
  planKeyRotation,
} from '@fazhi/domain/exchange/key-set';
import type { Department } from '@fazhi/domain/exchange/rights';
import { type IssuedKey, issueApiKey } from '../auth/api-keys';
import { cacheScope } from '../cache-scope';
import { putVersioned, type TransactItem } from '../ddb/commit';
import { queryPages } from '../ddb/query-pages';
import type { PlatformDeps } from '../deps';
import type { SealedSecret } from '../secrets/webhook-secrets';

export interface Webhook {
  url: string;
  /** The HMAC signing secret, envelope-encrypted (secrets/webhook-secrets.ts). */
  sealedSecret?: SealedSecret;
  /**
   * Legacy: the secret in plain text, as versions before sealing stored it. Read (tolerantly) by
   * the delivery until the next save of the webhook seals it; the local runtime seals any it
   * finds at start (secrets/seal-legacy.ts). Never written any more.
   */
  secret?: string;
  enabled: boolean;
  updatedAt: number;
}

export interface DepartmentRecord extends Department {
  webhook?: Webhook;
  /** People of other departments the city allows on this department's duty roster (usernames). */
  rosterDeputies?: string[];
  version: number;
}

export interface ApiKeyRecord {
  keyId: string;
  departmentId: string;
  secretHash: string;
  createdAt: number;
  /** After this instant the key no longer works (set on rotation, with a grace period). */
  expiresAt?: number;
}

export const departmentKey = (id: string) => ({ pk: `DEPT#${id}`, sk: 'DEPT' });
export const apiKeyKey = (keyId: string) => ({ pk: `APIKEY#${keyId}`, sk: 'APIKEY' });

export function departmentItem(dept: DepartmentRecord): Record<string, unknown> {
  return { ...departmentKey(dept.id), type: 'department', gsi1pk: 'DEPT', gsi1sk: dept.id, ...dept };
}

export async function getDepartment(d: PlatformDeps, id: string): Promise<DepartmentRecord | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: departmentKey(id) }));
  return got.Item ? toDepartment(got.Item) : undefined;
}

function toDepartment(item: Record<string, unknown>): DepartmentRecord {
  const { id, name, nameEn, kinds, webhook, rosterDeputies, version } = item as unknown as DepartmentRecord;
  return {
    id,
    name,
    ...(nameEn ? { nameEn } : {}),
    kinds,
    ...(webhook ? { webhook } : {}),
    ...(rosterDeputies?.length ? { rosterDeputies } : {}),
    version,
  };
}

// One cache per function (cache-scope.ts), as each Lambda has its own, and per table (a process
// may hold several local runtimes). Its age is real time, not the injected clock: a virtual clock
// moved forward for a demo or a test says nothing of how stale the list is, and the demo history
// (which jumps hours between steps) read the whole list a thousand times for it.
const caches = new Map<string, { at: number; list: DepartmentRecord[] }>();
const CACHE_MS = 10_000;
let cacheGeneration = 0;
/** Departments change rarely; subscribers may read a list up to 10 s old. */
export async function listDepartments(d: PlatformDeps, opts: { fresh?: boolean } = {}): Promise<DepartmentRecord[]> {
  const key = `${cacheScope()}|${d.tableName}`;
  const cache = caches.get(key);
  if (!opts.fresh && cache && performance.now() - cache.at < CACHE_MS) return cache.list;
  const at = performance.now();
  const generation = cacheGeneration;
  const list = await queryPages(
    d,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DEPT' } },
    toDepartment,
  );
  // A list read while a write invalidated the cache may predate the write: it is not kept.
  if (generation === cacheGeneration) caches.set(key, { at, list });
  return list;
}

/** Clears every function's cache in this process (locally: all functions; in Lambda: its own). */
export function invalidateDepartmentCache(): void {
  cacheGeneration++;
  caches.clear();
}

export async function getApiKey(d: PlatformDeps, keyId: string): Promise<ApiKeyRecord | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: apiKeyKey(keyId) }));
  return got.Item as ApiKeyRecord | undefined;
}

/** A department's live keys (at most MAX_LIVE_KEYS), under one head item with a version. */
export interface KeySet {
  departmentId: string;
  version: number;
  keys: KeyEntry[];
}

export const keySetKey = (departmentId: string) => ({ pk: `DEPT#${departmentId}`, sk: 'KEYSET' });

/** An expired key's item stays this long (so a caller is told "expired", not "unknown"), then TTL deletes it. */
export const EXPIRED_KEY_RETENTION_MS = 7 * 86_400_000;

export async function getKeySet(d: PlatformDeps, departmentId: string): Promise<KeySet> {
  const got = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: keySetKey(departmentId), ConsistentRead: true }),
  );
  if (got.Item) {
    const { version, keys } = got.Item as unknown as KeySet;
    return { departmentId, version, keys };
  }
  return { departmentId, version: 0, keys: await legacyKeys(d, departmentId) };
}

/**
 * Before key sets existed a department's keys were found through gsi1 only. The first rotation of
 * such a department adopts its live keys; any beyond the limit are revoked here, a page at a time,
 * so the rotation's own transaction stays small.
 */
async function legacyKeys(d: PlatformDeps, departmentId: string): Promise<KeyEntry[]> {
  const now = d.clock.now();
  const all = await queryPages(
    d,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': `DEPTKEYS#${departmentId}` },
      ScanIndexForward: false,
    },
    (item) => item as unknown as ApiKeyRecord,
  );
  const live = all.filter((k) => isLive(k, now));
  for (const k of live.slice(MAX_LIVE_KEYS)) await d.ddb.send(new UpdateCommand(expireKey(d, k.keyId, now)));
  return live.slice(0, MAX_LIVE_KEYS).map((k) => ({
    keyId: k.keyId,
    createdAt: k.createdAt,
    ...(k.expiresAt !== undefined ? { expiresAt: k.expiresAt } : {}),
  }));
}

function expireKey(d: PlatformDeps, keyId: string, at: number) {
  return {
    TableName: d.tableName,
    Key: apiKeyKey(keyId),
    UpdateExpression: 'SET expiresAt = :at, #ttl = :ttl',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':at': at, ':ttl': Math.ceil((at + EXPIRED_KEY_RETENTION_MS) / 1000) },
  };
}

export interface KeyRotationWrites {
  issued: IssuedKey;
  rotation: KeyRotation;
  writes: TransactItem[];
}

/**
 * One rotation as a small transaction: the key-set head (only over the version read, so of two
 * concurrent rotations one commits and the other is refused), the new key, and each earlier key
 * whose expiry changes — at most 2 + MAX_LIVE_KEYS items, however many rotations came before.
 */
export function rotationWrites(d: PlatformDeps, set: KeySet, graceMs: number): KeyRotationWrites {
  const issued = issueApiKey();
  const now = d.clock.now();
  const rotation = planKeyRotation(set.keys, { keyId: issued.keyId, createdAt: now }, now, graceMs);
  const record: ApiKeyRecord = {
    keyId: issued.keyId,
    departmentId: set.departmentId,
    secretHash: issued.secretHash,
    createdAt: now,
  };
  const head = {
    ...keySetKey(set.departmentId),
    type: 'api-key-set',
    departmentId: set.departmentId,
    version: set.version + 1,
    keys: rotation.keys,
    updatedAt: now,
  };
  const writes: TransactItem[] = [
    putVersioned(d, head),
    {
      Put: {
        TableName: d.tableName,
        Item: {
          ...apiKeyKey(issued.keyId),
          type: 'api-key',
          gsi1pk: `DEPTKEYS#${set.departmentId}`,
          gsi1sk: String(now),
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...rotation.changed.map((k) => ({ Update: expireKey(d, k.keyId, k.expiresAt ?? now) })),
  ];
  return { issued, rotation, writes };
}
