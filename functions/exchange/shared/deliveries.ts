// Where shared events land: each entitled department's inbox (the pull feed) and a receipt per
// event and department (the proof of what was shared with whom, and how delivery went).
import type { EventItem } from '@fazhi/platform/ddb/outbox';

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
