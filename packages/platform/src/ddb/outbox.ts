// Events are written as items of the same transaction as the state they announce. Each event item
// doubles as its outbox entry: it sits in the sparse `gsi2` pending index (sharded, so no hot
// partition) until the relay has chained and published it.
import type { PlatformDeps } from '../deps';
import { type BusEvent, type EventDetail, toIso } from '../events/envelope';
import { DUE_SHARDS, dueIndexKey } from './due-index';

export const OUTBOX_SHARDS = DUE_SHARDS;

/** The `type` attribute of every event (outbox) item; the stream filter below admits exactly these. */
export const EVENT_ITEM_TYPE = 'event' as const;

/**
 * Which table-stream records wake the relay, as an EventBridge-syntax pattern over the stream record
 * (the Lambda event source mapping's filter language). Declared once: the CDK app turns it into the
 * mapping's `FilterCriteria`, and the local stream poller applies it with the local bus's matcher.
 * Only new event items: state items, updates (the published mark) and TTL deletions never pass.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [EVENT_ITEM_TYPE] } } },
};

/** Records per relay invocation (the mapping's BatchSize; the local poller chunks the same). */
export const STREAM_BATCH_SIZE = 25;
/** Retries of a failing batch before its pointer goes to the stream's dead-letter queue. */
export const STREAM_RETRY_ATTEMPTS = 10;

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
  type: typeof EVENT_ITEM_TYPE;
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
    type: EVENT_ITEM_TYPE,
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
