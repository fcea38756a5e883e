// Rate limits of the public routes as counters in the table, one item per key and window
// (pk MEDPUB#RATE#<limit>#<hash of phone or address>#<window start>), so they hold across Lambda
// instances. Each hit is one conditional UpdateItem (ADD), refused once the window's maximum is
// reached; the refusal is 429 with Retry-After, the end of the window (the domain's rule). TTL
// removes the counters after their window.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type RateLimit, rateDecision, windowOf } from '@fazhi/domain/mediation/public-intake';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { RetryLaterError } from '@fazhi/platform/errors';

/** A phone number or address as it appears in keys: never in clear. */
export const keyHash = (kind: 'phone' | 'ip', value: string) =>
  createHash('sha256').update(`fazhi-mediation-public#${kind}#${value}`).digest('base64url').slice(0, 32);

export async function hit(d: PlatformDeps, limit: RateLimit, key: string, now: number): Promise<void> {
  const w = windowOf(limit, now);
  try {
    await d.ddb.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: { pk: `MEDPUB#RATE#${limit.name}#${key}#${w.start}`, sk: 'RATE' },
        UpdateExpression: 'ADD n :one SET #type = :type, #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(n) OR n < :max',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':max': limit.max,
          ':type': 'rate-counter',
          ':ttl': Math.ceil(w.end / 1000) + 3600,
        },
      }),
    );
  } catch (e) {
    if (!(e instanceof ConditionalCheckFailedException)) throw e;
    const r = rateDecision(limit, limit.max, now);
    throw new RetryLaterError(
      429,
      'rate-limited',
      'Too many requests',
      `At most ${limit.max} per ${limit.windowMs / 1000} s (${limit.name}); try again later.`,
      r.allowed ? 1 : r.retryAfterSeconds,
    );
  }
}

/** The source address API Gateway (or the local gateway) saw. */
export function sourceIpOf(event: { requestContext?: { http?: { sourceIp?: string } } }): string {
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}
