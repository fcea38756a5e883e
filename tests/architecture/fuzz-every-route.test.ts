// Hostile input over every route of the wiring, generated from the wiring itself (paths, declared
// parameters, body and query schemas) with fast-check, against the real local gateway and DynamoDB
// Local: whatever arrives, the answer is never 5xx, and every refusal is problem+json.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { allFunctions } from '../../functions/index';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type WebhookSender, webhookSender } from '../../packages/platform/src/webhook-sender';
import type { RouteWiring } from '../../packages/platform/src/wiring';
import { apiOf, login, startTestRuntime } from '../support/runtime';

const RUNS_PER_ROUTE = Number(process.env.FAZHI_FUZZ_RUNS ?? 120);
const routes: RouteWiring[] = allFunctions.flatMap((f) => f.routes ?? []);

let rt: LocalRuntime;
let tokens: { admin: string; duty: string; deptKey: string };
let cases = 0;
const failures: string[] = [];

// Deliveries to whatever a fuzzed webhook names go nowhere: every name resolves to a refused address.
const nowhere: WebhookSender = webhookSender({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });

beforeAll(async () => {
  rt = await startTestRuntime({ webhooks: nowhere });
  const api = apiOf(rt.baseUrl);
  tokens = {
    admin: await login(api, 'admin'),
    duty: await login(api, 'propaganda.duty'),
    deptKey: rt.credentials!.departments.find((d) => d.id === 'samr')!.apiKey,
  };
});
afterAll(async () => {
  console.log(
    `fuzz: ${cases} requests over ${routes.length} routes, ${failures.length} answered 5xx or not problem+json`,
  );
  await rt?.stop();
});

type JsonSchema = Record<string, any>;

/** Percent-encodes any string, lone surrogates included (as U+FFFD, which is what a browser sends). */
const enc = (v: string) =>
  encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

/** Values of a JSON Schema (the subset zod emits), mostly valid, sometimes hostile in one place. */
function sampleOf(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const hostile = fc.oneof(
    fc.string({ maxLength: 3000 }),
    fc.constant('x'.repeat(5000)),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant({}),
    fc.constant([]),
    fc.constant('\u0000\ud800'),
  );
  if (!s || depth > 4) return hostile;
  const valid = ((): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
    const alts = s.anyOf ?? s.oneOf;
    if (Array.isArray(alts) && alts.length) return fc.oneof(...alts.map((a: JsonSchema) => sampleOf(a, depth + 1)));
    switch (s.type) {
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, JsonSchema>;
        const required = new Set<string>(s.required ?? []);
        return fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sampleOf(v, depth + 1)])), {
          requiredKeys: Object.keys(props).filter((k) => required.has(k) || Math.random() < 0.7),
        });
      }
      case 'array':
        return fc.array(sampleOf(s.items, depth + 1), { maxLength: s.maxItems ? Math.min(s.maxItems + 1, 5) : 5 });
      case 'string':
        if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        if (s.format === 'uri') return fc.constantFrom('https://example.org/hook', 'http://127.1/', 'https://[::1]/');
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
      case 'number':
        return fc.double({ noNaN: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
      case 'boolean':
        return fc.boolean();
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: hostile, weight: 1 });
}

const schemaOf = (t: z.ZodType | undefined) =>
  t ? (z.toJSONSchema(t, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;

/** One path segment for a parameter: a value of its declared shape, or something hostile. */
function paramArb(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const encoded = fc.string({ maxLength: 60, unit: 'binary' }).map((v) => enc(v));
  const pattern = schema?.pattern ? fc.stringMatching(new RegExp(schema.pattern)).map(enc) : encoded;
  return fc.oneof(
    { arbitrary: pattern, weight: 4 },
    { arbitrary: encoded, weight: 2 },
    fc.constantFrom('%zz', '%', '%4', '%C0%AF', '%ED%A0%80', '..', '%2e%2e', 'a%2Fb', '%00', 'psb', '2027'),
    fc.nat({ max: 4000 }).map((n) => '0'.repeat(n)),
    fc.nat({ max: 2100 }).map((n) => `${'%E4%B8%AD'.repeat(Math.ceil(n / 9))}`),
    fc.uint8Array({ maxLength: 20 }).map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')),
  );
}

const queryArb = (schema: JsonSchema | undefined) =>
  fc.oneof(
    fc.constant(''),
    sampleOf(schema).map((v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? new URLSearchParams(
            Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : JSON.stringify(x)]),
          ).toString()
        : `q=${enc(String(v))}`,
    ),
    fc.constantFrom('a=%zz', '%', 'cursor=%E4', `cursor=${'A'.repeat(3000)}`, 'limit=-1', 'limit=1e400', 'x=1&x=2'),
    fc.string({ maxLength: 200 }).map(enc),
  );

const bodyArb = (schema: JsonSchema | undefined) =>
  fc.oneof(
    { arbitrary: sampleOf(schema).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')), weight: 5 },
    fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v))),
    fc
      .constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '{"__proto__":{"x":1}}', '{"constructor":{}}')
      .map((s) => Buffer.from(s)),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
    fc.nat({ max: 300 * 1024 }).map((n) => Buffer.from(JSON.stringify({ pad: 'x'.repeat(n) }))),
    fc.nat({ max: 200 }).map((n) => Buffer.from(`${'['.repeat(n * 50)}${']'.repeat(n * 50)}`)),
  );

const headerValue = fc.oneof(
  fc.string({ maxLength: 100 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.nat({ max: 12_000 }).map((n) => 'a'.repeat(n)),
);

function headersArb() {
  return fc.record(
    {
      authorization: fc.oneof(
        fc.constantFrom('admin', 'duty', 'deptKey').map((k) => `Bearer ${tokens[k as keyof typeof tokens]}`),
        fc.constantFrom(
          'Bearer fz_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          'Basic YTpi',
          'Bearer ',
        ),
        headerValue.map((v) => `Bearer ${v}`),
      ),
      'content-type': fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/merge-patch+json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ),
      'idempotency-key': fc.oneof(fc.uuid(), headerValue),
      'x-correlation-id': headerValue,
      'if-none-match': headerValue,
      'accept-language': headerValue,
    },
    { requiredKeys: ['authorization'] },
  );
}

function routeCase(r: RouteWiring) {
  const params = schemaOf(r.doc.params)?.properties as Record<string, JsonSchema> | undefined;
  const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return fc.record({
    segments: fc.tuple(...names.map((n) => paramArb(params?.[n])), fc.constant('')),
    query: queryArb(schemaOf(r.doc.query)),
    body: r.method === 'GET' ? fc.constant(undefined) : fc.option(bodyArb(schemaOf(r.doc.body)), { nil: undefined }),
    headers: headersArb(),
  });
}

describe('fuzzing every wired route', () => {
  it('covers every route of functions/index.ts', () => {
    expect(routes.length).toBeGreaterThan(25);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: no 5xx, problem+json on refusal',
    async (_, r) => {
      await fc.assert(
        fc.asyncProperty(routeCase(r), async (c) => {
          // Prepare
          let i = 0;
          const path = r.path.replace(/\{\w+\}/g, () => c.segments[i++] ?? '');
          const target = c.query ? `${path}?${c.query}` : path;

          // Act
          let res: Response;
          let text: string;
          const started = Date.now();
          try {
            res = await fetch(rt.baseUrl + target, {
              method: r.method,
              headers: c.headers,
              ...(c.body !== undefined ? { body: c.body } : {}),
            });
            text = await res.text();
          } catch (e) {
            const cause = (e as Error & { cause?: Error }).cause;
            throw new Error(
              `${r.method} ${target.slice(0, 200)}: no answer after ${Date.now() - started} ms (${(e as Error).message}: ${cause?.message ?? ''})`,
            );
          }
          cases++;

          // Assess
          const type = res.headers.get('content-type') ?? '';
          const bad = res.status >= 500 || (res.status >= 400 && !type.includes('application/problem+json'));
          if (bad) failures.push(`${r.method} ${target.slice(0, 120)} → ${res.status} ${text.slice(0, 200)}`);
          expect(bad, `${r.method} ${target.slice(0, 200)} → ${res.status} ${type} ${text.slice(0, 300)}`).toBe(false);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    },
  );
});
