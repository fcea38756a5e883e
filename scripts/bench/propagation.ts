// npm run bench:propagation — how fast an accepted event reaches a subscriber on the local runtime:
// 200 EnforcementLead.Shared events posted at 20 per second by one department, received by an
// entitled department both ways at once — its webhook (a real HTTP server on loopback) and its pull
// feed (GET /v1/inbox polled every 100 ms with the cursor). From one run: POST accepted (the 202) →
// webhook received and → first seen in the inbox, p50 / p99, and the lost count. A webhook takes two
// outbox hops, as in AWS: the lead → stream → relay → bus → fan-out, which commits the delivery
// request → stream → relay → bus → delivery. The load average is printed: the whole platform runs
// in this one Node process beside DynamoDB Local, so the machine's other work shows in the tail.
// BENCH_TRACE=1 also prints where the time went: each hop's commit → relayed (from the createdAt and
// publishedAt the outbox really writes), the functions' invocations and their DynamoDB requests.

import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';
import { startLocalRuntime } from '../../packages/local/src/runtime';
import { logger } from '../../packages/platform/src/logger';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const INBOX_POLL_MS = 100;
const SETTLE_MS = 1000; // the runtime's default, as in AWS (FAZHI_INBOX_SETTLE_MS)
const TRACE = process.env.BENCH_TRACE === '1';
const invocations = new Map<string, { n: number; ms: number }>();
const requests = new Map<string, { n: number; ms: number }>();
let tracing = false;
const tally = (m: Map<string, { n: number; ms: number }>, key: string, ms: number) => {
  if (!tracing) return;
  const e = m.get(key) ?? { n: 0, ms: 0 };
  e.n++;
  e.ms += ms;
  m.set(key, e);
};

logger.setLogLevel('WARN');
const webhookAt = new Map<string, number>();
const receiver = createServer((req, res) => {
  const id = req.headers['x-fazhi-event-id'];
  req.resume();
  req.on('end', () => {
    if (typeof id === 'string' && !webhookAt.has(id)) webhookAt.set(id, performance.now());
    res.writeHead(204).end();
  });
});
await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', () => ok()));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const ddb = await startDynamoDbLocal();
const rt = await startLocalRuntime({
  port: 0,
  ddbEndpoint: ddb.endpoint,
  tableName: 'propagation',
  dataDir: mkdtempSync(join(tmpdir(), 'fazhi-prop-')),
  webDist: false,
  inboxSettleMs: SETTLE_MS,
  allowLoopbackWebhooks: true,
  log: () => undefined,
  ...(TRACE ? { onInvoke: (name: string, ms: number) => tally(invocations, name, ms) } : {}),
});
if (TRACE) {
  // The functions' DynamoDB requests (not the bus's queue nor the stream reads: clients of their own).
  rt.deps.ddb.middlewareStack.add(
    (next, ctx) => async (args) => {
      const t = performance.now();
      try {
        return await next(args);
      } finally {
        tally(requests, ctx.commandName ?? '?', performance.now() - t);
      }
    },
    { step: 'initialize', name: 'benchTrace' },
  );
}
const keyOf = (dept: string) => rt.credentials!.departments.find((d) => d.id === dept)!.apiKey;
const api = async (
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(rt.baseUrl + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
};
const admin = (
  await fetch(`${rt.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Fazhi@2026' }),
  }).then((r) => r.json())
).token as string;
await api('PUT', '/v1/departments/procuratorate/webhook', admin, { url: hookUrl });

// The pull feed, as a department system reads it: the cursor kept, a page every 100 ms.
const inboxAt = new Map<string, number>();
let reading = true;
const reader = (async () => {
  const key = keyOf('procuratorate');
  let after: string | undefined;
  while (reading) {
    const page = await api('GET', `/v1/inbox${after ? `?after=${after}` : ''}`, key);
    const now = performance.now();
    for (const item of page.items as { event: { detail: { meta: { eventId: string } } } }[]) {
      const id = item.event.detail.meta.eventId;
      if (!inboxAt.has(id)) inboxAt.set(id, now);
    }
    after = page.next;
    await new Promise((r) => setTimeout(r, INBOX_POLL_MS));
  }
})();

const loadAtStart = loadavg()[0]!.toFixed(1);
const cpus = availableParallelism();
const acceptedAt = new Map<string, number>();
const samr = keyOf('samr');
tracing = true;
const started = performance.now();
const posts: Promise<void>[] = [];
for (let i = 0; i < EVENTS; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  posts.push(
    api(
      'POST',
      '/v1/events',
      samr,
      {
        entries: [
          {
            detailType: 'EnforcementLead.Shared',
            detail: { data: { subjectName: `主体${i}`, category: 'tax', summary: `线索${i}：涉嫌偷逃税款` } },
          },
        ],
      },
      { 'idempotency-key': `prop-${i}` },
    ).then((r) => {
      acceptedAt.set(r.entries[0].eventId as string, performance.now());
    }),
  );
}
await Promise.all(posts);
const postSeconds = (performance.now() - started) / 1000;
const until = performance.now() + 20_000;
while (performance.now() < until && (webhookAt.size < EVENTS || inboxAt.size < EVENTS))
  await new Promise((r) => setTimeout(r, 100));
reading = false;
await reader;

function stats(arrived: Map<string, number>) {
  const ms = [...acceptedAt]
    .flatMap(([id, t]) => (arrived.has(id) ? [arrived.get(id)! - t] : []))
    .sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? Number.NaN;
  return { p50: q(0.5), p99: q(0.99), lost: acceptedAt.size - ms.length };
}
const hook = stats(webhookAt);
const inbox = stats(inboxAt);
const f = (x: number) => `${x.toFixed(0)} ms`;
console.log(
  `bench:propagation — ${EVENTS} events posted at ${RATE}/s (took ${postSeconds.toFixed(1)} s), Node ${process.version}, DynamoDB Local in memory, load average ${loadAtStart} → ${loadavg()[0]!.toFixed(1)} on ${cpus} cores`,
);
console.log(
  `  POST accepted → webhook received   p50 ${f(hook.p50)}  p99 ${f(hook.p99)}  lost ${hook.lost}   (goal p99 ≤ 300 ms: ${hook.p99 <= 300 ? 'met' : 'NOT met'})`,
);
console.log(`  POST accepted → seen in the inbox  p50 ${f(inbox.p50)}  p99 ${f(inbox.p99)}  lost ${inbox.lost}`);
console.log(
  `  The inbox hands out only items older than its settle window (${SETTLE_MS} ms, FAZHI_INBOX_SETTLE_MS): its keys are`,
);
console.log(
  '  ULIDs stamped by the writer, and a writer still committing an earlier key must not land behind a cursor already',
);
console.log(
  `  returned. So inbox latency ≈ delivery + ${SETTLE_MS} ms + up to one ${INBOX_POLL_MS} ms poll; the webhook has no such window.`,
);
if (TRACE) await trace();
await rt.stop();
await ddb.stop();
receiver.close();

async function trace() {
  tracing = false;
  // Each hop, from the outbox's own marks: committed (createdAt) → relayed to the bus (publishedAt).
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await rt.deps.ddb.send(
      new ScanCommand({
        TableName: rt.tableName,
        FilterExpression: 'sk = :e',
        ExpressionAttributeValues: { ':e': 'EVENT' },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const hop = (pick: (i: Record<string, unknown>) => boolean) => {
    const ms = items
      .filter((i) => pick(i) && typeof i.publishedAt === 'number')
      .map((i) => (i.publishedAt as number) - (i.createdAt as number))
      .sort((a, b) => a - b);
    return `p50 ${f(ms[Math.floor(ms.length / 2)] ?? Number.NaN)}  p99 ${f(ms[Math.floor(ms.length * 0.99)] ?? Number.NaN)}  (n ${ms.length})`;
  };
  console.log(
    `  trace: hop 1, lead committed → relayed to the bus             ${hop((i) => acceptedAt.has(i.eventId as string))}`,
  );
  console.log(
    `  trace: hop 2, delivery request committed → relayed to the bus ${hop((i) => i.detailType === 'Exchange.WebhookDeliveryRequested')}`,
  );
  for (const [name, v] of [...invocations].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`  trace: ${name.padEnd(32)} ${String(v.n).padStart(5)} invocations, mean ${f(v.ms / v.n)}`);
  for (const [name, v] of [...requests].sort((a, b) => b[1].n - a[1].n))
    console.log(`  trace: ${name.padEnd(32)} ${String(v.n).padStart(5)} requests, mean ${f(v.ms / v.n)}`);
}
