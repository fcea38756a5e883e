// Starts the real local runtime for a test: the shared in-memory DynamoDB Local of the run, a table
// of its own, a temp data dir, a free port.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../packages/local/src/runtime';
import { testDdbEndpoint } from './ddb-endpoint';

let counter = 0;

/**
 * Every test runtime fails its stop() when a function sent a DynamoDB request its wiring's `table`
 * does not grant (the local access guard, packages/local/src/access-guard.ts): the end-to-end
 * suites are the proof that the declarations are complete, even where a handler swallows the error.
 * A test that provokes a refusal on purpose passes `onAccessDenied` itself.
 */
export async function startTestRuntime(opts: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  counter++;
  const denials: string[] = [];
  const rt = await startLocalRuntime({
    onAccessDenied: (d) => denials.push(d.message),
    port: 0,
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `t${process.pid}x${counter}x${Math.random().toString(36).slice(2, 8)}`,
    dataDir: mkdtempSync(join(tmpdir(), 'fazhi-test-')),
    webDist: false,
    busRetryBaseMs: 20,
    // Lambda waits about 1 and 2 minutes before its retries; the suite keeps the ratio, not the minutes.
    asyncRetryDelaysMs: [40, 80],
    inboxSettleMs: 0,
    // The suite's webhook receivers listen on 127.0.0.1; tests of the SSRF rules turn this off.
    allowLoopbackWebhooks: true,
    log: process.env.FAZHI_TEST_LOG ? (m, e) => console.log(m, JSON.stringify(e)) : () => undefined,
    ...opts,
  });
  const stop = rt.stop.bind(rt);
  rt.stop = async () => {
    await stop();
    if (denials.length > 0) {
      throw new Error(`functions sent requests their wiring does not grant:\n${[...new Set(denials)].join('\n')}`);
    }
  };
  return rt;
}

export type Api = (
  method: string,
  path: string,
  init?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string },
) => Promise<{
  status: number;
  headers: Headers;
  json: any;
  text: string;
}>;

export function apiOf(baseUrl: string): Api {
  return async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

export async function login(api: Api, username: string, password = 'Fazhi@2026'): Promise<string> {
  const r = await api('POST', '/v1/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.text}`);
  return r.json.token as string;
}

export async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  // A limit, not a measure: it only matters when the awaited state never comes. The CI machine runs
  // two suites at once beside one shared DynamoDB Local, where a sweep → alert → notify chain has
  // taken over 15 s.
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
