// The shape of an event on the bus and in the outbox. `detail = { meta, data }` per DESIGN.md.
import { formatCityInstant } from '@fazhi/domain/clocks/city-time';

export interface EventMeta {
  eventId: string;
  occurredAt: string;
  correlationId: string;
  schemaVersion: number;
}

export interface EventDetail<D = unknown> {
  meta: EventMeta;
  data: D;
}

/** What a publisher puts on the bus. */
export interface BusEvent<D = unknown> {
  source: string;
  detailType: string;
  detail: EventDetail<D>;
  /** ISO 8601 instant the event happened at (= detail.meta.occurredAt). */
  time: string;
}

/** What a subscriber receives: the EventBridge event shape, in AWS and locally. */
export interface DeliveredEvent<D = unknown> {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: EventDetail<D>;
}

export function toIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** ISO 8601 in the city's zone (+08:00), the form the API answers with. */
export const toCityIso: (epochMs: number) => string = formatCityInstant;
