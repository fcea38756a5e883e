// At most one send per id, for side effects no subscriber downstream can deduplicate (an SMS). The
// bus delivers at least once — a redelivered stream batch or an async retry invokes the subscriber
// twice — so the sender first claims `id` with a conditional put, sends, then records it as sent.
// A failed send releases the claim for the retry; a claim left by a crash mid-send (neither sent
// nor released) may be taken again once it is `staleMs` old, so a crash costs at most a late
// duplicate, never a lost alert.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDeps } from '../deps';

const TTL_SECONDS = 7 * 24 * 3600;

export const sentKey = (channel: string, id: string) => ({ pk: `SENT#${channel}#${id}`, sk: 'SENT' });

export async function sendOnce(
  d: PlatformDeps,
  channel: string,
  id: string,
  send: () => Promise<void>,
  staleMs = 60_000,
): Promise<'sent' | 'duplicate'> {
  const now = d.clock.now();
  const key = sentKey(channel, id);
  try {
    await d.ddb.send(
      new PutCommand({
        TableName: d.tableName,
        Item: { ...key, type: 'sent', status: 'sending', claimedAt: now, ttl: Math.floor(now / 1000) + TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk) OR (#s = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':stale': now - staleMs },
      }),
    );
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return 'duplicate';
    throw e;
  }
  try {
    await send();
  } catch (e) {
    await d.ddb.send(new DeleteCommand({ TableName: d.tableName, Key: key }));
    throw e;
  }
  await d.ddb.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: key,
      UpdateExpression: 'SET #s = :sent, sentAt = :now',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':now': d.clock.now() },
    }),
  );
  return 'sent';
}
