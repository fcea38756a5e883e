// Events are written as items of the same transaction as the state they announce. Each event item
// doubles as its outbox entry: it sits in the sparse `gsi2` pending index (sharded, so no hot
// partition) until the relay has chained and published it.
import type { PlatformDeps } from '../deps';
import { type BusEvent, type EventDetail, toIso } from '../events/envelope';
import { DUE_SHARDS, dueIndexKey } from './due-index';

export const OUTBOX_SHARDS = DUE_SHARDS;

export interface NewEvent<D = unknown> {
  source: string;
  detailType: string;
  data: D;
  schemaVersion?: number;
  correlationId?: string;
  /** Epoch ms; defaults to now. */
  occurredAt?: number;
}

export interface EventItem {
  pk: string;
  sk: 'EVENT';
  type: 'event';
  eventId: string;
  source: string;
  detailType: string;
  detail: EventDetail;
  time: string;
  createdAt: number;
  gsi2pk?: string;
  gsi2sk?: string;
  chainSeq?: number;
  publishedAt?: number;
}

export function eventKey(eventId: string) {
  return { pk: `EVENT#${eventId}`, sk: 'EVENT' as const };
}

export function pendingIndexKey(eventId: string, createdAt: number) {
  return dueIndexKey('OUTBOX', eventId, createdAt);
}

export function newEventItem(d: Pick<PlatformDeps, 'clock' | 'newId'>, e: NewEvent): EventItem {
  const eventId = d.newId();
  const now = d.clock.now();
  const occurredAt = e.occurredAt ?? now;
  const detail: EventDetail = {
    meta: {
      eventId,
      occurredAt: toIso(occurredAt),
      correlationId: e.correlationId ?? eventId,
      schemaVersion: e.schemaVersion ?? 1,
    },
    data: e.data,
  };
  return {
    ...eventKey(eventId),
    type: 'event',
    eventId,
    source: e.source,
    detailType: e.detailType,
    detail,
    time: toIso(occurredAt),
    createdAt: now,
    ...pendingIndexKey(eventId, now),
  };
}

export function busEventOf(item: Pick<EventItem, 'source' | 'detailType' | 'detail' | 'time'>): BusEvent {
  return { source: item.source, detailType: item.detailType, detail: item.detail, time: item.time };
}
