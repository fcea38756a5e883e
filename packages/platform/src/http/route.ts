// The edge of every HTTP function: size limit, JSON parsing, zod validation, authorisation by the
// route's wiring, problem+json for every failure, correlation id on every log line. Handlers get a
// parsed, authorised request and return a status and a body.
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import type { ZodType } from 'zod';
import { type Principal, principalOf, requireDepartment, requirePrincipal, requireUser } from '../auth/principal';
import { deps, type PlatformDeps } from '../deps';
import {
  BadRequestError,
  type FieldError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import { logger } from '../logger';
import type { RouteWiring } from '../wiring';
import { checkHeaders, checkParams, checkTargetBounds, correlationIdOf } from './edge';
import { type HttpResponse, problemOf, problemResponse } from './problem';

export const MAX_BODY_BYTES = 256 * 1024;

type Inferred<T> = T extends ZodType ? z.infer<T> : undefined;

export interface RouteContext<R extends RouteWiring> {
  event: APIGatewayProxyEventV2;
  principal: Principal | undefined;
  body: Inferred<R['doc']['body']>;
  query: Inferred<R['doc']['query']>;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
  rawBody: string;
  correlationId: string;
  deps: PlatformDeps;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    code: i.code,
    message: i.message,
  }));
}

function rawBodyOf(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseBody(event: APIGatewayProxyEventV2, raw: string, schema: ZodType | undefined): unknown {
  if (!schema) return undefined;
  if (raw.trim() === '')
    throw new ValidationError('The request body is empty; send a JSON object.', [
      { path: '(body)', message: 'required' },
    ]);
  const type = event.headers['content-type'] ?? event.headers['Content-Type'];
  if (!type || !/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError(type);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new BadRequestError(
      'malformed-json',
      'Malformed JSON',
      `The body is not valid JSON: ${(cause as Error).message}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ValidationError('The request body does not match the schema.', zodErrors(parsed.error));
  return parsed.data;
}

function parseQuery(event: APIGatewayProxyEventV2, schema: ZodType | undefined): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success)
    throw new ValidationError('The query string is not valid.', zodErrors(parsed.error), 'invalid-query');
  return parsed.data;
}

function authorise(route: RouteWiring, event: APIGatewayProxyEventV2): Principal | undefined {
  if (route.auth === 'none') return principalOf(event);
  const principal = requirePrincipal(event);
  if (route.auth === 'apiKey') requireDepartment(principal);
  if (route.auth === 'user') requireUser(principal, route.doc.roles);
  if (route.auth === 'either' && principal.kind === 'user' && route.doc.roles?.length)
    requireUser(principal, route.doc.roles);
  return principal;
}

function json(reply: Reply, correlationId: string): HttpResponse {
  const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...(reply.headers ?? {}) };
  if (reply.body === undefined) return { statusCode: reply.status, headers, body: '' };
  if (typeof reply.body === 'string' && headers['content-type'])
    return { statusCode: reply.status, headers, body: reply.body };
  if (Buffer.isBuffer(reply.body) && headers['content-type'])
    return { statusCode: reply.status, headers, body: reply.body.toString('base64'), isBase64Encoded: true };
  return {
    statusCode: reply.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(reply.body),
  };
}

/**
 * A validator on every successful GET: a client that sends it back in If-None-Match gets 304 and no
 * body while nothing changed (the on-duty board polls this way; docs/BENCHMARKS.md, cost).
 */
function conditional(event: APIGatewayProxyEventV2, res: HttpResponse): HttpResponse {
  if (event.requestContext?.http?.method !== 'GET' || res.statusCode !== 200 || !res.body) return res;
  const etag = `W/"${createHash('sha256').update(res.body).digest('base64url').slice(0, 27)}"`;
  const headers: Record<string, string> = { ...res.headers, etag, 'cache-control': 'private, no-cache' };
  const sent = event.headers?.['if-none-match'] ?? event.headers?.['If-None-Match'];
  if (sent?.split(',').some((t) => t.trim() === etag)) {
    const { 'content-type': _, ...rest } = headers;
    return { statusCode: 304, headers: rest, body: '' };
  }
  return { ...res, headers };
}

/**
 * Every failure of a route — thrown by the edge, the handler, or middy itself (a timeout) — is
 * answered in middy's onError, so it is problem+json whatever raised it.
 */
export function httpRoute<R extends RouteWiring>(route: R, fn: (ctx: RouteContext<R>) => Promise<Reply>) {
  const correlationOf = (event: APIGatewayProxyEventV2) =>
    correlationIdOf(event.headers, event.requestContext?.requestId ?? 'unknown');
  return middy<APIGatewayProxyEventV2, HttpResponse>()
    .before((request) => {
      logger.appendKeys({ correlationId: correlationOf(request.event), route: `${route.method} ${route.path}` });
    })
    .after(() => {
      logger.removeKeys(['correlationId', 'route']);
    })
    .onError((request) => {
      const problem = problemOf(request.error, correlationOf(request.event));
      if (problem.status >= 500) logger.error('request failed', { error: request.error as Error });
      else logger.info('request refused', { status: problem.status, type: problem.type });
      logger.removeKeys(['correlationId', 'route']);
      request.response = problemResponse(problem);
    })
    .handler(async (event) => {
      const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      // The gateway checks these too; a function invoked another way (a test event, a second API in
      // front of it, an API Gateway that lets a longer target through) meets the same bounds here.
      // Only the bounds: API Gateway's rawPath arrives decoded (edge.ts checkTargetBounds).
      checkTargetBounds(event.rawPath ?? '', event.rawQueryString ?? '');
      checkHeaders(headers);
      const correlationId = correlationOf(event);
      const rawBody = rawBodyOf(event);
      const size = Buffer.byteLength(rawBody, 'utf8');
      if (size > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES, size);
      const principal = authorise(route, event);
      const params = checkParams(route.doc.params, event.pathParameters);
      const ctx = {
        event,
        principal,
        body: parseBody(event, rawBody, route.doc.body),
        query: parseQuery(event, route.doc.query),
        params,
        headers,
        rawBody,
        correlationId,
        deps: deps(),
      } as RouteContext<R>;
      return conditional(event, json(await fn(ctx), correlationId));
    });
}

/** One function serving several routes of its wiring, dispatched on API Gateway's routeKey. */
export function httpRoutes(
  routes: readonly RouteWiring[],
  impl: Record<string, (ctx: RouteContext<RouteWiring>) => Promise<Reply>>,
) {
  const byKey = new Map(
    routes.map((r) => {
      const key = `${r.method} ${r.path}`;
      const fn = impl[key];
      if (!fn) throw new Error(`no implementation for route ${key}`);
      return [key, httpRoute(r, fn)] as const;
    }),
  );
  return async (
    event: APIGatewayProxyEventV2,
    context: Parameters<ReturnType<typeof httpRoute>>[1],
  ): Promise<HttpResponse> => {
    const h = byKey.get(event.routeKey);
    if (!h) return problemResponse(problemOf(new Error(`unrouted ${event.routeKey}`)));
    return h(event, context);
  };
}
