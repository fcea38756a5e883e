// Ninety days of the demo city's past, made at first start by running the real system on a
// simulated past clock: incidents are opened, milestones recorded, alerts acknowledged and
// incidents closed through the HTTP API (the same gateway, authoriser, handlers, idempotency and
// transactions as a person's request); the clock and alert sweepers fire warnings, breaches,
// escalations and reminders at their own instants; the outbox relay delivers every event to its
// subscribers (alerts raise, resolve and notify; the evidence chain). Nothing is written by hand,
// so what the charts, the board's history and an incident's alert timeline show is exactly what
// the code writes. Every clock ends met (on time, or late after its breach) and every incident
// closed, so nothing of the past fires or pages anyone now.
//
// While it runs the process's deps point at the simulated clock (handlers read `deps()` at each
// invocation); requests from outside during that first-start window see the simulated time too.
// Deterministic: the same seed gives the same incidents, times and outcomes.
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '@fazhi/domain/clock';
import { durationMs } from '@fazhi/domain/clocks/duration';
import { cityDayOf, getClockPolicy, isoDateOfDay, nextDueInstant, startOfCityDay } from '@fazhi/domain/clocks/index';
import { OPINION_CLOCK_SPECS, type OpinionClockKind } from '@fazhi/domain/opinion/clock-kinds';
import { sweepAlerts } from '@fazhi/functions/alerts/shared/alert-sweep';
import { getRoster, putRoster } from '@fazhi/functions/alerts/shared/rosters';
import { planClocks } from '@fazhi/platform/clocks/clock-plan';
import { getClock } from '@fazhi/platform/clocks/clock-store';
import { clockWrites } from '@fazhi/platform/clocks/clock-writes';
import { escalationOf, loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { sweepDueClocks } from '@fazhi/platform/clocks/sweep';
import { commit } from '@fazhi/platform/ddb/commit';
import type { EventItem } from '@fazhi/platform/ddb/outbox';
import { configureDeps, idFactory, type PlatformDeps } from '@fazhi/platform/deps';
import type { BusEvent } from '@fazhi/platform/events/envelope';
import { pendingEvents, relayEvents } from '@fazhi/platform/events/relay';
import { logger } from '@fazhi/platform/logger';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, demoShifts } from './demo-data';
import { mediationHistoryScripts, scheduleMediationHistory } from './mediation-history';
import { MEDIATION_DEPARTMENTS } from './mediation-seed';
import { pick, prng } from './prng';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const DEMO_HISTORY_KEY = { pk: 'DEMO', sk: 'HISTORY' };

/** Mediation cases a first start makes unless told otherwise (FAZHI_DEMO_CASES). */
export const DEFAULT_MEDIATION_CASES = 300;

export interface DemoHistoryOptions {
  /** Days of history before today (city time). Default 90. */
  days?: number;
  /** Incidents over those days. Default 30. */
  incidents?: number;
  /** PRNG seed. Default 2026. */
  seed?: number;
  /**
   * Mediation cases over those days (mediation-history.ts). Default 300, a county's three months
   * (Gaoping received 1,676 disputes in a year): ≈ 1.6 s a case on 2 cores; 0 makes none.
   */
  mediationCases?: number;
  /**
   * Waits until every event put on the bus so far has reached its subscribers, retries included
   * (the local bus's settle): the runtime passes it. Without it the next simulated step can run
   * before a subscriber has made what that step needs.
   */
  settle?: () => Promise<void>;
  /** Each demo department's API key: the court posts its delegations and confirmation answers with its own. */
  departmentKeys?: Record<string, string>;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

export interface DemoHistoryResult {
  generated: boolean;
  incidents: number;
  /** Mediation cases registered, and how many of them were closed within the history. */
  mediationCases: number;
  mediationClosed: number;
  clocks: number;
  events: number;
  acknowledgements: number;
  ms: number;
}

type Level = 'I' | 'II' | 'III' | 'IV' | 'hot';
/** How a clock ends: met before any warning, met after warnings, met after its breach (soon, or hours later). */
export type ClockFate = 'early' | 'warned' | 'late' | 'missed';
type AckLevel = 'officer' | 'leader' | 'head';

interface ClockScript {
  fate: ClockFate;
  /** Who acknowledges: the officer on duty, or nobody until it reached the leader / the head. */
  ackLevel: AckLevel;
  ackDelayMs: number;
  /** Fraction of the window the fate allows, 0–1. */
  u: number;
}

export interface IncidentScript {
  n: number;
  title: string;
  summary: string;
  level: Level;
  departmentId: string;
  occurredAt: number;
  discoveredAt: number;
  openedAt: number;
  /** Per clock kind the incident runs. */
  clocks: Record<string, ClockScript>;
  closeAfterMs: number;
}

// Made-up events of an ordinary Chinese city year; nothing refers to a real incident.
const TITLES: Record<string, string[]> = {
  propaganda: [
    '网传某小区学生集体食物中毒',
    '网传地铁三号线延期开通',
    '某中学教师体罚学生视频引热议',
    '网传市区限行政策调整',
  ],
  emergency: ['某路段化工车辆侧翻事故', '城东仓库火灾', '暴雨致老城区内涝', '某工地脚手架坍塌', '山区游客被困'],
  samr: ['某连锁餐厅食材过期问题曝光', '网传某品牌奶粉质量问题', '某商场电梯故障致人受伤', '预付卡门店闭店跑路'],
  cac: ['网络谣言称自来水受污染', '某短视频平台虚假募捐', '网传景区门票大幅涨价', '自媒体炒作某企业裁员'],
  psb: ['夜市斗殴视频网上流传', '网传外地游客被宰', '某路口交通事故致多人受伤', '网传小区频发入室盗窃'],
};
const DEPT_WEIGHTS: [string, number][] = [
  ['emergency', 0.26],
  ['propaganda', 0.24],
  ['samr', 0.2],
  ['cac', 0.16],
  ['psb', 0.14],
];
/** How often each department meets its deadlines at the start of the 90 days; all improve over time. */
const RELIABILITY: Record<string, number> = { emergency: 0.82, propaganda: 0.72, cac: 0.66, samr: 0.5, psb: 0.56 };
const LEVEL_WEIGHTS: [Level, number][] = [
  ['I', 0.06],
  ['II', 0.3],
  ['III', 0.28],
  ['IV', 0.22],
  ['hot', 0.14],
];
const KINDS_OF: Record<Level, string[]> = {
  I: ['release', 'press-conference'],
  II: ['release', 'press-conference'],
  III: ['timely-release'],
  IV: ['timely-release'],
  hot: ['response'],
};
const MILESTONE_OF: Record<string, 'release' | 'press-conference' | 'response'> = {
  release: 'release',
  'press-conference': 'press-conference',
  'timely-release': 'release',
  response: 'response',
};
const CHANNELS: Record<string, string[]> = {
  release: ['政府网站', '官方微博', '微信公众号'],
  'press-conference': ['市政府新闻发布厅'],
  response: ['官方微博', '12345 热线通报', '微信公众号'],
};
export const HISTORY_DEPARTMENTS = DEPT_WEIGHTS.map(([id]) => id);

/** The incidents of the history, in order of occurrence: a pure function of the seed and the span. */
export function historyScripts(seed: number, firstDayStart: number, days: number, count: number): IncidentScript[] {
  const r = prng(seed);
  const scripts: IncidentScript[] = [];
  for (let n = 0; n < count; n++) {
    // More of them lately (density rising toward today), so the report's default 30 days are full.
    const dayIndex = Math.min(days - 1, Math.floor(days * Math.sqrt(r())));
    // Incidents happen in the day and evening, city time (07:00–22:00).
    const occurredAt = firstDayStart + dayIndex * DAY + 7 * HOUR + Math.floor(r() * 15 * HOUR);
    const level = pick(r, LEVEL_WEIGHTS);
    const departmentId = pick(r, DEPT_WEIGHTS);
    const discoveredAt = level === 'hot' ? occurredAt + HOUR + Math.floor(r() * 5 * HOUR) : occurredAt;
    const openedAt = discoveredAt + 8 * MIN + Math.floor(r() * 40 * MIN);
    const progress = dayIndex / days;
    const pOnTime = Math.min(0.95, RELIABILITY[departmentId]! + 0.2 * progress);
    const clocks: Record<string, ClockScript> = {};
    for (const kind of KINDS_OF[level]) {
      const onTime = r() < pOnTime;
      const fate: ClockFate = onTime ? (r() < 0.55 ? 'early' : 'warned') : r() < 0.6 ? 'late' : 'missed';
      const a = r();
      const ackLevel: AckLevel =
        fate === 'missed' ? (a < 0.5 ? 'leader' : 'head') : a < 0.72 ? 'officer' : a < 0.92 ? 'leader' : 'head';
      clocks[kind] = { fate, ackLevel, ackDelayMs: (1 + Math.floor(r() * 8)) * MIN, u: r() };
    }
    const titles = TITLES[departmentId]!;
    const title = titles[Math.floor(r() * titles.length)]!;
    scripts.push({
      n,
      title,
      summary: `${title}，网络关注度上升，需按时发布权威信息、回应社会关切。`,
      level,
      departmentId,
      occurredAt,
      discoveredAt,
      openedAt,
      clocks,
      closeAfterMs: HOUR + Math.floor(r() * 6 * HOUR),
    });
  }
  return scripts.sort((a, b) => a.openedAt - b.openedAt);
}

/** When a clock of this fate is met: before its first warning, between warnings and due, soon after the breach, hours after. */
export function metAtOf(s: ClockScript, openedAt: number, dueAt: number, firstWarningMs: number): number {
  const span = (from: number, to: number) => Math.floor(from + s.u * Math.max(0, to - from));
  switch (s.fate) {
    case 'early':
      return span(openedAt + 10 * MIN, dueAt - firstWarningMs - 10 * MIN);
    case 'warned':
      return span(dueAt - firstWarningMs + 5 * MIN, dueAt - 5 * MIN);
    case 'late':
      return span(dueAt + 5 * MIN, dueAt + 50 * MIN);
    case 'missed':
      return span(dueAt + 90 * MIN, dueAt + 4 * HOUR);
  }
}

/** A settable clock: the simulation's "now". */
class SimClock implements Clock {
  t = 0;
  now(): number {
    return this.t;
  }
}

interface Step {
  at: number;
  run?: () => Promise<void>;
  /** A sweep: of clocks, or of alerts; skipped when `stale()` says nothing can be due. */
  sweep?: 'clocks' | 'alerts';
  stale?: () => boolean;
}

/** Steps in time order; at one instant sweeps come before actions, otherwise insertion order. */
/** Actions due within this much of each other run together (the history's one lever on 2 cores). */
const BATCH_MS = 10 * 60_000;
class Agenda {
  private steps: Step[] = [];
  add(step: Step): void {
    const before = (a: Step, b: Step) => a.at < b.at || (a.at === b.at && a.sweep !== undefined && b.run !== undefined);
    let i = this.steps.length;
    while (i > 0 && before(step, this.steps[i - 1]!)) i--;
    this.steps.splice(i, 0, step);
  }
  /**
   * The next sweep alone, or the actions due within `windowMs` of the first that no sweep separates,
   * to run together: they belong to different cases and incidents, and none of them crosses an
   * alarm, whose sweep is on the agenda at its instant. Stale steps are dropped.
   */
  nextBatch(windowMs: number): Step[] {
    const batch: Step[] = [];
    while (this.steps.length > 0) {
      const step = this.steps[0]!;
      if (step.stale?.()) {
        this.steps.shift();
        continue;
      }
      if (batch.length > 0 && (step.sweep !== undefined || step.at > batch[0]!.at + windowMs)) break;
      this.steps.shift();
      batch.push(step);
      if (step.sweep !== undefined) break;
    }
    return batch;
  }
}

/** Every roster reaches back to the start of the history (the shifts a past alert went to), with its people. */
async function rostersFrom(d: PlatformDeps, from: number): Promise<void> {
  const ids = [...DEMO_DEPARTMENTS.map((x) => x.id), ...MEDIATION_DEPARTMENTS.map((x) => x.id)];
  await Promise.all(
    ids.map(async (id) => {
      const current = await getRoster(d, id);
      const first = current?.shifts[0]?.startsAt;
      if (!current || first === undefined || first <= from) return;
      const { officer, leader } = current.shifts[0]!;
      const past = demoShifts(id, from, first).map((x) => ({ ...x, officer, leader }));
      past.at(-1)!.endsAt = first;
      await commit(d, [
        putRoster(d, { ...current, shifts: [...past, ...current.shifts], version: current.version + 1 }),
      ]);
    }),
  );
}

/**
 * Makes the history once per table (a marker item records it); later starts return at once.
 * `baseUrl` is the running gateway; its handlers must not be serving a test's traffic meanwhile.
 */
export async function seedDemoHistory(
  d: PlatformDeps,
  baseUrl: string,
  opts: DemoHistoryOptions = {},
): Promise<DemoHistoryResult> {
  const started = Date.now();
  const marker = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: DEMO_HISTORY_KEY, ConsistentRead: true }),
  );
  if (marker.Item?.status === 'running')
    await wrapUpInterrupted(
      d,
      baseUrl,
      (marker.Item.incidentIds ?? []) as string[],
      (marker.Item.mediationCaseIds ?? []) as string[],
    );
  if (marker.Item)
    return {
      generated: false,
      incidents: 0,
      mediationCases: 0,
      mediationClosed: 0,
      clocks: 0,
      events: 0,
      acknowledgements: 0,
      ms: Date.now() - started,
    };
  await d.ddb.send(
    new PutCommand({
      TableName: d.tableName,
      Item: {
        ...DEMO_HISTORY_KEY,
        type: 'demo-history',
        status: 'running',
        incidentIds: [],
        mediationCaseIds: [],
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  const days = opts.days ?? 90;
  const count = opts.incidents ?? 30;
  const mediationCaseCount = opts.mediationCases ?? DEFAULT_MEDIATION_CASES;
  // Minutes of waiting on a first start: say so before, and how far it has got while it runs.
  opts.log?.('demo history: generating', {
    days,
    incidents: count,
    mediationCases: mediationCaseCount,
    expectMinutes: Math.ceil((40 + mediationCaseCount * 1.7) / 60),
  });
  const now = d.clock.now();
  const today = cityDayOf(now);
  const firstDayStart = startOfCityDay(today - days);
  // The last incidents occur four days before today: their 48 h clocks, a late meeting and the
  // closing all end well before now.
  const scripts = historyScripts(opts.seed ?? 2026, firstDayStart, days - 4, count);

  const sim = new SimClock();
  sim.t = firstDayStart;
  let events = 0;
  const observers: ((e: BusEvent) => void)[] = [];
  // The events each transaction commits, so the drain relays exactly those (the stream's part)
  // instead of querying the pending index after every step.
  const committed: EventItem[] = [];
  const ddb = new Proxy(d.ddb, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      return async (command: unknown, ...rest: unknown[]) => {
        const out = await (target.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
        if (command instanceof TransactWriteCommand)
          for (const t of command.input.TransactItems ?? [])
            if (t.Put?.Item?.type === 'event') committed.push(t.Put.Item as EventItem);
        return out;
      };
    },
  });
  const h: PlatformDeps = {
    ...d,
    ddb,
    clock: sim,
    newId: idFactory(sim),
    publisher: {
      put: async (batch) => {
        events += batch.length;
        for (const e of batch) for (const o of observers) o(e);
        await d.publisher.put(batch);
      },
    },
  };
  configureDeps(h);
  const logLevel = logger.getLevelName();
  // A first start should not print the ninety days' thousand log lines.
  logger.setLogLevel('WARN');
  try {
    await rostersFrom(d, firstDayStart);
    const registry = await loadClockRegistry(h);
    const tokens = new Map<string, Promise<string>>();
    const tokenOf = (who: string | { apiKey: string }) => {
      if (typeof who !== 'string') return Promise.resolve(who.apiKey);
      const username = who;
      let t = tokens.get(username);
      if (!t) {
        t = call('POST', '/v1/auth/login', undefined, { username, password: DEMO_PASSWORD }).then(
          (r) => (r as { token: string }).token,
        );
        tokens.set(username, t);
      }
      return t;
    };
    async function call(
      method: string,
      path: string,
      who: string | { apiKey: string } | undefined,
      body?: unknown,
      key?: string,
    ) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (who) headers.authorization = `Bearer ${await tokenOf(who)}`;
      if (key) headers['idempotency-key'] = key;
      const res = await fetch(baseUrl + path, { method, headers, body: JSON.stringify(body ?? {}) });
      const text = await res.text();
      if (!res.ok) throw new HistoryCallError(res.status, `${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text ? (JSON.parse(text) as unknown) : undefined;
    }

    const agenda = new Agenda();
    const clockScripts = new Map<string, { script: ClockScript; policyId: string }>();
    /** Every clock's policy, for its alerts' escalation timing. */
    const policyOf = new Map<string, string>();
    // The mediation service's people on duty acknowledge its alerts within a quarter of an hour.
    const otherClocks = { ackLevel: 'officer' as AckLevel, ackDelayMs: 15 * MIN };
    const finished = new Set<string>();
    // What the past's clocks and alerts ask for after the history ends (a case still open, its limit
    // due next week) is the live runtime's sweepers' to do, on the real clock.
    const cutoff = now - HOUR;
    const inThePast = (step: Step) => {
      if (step.at < cutoff) agenda.add(step);
    };
    let clocks = 0;
    let acknowledgements = 0;
    observers.push((e) => {
      const data = (e.detail as { data: Record<string, unknown> }).data;
      const clockId = String(data.clockId ?? '');
      if (e.detailType === 'Clock.Met' || e.detailType === 'Clock.Cancelled') finished.add(clockId);
      if (e.detailType === 'Clock.Started') {
        policyOf.set(clockId, String(data.policyId));
        const policy = getClockPolicy(registry.policies, String(data.policyId));
        const due = Date.parse(String(data.dueAt));
        // A warning fires at its instant, the breach 1 ms after due (clock-state.ts nextDueInstant).
        const stale = () => finished.has(clockId);
        for (const w of policy.warnings ?? []) inThePast({ at: due - durationMs(w), sweep: 'clocks', stale });
        inThePast({ at: due + 1, sweep: 'clocks', stale });
        return;
      }
      if (!e.detailType.startsWith('Alert.')) return;
      const entry = clockScripts.get(clockId);
      const esc = escalationOf(
        getClockPolicy(registry.policies, entry?.policyId ?? policyOf.get(clockId) ?? 'opinion.release'),
      );
      const ack = entry?.script ?? otherClocks;
      const alertId = String(data.alertId);
      if (e.detailType === 'Alert.Resolved') finished.add(alertId);
      const stale = () => finished.has(alertId);
      if (e.detailType === 'Alert.Raised' || e.detailType === 'Alert.Escalated') {
        inThePast({ at: sim.t + esc.ackWindowMs, sweep: 'alerts', stale });
        const recipient = (data.recipients as string[] | undefined)?.[0];
        if (recipient && data.level === ack.ackLevel) {
          inThePast({
            at: sim.t + ack.ackDelayMs,
            run: async () => {
              // A later warning may have replaced this alert, or the clock been met: nothing to do then.
              if (stale()) return;
              await call('POST', `/v1/alerts/${alertId}/ack`, recipient).then(
                () => acknowledgements++,
                (err: unknown) => {
                  if (!(err instanceof HistoryCallError && err.status === 409)) throw err;
                },
              );
            },
          });
        }
      }
      if (e.detailType === 'Alert.Acknowledged' || e.detailType === 'Alert.Reminded')
        inThePast({ at: sim.t + esc.remindEveryMs, sweep: 'alerts', stale });
    });

    for (const s of scripts) {
      agenda.add({
        at: s.openedAt,
        run: async () => {
          const duty = `${s.departmentId}.duty`;
          const incident = (await call(
            'POST',
            '/v1/opinion-incidents',
            duty,
            {
              title: s.title,
              level: s.level,
              occurredAt: new Date(s.occurredAt).toISOString(),
              discoveredAt: new Date(s.discoveredAt).toISOString(),
              responsibleDepartmentId: s.departmentId,
              summary: s.summary,
            },
            `demo-history-open-${s.n}`,
          )) as { id: string; clocks: { id: string; kind: string; dueAt: string }[] };
          // Kept so a start that finds the history interrupted can close what it left open.
          await d.ddb.send(
            new UpdateCommand({
              TableName: d.tableName,
              Key: DEMO_HISTORY_KEY,
              UpdateExpression: 'SET incidentIds = list_append(incidentIds, :id)',
              ExpressionAttributeValues: { ':id': [incident.id] },
            }),
          );
          let last = sim.t;
          for (const c of incident.clocks) {
            const script = s.clocks[c.kind];
            if (!script) continue;
            clocks++;
            const policyId = OPINION_CLOCK_SPECS[c.kind as OpinionClockKind].policyId;
            clockScripts.set(c.id, { script, policyId });
            const policy = getClockPolicy(registry.policies, policyId);
            const firstWarning = Math.max(0, ...(policy.warnings ?? []).map((w) => durationMs(w)));
            const metAt = metAtOf(script, sim.t, Date.parse(c.dueAt), firstWarning);
            last = Math.max(last, metAt);
            const kind = MILESTONE_OF[c.kind]!;
            const channels = CHANNELS[kind]!;
            agenda.add({
              at: metAt,
              run: () =>
                call(
                  'POST',
                  `/v1/opinion-incidents/${incident.id}/milestones`,
                  duty,
                  {
                    kind,
                    at: new Date(metAt).toISOString(),
                    channel: channels[s.n % channels.length],
                    ...(kind === 'press-conference'
                      ? { documentNo: `新闻发布〔${new Date(metAt).getUTCFullYear()}〕${s.n + 1}号` }
                      : { evidenceUrl: `https://www.example.gov.cn/xwfb/${s.n + 1}-${c.kind}.html` }),
                  },
                  `demo-history-milestone-${s.n}-${c.kind}`,
                ).then(() => undefined),
            });
          }
          agenda.add({
            at: last + s.closeAfterMs,
            run: () =>
              call(
                'POST',
                `/v1/opinion-incidents/${incident.id}/close`,
                duty,
                { reason: '处置完毕，舆情平稳' },
                `demo-history-close-${s.n}`,
              ).then(() => undefined),
          });
        },
      });
    }

    // The mediation caseload over the same days; its day-counted clocks warn at 09:00 and breach at
    // the end of their last day, so the sweeper runs at those instants each day as well.
    const mediationCaseIds: string[] = [];
    const mediation = scheduleMediationHistory(
      {
        add: (step) => agenda.add(step),
        now: () => sim.t,
        cutoff,
        call,
        clock: (id) => getClock(h, id),
        nextAlarm: (r) => nextDueInstant(r),
        departmentKey: (id) => {
          const key = opts.departmentKeys?.[id];
          if (!key) throw new Error(`demo history: no API key for department ${id}`);
          return key;
        },
        created: async (caseId) => {
          mediationCaseIds.push(caseId);
          await d.ddb.send(
            new UpdateCommand({
              TableName: d.tableName,
              Key: DEMO_HISTORY_KEY,
              UpdateExpression: 'SET mediationCaseIds = list_append(mediationCaseIds, :id)',
              ExpressionAttributeValues: { ':id': [caseId] },
            }),
          );
        },
      },
      mediationHistoryScripts(opts.seed ?? 2026, firstDayStart, days - 8, mediationCaseCount),
    );
    if (mediationCaseCount > 0)
      for (let day = firstDayStart; day < now - HOUR; day += DAY) {
        agenda.add({ at: day + 1, sweep: 'clocks' });
        if (day + 9 * HOUR < now - HOUR) agenda.add({ at: day + 9 * HOUR, sweep: 'clocks' });
      }

    const drain = async () => {
      do {
        while (committed.length > 0) await relayEvents(h, committed.splice(0));
        await opts.settle?.();
      } while (committed.length > 0);
    };

    let nextProgress = firstDayStart + 14 * DAY;
    for (let batch = agenda.nextBatch(BATCH_MS); batch.length > 0; batch = agenda.nextBatch(BATCH_MS)) {
      const last = batch.at(-1)!;
      if (last.at > now) throw new Error('demo history ran into the present');
      // The batch happens at its last step's instant: a few minutes late for the first, never past a sweep.
      sim.t = Math.max(sim.t, last.at);
      if (last.sweep === 'clocks') await sweepDueClocks(h);
      else if (last.sweep === 'alerts') await sweepAlerts(h);
      else await Promise.all(batch.map((b) => b.run!()));
      await drain();
      // A progress line every simulated fortnight, so a first start that takes minutes shows it moves.
      if (sim.t >= nextProgress) {
        opts.log?.('demo history: progress', {
          through: isoDateOfDay(cityDayOf(sim.t)),
          mediationCases: mediation.started(),
          ms: Date.now() - started,
        });
        nextProgress = sim.t + 14 * DAY;
      }
    }
    // Anything committed another way than a transaction (none today) is still relayed.
    for (let round = 0; round < 10; round++) {
      const items = await pendingEvents(h, sim.t + 1);
      if (items.length === 0 || (await relayEvents(h, items)) === 0) break;
    }
    const result = {
      generated: true,
      incidents: scripts.length,
      mediationCases: mediation.started(),
      mediationClosed: mediation.closed(),
      clocks,
      events,
      acknowledgements,
      ms: Date.now() - started,
    };
    await d.ddb.send(
      new PutCommand({
        TableName: d.tableName,
        Item: {
          ...DEMO_HISTORY_KEY,
          type: 'demo-history',
          status: 'done',
          days,
          seed: opts.seed ?? 2026,
          ...result,
          mediationCaseIds,
          at: now,
        },
      }),
    );
    opts.log?.('demo history generated', { ...result });
    return result;
  } finally {
    configureDeps(d);
    logger.setLogLevel(logLevel);
  }
}

/**
 * A start that died while making the history (kill -9, power) left incidents open with clocks due in
 * the past: the live sweeper would fire them now and page people for the past. They are closed now,
 * through the API (their clocks are cancelled, their alerts resolved), and the history stays partial.
 */
async function wrapUpInterrupted(
  d: PlatformDeps,
  baseUrl: string,
  incidentIds: string[],
  mediationCaseIds: string[],
): Promise<void> {
  const login = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const id of incidentIds) {
    const res = await fetch(`${baseUrl}/v1/opinion-incidents/${id}/close`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': `demo-history-wrap-up-${id}`,
      },
      body: JSON.stringify({ reason: '演示历史数据生成中断，未完成的事件已关闭' }),
    });
    if (!res.ok && res.status !== 409) throw new Error(`closing interrupted history incident ${id}: ${res.status}`);
  }
  // A mediation case the history left midway is ended through the API (terminated, then closed, as
  // a hub would end it); any of its clocks still due in the past is cancelled through the clock
  // service's own plan, so no past deadline pages the people on duty now.
  const post = (path: string, body: unknown, key: string) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const registry = await loadClockRegistry(d);
  const now = d.clock.now();
  for (const id of mediationCaseIds) {
    await post(
      `/v1/mediation-cases/${id}/failure`,
      { reason: '演示历史数据生成中断，案件已终止', routesTold: ['litigation'] },
      `demo-history-wrap-up-fail-${id}`,
    );
    await post(`/v1/mediation-cases/${id}/close`, {}, `demo-history-wrap-up-close-${id}`);
    const clocks = await Promise.all(
      [
        'limit',
        'respondent',
        'confirmation-application',
        'confirmation-acceptance',
        'confirmation-decision',
        'performance',
        'visit',
        'dispatch-1',
        'dispatch-2',
        'risk-1',
      ].map((k) => getClock(d, `${id}.${k}`)),
    );
    const overdue = clocks.filter((c) => c && (c.status === 'running' || c.status === 'paused') && c.dueAt <= now);
    if (overdue.length === 0) continue;
    const changes = await planClocks(
      d,
      registry,
      overdue.map((c) => ({ kind: 'cancel' as const, clockId: c!.id, reason: '演示历史数据生成中断' })),
      now,
    );
    const { writes, events } = clockWrites(d, changes);
    await commit(d, writes, events);
  }
  await d.ddb.send(
    new UpdateCommand({
      TableName: d.tableName,
      Key: DEMO_HISTORY_KEY,
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'interrupted' },
    }),
  );
}

class HistoryCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
