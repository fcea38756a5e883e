import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type EventItem, eventKey } from '@fazhi/platform/ddb/outbox';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { recordWebhookOutcome, sharedEventFor } from '../shared/deliveries';

export class WebhookDeliveryFailed extends Error {
  constructor(departmentId: string, reason: string) {
    super(`webhook of ${departmentId} failed: ${reason}`);
    this.name = 'WebhookDeliveryFailed';
  }
}

/** A secret stored in plain text before sealing: still signs, until the next save of the webhook seals it. */
function legacySecret(departmentId: string, secret: string | undefined): string {
  if (!secret) throw new WebhookDeliveryFailed(departmentId, 'no signing secret stored');
  logger.warn('webhook secret stored in plain text; save the webhook again to seal it', { departmentId });
  return secret;
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
  const secret = hook.sealedSecret
    ? await d.secrets.open(hook.sealedSecret, { departmentId })
    : legacySecret(departmentId, hook.secret);
  const result = await d.webhooks.send({
    url: hook.url,
    secret,
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
