import type { ZodType } from 'zod';
import * as z from 'zod';
import { isoDateTimeSchema } from './fields';

// The detail of every event on the bus is `{ meta, data }`. `meta` is the platform's: a
// department supplies at most `occurredAt` and `correlationId` and the platform fills the rest, so
// no sender can forge an event id or claim a schema version it did not validate against.

export const eventIdSchema = z.ulid();

/** Carried through every event a request causes; a department may pass its own (e.g. its case number). */
export const correlationIdSchema = z
  .string()
  .regex(/^[\x21-\x7E]{1,128}$/, 'correlationId: 1–128 visible ASCII characters');

export const eventMetaSchema = z.strictObject({
  eventId: eventIdSchema.describe('ULID, unique per event; subscribers deduplicate on it'),
  occurredAt: isoDateTimeSchema.describe('when the fact happened (ISO 8601 with offset)'),
  correlationId: correlationIdSchema.describe('ties together the events of one request or case'),
  schemaVersion: z.int().min(1).describe('version of the data schema this event was validated against'),
});

export type EventMeta = z.infer<typeof eventMetaSchema>;

export interface EventDetail<D = unknown> {
  meta: EventMeta;
  data: D;
}

/** The full detail schema of one detail-type version: `meta.schemaVersion` is pinned to `version`. */
export function detailSchemaFor<D extends ZodType>(data: D, version: number) {
  return z.strictObject({
    meta: eventMetaSchema.extend({ schemaVersion: z.literal(version) }),
    data,
  });
}

export const postedMetaSchema = z.strictObject({
  occurredAt: isoDateTimeSchema.optional().describe('defaults to the time the platform received the event'),
  correlationId: correlationIdSchema.optional().describe('defaults to a new id'),
});

export type PostedMeta = z.infer<typeof postedMetaSchema>;

/** What a department POSTs as the event detail, before its data is checked against the catalog. */
export const postedDetailSchema = z.strictObject({
  data: z.record(z.string(), z.unknown()),
  meta: postedMetaSchema.optional(),
});

export type PostedDetail = z.infer<typeof postedDetailSchema>;

/** The posted detail with `data` checked against one catalog entry's schema. */
export function postedDetailSchemaFor<D extends ZodType>(data: D) {
  return z.strictObject({ data, meta: postedMetaSchema.optional() });
}

export interface StampInput {
  eventId: string;
  /** ISO 8601 instant the platform received the event; the default `occurredAt`. */
  receivedAt: string;
  schemaVersion: number;
  /** Used when the department did not send one. */
  correlationId: string;
}

/** Completes a posted detail into the bus detail. Pure: the caller supplies the id and the time. */
export function stampDetail<D>(posted: { data: D; meta?: PostedMeta | undefined }, stamp: StampInput): EventDetail<D> {
  return {
    meta: {
      eventId: stamp.eventId,
      occurredAt: posted.meta?.occurredAt ?? stamp.receivedAt,
      correlationId: posted.meta?.correlationId ?? stamp.correlationId,
      schemaVersion: stamp.schemaVersion,
    },
    data: posted.data,
  };
}
