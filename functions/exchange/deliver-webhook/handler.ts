import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type EventItem, eventKey } from '@fazhi/platform/ddb/outbox';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { recordWebhookOutcome, sharedEventFor } from '../shared/deliveries';

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
    await recordWebhookOutcome(d, eventId, departmentId, { status: 'skipped' });
    return;
  }
  const now = d.clock.now();
  const result = await d.webhooks.send({
    url: hook.url,
    secret: hook.secret,
    body: JSON.stringify(sharedEventFor(dept, item)),
    eventId,
  });
  if (result.ok) {
    await recordWebhookOutcome(d, eventId, departmentId, { status: 'delivered', at: now });
    return;
  }
  const reason = result.error ?? `HTTP ${result.status}`;
  await recordWebhookOutcome(d, eventId, departmentId, { status: 'failing', at: now, error: reason });
  // Thrown on so the bus retries with backoff and finally dead-letters the request.
  throw new WebhookDeliveryFailed(departmentId, reason);
});
