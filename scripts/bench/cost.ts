// npm run cost — what Fazhi costs in AWS at list prices, measured, not guessed: one lifecycle of each
// service runs on the local runtime against its own in-memory DynamoDB Local with
// ReturnConsumedCapacity on every command, and the script counts request units (transactional ones
// apart: they cost double), events put on the bus, Lambda invocations (and their wall time here),
// API calls and SNS messages; then the idle platform (the scheduled sweeps) and one open on-duty
// board. It prints the bill per 1,000 lifecycles and for a city per month.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allFunctions } from '../../functions/index';
import { startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';
import { invocation, startLocalRuntime } from '../../packages/local/src/runtime';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { logger } from '../../packages/platform/src/logger';
import { METRICS } from '../../packages/platform/src/metrics';
import { BOARD_POLL } from '../../packages/web/src/board/poll-intervals';
import { FIXTURE_DIRS } from '../../tests/infra/fixtures/wirings';
import { synthesize } from '../../tests/infra/synth';
import { startWebhookReceiver } from '../../tests/support/webhook-receiver';

// ── List prices, us-east-1 (N. Virginia), on-demand, as published by AWS in 2025 ────────────────
// cn-north-1 (Beijing, operated by Sinnet) bills in CNY at different rates; convert with its price
// list before quoting these figures to a city there.
const PRICE = {
  writeRequestUnit: 0.625 / 1e6, // DynamoDB on-demand WRU (a transactional write of ≤1 KB takes 2)
  readRequestUnit: 0.125 / 1e6, // DynamoDB on-demand RRU (eventually consistent ≤4 KB takes 0.5)
  lambdaRequest: 0.2 / 1e6,
  lambdaGbSecondArm: 0.0000133334, // arm64, as infra deploys
  eventBridgeEvent: 1.0 / 1e6, // custom events put on a bus; rule deliveries to Lambda are free
  httpApiRequest: 1.0 / 1e6, // API Gateway HTTP API, first 300 M a month
  snsPublish: 0.5 / 1e6, // the publish; SMS delivery is priced per country and is not included
  alarmMetricMonth: 0.1, // per metric a standard-resolution alarm evaluates (a metric-math alarm pays for each)
  customMetricMonth: 0.3, // per custom metric (name + dimensions) published in every hour of the month
  dashboardMonth: 3.0,
  kmsKeyMonth: 1.0, // customer-managed key
  logIngestGb: 0.5,
};
const LOG_KB_PER_INVOCATION = 0.5; // START/END/REPORT lines and a structured line or two (assumed)
const MONTH_MINUTES = 30 * 24 * 60;

// ── Metering ────────────────────────────────────────────────────────────────────────────────────
interface Meter {
  rru: number;
  wru: number;
  txWru: number;
  calls: Record<string, number>;
  byFunction: Record<string, { rru: number; wru: number; txWru: number }>;
  /** Write units by where they land: the table itself or one of its indexes (transactional ones as billed). */
  writesByIndex: Record<string, number>;
  invocations: Record<string, { n: number; ms: number }>;
  busEvents: number;
  apiCalls: number;
  sns: number;
}
/** The value at `key`, created by `init` when absent. */
function slot<T>(map: Record<string, T>, key: string, init: () => T): T {
  if (!(key in map)) map[key] = init();
  return map[key]!;
}
const newMeter = (): Meter => ({
  rru: 0,
  wru: 0,
  txWru: 0,
  calls: {},
  byFunction: {},
  writesByIndex: {},
  invocations: {},
  busEvents: 0,
  apiCalls: 0,
  sns: 0,
});
let meter = newMeter();
/** The script's own reads (waiting for quiet) are not part of any bill. */
const SCRIPT = '(script)';

type Capacity = {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
};
const units = (c: Capacity | Capacity[] | undefined): number =>
  (Array.isArray(c) ? c : c ? [c] : []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0);

/**
 * Request units of one command as AWS bills them. DynamoDB Local 1.25 reports capacity, with two
 * quirks corrected here: a transactional write is reported at 4× a standard one (AWS bills 2×), and
 * a read that finds nothing is reported as 0 (AWS bills at least 0.5 RRU, 1 when consistent).
 */
function record(command: string, input: Record<string, unknown>, output: Record<string, unknown>): void {
  const fn = invocation.getStore() ?? '(runtime)';
  if (fn === SCRIPT) return;
  const f = slot(meter.byFunction, fn, () => ({ rru: 0, wru: 0, txWru: 0 }));
  meter.calls[command] = (meter.calls[command] ?? 0) + 1;
  const reported = units(output.ConsumedCapacity as Capacity | Capacity[] | undefined);
  if (/^(TransactWriteItems|PutItem|UpdateItem|DeleteItem|BatchWriteItem)/.test(command)) {
    const factor = command === 'TransactWriteItemsCommand' ? 0.5 : 1;
    const list = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
    for (const c of Array.isArray(list) ? list : list ? [list] : []) {
      meter.writesByIndex.table = (meter.writesByIndex.table ?? 0) + (c.Table?.CapacityUnits ?? 0) * factor;
      for (const [index, u] of Object.entries(c.GlobalSecondaryIndexes ?? {}))
        meter.writesByIndex[index] = (meter.writesByIndex[index] ?? 0) + (u.CapacityUnits ?? 0) * factor;
    }
  }
  if (command === 'TransactWriteItemsCommand') {
    meter.txWru += reported / 2;
    f.txWru += reported / 2;
  } else if (/^(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/.test(command)) {
    meter.wru += reported;
    f.wru += reported;
  } else {
    const floor = input.ConsistentRead ? 1 : 0.5;
    const r = Math.max(reported, floor);
    meter.rru += r;
    f.rru += r;
  }
}

logger.setLogLevel('WARN');
const ddb = await startDynamoDbLocal();
const hook = await startWebhookReceiver();
const rt = await startLocalRuntime({
  port: 0,
  ddbEndpoint: ddb.endpoint,
  tableName: 'cost',
  dataDir: mkdtempSync(join(tmpdir(), 'fazhi-cost-')),
  webDist: false,
  clock: 'virtual',
  inboxSettleMs: 0,
  allowLoopbackWebhooks: true,
  log: () => undefined,
  onInvoke: (name, ms) => {
    const x = slot(meter.invocations, name, () => ({ n: 0, ms: 0 }));
    x.n++;
    x.ms += ms;
  },
});
rt.deps.ddb.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    input.ReturnConsumedCapacity = 'INDEXES';
    const out = await next(args);
    record(context.commandName ?? '?', input, out.output as Record<string, unknown>);
    return out;
  },
  { step: 'initialize', name: 'costMeter' },
);
const put = rt.deps.publisher.put.bind(rt.deps.publisher);
rt.deps.publisher.put = (events) => {
  meter.busEvents += events.length;
  return put(events);
};
const notify = rt.deps.notifier.notify.bind(rt.deps.notifier);
rt.deps.notifier.notify = (m) => {
  meter.sns++;
  return notify(m);
};

async function call(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  meter.apiCalls++;
  const res = await fetch(rt.baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}
const local = async (method: string, path: string, body?: unknown) =>
  fetch(rt.baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).then((r) => r.json());
const login = async (username: string) =>
  (
    await fetch(`${rt.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Fazhi@2026' }),
    }).then((r) => r.json())
  ).token as string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until the outbox is drained and the bus has been quiet for a while: the lifecycle's work is done. */
async function settle(): Promise<void> {
  let quiet = 0;
  let last = -1;
  while (quiet < 4) {
    await sleep(400);
    const pending = (await invocation.run(SCRIPT, () => pendingEvents(rt.deps, 999_999_999_999_999))).length;
    quiet = pending === 0 && meter.busEvents === last ? quiet + 1 : 0;
    last = meter.busEvents;
  }
}
const SCHEDULED = new Set(allFunctions.filter((f) => f.schedules?.length).map((f) => f.name));

// ── Idle: the sweeps with nothing to do ─────────────────────────────────────────────────────────
const officer = await login('propaganda.duty');
const admin = await login('admin');
const hookSet = await call('PUT', '/v1/departments/procuratorate/webhook', admin, { url: hook.url });
hook.setSecret(hookSet.json.secret);
await settle();
meter = newMeter();
await sleep(10_000);
const idle = meter;
const idlePerRun: Record<string, { rru: number; wru: number; txWru: number; ms: number }> = {};
for (const name of SCHEDULED) {
  const inv = idle.invocations[name];
  const cap = idle.byFunction[name] ?? { rru: 0, wru: 0, txWru: 0 };
  if (!inv) continue;
  idlePerRun[name] = { rru: cap.rru / inv.n, wru: cap.wru / inv.n, txWru: cap.txWru / inv.n, ms: inv.ms / inv.n };
}

// ── Lifecycles ──────────────────────────────────────────────────────────────────────────────────
const samr = rt.credentials!.departments.find((d) => d.id === 'samr')!.apiKey;
async function exchangeLifecycle(): Promise<void> {
  const posted = await call(
    'POST',
    '/v1/events',
    samr,
    {
      entries: [
        {
          detailType: 'EnforcementLead.Shared',
          detail: {
            data: {
              subjectName: '某某食品有限公司',
              uscc: '91350100M000100Y43',
              category: 'food-drug',
              summary: '日常检查发现该公司涉嫌生产销售不符合安全标准的食品，涉案货值约 12 万元。',
            },
          },
        },
      ],
    },
    { 'idempotency-key': `cost-${Math.random()}` },
  );
  await settle();
  const eventId = posted.json.entries[0].eventId as string;
  const receipts = await call('GET', `/v1/events/${eventId}/receipts`, samr);
  // Every recipient department reads its inbox once (a department polling an empty feed all day is
  // its own cost, priced below with the city).
  for (const r of receipts.json.receipts as { departmentId: string; status: string }[]) {
    if (r.status !== 'delivered') continue;
    const key = rt.credentials!.departments.find((d) => d.id === r.departmentId)?.apiKey;
    if (key) await call('GET', '/v1/inbox', key);
  }
}

const HOUR = 3_600_000;
async function opinionLifecycle(): Promise<void> {
  const now = (await local('GET', '/_local/clock')).nowMs as number;
  const opened = await call(
    'POST',
    '/v1/opinion-incidents',
    officer,
    {
      title: '城东高架危化品运输车侧翻',
      level: 'II',
      occurredAt: new Date(now - HOUR).toISOString(),
      discoveredAt: new Date(now - HOUR / 2).toISOString(),
      responsibleDepartmentId: 'propaganda',
      summary: '一辆危化品运输车在城东高架侧翻，现场已封控，无人员伤亡。',
    },
    { 'idempotency-key': `cost-${Math.random()}` },
  );
  const id = opened.json.id as string;
  await settle();
  const ackOpen = async () => {
    const alerts = await call('GET', '/v1/alerts?status=open', officer);
    for (const a of alerts.json.items as { id: string; status: string }[])
      if (a.status === 'open') await call('POST', `/v1/alerts/${a.id}/ack`, officer, {});
    await settle();
  };
  // The release warning (2 h before due) fires, is acknowledged; the release is made in time.
  await local('POST', '/_local/clock/advance', { by: 'PT2H5M' });
  await settle();
  await ackOpen();
  const releasedAt = (await local('GET', '/_local/clock')).nowMs as number;
  await call('POST', `/v1/opinion-incidents/${id}/milestones`, officer, {
    kind: 'release',
    at: new Date(releasedAt).toISOString(),
    channel: '市政府新闻办微博',
    documentNo: '宣发〔2026〕1号',
  });
  await settle();
  // The press-conference warning fires, is acknowledged; the conference is held; the incident closes.
  await local('POST', '/_local/clock/advance', { by: 'PT20H' });
  await settle();
  await ackOpen();
  const at = (await local('GET', '/_local/clock')).nowMs as number;
  await call('POST', `/v1/opinion-incidents/${id}/milestones`, officer, {
    kind: 'press-conference',
    at: new Date(at).toISOString(),
    channel: '市政府新闻发布厅',
    documentNo: '宣发〔2026〕2号',
  });
  await settle();
  await call('POST', `/v1/opinion-incidents/${id}/close`, officer, { reason: '处置完毕，舆情平息' });
  await settle();
}

/** The bill of one metered span, with the sweeps that ran meanwhile taken out (they run anyway). */
function bill(m: Meter) {
  let rru = m.rru;
  let wru = m.wru;
  let txWru = m.txWru;
  let gbSeconds = 0;
  let invocations = 0;
  for (const [name, inv] of Object.entries(m.invocations)) {
    const memoryGb = (allFunctions.find((f) => f.name === name)?.memoryMb ?? 512) / 1024;
    const base = idlePerRun[name];
    if (SCHEDULED.has(name) && base) {
      rru -= base.rru * inv.n;
      wru -= base.wru * inv.n;
      txWru -= base.txWru * inv.n;
      gbSeconds += (Math.max(0, inv.ms - base.ms * inv.n) / 1000) * memoryGb;
      continue;
    }
    invocations += inv.n;
    gbSeconds += (inv.ms / 1000) * memoryGb;
  }
  rru = Math.max(0, rru);
  wru = Math.max(0, wru);
  txWru = Math.max(0, txWru);
  const lines = {
    'DynamoDB reads': rru * PRICE.readRequestUnit,
    'DynamoDB writes': wru * PRICE.writeRequestUnit,
    'DynamoDB transactional writes': txWru * PRICE.writeRequestUnit,
    'Lambda requests': invocations * PRICE.lambdaRequest,
    'Lambda duration': gbSeconds * PRICE.lambdaGbSecondArm,
    'EventBridge events': m.busEvents * PRICE.eventBridgeEvent,
    'HTTP API requests': m.apiCalls * PRICE.httpApiRequest,
    'SNS publishes': m.sns * PRICE.snsPublish,
    'CloudWatch Logs': ((invocations * LOG_KB_PER_INVOCATION) / 1024 / 1024) * PRICE.logIngestGb,
  };
  const total = Object.values(lines).reduce((s, x) => s + x, 0);
  return { rru, wru, txWru, invocations, gbSeconds, lines, total };
}

const results: { name: string; b: ReturnType<typeof bill>; m: Meter }[] = [];
for (const [name, run] of [
  ['exchange: one event shared with its recipients', exchangeLifecycle],
  ['opinion incident: open → 2 warnings acked → release → press conference → close', opinionLifecycle],
] as const) {
  meter = newMeter();
  await run();
  results.push({ name, b: bill(meter), m: meter });
}

// ── One open board, nothing changing ────────────────────────────────────────────────────────────
// What the board's data layer (packages/web/src/board) sends per poll, with its validators.
// Alerts every poll, clocks every `clocksEvery` polls (and on an alert change, which an unchanged
// board never sees), each with its validator, as packages/web/src/board/board-data.ts polls.
const etags: Record<string, string> = {};
let polls = 0;
async function boardPoll(): Promise<number> {
  let notModified = 0;
  const paths = [
    '/v1/alerts?status=open',
    ...(polls++ % BOARD_POLL.clocksEvery === 0 ? ['/v1/clocks?status=all'] : []),
  ];
  for (const path of paths) {
    const r = await call('GET', path, officer, undefined, etags[path] ? { 'if-none-match': etags[path] } : {});
    if (r.status === 304) notModified++;
    const tag = r.headers.get('etag');
    if (tag) etags[path] = tag;
  }
  return notModified;
}
await boardPoll();
meter = newMeter();
const POLLS = 20;
let unchanged = 0;
for (let i = 0; i < POLLS; i++) unchanged += await boardPoll();
const board = bill(meter);
const perPoll = board.total / POLLS;
const visibleHours = 24; // a duty-room screen: visible around the clock
// Nothing changing (what this measures): after BOARD_POLL.quietAfter unchanged polls a visible board
// polls every visibleQuietMs; each change brings back visibleMs for a while (not priced: a change is
// rare next to 86,400 quiet seconds a day).
const pollsPerMonth = (visibleHours * 3600 * 30) / (BOARD_POLL.visibleQuietMs / 1000);
const hiddenPollsPerMonth = ((24 - visibleHours) * 3600 * 30) / (BOARD_POLL.hiddenMs / 1000);
const boardMonth = perPoll * (pollsPerMonth + hiddenPollsPerMonth);
const boardMonthBusy = perPoll * ((24 * 3600 * 30) / (BOARD_POLL.visibleMs / 1000));
const boardMonthHidden = perPoll * ((24 * 3600 * 30) / (BOARD_POLL.hiddenMs / 1000));

// ── Idle month: sweeps every minute in AWS, plus what the stack holds whether used or not ───────
let idleMonth = 0;
const idleLines: string[] = [];
for (const [name, run] of Object.entries(idlePerRun)) {
  const memoryGb = (allFunctions.find((f) => f.name === name)?.memoryMb ?? 512) / 1024;
  const perRun =
    run.rru * PRICE.readRequestUnit +
    (run.wru + run.txWru) * PRICE.writeRequestUnit +
    PRICE.lambdaRequest +
    (run.ms / 1000) * memoryGb * PRICE.lambdaGbSecondArm +
    (LOG_KB_PER_INVOCATION / 1024 / 1024) * PRICE.logIngestGb;
  idleMonth += perRun * MONTH_MINUTES;
  idleLines.push(
    `    ${name.padEnd(24)} ${run.rru.toFixed(1)} RRU, ${run.ms.toFixed(0)} ms a run here → $${(perRun * MONTH_MINUTES).toFixed(3)}/month`,
  );
}
const { template } = synthesize(allFunctions, { webDistDir: FIXTURE_DIRS.webDist });
const count = (type: string) => Object.keys(template.findResources(type)).length;
const alarmResources = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
const alarms = alarmResources.length;
// What CloudWatch bills: each metric an alarm evaluates (a single-metric alarm 1, a math alarm one per MetricStat).
const alarmMetrics = alarmResources.reduce(
  (n, a) =>
    n +
    (a.Properties.MetricName
      ? 1
      : (a.Properties.Metrics as { MetricStat?: unknown }[]).filter((m) => m.MetricStat !== undefined).length),
  0,
);
const dashboards = count('AWS::CloudWatch::Dashboard');
const keys = count('AWS::KMS::Key');
// Custom metrics published on every sweep run are billed all month, idle or not; the business
// metrics only in the hours something happens (priced with the city below).
const everyRunMetrics = Object.values(METRICS).filter((m) => 'everyRun' in m && m.everyRun).length;
const fixedLines = {
  alarms: alarmMetrics * PRICE.alarmMetricMonth,
  'custom metrics': everyRunMetrics * PRICE.customMetricMonth,
  dashboard: dashboards * PRICE.dashboardMonth,
  'KMS keys': keys * PRICE.kmsKeyMonth,
};
const fixed = Object.values(fixedLines).reduce((a, b) => a + b, 0);
// CloudWatch's always-free tier, per account and region: 10 alarm metrics, 10 custom metrics, 3 dashboards.
const fixedFree =
  Math.max(0, alarmMetrics - 10) * PRICE.alarmMetricMonth +
  Math.max(0, everyRunMetrics - 10) * PRICE.customMetricMonth +
  Math.max(0, dashboards - 3) * PRICE.dashboardMonth +
  keys * PRICE.kmsKeyMonth;

// ── Print ───────────────────────────────────────────────────────────────────────────────────────
const usd = (x: number, digits = 3) => `$${x.toFixed(digits)}`;
console.log('npm run cost — list prices us-east-1, on-demand (cn-north-1 bills in CNY at its own rates)');
console.log(
  `  prices: DynamoDB $${(PRICE.writeRequestUnit * 1e6).toFixed(3)}/M WRU, $${(PRICE.readRequestUnit * 1e6).toFixed(3)}/M RRU · Lambda arm64 $0.20/M + $${PRICE.lambdaGbSecondArm}/GB-s · EventBridge $1/M · HTTP API $1/M · SNS $0.50/M (SMS extra) · alarm metric $0.10 · custom metric $0.30 · dashboard $3 · KMS key $1 a month · logs $0.50/GB (${LOG_KB_PER_INVOCATION} KB per invocation assumed)`,
);
console.log('  Lambda duration is the wall time measured here (DynamoDB Local on 2 shared cores): an upper bound.');
for (const { name, b, m } of results) {
  console.log(`\n  ${name}`);
  console.log(
    `    ${b.rru.toFixed(1)} RRU, ${b.wru.toFixed(1)} WRU, ${b.txWru.toFixed(1)} transactional WRU (billed ×2 already) · ${m.busEvents} bus events · ${b.invocations} invocations (${(b.gbSeconds * 1000).toFixed(0)} GB-ms) · ${m.apiCalls} API calls · ${m.sns} SNS`,
  );
  const parts = Object.entries(b.lines)
    .filter(([, v]) => v > 0)
    .sort((a, c) => c[1] - a[1])
    .map(([k, v]) => `${k} ${usd(v * 1000)}`)
    .join(' · ');
  console.log(`    per 1,000 lifecycles: ${usd(b.total * 1000)}   (${parts})`);
  const heavy = Object.entries(m.byFunction)
    .map(([fn, c]) => [fn, c.rru * PRICE.readRequestUnit + (c.wru + c.txWru) * PRICE.writeRequestUnit] as const)
    .sort((a, c) => c[1] - a[1])
    .slice(0, Number(process.env.COST_TOP ?? 4))
    .map(([fn, v]) => `${fn} ${usd(v * 1000)}`)
    .join(', ');
  console.log(`    DynamoDB by function (per 1,000): ${heavy}`);
  const where = Object.entries(m.writesByIndex)
    .sort((a, c) => c[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  console.log(`    write units by where they land (sweeps' idle share included): ${where}`);
}
console.log('\n  idle (AWS runs each sweep every minute; measured per run here):');
for (const l of idleLines) console.log(l);
console.log(
  `    stack (from the synthesised template): ${alarms} alarms evaluating ${alarmMetrics} metrics, ${everyRunMetrics} custom metrics published every run, ${dashboards} dashboard, ${keys} KMS key → ${Object.entries(
    fixedLines,
  )
    .map(([k, v]) => `${k} ${usd(v, 2)}`)
    .join(' + ')} = ${usd(fixed, 2)}/month`,
);
console.log(
  `    idle total ${usd(idleMonth + fixed, 2)}/month at list prices (goal ≤ $2 with the alarms); ${usd(idleMonth + fixedFree, 2)}/month where CloudWatch's always-free tier (10 alarm metrics, 10 custom metrics, 3 dashboards an account) is not used by anything else`,
);
console.log(
  `\n  one open board: ${POLLS} polls with nothing changed, ${unchanged} of ${meter.apiCalls} answers 304 · ${usd(perPoll * 1e6, 2)} per million polls`,
);
console.log(
  `    polls every ${BOARD_POLL.visibleMs / 1000} s while visible and things change, every ${BOARD_POLL.visibleQuietMs / 1000} s once quiet (${BOARD_POLL.quietAfter} unchanged polls), every ${BOARD_POLL.hiddenMs / 1000} s in a background tab: visible and quiet around the clock ${usd(boardMonth)}/month (if it never went quiet ${usd(boardMonthBusy)}), in the background ${usd(boardMonthHidden)}/month (goal ≤ $0.30)`,
);
const CITY = { departments: 12, events: 12 * 40 * 30, incidents: 20 };
const exchange = results[0]!.b.total;
const opinion = results[1]!.b.total;
// The business metrics are published in most hours of a working city: priced as if in every hour.
const businessMetrics = (Object.keys(METRICS).length - everyRunMetrics) * PRICE.customMetricMonth;
const city =
  CITY.events * exchange +
  CITY.incidents * opinion +
  CITY.departments * boardMonth +
  idleMonth +
  fixed +
  businessMetrics;
console.log(
  `\n  a city per month: ${CITY.departments} departments each with a board open around the clock, ${CITY.events.toLocaleString('en')} events shared (40 per department a day), ${CITY.incidents} opinion incidents`,
);
console.log(
  `    events ${usd(CITY.events * exchange, 2)} + incidents ${usd(CITY.incidents * opinion, 2)} + boards ${usd(CITY.departments * boardMonth, 2)} + idle ${usd(idleMonth + fixed, 2)} + business metrics ${usd(businessMetrics, 2)} = ${usd(city, 2)}/month`,
);
console.log(
  `  goals: ≤ $0.10 per 1,000 lifecycles (exchange ${usd(exchange * 1000)}, opinion ${usd(opinion * 1000)}); idle ≤ $2/month; a board ≤ $0.30/month`,
);

await rt.stop();
await hook.close();
await ddb.stop();
