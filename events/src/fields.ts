import * as z from 'zod';

// Field schemas shared by several detail-types, so one rule (e.g. "times carry an offset") is
// written once and the generated JSON Schemas agree with each other.

/** ISO 8601 instant with `Z` or a numeric offset (`2026-03-01T09:30:00+08:00`); a bare local time is ambiguous. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** ISO 8601 duration as the clock policies write them (`PT5H`, `PT30M`, `P3D`). */
export const isoDurationSchema = z.iso.duration();

/**
 * A department id: lowercase kebab-case, because it becomes part of the EventBridge source
 * (`dept.<departmentId>`) and of keys.
 */
export const departmentIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'department id: lowercase letters, digits and hyphens, 1–64');

/** An aggregate id (incident, clock, alert). ULIDs in practice; any token without spaces is accepted. */
export const aggregateIdSchema = z.string().regex(/^[\x21-\x7E]{1,128}$/, 'id: 1–128 visible ASCII characters');

/** A person's login name, e.g. `propaganda.duty`. */
export const usernameSchema = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'username: 1–64 of A-Z a-z 0-9 . _ @ -');

/** http(s) link; other schemes (file:, javascript:) are never valid evidence or attachments. */
export const webUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .regex(/^https?:\/\//, 'http or https URL')
  // The pattern above hides the `uri` format in the JSON Schema; put it back for code generators.
  .meta({ format: 'uri' });

/** Non-blank text with a length limit; Chinese characters count as one each. */
export function textSchema(max: number) {
  return z.string().max(max).regex(/\S/, 'must not be blank');
}
