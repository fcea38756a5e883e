// Idempotency-Key handling. The record is written in the SAME transaction as the state change, so
// a request either happened with its record or not at all: a retry after a timeout cannot double
// the change, and a different body under the same key is refused with 409. The stored answer is
// read before deciding, so a retry gets the first answer whatever the state is now.
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { canonicalJson } from '@fazhi/domain/evidence/canonical-json';
import { isTransientCancellation, retryTransient } from '../clocks/transaction-retry';
import type { PlatformDeps } from '../deps';
import { BadRequestError, ConflictError, RetryLaterError } from '../errors';
import { type CommitResult, commit, type TransactItem, TransactionConflict } from './commit';
import type { EventItem, NewEvent } from './outbox';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export interface StoredResponse {
  status: number;
  body: unknown;
  /** Headers that say what happened (e.g. x-fazhi-outcome), replayed with the answer. */
  headers?: Record<string, string>;
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

/**
 * The digest a request is known by: of its canonical JSON (keys sorted, no insignificant
 * whitespace — the evidence chain's form), so a re-indented or reordered retry is the same request.
 * A body that is not JSON is hashed as sent.
 */
export function requestHash(body: string): string {
  let canonical: string | undefined;
  try {
    canonical = body.trim() === '' ? undefined : `json:${canonicalJson(JSON.parse(body))}`;
  } catch {
    canonical = undefined;
  }
  return sha256(canonical ?? body);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Records written before requests were hashed canonically hold the digest of the raw bytes. */
const sameRequest = (stored: unknown, hash: string, rawHash: string | undefined) =>
  stored === hash || (rawHash !== undefined && stored === rawHash);

export interface IdempotentPlan {
  response: StoredResponse;
  writes: TransactItem[];
  events: (NewEvent | EventItem)[];
}

/** How often a transaction cancelled by a concurrent one (DynamoDB's TransactionConflict) is sent again. */
export const TRANSIENT_ATTEMPTS = 4;
export const BUSY_RETRY_AFTER_SECONDS = 1;

export async function runIdempotent(
  d: PlatformDeps,
  scope: string,
  key: string,
  hash: string,
  plan: () => Promise<IdempotentPlan>,
  opts: { rawBody?: string } = {},
): Promise<StoredResponse & { replayed: boolean; committed?: CommitResult }> {
  const pk = `IDEM#${scope}#${key}`;
  const rawHash = opts.rawBody === undefined ? undefined : sha256(opts.rawBody);
  const replay = async (): Promise<(StoredResponse & { replayed: true }) | undefined> => {
    const got = await d.ddb.send(
      new GetCommand({ TableName: d.tableName, Key: { pk, sk: 'IDEM' }, ConsistentRead: true }),
    );
    if (!got.Item) return undefined;
    if (!sameRequest(got.Item.requestHash, hash, rawHash)) {
      throw new ConflictError(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
      );
    }
    return { ...(got.Item.response as StoredResponse), replayed: true };
  };
  // The stored answer first: a retry gets what the first request got, even when deciding now would
  // refuse it (a milestone sent again after the incident was closed).
  const stored = await replay();
  if (stored) return stored;
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
  const writes: TransactItem[] = [
    { Put: { TableName: d.tableName, Item: record, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...p.writes,
  ];
  try {
    const committed = await retryTransient(() => commit(d, writes, p.events), TRANSIENT_ATTEMPTS);
    return { ...p.response, replayed: false, committed };
  } catch (e) {
    // A concurrent request with the same key won the race: answer as it did.
    if (e instanceof TransactionConflict && e.failed.includes(0)) {
      const won = await replay();
      if (won) return won;
    }
    if (isTransientCancellation(e)) {
      throw new RetryLaterError(
        409,
        'idempotency-record-busy',
        'Busy',
        'Another request under the same Idempotency-Key, or on the same data, was being written at that moment; nothing was stored. Send the same request again with the same key.',
        BUSY_RETRY_AFTER_SECONDS,
        e,
      );
    }
    throw e;
  }
}
