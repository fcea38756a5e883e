// Every route of the wiring, generated from the wiring itself: no credentials → 401, a malformed or
// oversized body → 400 / 413, all as problem+json. A route added tomorrow is covered without
// anyone remembering to write its test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFunctions } from '../../functions/index';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import type { RouteWiring } from '../../packages/platform/src/wiring';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

const routes: RouteWiring[] = allFunctions.flatMap((f) => f.routes ?? []);
// Valid values of each declared parameter shape, so a refusal below is for the reason the test names.
const EXAMPLES: Record<string, string> = {
  departmentId: 'psb',
  year: '2027',
  policyId: 'opinion.release',
  subjectType: 'opinion-incident',
  action: 'decide-approval',
  flagId: '0123456789abcdef0123456789abcdef',
};
const concrete = (r: RouteWiring) =>
  r.path.replace(/\{(\w+)\}/g, (_, name: string) => EXAMPLES[name] ?? '01KJP4C580PPCE3J2ZETH2AT29');

let rt: LocalRuntime;
let api: Api;
let admin: string;
let deptKey: string;

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
  deptKey = rt.credentials!.departments.find((d) => d.id === 'psb')!.apiKey;
});
afterAll(async () => rt?.stop());

function expectProblem(r: Awaited<ReturnType<Api>>, status: number) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.json).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\/fazhi\.gov\.cn\/problems\//),
    title: expect.any(String),
  });
}

describe('every wired route', () => {
  it('has routes to check', () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  it('declares the shape of every path parameter (doc.params), and the examples here fit them', () => {
    for (const r of routes) {
      const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (names.length === 0) continue;
      const where = `${r.method} ${r.path}`;
      expect(r.doc.params, where).toBeDefined();
      const shape = Object.keys((r.doc.params as unknown as { shape: Record<string, unknown> }).shape).sort();
      expect(shape, where).toEqual([...names].sort());
      const values = Object.fromEntries(names.map((n) => [n, EXAMPLES[n] ?? '01KJP4C580PPCE3J2ZETH2AT29']));
      expect(r.doc.params!.safeParse(values).success, where).toBe(true);
    }
  });

  it.each(routes.filter((r) => r.path.includes('{')).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s with a 1 KB parameter → 400 before any lookup',
    async (_, r) => {
      const token = r.auth === 'apiKey' ? deptKey : admin;
      const path = r.path
        .replace(/\{(\w+)\}/, '0'.repeat(1024))
        .replace(/\{(\w+)\}/g, (_, n: string) => EXAMPLES[n] ?? '01KJP4C580PPCE3J2ZETH2AT29');
      expectProblem(await api(r.method, path, { token, ...(r.doc.body ? { body: {} } : {}) }), 400);
    },
  );

  it.each(routes.filter((r) => r.auth !== 'none').map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s without credentials → 401',
    async (_, r) => {
      expectProblem(
        await api(r.method, concrete(r), { headers: { 'idempotency-key': 'k' }, ...(r.doc.body ? { body: {} } : {}) }),
        401,
      );
    },
  );

  it.each(routes.filter((r) => r.auth !== 'none').map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s with a forged token → 401',
    async (_, r) => {
      expectProblem(
        await api(r.method, concrete(r), {
          token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          ...(r.doc.body ? { body: {} } : {}),
        }),
        401,
      );
    },
  );

  it.each(routes.filter((r) => r.doc.body).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s with malformed JSON → 400',
    async (_, r) => {
      const token = r.auth === 'apiKey' ? deptKey : admin;
      expectProblem(
        await api(r.method, concrete(r), {
          token,
          headers: { 'content-type': 'application/json', 'idempotency-key': 'malformed' },
          raw: '{"a":',
        }),
        400,
      );
    },
  );

  it.each(routes.filter((r) => r.doc.body).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s with a body over 256 KB → 413',
    async (_, r) => {
      const token = r.auth === 'apiKey' ? deptKey : admin;
      expectProblem(
        await api(r.method, concrete(r), {
          token,
          headers: { 'content-type': 'application/json', 'idempotency-key': 'big' },
          raw: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
        }),
        413,
      );
    },
  );
});
