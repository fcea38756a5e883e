// npm run bench:clocks — does the clock sweep cost follow the clocks due, not the clocks alive?
// DynamoDB Local in memory, the real table definition, the real sweeper. 1,000 live clocks, then
// 100,000; each measured sweep finds 200 clocks due (a fresh 200 seeded before each run). Prints the
// median sweep time at both sizes and their ratio (goal ≤ 1.2).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '@fazhi/domain/clock';
import { recordingNotifier } from '@fazhi/platform/alert-notifier';
import { startClockChange } from '@fazhi/platform/clocks/clock-changes';
import { clockItem } from '@fazhi/platform/clocks/clock-record';
import { clockRegistry } from '@fazhi/platform/clocks/registry';
import { registerClockSubject } from '@fazhi/platform/clocks/subjects';
import { sweepDueClocks } from '@fazhi/platform/clocks/sweep';
import { documentClient, idFactory, type PlatformDeps } from '@fazhi/platform/deps';
import { noLinkMac } from '@fazhi/platform/secrets/link-tokens';
import { noSecrets } from '@fazhi/platform/secrets/webhook-secrets';
import { startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';
import { ensureTable } from '../../packages/local/src/tables';

registerClockSubject({ type: 'load-test', service: 'test', name: '负载测试', nameEn: 'Load test' });

const SMALL = 1_000;
const LARGE = 100_000;
const DUE_PER_SWEEP = 200;
const RUNS = 7;
const GOAL = 1.2;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-23T10:00:00+08:00');

const clock = new ManualClock(T0);
const registry = clockRegistry();
let serial = 0;

/** A clock as the opinion service starts it at `startedAt` (default T0), due at `dueAt`. */
function clockDueAt(dueAt: number, startedAt = T0): Record<string, unknown> {
  const n = serial++;
  const change = startClockChange(
    {
      id: `bench-${String(n).padStart(7, '0')}`,
      policyId: 'opinion.release',
      subject: { type: 'load-test', id: `incident-${n}`, title: '基准测试事件' },
      departmentId: `dept-${n % 12}`,
      startedAt: dueAt - 5 * HOUR,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
    },
    startedAt,
    registry,
  );
  return clockItem(change.after);
}

async function batchWrite(d: PlatformDeps, items: Record<string, unknown>[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (;;) {
        const start = next;
        next += 25;
        if (start >= items.length) return;
        let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const r = await d.ddb.send(new BatchWriteCommand({ RequestItems: { [d.tableName]: pending } }));
          pending = (r.UnprocessedItems?.[d.tableName] ?? []) as typeof pending;
        }
      }
    }),
  );
}

/** `count` live clocks due between 1 and 30 days from now: in the due index, nothing due yet. */
async function seedLive(d: PlatformDeps, count: number): Promise<number> {
  const started = Date.now();
  const items = Array.from({ length: count }, (_, i) => clockDueAt(T0 + DAY + ((i * 7919) % (29 * DAY))));
  await batchWrite(d, items);
  return Date.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Seeds 200 clocks started 10 minutes before their due instant, a moment ago; times one sweep; `RUNS` times. */
async function timeSweeps(d: PlatformDeps): Promise<{ median: number; min: number; max: number; read: number }> {
  const times: number[] = [];
  let read = 0;
  for (let run = 0; run < RUNS; run++) {
    await batchWrite(
      d,
      Array.from({ length: DUE_PER_SWEEP }, (_, i) => clockDueAt(T0 - 60_000 - i, T0 - 11 * 60_000)),
    );
    const result = await sweepDueClocks(d);
    if (result.breaches !== DUE_PER_SWEEP) throw new Error(`sweep fired ${result.breaches}, expected ${DUE_PER_SWEEP}`);
    times.push(result.ms);
    read = Math.max(read, result.due);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), read };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ddbLocal = await startDynamoDbLocal();
  try {
    const raw = new DynamoDBClient({
      endpoint: ddbLocal.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableName = 'bench-clocks';
    await ensureTable(raw, tableName);
    const d: PlatformDeps = {
      clock,
      ddb: documentClient(raw),
      tableName,
      publisher: { put: async () => undefined },
      tokens: { verify: () => Promise.reject(new Error('not used')) },
      webhooks: {
        send: () => Promise.reject(new Error('not used')),
        check: () => Promise.reject(new Error('not used')),
      },
      notifier: recordingNotifier(),
      secrets: noSecrets,
      sms: { channel: 'log', send: () => Promise.reject(new Error('no text messages here')) },
      links: noLinkMac,
      webUrl: '',
      newId: idFactory(clock),
      inboxSettleMs: 0,
      outboxStaleMs: 60_000,
      clockLookaheadMs: 0,
    };

    const seedSmall = await seedLive(d, SMALL);
    await timeSweeps(d); // warm-up: JIT and DynamoDB Local caches, not measured
    const small = await timeSweeps(d);
    process.stdout.write(
      `measured ${SMALL.toLocaleString('en')} live clocks; seeding to ${LARGE.toLocaleString('en')}…\n`,
    );
    const seedLarge = await seedLive(d, LARGE - SMALL);
    const large = await timeSweeps(d);
    const ratio = large.median / small.median;

    const line = (label: string, r: typeof small) =>
      `  ${label.padEnd(22)} median ${String(r.median).padStart(5)} ms  (min ${r.min}, max ${r.max}; due entries read ${r.read})`;
    process.stdout.write(
      [
        '',
        '== bench:clocks — sweep time vs live clocks ============================',
        `  each sweep: ${DUE_PER_SWEEP} clocks due (Clock.Breached committed for each), ${RUNS} runs per size`,
        line(`${SMALL.toLocaleString('en')} live clocks`, small),
        line(`${LARGE.toLocaleString('en')} live clocks`, large),
        `  ratio 100k / 1k:       ${ratio.toFixed(2)}  (goal ≤ ${GOAL}: ${ratio <= GOAL ? 'met' : 'NOT met'})`,
        `  seeding: ${SMALL} in ${(seedSmall / 1000).toFixed(1)} s, ${LARGE - SMALL} in ${(seedLarge / 1000).toFixed(1)} s (BatchWrite, not measured)`,
        '  DynamoDB Local 1.25 in memory, client and server on this machine',
        '=========================================================================',
        '',
      ].join('\n'),
    );
  } finally {
    await ddbLocal.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
