// A successful GET carries a validator; sending it back answers 304 with no body while the answer is
// the same, and 200 with a new validator once it changed. Other methods and errors carry none.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { configureDeps, type PlatformDeps } from '../deps';
import type { RouteWiring } from '../wiring';
import { httpRoute } from './route';

const route: RouteWiring = {
  method: 'GET',
  path: '/v1/things',
  auth: 'none',
  doc: { summary: 'things', responses: { 200: { description: 'things' } } },
};
let things = ['甲'];
const handler = httpRoute(route, async () => ({ status: 200, body: { items: things } }));
configureDeps({} as PlatformDeps);

const get = async (method: string, headers: Record<string, string> = {}) =>
  handler(
    {
      headers,
      rawPath: '/v1/things',
      requestContext: { http: { method }, requestId: 'r' },
    } as unknown as APIGatewayProxyEventV2,
    {} as never,
  );

describe('conditional GET', () => {
  it('answers 304 while nothing changed and 200 with a new validator after a change', async () => {
    // Prepare
    const first = await get('GET');
    const etag = first.headers.etag!;
    // Act
    const same = await get('GET', { 'if-none-match': etag });
    things = ['甲', '乙'];
    const changed = await get('GET', { 'if-none-match': etag });
    // Assess
    expect(first.statusCode).toBe(200);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(same).toMatchObject({ statusCode: 304, body: '' });
    expect(same.headers.etag).toBe(etag);
    expect(changed.statusCode).toBe(200);
    expect(JSON.parse(changed.body).items).toEqual(['甲', '乙']);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('puts no validator on other methods', async () => {
    const post = await httpRoute({ ...route, method: 'POST' }, async () => ({ status: 200, body: { ok: true } }))(
      {
        headers: {},
        requestContext: { http: { method: 'POST' }, requestId: 'r' },
      } as unknown as APIGatewayProxyEventV2,
      {} as never,
    );
    expect(post.headers.etag).toBeUndefined();
  });
});
