import { ClockPeriodError } from '@fazhi/domain/clocks/errors';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { configureDeps, type PlatformDeps } from '../deps';
import type { RouteWiring } from '../wiring';
import { httpRoute } from './route';

configureDeps({} as PlatformDeps);

const route: RouteWiring = {
  method: 'POST',
  path: '/v1/things',
  auth: 'none',
  doc: { summary: 'test', body: z.object({ n: z.number() }), responses: { 200: { description: 'ok' } } },
};

const event = (body: string): APIGatewayProxyEventV2 =>
  ({
    routeKey: 'POST /v1/things',
    rawPath: '/v1/things',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-1' },
    body,
    isBase64Encoded: false,
    requestContext: { requestId: 'r-1' },
  }) as unknown as APIGatewayProxyEventV2;

const context = (remainingMs: number) =>
  ({ getRemainingTimeInMillis: () => remainingMs, callbackWaitsForEmptyEventLoop: false }) as unknown as Context;

describe('httpRoute errors', () => {
  it('answers a function timeout as problem+json, not a bare Lambda error', async () => {
    // Prepare: a handler that never answers, with 80 ms left in the invocation
    const h = httpRoute(route, () => new Promise(() => undefined));

    // Act
    const res = await h(event('{"n":1}'), context(80));

    // Assess
    expect(res.statusCode).toBe(504);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ type: 'https://fazhi.gov.cn/problems/timeout', correlationId: 'c-1' });
  });

  it('maps a domain error to its status with errors[] { path, code, message }', async () => {
    // Prepare
    const h = httpRoute(route, async () => {
      throw new ClockPeriodError('too long', {
        issues: [{ path: ['period', 'duration'], code: 'out-of-bounds', message: 'must be at most P60D' }],
      });
    });

    // Act
    const res = await h(event('{"n":1}'), context(10_000));

    // Assess
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://fazhi.gov.cn/problems/clock-period-invalid',
      errors: [{ path: 'period.duration', code: 'out-of-bounds', message: 'must be at most P60D' }],
    });
  });

  it('names the zod issue code of each failing body field', async () => {
    // Act
    const res = await httpRoute(route, async () => ({ status: 200 }))(event('{"n":"x"}'), context(10_000));

    // Assess
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).errors).toEqual([{ path: 'n', code: 'invalid_type', message: expect.any(String) }]);
  });
});

describe('httpRoute path parameters', () => {
  const withParams: RouteWiring = {
    method: 'GET',
    path: '/v1/things/{thingId}',
    auth: 'none',
    doc: {
      summary: 'test',
      params: z.object({ thingId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/) }),
      responses: { 200: { description: 'ok' } },
    },
  };
  const get = (thingId: string) =>
    ({
      routeKey: 'GET /v1/things/{thingId}',
      rawPath: `/v1/things/${thingId}`,
      headers: {},
      pathParameters: { thingId },
      requestContext: { requestId: 'r-2', http: { method: 'GET' } },
    }) as unknown as APIGatewayProxyEventV2;

  it.each([
    ['an id over 256 bytes', '0'.repeat(300)],
    ['an id that is not of the declared shape', 'x'],
    ['a decoded slash', 'a/b'],
  ])('refuses %s with 400 before the handler runs', async (_, id) => {
    // Prepare
    let ran = false;
    const h = httpRoute(withParams, async () => {
      ran = true;
      return { status: 200 };
    });

    // Act
    const res = await h(get(id), context(10_000));

    // Assess
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://fazhi.gov.cn/problems/invalid-path-parameter',
      correlationId: 'r-2',
    });
    expect(res.headers['x-correlation-id']).toBe('r-2');
    expect(ran).toBe(false);
  });

  it.each([
    ['a path over 2 KB', { rawPath: `/v1/things/${'0'.repeat(2048)}` }, 'uri-too-long'],
    ['a query over 4 KB', { rawQueryString: `q=${'a'.repeat(5000)}` }, 'uri-too-long'],
    ['a malformed escape in the query', { rawQueryString: 'q=%zz' }, 'malformed-uri'],
    ['a header over 8 KB', { headers: { 'x-big': 'a'.repeat(9000) } }, 'header-too-large'],
  ])('refuses %s with 400 even when no gateway checked it first', async (_, over, type) => {
    // Prepare
    let ran = false;
    const h = httpRoute(withParams, async () => {
      ran = true;
      return { status: 200 };
    });
    // Act
    const res = await h({ ...get('01KJP4C580PPCE3J2ZETH2AT29'), ...over } as APIGatewayProxyEventV2, context(10_000));
    // Assess
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).type).toBe(`https://fazhi.gov.cn/problems/${type}`);
    expect(ran).toBe(false);
  });

  it('lets through a path API Gateway delivers decoded (Chinese, a space, a bare %)', async () => {
    // Prepare: an HTTP API hands the function rawPath percent-decoded
    const h = httpRoute(withParams, async () => ({ status: 200, body: {} }));
    // Act
    const res = await h(
      { ...get('01KJP4C580PPCE3J2ZETH2AT29'), rawPath: '/v1/things/调解 100%' } as APIGatewayProxyEventV2,
      context(10_000),
    );
    // Assess
    expect(res.statusCode).toBe(200);
  });

  it('hands the handler the parameters it declared', async () => {
    const res = await httpRoute(withParams, async ({ params }) => ({ status: 200, body: params }))(
      get('01KJP4C580PPCE3J2ZETH2AT29'),
      context(10_000),
    );
    expect(JSON.parse(res.body)).toEqual({ thingId: '01KJP4C580PPCE3J2ZETH2AT29' });
  });

  it('answers a Buffer body (an Excel export) base64-encoded, as API Gateway expects a binary body', async () => {
    // Prepare
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    // Act
    const res = await httpRoute(withParams, async () => ({
      status: 200,
      headers: { 'content-type': type },
      body: bytes,
    }))(get('01KJP4C580PPCE3J2ZETH2AT29'), context(10_000));
    // Assess
    expect(res).toMatchObject({ statusCode: 200, isBase64Encoded: true });
    expect(res.headers['content-type']).toBe(type);
    expect(Buffer.from(res.body, 'base64').equals(bytes)).toBe(true);
  });

  it('ignores a caller correlation id that is not a plain bounded token', async () => {
    const e = { ...get('x'), headers: { 'x-correlation-id': `a\nb${'c'.repeat(300)}` } } as APIGatewayProxyEventV2;
    const res = await httpRoute(withParams, async () => ({ status: 200 }))(e, context(10_000));
    expect(JSON.parse(res.body).correlationId).toBe('r-2');
  });
});
