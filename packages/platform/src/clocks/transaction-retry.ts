// DynamoDB cancels a transaction that touches an item another transaction holds at that moment
// (reason `TransactionConflict`); nothing was written, so running the same transaction again is
// safe. Condition failures are not retried: they mean the state moved and the caller must re-decide.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactionConflict } from '../ddb/commit';
import { ConflictError } from '../errors';

export function isTransientCancellation(e: unknown): boolean {
  return (
    e instanceof TransactionCanceledException &&
    (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
    !(e.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

export async function retryTransient<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts || !isTransientCancellation(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/**
 * Decide-and-commit under optimistic concurrency: when a version condition fails (someone changed
 * the state meanwhile) or the conflict is transient, read again and decide again.
 */
export async function decideAgainOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const retry = e instanceof TransactionConflict || isTransientCancellation(e);
      if (!retry || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 15));
    }
  }
}

/** decideAgainOnConflict for a request: if the state keeps moving under us, the caller gets a 409. */
export async function decideOrConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await decideAgainOnConflict(run);
  } catch (e) {
    if (e instanceof TransactionConflict || isTransientCancellation(e))
      throw new ConflictError('concurrent-change', 'It was changed by someone else at the same moment; retry.', e);
    throw e;
  }
}
