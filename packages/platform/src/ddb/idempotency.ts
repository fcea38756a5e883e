// Idempotency-Key handling. The record is written in the SAME transaction as the state change, so
// a request either happened with its record or not at all: a retry after a timeout cannot double
// the change, and a different body under the same key is refused with 409.
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDeps } from '../deps';
import { BadRequestError, ConflictError } from '../errors';
import { type CommitResult, commit, type TransactItem, TransactionConflict } from './commit';
import type { EventItem, NewEvent } from './outbox';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function idempotencyKeyOf(header: string | undefined): string {
  const key = header?.trim();
  if (!key)
    throw new BadRequestError(
      'idempotency-key-required',
      'Idempotency-Key header required',
      'Send an `Idempotency-Key` header (a ULID or UUID you generate per logical request) so a retry cannot post twice.',
    );
  if (key.length > 128 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new BadRequestError(
      'idempotency-key-invalid',
      'Invalid Idempotency-Key',
      'The Idempotency-Key must be 1–128 visible ASCII characters.',
    );
  }
  return key;
}

export function requestHash(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface IdempotentPlan {
  response: StoredResponse;
  writes: TransactItem[];
  events: (NewEvent | EventItem)[];
}

export async function runIdempotent(
  d: PlatformDeps,
  scope: string,
  key: string,
  hash: string,
  plan: () => Promise<IdempotentPlan>,
): Promise<StoredResponse & { replayed: boolean; committed?: CommitResult }> {
  const pk = `IDEM#${scope}#${key}`;
  const replay = async (): Promise<(StoredResponse & { replayed: true }) | undefined> => {
    const got = await d.ddb.send(
      new GetCommand({ TableName: d.tableName, Key: { pk, sk: 'IDEM' }, ConsistentRead: true }),
    );
    if (!got.Item) return undefined;
    if (got.Item.requestHash !== hash) {
      throw new ConflictError(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
      );
    }
    return { ...(got.Item.response as StoredResponse), replayed: true };
  };
  // No read first: the record's condition in the transaction detects a replay, so the common
  // case (a new key) costs one round trip less.
  const p = await plan();
  const record = {
    pk,
    sk: 'IDEM',
    type: 'idempotency',
    requestHash: hash,
    response: p.response,
    createdAt: d.clock.now(),
    ttl: Math.floor(d.clock.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
  try {
    const committed = await commit(
      d,
      [{ Put: { TableName: d.tableName, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } }, ...p.writes],
      p.events,
    );
    return { ...p.response, replayed: false, committed };
  } catch (e) {
    // A replay, or a concurrent request with the same key that won the race: answer as it did.
    if (e instanceof TransactionConflict && e.failed.includes(0)) {
      const won = await replay();
      if (won) return won;
    }
    throw e;
  }
}
