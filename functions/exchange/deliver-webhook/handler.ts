import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type EventItem, eventKey } from '@fazhi/platform/ddb/outbox';
import { toIso } from '@fazhi/platform/events/envelope';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { receiptKey, sharedEventFor } from '../shared/deliveries';

export class WebhookDeliveryFailed extends Error {
  constructor(departmentId: string, reason: string) {
    super(`webhook of ${departmentId} failed: ${reason}`);
    this.name = 'WebhookDeliveryFailed';
  }
}

export const handler = eventHandler<{ eventId: string; departmentId: string }>(async (event, d) => {
  const { eventId, departmentId } = event.detail.data;
  const [stored, dept] = await Promise.all([
    d.ddb.send(new GetCommand({ TableName: d.tableName, Key: eventKey(eventId) })),
    getDepartment(d, departmentId),
  ]);
  const item = stored.Item as EventItem | undefined;
  if (!item) return;
  const hook = dept?.webhook;
  if (!dept || !hook?.enabled) {
    await d.ddb.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: receiptKey(eventId, departmentId),
        UpdateExpression: 'SET #w.#s = :s',
        ExpressionAttributeNames: { '#w': 'webhook', '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'skipped' },
      }),
    );
    return;
  }
  const now = d.clock.now();
  const result = await d.webhooks.send({
    url: hook.url,
    secret: hook.secret,
    body: JSON.stringify(sharedEventFor(dept, item)),
    eventId,
    timestamp: toIso(now),
  });
  if (result.ok) {
    await d.ddb.send(
      new UpdateCommand({
        TableName: d.tableName,
        Key: receiptKey(eventId, departmentId),
        UpdateExpression:
          'SET #w.#s = :s, #w.deliveredAt = :now, #w.lastAttemptAt = :now, #w.attempts = #w.attempts + :one REMOVE #w.lastError',
        ExpressionAttributeNames: { '#w': 'webhook', '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'delivered', ':now': now, ':one': 1 },
      }),
    );
    return;
  }
  const reason = result.error ?? `HTTP ${result.status}`;
  await d.ddb.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: receiptKey(eventId, departmentId),
      UpdateExpression: 'SET #w.#s = :s, #w.lastError = :e, #w.lastAttemptAt = :now, #w.attempts = #w.attempts + :one',
      ExpressionAttributeNames: { '#w': 'webhook', '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'failing', ':e': reason.slice(0, 500), ':now': now, ':one': 1 },
    }),
  );
  throw new WebhookDeliveryFailed(departmentId, reason);
});
