// What clocks may be about. A service registers each subject type it starts clocks for (once, in
// the module that names it); starting a clock for an unregistered type is a programming error.
// The sweeper, alerts, on-time statistics and the board work for every registered type alike.
import type { CatalogEntry } from '@fazhi/events/catalog';
import type * as z from 'zod';
import type { DeliveredEvent, EventMeta } from '../events/envelope';
import type { SubscriptionWiring } from '../wiring';
import { CLOCKS_SOURCE } from './clock-events';

export interface ClockSubjectType {
  /** kebab-case, e.g. `opinion-incident`; the `subject.type` of every clock and Clock.* event. */
  type: string;
  /** The service that owns the subject. */
  service: string;
  /** Chinese name for pages, e.g. 舆情事件. */
  name: string;
  nameEn: string;
}

const registered = new Map<string, ClockSubjectType>();

/** Registers (idempotently) a subject type; a second service claiming the same type is refused. */
export function registerClockSubject<const T extends ClockSubjectType>(subject: T): T {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(subject.type)) throw new Error(`clock subject type ${subject.type}: kebab-case`);
  const known = registered.get(subject.type);
  if (known && known.service !== subject.service) {
    throw new Error(`clock subject type ${subject.type} belongs to ${known.service}, not ${subject.service}`);
  }
  registered.set(subject.type, subject);
  return subject;
}

export function clockSubjectType(type: string): ClockSubjectType | undefined {
  return registered.get(type);
}

/** @throws Error when no service registered the type. */
export function requireClockSubject(type: string): ClockSubjectType {
  const subject = registered.get(type);
  if (!subject) throw new Error(`clock subject type ${type} is not registered (registerClockSubject)`);
  return subject;
}

export interface ClockEventOf<D> {
  detailType: string;
  meta: EventMeta;
  data: D;
}

export interface ClockSubscription<D> {
  /** The EventBridge rule: these detail-types, of this subject type only. */
  wiring: SubscriptionWiring;
  /** The delivered event's detail, parsed by the catalog entry's schema (throws on a malformed one). */
  parse(event: DeliveredEvent<unknown>): ClockEventOf<D>;
}

type DataOf<E extends readonly CatalogEntry[]> = z.output<E[number]['data']>;

/**
 * A subscription of a service to Clock.* events of its own subject type, declared once: the
 * pattern and the typed, parsed detail both come from the catalog entries given.
 */
export function clockSubscription<const E extends readonly CatalogEntry[]>(
  subject: ClockSubjectType,
  name: string,
  entries: E,
  opts: { maxAttempts?: number } = {},
): ClockSubscription<DataOf<E>> {
  const byType = new Map(entries.map((e) => [e.detailType, e]));
  return {
    wiring: {
      name,
      pattern: {
        source: [CLOCKS_SOURCE],
        'detail-type': entries.map((e) => e.detailType),
        detail: { data: { subject: { type: [subject.type] } } },
      },
      ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    },
    parse(event) {
      const entry = byType.get(event['detail-type']);
      if (!entry) throw new Error(`${name} does not subscribe to ${event['detail-type']}`);
      const data = entry.data.parse(event.detail?.data) as DataOf<E>;
      return { detailType: entry.detailType, meta: event.detail.meta, data };
    },
  };
}
