// npm run bench:ingest — from one run: the raw DynamoDB Local transaction rate (the same write a
// POST /v1/events makes: idempotency record + event item in one TransactWriteItems), the full
// POST /v1/events rate through the local runtime (gateway, authoriser, validation, idempotency,
// outbox — with the relay, evidence chain and fan-out running behind it), p50/p99, and the ratio.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';
import { startLocalRuntime } from '../../packages/local/src/runtime';
import { ensureTable } from '../../packages/local/src/tables';
import { documentClient, type PlatformDeps } from '../../packages/platform/src/deps';
import { pendingEvents } from '../../packages/platform/src/events/relay';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const summary = '日常检查发现该公司涉嫌生产销售不符合安全标准的食品，涉案货值约 12 万元，可能达到刑事立案标准。'.repeat(
  3,
);

async function runFor(
  seconds: number,
  op: (i: number) => Promise<void>,
): Promise<{ rate: number; p50: number; p99: number; errors: number }> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let n = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const i = n++;
        const t = performance.now();
        try {
          await op(i);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rate: latencies.length / elapsed, p50: q(0.5), p99: q(0.99), errors };
}

/**
 * Waits until the relay has published everything the phase accepted (and the fan-out's own events),
 * so the next phase does not run against the previous one's backlog. Returns the seconds it took.
 */
async function drain(d: PlatformDeps): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < 3) {
    quiet = (await pendingEvents(d, 999_999_999_999_999)).length === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
  return (performance.now() - started) / 1000 - 0.6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ddb = await startDynamoDbLocal();
try {
  const raw = new DynamoDBClient({
    endpoint: ddb.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  await ensureTable(raw, 'rawbench');
  const doc = documentClient(raw);
  const rt = await startLocalRuntime({
    port: 0,
    ddbEndpoint: ddb.endpoint,
    tableName: 'fullbench',
    dataDir: mkdtempSync(join(tmpdir(), 'fz-bench-')),
    webDist: false,
    log: () => undefined,
  });
  const apiKey = rt.credentials!.departments.find((d) => d.id === 'samr')!.apiKey;
  const run = Date.now();

  const rawOp = async (i: number) => {
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: 'rawbench',
              Item: { pk: `IDEM#${run}#${i}`, sk: 'IDEM', requestHash: 'h'.repeat(64), response: { status: 202 } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: 'rawbench',
              Item: {
                pk: `EVENT#${run}#${i}`,
                sk: 'EVENT',
                type: 'event',
                detail: { data: { subjectName: '某某食品有限公司', category: 'food-drug', summary } },
                gsi2pk: `OUTBOX#${i % 16}`,
                gsi2sk: `${Date.now()}#${i}`,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  };
  const fullOp = async (i: number) => {
    const res = await fetch(`${rt.baseUrl}/v1/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${run}-${i}`,
      },
      body: JSON.stringify({
        entries: [
          {
            detailType: 'EnforcementLead.Shared',
            detail: {
              data: { subjectName: '某某食品有限公司', uscc: '91350100M000100Y43', category: 'food-drug', summary },
            },
          },
        ],
      }),
    });
    await res.arrayBuffer();
    if (res.status !== 202) throw new Error(`status ${res.status}`);
  };

  await runFor(2, rawOp); // warm-up: JIT, connections
  await runFor(2, fullOp);
  await drain(rt.deps);
  const raws: Awaited<ReturnType<typeof runFor>>[] = [];
  const fulls: Awaited<ReturnType<typeof runFor>>[] = [];
  const catchUp: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    raws.push(await runFor(SECONDS, rawOp));
    fulls.push(await runFor(SECONDS, fullOp));
    catchUp.push(await drain(rt.deps));
  }
  const rawRate = median(raws.map((x) => x.rate));
  const fullRate = median(fulls.map((x) => x.rate));
  const f = (x: number) => x.toFixed(1);
  console.log('');
  console.log(
    `bench:ingest — ${ROUNDS} alternating rounds of ${SECONDS} s each, concurrency ${CONCURRENCY}, Node ${process.version}, DynamoDB Local in memory`,
  );
  console.log(
    `  raw TransactWriteItems (2 puts)     rounds ${raws.map((x) => f(x.rate)).join(' / ')} tx/s   median ${f(rawRate)} tx/s   p50 ${f(median(raws.map((x) => x.p50)))} ms  p99 ${f(median(raws.map((x) => x.p99)))} ms`,
  );
  console.log(
    `  full POST /v1/events (1 entry)      rounds ${fulls.map((x) => f(x.rate)).join(' / ')} req/s  median ${f(fullRate)} req/s  p50 ${f(median(fulls.map((x) => x.p50)))} ms  p99 ${f(median(fulls.map((x) => x.p99)))} ms  errors ${fulls.reduce((a, x) => a + x.errors, 0)}`,
  );
  console.log(`  ratio full / raw                    ${(fullRate / rawRate).toFixed(2)}   (goal ≥ 0.50)`);
  console.log(
    `  relay + fan-out catch-up after each full round: ${catchUp.map((x) => `${Math.max(0, x).toFixed(1)} s`).join(' / ')} (chain, bus, inbox for 5 departments; rounds start drained)`,
  );
  await rt.stop();
} finally {
  await ddb.stop();
}
