// The receivers of docs/WEBHOOKS.md, run exactly as printed there (Node, and Java 17 from source),
// against real signed deliveries: a delivery of the runtime is accepted; a wrong secret, a stale
// timestamp, a signature moved to another body, and a re-timed signature are refused.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { WEBHOOK_VERIFY_SNIPPET } from '../../packages/platform/src/openapi/integration-guide';
import { signatureHeader, webhookSender } from '../../packages/platform/src/webhook-sender';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';

const doc = readFileSync(new URL('../../docs/WEBHOOKS.md', import.meta.url), 'utf8');
const blocks = (lang: string) =>
  [...doc.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
let SECRET = '';

const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

/** Starts a receiver process and answers its port, from its "listening on N" line. */
function startReceiver(cmd: string, args: string[], cwd: string, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, [...args, String(port)], {
      cwd,
      env: { ...process.env, FAZHI_WEBHOOK_SECRET: SECRET, PORT: String(port) },
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.on('exit', (code) => fail(new Error(`${cmd} exited ${code}: ${err}`)));
  });
}

let rt: LocalRuntime;
let api: Api;
let admin: string;
const ports: Record<'node' | 'java', number> = { node: 0, java: 0 };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-receivers-'));
  const [verify, receiver] = blocks('js');
  writeFileSync(join(dir, 'verify.mjs'), verify!);
  writeFileSync(join(dir, 'receiver.mjs'), receiver!);
  writeFileSync(join(dir, 'FazhiWebhookReceiver.java'), blocks('java')[0]!);
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
  // The department's secret, issued by a registration, is what both receivers are started with.
  const [nodePort, javaPort] = [await freePort(), await freePort()];
  const set = await api('PUT', '/v1/departments/procuratorate/webhook', {
    token: admin,
    body: { url: `http://127.0.0.1:${nodePort}/hook` },
  });
  SECRET = set.json.secret;
  [ports.node, ports.java] = await Promise.all([
    startReceiver(process.execPath, ['receiver.mjs'], dir, nodePort),
    startReceiver('java', ['FazhiWebhookReceiver.java'], dir, javaPort),
  ]);
}, 120_000);
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await rt?.stop();
});

describe('docs/WEBHOOKS.md', () => {
  it('prints the same Node verification as /docs', () => {
    expect(blocks('js')[0]!.trim()).toBe(WEBHOOK_VERIFY_SNIPPET.trim());
  });

  it.each(['node', 'java'] as const)('the %s receiver accepts a real delivery of the runtime', async (lang) => {
    // Prepare: the procuratorate's webhook is the documented receiver (same secret)
    const set = await api('PUT', '/v1/departments/procuratorate/webhook', {
      token: admin,
      body: { url: `http://127.0.0.1:${ports[lang]}/hook` },
    });
    expect(set.status, set.text).toBe(200);

    // Act
    const posted = await api('POST', '/v1/events', {
      token: rt.credentials!.departments.find((d) => d.id === 'psb')!.apiKey,
      headers: { 'idempotency-key': `receiver-${lang}` },
      body: {
        entries: [
          {
            detailType: 'EnforcementLead.Shared',
            detail: {
              data: {
                subjectName: '某某食品有限公司',
                uscc: '91350100M000100Y43',
                category: 'food-drug',
                summary: lang,
              },
            },
          },
        ],
      },
    });
    const eventId = posted.json.entries[0].eventId as string;

    // Assess: the receiver answered 2xx, so the receipt says delivered
    const w = await eventually(async () => {
      const x = await api('GET', `/v1/events/${eventId}/receipts`, { token: admin });
      const r = x.json?.receipts?.find((y: { departmentId: string }) => y.departmentId === 'procuratorate');
      return r?.webhook?.status === 'delivered' || r?.webhook?.attempts >= 2 ? r.webhook : undefined;
    }, `delivery to the ${lang} receiver`);
    expect(w).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it.each(['node', 'java'] as const)('the %s receiver refuses what the docs say it must', async (lang) => {
    // Prepare
    const url = `http://127.0.0.1:${ports[lang]}/hook`;
    const body = JSON.stringify({ id: '01KJP4C580PPCE3J2ZETH2AT29', 名: '值' });
    const now = Math.floor(Date.now() / 1000);
    const post = (signature: string, b = body) =>
      fetch(url, {
        method: 'POST',
        headers: { 'x-fazhi-signature': signature, 'x-fazhi-event-id': 'e1' },
        body: b,
      }).then((r) => r.status);
    const good = signatureHeader(SECRET, body, now);

    // Act
    const statuses = {
      good: await post(good),
      again: await post(good),
      wrongSecret: await post(signatureHeader('other', body, now)),
      stale: await post(signatureHeader(SECRET, body, now - 301)),
      otherBody: await post(good, `${body} `),
      retimed: await post(`t=${now + 1},${good.split(',')[1]}`),
      legacy: await post(`sha256=${good.split('v1=')[1]}`),
      none: await post(''),
      viaSender: (
        await webhookSender({ allowLoopback: true, now: () => Date.now() - 10 * 60_000 }).send({
          url,
          secret: SECRET,
          body,
          eventId: 'e2',
        })
      ).status,
    };

    // Assess
    expect(statuses).toEqual({
      good: 204,
      again: 204,
      wrongSecret: 401,
      stale: 401,
      otherBody: 401,
      retimed: 401,
      legacy: 401,
      none: 401,
      viaSender: 401,
    });
  });
});
