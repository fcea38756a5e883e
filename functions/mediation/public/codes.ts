// The SMS confirmation code of the public form: one item per phone (pk MEDPUB#CODE#<phone hash>)
// holding only the code's hash, its expiry and the wrong tries. A new code replaces the old one;
// a wrong try adds one; the right one is deleted in the application's own transaction, on
// condition it is still the same code, so it is used once even by two requests at the same time.
import { randomInt } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { checkCode, formatCode, PHONE_CODE_POLICY, type StoredCode } from '@fazhi/domain/mediation/public-intake';
import type { TransactItem } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ValidationError } from '@fazhi/platform/errors';
import { keyHash } from './limits';

const keyOf = (phone: string) => ({ pk: `MEDPUB#CODE#${keyHash('phone', phone)}`, sk: 'CODE' });
// Keyed with the link-token MAC key (KMS HMAC in AWS): a plain hash of a 6-digit code and a known
// phone is a million guesses away, so whoever reads the table or a backup could otherwise recover
// a live code within its 10 minutes.
const hashOf = async (d: PlatformDeps, phone: string, code: string) =>
  Buffer.from(await d.links.sign(Buffer.from(`fazhi-phone-code#${phone}#${code}`, 'utf8'))).toString('base64url');

/** Makes a new code for the phone (replacing any older one) and returns it, to be sent. */
export async function newCode(d: PlatformDeps, phone: string, now: number): Promise<string> {
  const code = formatCode(randomInt(0, 10 ** PHONE_CODE_POLICY.digits));
  const expiresAt = now + PHONE_CODE_POLICY.ttlMs;
  await d.ddb.send(
    new PutCommand({
      TableName: d.tableName,
      Item: {
        ...keyOf(phone),
        type: 'phone-code',
        hash: await hashOf(d, phone, code),
        expiresAt,
        attempts: 0,
        ttl: Math.ceil(expiresAt / 1000),
      },
    }),
  );
  return code;
}

/**
 * Checks the code: a wrong one counts a try and is refused, a dead one (none, expired, out of
 * tries) is refused; the right one returns the write that uses it up, for the caller's transaction.
 */
export async function useCode(d: PlatformDeps, phone: string, code: string, now: number): Promise<TransactItem> {
  const key = keyOf(phone);
  const got = await d.ddb.send(new GetCommand({ TableName: d.tableName, Key: key, ConsistentRead: true }));
  const hash = await hashOf(d, phone, code);
  const result = checkCode(got.Item as StoredCode | undefined, hash, now);
  if (result === 'wrong') {
    await d.ddb.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: key,
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
  if (result !== 'ok')
    throw new ValidationError(
      result === 'wrong'
        ? 'The confirmation code is wrong.'
        : 'The confirmation code has expired or is used up; ask for a new one.',
      [{ path: 'code', code: result === 'wrong' ? 'wrong' : 'expired', message: result }],
      result === 'wrong' ? 'phone-code-wrong' : 'phone-code-expired',
    );
  return {
    Delete: {
      TableName: d.tableName,
      Key: key,
      ConditionExpression: '#h = :h AND attempts < :max',
      ExpressionAttributeNames: { '#h': 'hash' },
      ExpressionAttributeValues: { ':h': hash, ':max': PHONE_CODE_POLICY.maxAttempts },
    },
  };
}
