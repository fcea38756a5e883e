// Departments and their API keys. Lists go through gsi1 (DEPT partition), keys are fetched by id:
// no Scan anywhere.
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Department } from '@fazhi/domain/exchange/rights';
import { type IssuedKey, issueApiKey } from '../auth/api-keys';
import { cacheScope } from '../cache-scope';
import type { TransactItem } from '../ddb/commit';
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
  const { id, name, nameEn, kinds, webhook, version } = item as unknown as DepartmentRecord;
  return { id, name, ...(nameEn ? { nameEn } : {}), kinds, ...(webhook ? { webhook } : {}), version };
}

// One cache per function (cache-scope.ts), as each Lambda has its own.
const caches = new Map<string, { at: number; list: DepartmentRecord[] }>();
/** Departments change rarely; subscribers may read a list up to 10 s old. */
export async function listDepartments(d: PlatformDeps, opts: { fresh?: boolean } = {}): Promise<DepartmentRecord[]> {
  const cache = caches.get(cacheScope());
  if (!opts.fresh && cache && d.clock.now() - cache.at < 10_000 && d.clock.now() >= cache.at) return cache.list;
  const list = await queryPages(
    d,
    { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DEPT' } },
    toDepartment,
  );
  caches.set(cacheScope(), { at: d.clock.now(), list });
  return list;
}

/** Clears every function's cache in this process (locally: all functions; in Lambda: its own). */
export function invalidateDepartmentCache(): void {
  caches.clear();
}

export async function getApiKey(d: PlatformDeps, keyId: string): Promise<ApiKeyRecord | undefined> {
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: apiKeyKey(keyId) }));
  return got.Item as ApiKeyRecord | undefined;
}

export async function activeKeysOf(d: PlatformDeps, departmentId: string): Promise<ApiKeyRecord[]> {
  const page = await d.ddb.send(
    new QueryCommand({
      TableName: d.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': `DEPTKEYS#${departmentId}` },
    }),
  );
  const now = d.clock.now();
  return ((page.Items ?? []) as ApiKeyRecord[]).filter((k) => k.expiresAt === undefined || k.expiresAt > now);
}

/**
 * Writes for a new key; earlier keys keep working for `graceMs` so a department can switch
 * without an outage (0 revokes them at once).
 */
export function newKeyWrites(
  d: PlatformDeps,
  departmentId: string,
  previous: ApiKeyRecord[],
  graceMs: number,
): { issued: IssuedKey; writes: TransactItem[] } {
  const issued = issueApiKey();
  const now = d.clock.now();
  const record: ApiKeyRecord = { keyId: issued.keyId, departmentId, secretHash: issued.secretHash, createdAt: now };
  const writes: TransactItem[] = [
    {
      Put: {
        TableName: d.tableName,
        Item: {
          ...apiKeyKey(issued.keyId),
          type: 'api-key',
          gsi1pk: `DEPTKEYS#${departmentId}`,
          gsi1sk: String(now),
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...previous.map((k) => ({
      Update: {
        TableName: d.tableName,
        Key: apiKeyKey(k.keyId),
        UpdateExpression: 'SET expiresAt = :at',
        ExpressionAttributeValues: { ':at': now + graceMs },
      },
    })),
  ];
  return { issued, writes };
}
