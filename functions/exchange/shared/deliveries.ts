// Where shared events land: each entitled department's inbox (the pull feed) and a receipt per
// event and department (the proof of what was shared with whom, and how delivery went).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { maskPersonalData, needsPersonalData } from '@fazhi/domain/exchange/personal-data';
import { commit, put, type TransactItem, TransactionConflict } from '@fazhi/platform/ddb/commit';
import type { EventItem, NewEvent } from '@fazhi/platform/ddb/outbox';
import type { PlatformDeps } from '@fazhi/platform/deps';

export const WEBHOOK_REQUESTED = 'Exchange.WebhookDeliveryRequested';

export type WebhookStatus = 'pending' | 'delivered' | 'failing' | 'none' | 'skipped';

export interface Receipt {
  eventId: string;
  departmentId: string;
  status: 'delivered' | 'refused';
  reason?: string;
  inbox?: { storedAt: number; cursor: string };
  webhook: {
    status: WebhookStatus;
    attempts: number;
    lastAttemptAt?: number;
    lastError?: string;
    deliveredAt?: number;
  };
}

export const receiptKey = (eventId: string, departmentId: string) => ({
  pk: `EVENT#${eventId}`,
  sk: `RECEIPT#${departmentId}`,
});
export const inboxPk = (departmentId: string) => `INBOX#${departmentId}`;

/** The event as departments receive it, in the inbox and in webhook bodies: the EventBridge shape. */
export function sharedEventOf(e: Pick<EventItem, 'eventId' | 'source' | 'detailType' | 'time' | 'detail'>) {
  return { version: '0', id: e.eventId, 'detail-type': e.detailType, source: e.source, time: e.time, detail: e.detail };
}

/** What one department may see of an event: identities masked unless its work needs them. */
export function sharedEventFor(
  department: { kinds: readonly string[] },
  e: Pick<EventItem, 'eventId' | 'source' | 'detailType' | 'time' | 'detail'>,
) {
  const shared = sharedEventOf(e);
  if (needsPersonalData(department)) return shared;
  return { ...shared, detail: { ...shared.detail, data: maskPersonalData(shared.detail.data) } };
}

type SharedEvent = ReturnType<typeof sharedEventOf>;

export interface Recipient {
  departmentId: string;
  event: SharedEvent;
  hasWebhook: boolean;
}

function deliveryWrites(d: PlatformDeps, r: Recipient): { writes: TransactItem[]; events: NewEvent[] } {
  const eventId = r.event.detail.meta.eventId;
  const cursor = d.newId();
  const receipt: Receipt = {
    eventId,
    departmentId: r.departmentId,
    status: 'delivered',
    inbox: { storedAt: d.clock.now(), cursor },
    webhook: { status: r.hasWebhook ? 'pending' : 'none', attempts: 0 },
  };
  return {
    writes: [
      put(
        d,
        { ...receiptKey(eventId, r.departmentId), type: 'receipt', ...receipt },
        { expr: 'attribute_not_exists(pk)' },
      ),
      put(d, { pk: inboxPk(r.departmentId), sk: cursor, type: 'inbox', eventId, event: r.event }),
    ],
    events: r.hasWebhook
      ? [
          {
            source: 'fazhi.exchange',
            detailType: WEBHOOK_REQUESTED,
            data: { eventId, departmentId: r.departmentId },
            correlationId: r.event.detail.meta.correlationId,
          },
        ]
      : [],
  };
}

/**
 * Stores an event for every entitled department — receipt, inbox item and (with a webhook) the
 * delivery request each — in one transaction when it fits. A redelivered event (the bus is
 * at-least-once) finds receipts already there; then each department is tried on its own, and those
 * that have their receipt are left as they are.
 */
export async function deliverAll(d: PlatformDeps, recipients: Recipient[]): Promise<void> {
  const plans = recipients.map((r) => deliveryWrites(d, r));
  const size = plans.reduce((n, p) => n + p.writes.length + p.events.length, 0);
  if (size > 0 && size <= 100) {
    try {
      await commit(
        d,
        plans.flatMap((p) => p.writes),
        plans.flatMap((p) => p.events),
      );
      return;
    } catch (e) {
      if (!(e instanceof TransactionConflict)) throw e;
    }
  }
  for (const p of plans) {
    try {
      await commit(d, p.writes, p.events);
    } catch (e) {
      if (!(e instanceof TransactionConflict && e.failed.includes(0))) throw e;
    }
  }
}

/** Records that a named target was not entitled: proof of what was NOT shared, and why. */
export async function recordRefusal(
  d: PlatformDeps,
  eventId: string,
  departmentId: string,
  reason: string,
): Promise<void> {
  const receipt: Receipt = {
    eventId,
    departmentId,
    status: 'refused',
    reason,
    webhook: { status: 'none', attempts: 0 },
  };
  try {
    await commit(d, [
      put(
        d,
        { ...receiptKey(eventId, departmentId), type: 'receipt', ...receipt },
        { expr: 'attribute_not_exists(pk)' },
      ),
    ]);
  } catch (e) {
    if (!(e instanceof TransactionConflict)) throw e;
  }
}

export type WebhookOutcome =
  | { status: 'skipped' }
  | { status: 'delivered'; at: number }
  | { status: 'failing'; at: number; error: string };

/** Records on the receipt what became of one webhook attempt (or that it was skipped). */
export async function recordWebhookOutcome(
  d: PlatformDeps,
  eventId: string,
  departmentId: string,
  o: WebhookOutcome,
): Promise<void> {
  const attempt = o.status === 'skipped' ? '' : ', #w.lastAttemptAt = :at, #w.attempts = #w.attempts + :one';
  const expr =
    o.status === 'delivered'
      ? `SET #w.#s = :s, #w.deliveredAt = :at${attempt} REMOVE #w.lastError`
      : o.status === 'failing'
        ? `SET #w.#s = :s, #w.lastError = :e${attempt}`
        : 'SET #w.#s = :s';
  await d.ddb.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: receiptKey(eventId, departmentId),
      UpdateExpression: expr,
      ExpressionAttributeNames: { '#w': 'webhook', '#s': 'status' },
      ExpressionAttributeValues: {
        ':s': o.status,
        ...(o.status === 'skipped' ? {} : { ':at': o.at, ':one': 1 }),
        ...(o.status === 'failing' ? { ':e': o.error.slice(0, 500) } : {}),
      },
    }),
  );
}
