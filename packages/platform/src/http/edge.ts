// The bounds every request meets before any other work, in the local gateway and in the route edge
// (route.ts) alike: a well-formed, bounded target (path and query), bounded headers, bounded path
// parameters of a declared shape. A request outside them is a 400 problem+json, never a 500, and
// nothing unbounded reaches DynamoDB (it refuses partition keys over 2048 bytes, sort keys over 1024).
import * as z from 'zod';
import { BadRequestError } from '../errors';

/** Bytes of the raw path (before decoding). */
export const MAX_PATH_BYTES = 2048;
/** Bytes of the raw query string. */
export const MAX_QUERY_BYTES = 4096;
/** Bytes of one header value; API Gateway's HTTP API allows 10 KB for the request line and all headers. */
export const MAX_HEADER_BYTES = 8192;
/** Bytes of all header names and values together. */
export const MAX_HEADERS_TOTAL_BYTES = 10_240;
/** Bytes of one decoded path parameter, whatever its declared shape. */
export const MAX_PARAM_BYTES = 256;

const ESCAPES_OK = /^(?:[^%]|%[0-9A-Fa-f]{2})*$/;
// RFC 3986 pchar plus "/" and the percent sign of an escape; anything else must be escaped.
const PATH_CHARS = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

/** Decodes a component; refuses a malformed escape or one that is not UTF-8. */
export function decodeComponent(raw: string, where: string): string {
  if (!ESCAPES_OK.test(raw))
    throw new BadRequestError('malformed-uri', 'Malformed URI', `The ${where} has a malformed percent-escape.`);
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequestError('malformed-uri', 'Malformed URI', `The ${where} has an escape that is not UTF-8.`);
  }
}

/** Splits and checks a request target (`/v1/x?y=1`). The path stays raw (routes match raw segments). */
export function checkTarget(target: string): { path: string; query: string } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  checkTargetBounds(path, query);
  if (!PATH_CHARS.test(path))
    throw new BadRequestError('malformed-uri', 'Malformed URI', 'The path has characters that must be escaped.');
  decodeComponent(path, 'path');
  return { path, query };
}

/**
 * The bounds a Lambda behind API Gateway can still check: an HTTP API hands the function `rawPath`
 * already percent-decoded (a Chinese or `%` character arrives as itself), but `rawQueryString`
 * still encoded. So: the sizes of both, and the query's escapes; the path's characters and escapes
 * are the gateway's (checkTarget).
 */
export function checkTargetBounds(path: string, query: string): void {
  if (Buffer.byteLength(path) > MAX_PATH_BYTES)
    throw new BadRequestError('uri-too-long', 'Path too long', `The path is over ${MAX_PATH_BYTES} bytes.`);
  if (Buffer.byteLength(query) > MAX_QUERY_BYTES)
    throw new BadRequestError(
      'uri-too-long',
      'Query string too long',
      `The query string is over ${MAX_QUERY_BYTES} bytes.`,
    );
  for (const pair of query.split('&')) decodeComponent(pair.replaceAll('+', ' '), 'query string');
}

/** Header bounds (values are already split by the HTTP parser, which refuses control characters). */
export function checkHeaders(headers: Record<string, string | undefined>): void {
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    const size = Buffer.byteLength(value ?? '');
    total += name.length + size;
    if (size > MAX_HEADER_BYTES)
      throw new BadRequestError(
        'header-too-large',
        'Header too large',
        `The ${name.slice(0, 64)} header is over ${MAX_HEADER_BYTES} bytes.`,
      );
  }
  if (total > MAX_HEADERS_TOTAL_BYTES)
    throw new BadRequestError(
      'header-too-large',
      'Headers too large',
      `The headers are over ${MAX_HEADERS_TOTAL_BYTES} bytes in all.`,
    );
}

const CORRELATION = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Correlation-Id` when it is a plain bounded token, else the request id. */
export function correlationIdOf(headers: Record<string, string | undefined> | undefined, requestId: string): string {
  const sent = headers?.['x-correlation-id'] ?? headers?.['X-Correlation-Id'];
  return sent && CORRELATION.test(sent) ? sent : requestId;
}

// The shapes of path parameters. Each route declares its `doc.params` with these (or tighter).
export const ulidParam = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID (26 characters, Crockford base32)')
  .describe('A ULID');
export const departmentIdParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be 1–64 lowercase letters, digits or hyphens')
  .describe('A department id, e.g. `psb`');
export const policyIdParam = z
  .string()
  .max(128)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'must look like service.clock-name')
  .describe('A clock policy id, e.g. `opinion.release`');
export const yearParam = z
  .string()
  .regex(/^(19|20|21)\d{2}$/, 'must be a year such as 2027')
  .describe('A year');
export const slugParam = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be 1–64 letters, digits or hyphens')
  .describe('A kind name, e.g. `opinion-incident`');
export const subjectIdParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1–128 letters, digits or . _ : -')
  .describe('A subject id (for an incident, its ULID)');

/** Checks decoded path parameters against the route's declared schema; 400 naming each bad one. */
export function checkParams(
  schema: z.ZodType | undefined,
  params: Record<string, string | undefined> | undefined,
): Record<string, string> {
  const raw = (params ?? {}) as Record<string, string>;
  for (const [name, v] of Object.entries(raw))
    if (Buffer.byteLength(v ?? '') > MAX_PARAM_BYTES)
      throw new BadRequestError('invalid-path-parameter', 'Invalid path parameter', `${name} is too long.`, [
        { path: name, code: 'too_big', message: `at most ${MAX_PARAM_BYTES} bytes` },
      ]);
  if (!schema) return raw;
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new BadRequestError(
      'invalid-path-parameter',
      'Invalid path parameter',
      'A path parameter does not have the declared shape.',
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message })),
    );
  return parsed.data as Record<string, string>;
}
