// Issue 3's story end to end on the local runtime with the virtual clock: a level Ⅱ incident
// reported 4 h 50 min after it happened, its release clock breaching, the alert climbing the duty
// chain, acknowledged, and met by the release. Then every route's refusals.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { recordingNotifier } from '../../packages/platform/src/alert-notifier';
import { pendingEvents } from '../../packages/platform/src/events/relay';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { startWebhookReceiver } from '../support/webhook-receiver';

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
const cityDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

interface AlertJson {
  id: string;
  clockId: string;
  reason: 'warning' | 'breach';
  warning?: string;
  level: 'officer' | 'leader' | 'head';
  recipients: string[];
  status: string;
  escalatedAt?: string;
  acknowledgedBy?: string;
  resolution?: string;
}

async function nowOf(api: Api): Promise<number> {
  const r = await api('GET', '/_local/clock');
  return r.json.nowMs as number;
}

async function advance(api: Api, by: string): Promise<void> {
  const r = await api('POST', '/_local/clock/advance', { body: { by } });
  expect(r.status, r.text).toBe(200);
}

describe('issue 3: a level Ⅱ incident reported 4 h 50 min after it happened', () => {
  let rt: LocalRuntime;
  let api: Api;
  let officer: string;
  let leader: string;
  let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const notifier = recordingNotifier();
  let incidentId: string;
  let occurredAt: number;
  let releaseClockId: string;
  let breachAlertId: string;
  const commandsSent: string[] = [];

  const alertsOf = async (token: string, status: 'open' | 'all' = 'open') => {
    const r = await api('GET', `/v1/alerts?status=${status}`, { token });
    expect(r.status, r.text).toBe(200);
    return r.json.items as AlertJson[];
  };
  const alertById = async (id: string) => (await alertsOf(officer, 'all')).find((a) => a.id === id);

  beforeAll(async () => {
    rt = await startTestRuntime({ clock: 'virtual' });
    rt.deps.notifier = notifier;
    // Every DynamoDB command the services send, to show no request, event or sweep path scans.
    rt.deps.ddb.middlewareStack.add(
      (next, context) => async (args) => {
        commandsSent.push(context.commandName ?? 'unknown');
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
    api = apiOf(rt.baseUrl);
    [officer, leader] = await Promise.all([login(api, 'propaganda.duty'), login(api, 'propaganda.leader')]);
    hook = await startWebhookReceiver();
    const set = await api('PUT', '/v1/departments/propaganda/webhook', {
      token: await login(api, 'admin'),
      body: { url: hook.url },
    });
    expect(set.status, set.text).toBe(200);
    hook.setSecret(set.json.secret);
  });
  afterAll(async () => {
    await rt?.stop();
    await hook?.close();
  });

  it('opens with the release clock due at occurrence + 5 h and the press conference at + 24 h, and alerts at once', async () => {
    // Prepare
    occurredAt = (await nowOf(api)) - 4 * HOUR - 50 * MIN;
    // Act
    const r = await api('POST', '/v1/opinion-incidents', {
      token: officer,
      headers: { 'idempotency-key': 'story-open' },
      body: {
        title: '城东高架危化品运输车侧翻',
        level: 'II',
        occurredAt: iso(occurredAt),
        discoveredAt: iso(occurredAt + 4 * HOUR),
        responsibleDepartmentId: 'propaganda',
        summary: '一辆危化品运输车在城东高架侧翻，现场已封控，无人员伤亡。',
      },
    });
    // Assess
    expect(r.status, r.text).toBe(201);
    incidentId = r.json.id;
    const byKind = Object.fromEntries(r.json.clocks.map((c: { kind: string }) => [c.kind, c]));
    expect(Date.parse(byKind.release.dueAt)).toBe(occurredAt + 5 * HOUR);
    expect(Date.parse(byKind['press-conference'].dueAt)).toBe(occurredAt + 24 * HOUR);
    expect(r.json.clocks.map((c: { status: string }) => c.status)).toEqual(['running', 'running']);
    expect(r.json.timeline.map((t: { type: string }) => t.type)).toContain('reported-late');
    releaseClockId = byKind.release.id;
    const warning = await eventually(
      async () => (await alertsOf(officer)).find((a) => a.clockId === releaseClockId),
      'the late-report warning',
    );
    expect(warning).toMatchObject({ reason: 'warning', warning: 'PT30M', level: 'officer' });
    expect(warning.recipients).toEqual(['propaganda.duty']);
    const board = await api('GET', '/v1/clocks?status=all', { token: officer });
    expect(board.json.items.filter((c: { subject: { id: string } }) => c.subject.id === incidentId)).toHaveLength(2);
  });

  it('answers a retried open with the same incident', async () => {
    const again = await api('POST', '/v1/opinion-incidents', {
      token: officer,
      headers: { 'idempotency-key': 'story-open' },
      body: {
        title: '城东高架危化品运输车侧翻',
        level: 'II',
        occurredAt: iso(occurredAt),
        discoveredAt: iso(occurredAt + 4 * HOUR),
        responsibleDepartmentId: 'propaganda',
        summary: '一辆危化品运输车在城东高架侧翻，现场已封控，无人员伤亡。',
      },
    });
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(incidentId);
    const open = await api('GET', '/v1/opinion-incidents?status=open', { token: officer });
    expect(open.json.items.map((i: { id: string }) => i.id)).toEqual([incidentId]);
  });

  it('raises a breach alert to the on-duty officer when the virtual clock moves 11 minutes', async () => {
    // Prepare: the officer takes the warning
    const warning = (await alertsOf(officer)).find((a) => a.clockId === releaseClockId)!;
    const ack = await api('POST', `/v1/alerts/${warning.id}/ack`, { token: officer, body: {} });
    expect(ack.status, ack.text).toBe(200);
    // Act
    await advance(api, 'PT11M');
    // Assess
    const breach = await eventually(
      async () => (await alertsOf(officer)).find((a) => a.clockId === releaseClockId && a.reason === 'breach'),
      'the breach alert',
    );
    breachAlertId = breach.id;
    expect(breach).toMatchObject({ level: 'officer', recipients: ['propaganda.duty'], status: 'open' });
    expect(await alertById(warning.id)).toMatchObject({ status: 'resolved', resolution: 'superseded' });
    const sms = await eventually(async () => notifier.sent.find((m) => m.alertId === breach.id), 'the SNS message');
    expect(sms.recipients).toEqual(['propaganda.duty']);
    expect(sms.subject).toContain('已超时');
    const delivered = await eventually(
      async () =>
        hook.received.find((x) => x.body['detail-type'] === 'Alert.Raised' && x.body.detail.data.alertId === breach.id),
      'the webhook delivery',
    );
    expect(delivered.signatureValid).toBe(true);
    const incident = await eventually(async () => {
      const x = await api('GET', `/v1/opinion-incidents/${incidentId}`, { token: officer });
      return x.json.clocks.find((c: { kind: string }) => c.kind === 'release').status === 'breached' && x.json;
    }, 'the incident mirroring the breach');
    expect(incident.timeline.map((t: { type: string }) => t.type)).toContain('clock-breached');
  });

  it('escalates to the leader on duty when nobody acknowledges within 10 minutes', async () => {
    // Act
    await advance(api, 'PT10M');
    // Assess
    const escalated = await eventually(
      async () => (await alertsOf(leader)).find((a) => a.id === breachAlertId && a.level === 'leader'),
      'the escalation',
    );
    expect(escalated.recipients).toEqual(['propaganda.leader']);
    expect(escalated.escalatedAt).toBeDefined();
    await eventually(
      async () => notifier.sent.find((m) => m.alertId === breachAlertId && m.subject.startsWith('【升级】')),
      'the escalation message',
    );
  });

  it('stops escalating once the leader acknowledges', async () => {
    // Act
    const ack = await api('POST', `/v1/alerts/${breachAlertId}/ack`, { token: leader, body: {} });
    await advance(api, 'PT12M');
    await new Promise((r) => setTimeout(r, 2500));
    // Assess: still with the leader, acknowledged, not passed on to the head
    expect(ack.status, ack.text).toBe(200);
    expect(ack.json).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'propaganda.leader' });
    expect(await alertById(breachAlertId)).toMatchObject({ level: 'leader', status: 'acknowledged' });
    const tags = notifier.sent
      .filter((m) => m.alertId === breachAlertId)
      .map((m) => /^【[^】]+】/.exec(m.subject)?.[0]);
    expect(tags).toEqual(['【值班预警】', '【升级】']);
  });

  it('meets the release clock and resolves its alert when the release is recorded', async () => {
    // Prepare
    const releasedAt = (await nowOf(api)) - 5 * MIN;
    // Act
    const r = await api('POST', `/v1/opinion-incidents/${incidentId}/milestones`, {
      token: officer,
      body: {
        kind: 'release',
        at: iso(releasedAt),
        channel: '市政府门户网站',
        evidenceUrl: 'https://www.example.gov.cn/xw/2026/1122.html',
      },
    });
    // Assess
    expect(r.status, r.text).toBe(201);
    const release = r.json.clocks.find((c: { kind: string }) => c.kind === 'release');
    expect(release).toMatchObject({ status: 'met' });
    expect(Date.parse(release.metAt)).toBe(releasedAt);
    expect(r.json.milestones).toEqual([
      expect.objectContaining({ kind: 'release', channel: '市政府门户网站', recordedBy: 'propaganda.duty' }),
    ]);
    const resolved = await eventually(async () => {
      const a = await alertById(breachAlertId);
      return a?.status === 'resolved' && a;
    }, 'the alert resolved');
    expect(resolved.resolution).toBe('clock-met');
    expect((await alertsOf(officer)).filter((a) => a.clockId === releaseClockId)).toEqual([]);
    const clocks = await api('GET', '/v1/clocks?status=all', { token: officer });
    const stored = clocks.json.items.find((c: { id: string }) => c.id === releaseClockId);
    expect(stored).toMatchObject({ status: 'met', policyId: 'opinion.release', verified: true });
    const press = clocks.json.items.find(
      (c: { subject: { id: string }; kind: string }) => c.subject.id === incidentId && c.kind === 'press-conference',
    );
    expect(press).toMatchObject({ status: 'running' });
    expect(Date.parse(press.dueAt)).toBe(occurredAt + 24 * HOUR);
  });

  it('gives the incident an alert history an after-action review can be written from', async () => {
    // Act
    const r = await api('GET', `/v1/subjects/opinion-incident/${incidentId}/alerts`, { token: officer });
    // Assess: the late-report warning, its supersession by the breach, the escalation to the leader, the
    // leader's acknowledgement, each notification with its channel and outcome, and the resolution when met
    expect(r.status, r.text).toBe(200);
    const items = r.json.items as { kind: string; alertId: string; at: string; [k: string]: unknown }[];
    const ofBreach = items.filter((e) => e.alertId === breachAlertId);
    expect(ofBreach.map((e) => e.kind).filter((k) => k !== 'notified')).toEqual([
      'raised',
      'escalated',
      'acknowledged',
      'resolved',
    ]);
    expect(ofBreach.find((e) => e.kind === 'escalated')).toMatchObject({
      from: 'officer',
      level: 'leader',
      recipients: ['propaganda.leader'],
    });
    expect(ofBreach.find((e) => e.kind === 'acknowledged')).toMatchObject({ by: 'propaganda.leader' });
    expect(ofBreach.find((e) => e.kind === 'resolved')).toMatchObject({ resolution: 'clock-met' });
    expect(ofBreach.filter((e) => e.kind === 'notified')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'local', outcome: 'sent', recipients: ['propaganda.leader'] }),
      ]),
    );
    const warning = items.find((e) => e.alertId !== breachAlertId && e.kind === 'resolved');
    expect(warning).toMatchObject({ reason: 'warning', resolution: 'superseded' });
    const times = items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // and the people it names, as they are called: the directory's display names
    const leader = DEMO_USERS.find((u) => u.username === 'propaganda.leader')?.displayName;
    expect(leader).toBeTruthy();
    expect(r.json.names['propaganda.leader']).toBe(leader);
    const named = new Set(
      items.flatMap((e) => [...((e.recipients as string[]) ?? []), ...(e.by ? [e.by as string] : [])]),
    );
    expect(Object.keys(r.json.names).sort()).toEqual([...named].sort());
  });

  it('counts the release as late and the press conference as not yet due, and refuses to acknowledge a resolved alert', async () => {
    const range = `from=${cityDate(occurredAt)}&to=${cityDate(occurredAt + 48 * HOUR)}`;
    const stats = await api('GET', `/v1/stats/on-time?${range}`, { token: officer });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.json.items.find((s: { departmentId: string }) => s.departmentId === 'propaganda')).toMatchObject({
      departmentName: '市委宣传部',
      total: 1,
      onTime: 0,
      late: 1,
      open: 0,
      pending: 1,
      rate: 0,
    });
    // By kind: the late release and the pending press conference, each under its own name
    expect(stats.json.byKind).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'release', late: 1, rate: 0 }),
        expect.objectContaining({ kind: 'press-conference', pending: 1, rate: null }),
      ]),
    );
    const quiet = stats.json.items.find((s: { departmentId: string }) => s.departmentId === 'finance');
    expect(quiet).toMatchObject({ total: 0, rate: null });
    // Drill-down: the clocks behind the department's row, each with its outcome
    const rows = await api(
      'GET',
      `/v1/stats/on-time/clocks?departmentId=propaganda&from=${cityDate(occurredAt)}&to=${cityDate(occurredAt + 48 * HOUR)}`,
      { token: officer },
    );
    expect(rows.status, rows.text).toBe(200);
    const ours = rows.json.items.filter((c: { subject: { id: string } }) => c.subject.id === incidentId);
    expect(ours.map((c: { kind: string; outcome: string }) => [c.kind, c.outcome])).toEqual([
      ['release', 'late'],
      ['press-conference', 'pending'],
    ]);
    const again = await api('POST', `/v1/alerts/${breachAlertId}/ack`, { token: officer, body: {} });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.json.type).toBe('https://fazhi.gov.cn/problems/already-resolved');
  });

  it('sent no Scan to DynamoDB in all of the above, sweeps included', () => {
    expect(commandsSent).toContain('QueryCommand');
    expect(commandsSent).toContain('TransactWriteItemsCommand');
    expect(commandsSent.filter((c) => /Scan/.test(c))).toEqual([]);
  });
});

describe('bad input on every route gets problem+json and stores nothing', () => {
  let rt: LocalRuntime;
  let api: Api;
  const token: Record<string, string> = {};
  let keyOf: (dept: string) => string;
  let openId: string;
  let closedId: string;
  let now: number;

  const incident = (over: Record<string, unknown> = {}) => ({
    title: '网传某小区供水污染',
    level: 'hot',
    occurredAt: iso(now - 2 * HOUR),
    discoveredAt: iso(now - HOUR),
    responsibleDepartmentId: 'propaganda',
    summary: '网络流传某小区自来水浑浊，正在核实。',
    ...over,
  });
  const milestone = (over: Record<string, unknown> = {}) => ({
    kind: 'response',
    at: iso(now - 10 * MIN),
    channel: '官方微博',
    documentNo: '宣发〔2026〕1号',
    ...over,
  });

  /** Length of the evidence chain once the outbox is drained: every committed event is on it. */
  async function settledChain(): Promise<number> {
    await eventually(async () => (await pendingEvents(rt.deps, 999_999_999_999_999)).length === 0, 'outbox drained');
    const head = await rt.deps.ddb.send(new GetCommand({ TableName: rt.tableName, Key: { pk: 'CHAIN', sk: 'HEAD' } }));
    return (head.Item?.seq as number | undefined) ?? 0;
  }

  beforeAll(async () => {
    rt = await startTestRuntime({ clock: 'virtual' });
    api = apiOf(rt.baseUrl);
    keyOf = (dept) => rt.credentials!.departments.find((x) => x.id === dept)!.apiKey;
    for (const u of ['propaganda.duty', 'propaganda.head', 'finance.duty', 'finance.head', 'admin'])
      token[u] = await login(api, u);
    now = await nowOf(api);
    const first = await api('POST', '/v1/opinion-incidents', {
      token: token['propaganda.duty'],
      headers: { 'idempotency-key': 'bad-1' },
      body: incident(),
    });
    expect(first.status, first.text).toBe(201);
    openId = first.json.id;
    const second = await api('POST', '/v1/opinion-incidents', {
      token: keyOf('cac'),
      body: incident({ title: '已处置' }),
    });
    expect(second.status, second.text).toBe(201);
    closedId = second.json.id;
    const closed = await api('POST', `/v1/opinion-incidents/${closedId}/close`, {
      token: token['propaganda.duty'],
      body: { reason: '已核实为谣言并澄清' },
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.json.clocks[0].status).toBe('cancelled');
  });
  afterAll(async () => rt?.stop());

  const cases: { name: string; status: number; type: string; send: () => ReturnType<Api> }[] = [
    {
      name: 'open without credentials',
      status: 401,
      type: 'unauthorized',
      send: () => api('POST', '/v1/opinion-incidents', { body: incident() }),
    },
    {
      name: 'open with malformed JSON',
      status: 400,
      type: 'malformed-json',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          headers: { 'content-type': 'application/json' },
          raw: '{"title": ',
        }),
    },
    {
      name: 'open with a body that is not JSON',
      status: 415,
      type: 'unsupported-media-type',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          headers: { 'content-type': 'text/plain' },
          raw: 'hello',
        }),
    },
    {
      name: 'open with an unknown level',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/opinion-incidents', { token: token['propaganda.duty'], body: incident({ level: 'V' }) }),
    },
    {
      name: 'open with a time without offset',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          body: incident({ occurredAt: '2026-11-22T08:00:00' }),
        }),
    },
    {
      name: 'open discovered before it occurred',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          body: incident({ discoveredAt: iso(now - 3 * HOUR) }),
        }),
    },
    {
      name: 'open discovered in the future',
      status: 422,
      type: 'invalid-incident',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          body: incident({ discoveredAt: iso(now + 2 * HOUR), occurredAt: iso(now + HOUR) }),
        }),
    },
    {
      name: 'open for an unknown department',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token.admin,
          body: incident({ responsibleDepartmentId: 'nowhere' }),
        }),
    },
    {
      name: 'open by a person of an uninvolved department',
      status: 403,
      type: 'forbidden',
      send: () => api('POST', '/v1/opinion-incidents', { token: token['finance.duty'], body: incident() }),
    },
    {
      name: 'open by the API key of an uninvolved department',
      status: 403,
      type: 'forbidden',
      send: () => api('POST', '/v1/opinion-incidents', { token: keyOf('finance'), body: incident() }),
    },
    {
      name: 'open reusing an Idempotency-Key with another body',
      status: 409,
      type: 'idempotency-key-reused',
      send: () =>
        api('POST', '/v1/opinion-incidents', {
          token: token['propaganda.duty'],
          headers: { 'idempotency-key': 'bad-1' },
          body: incident({ title: '另一个事件' }),
        }),
    },
    {
      name: 'read an unknown incident',
      status: 404,
      type: 'not-found',
      send: () => api('GET', '/v1/opinion-incidents/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token: token['propaganda.duty'] }),
    },
    {
      name: 'read an incident of another department',
      status: 403,
      type: 'forbidden',
      send: () => api('GET', `/v1/opinion-incidents/${openId}`, { token: token['finance.duty'] }),
    },
    {
      name: 'list with an unknown status',
      status: 422,
      type: 'invalid-query',
      send: () => api('GET', '/v1/opinion-incidents?status=pending', { token: token['propaganda.duty'] }),
    },
    {
      name: 'milestone without evidence',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/milestones`, {
          token: token['propaganda.duty'],
          body: milestone({ documentNo: undefined }),
        }),
    },
    {
      name: 'milestone before the incident happened',
      status: 422,
      type: 'invalid-input',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/milestones`, {
          token: token['propaganda.duty'],
          body: milestone({ at: iso(now - 5 * HOUR) }),
        }),
    },
    {
      name: 'milestone of an unknown kind',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/milestones`, {
          token: token['propaganda.duty'],
          body: milestone({ kind: 'tweet' }),
        }),
    },
    {
      name: 'milestone on a closed incident',
      status: 409,
      type: 'incident-closed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${closedId}/milestones`, {
          token: token['propaganda.duty'],
          body: milestone(),
        }),
    },
    {
      name: 'milestone by an uninvolved department',
      status: 403,
      type: 'forbidden',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/milestones`, { token: keyOf('finance'), body: milestone() }),
    },
    {
      name: 'milestone on an unknown incident',
      status: 404,
      type: 'not-found',
      send: () =>
        api('POST', '/v1/opinion-incidents/01ARZ3NDEKTSV4RRFFQ69G5FAV/milestones', {
          token: token['propaganda.duty'],
          body: milestone(),
        }),
    },
    {
      name: 'regrade to an unknown level',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/regrade`, {
          token: token['propaganda.duty'],
          body: { level: 'V', reason: '误报' },
        }),
    },
    {
      name: 'regrade a closed incident',
      status: 409,
      type: 'incident-closed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${closedId}/regrade`, {
          token: token['propaganda.duty'],
          body: { level: 'II', reason: '事态升级' },
        }),
    },
    {
      name: 'close without a reason',
      status: 422,
      type: 'validation-failed',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/close`, {
          token: token['propaganda.duty'],
          body: { reason: ' ' },
        }),
    },
    {
      name: 'close by an uninvolved person',
      status: 403,
      type: 'forbidden',
      send: () =>
        api('POST', `/v1/opinion-incidents/${openId}/close`, {
          token: token['finance.duty'],
          body: { reason: '无关' },
        }),
    },
    {
      name: 'read an incident by an id that is not a ULID',
      status: 400,
      type: 'invalid-path-parameter',
      send: () => api('GET', '/v1/opinion-incidents/01NOPE', { token: token['propaganda.duty'] }),
    },
    {
      name: 'acknowledge an unknown alert',
      status: 404,
      type: 'not-found',
      send: () =>
        api('POST', '/v1/alerts/01ARZ3NDEKTSV4RRFFQ69G5FAV/ack', { token: token['propaganda.duty'], body: {} }),
    },
    {
      name: 'acknowledge without signing in',
      status: 401,
      type: 'unauthorized',
      send: () => api('POST', '/v1/alerts/01ARZ3NDEKTSV4RRFFQ69G5FAV/ack', { body: {} }),
    },
    {
      name: 'acknowledge with an API key',
      status: 403,
      type: 'forbidden',
      send: () => api('POST', '/v1/alerts/01ARZ3NDEKTSV4RRFFQ69G5FAV/ack', { token: keyOf('propaganda'), body: {} }),
    },
    {
      name: 'alerts with an unknown status',
      status: 422,
      type: 'invalid-query',
      send: () => api('GET', '/v1/alerts?status=late', { token: token['propaganda.duty'] }),
    },
    {
      name: 'alerts of another department',
      status: 403,
      type: 'forbidden',
      send: () => api('GET', '/v1/alerts?departmentId=psb', { token: token['propaganda.duty'] }),
    },
    {
      name: 'clocks of another department',
      status: 403,
      type: 'forbidden',
      send: () => api('GET', '/v1/clocks?departmentId=psb', { token: token['finance.duty'] }),
    },
    {
      name: 'clocks with an unknown status',
      status: 422,
      type: 'invalid-query',
      send: () => api('GET', '/v1/clocks?status=late', { token: token['finance.duty'] }),
    },
    {
      name: 'stats over a backwards range',
      status: 422,
      type: 'validation-failed',
      send: () => api('GET', '/v1/stats/on-time?from=2026-11-22&to=2026-11-01', { token: token['finance.duty'] }),
    },
    {
      name: 'stats with a date that is not one',
      status: 422,
      type: 'invalid-query',
      send: () => api('GET', '/v1/stats/on-time?from=yesterday', { token: token['finance.duty'] }),
    },
    {
      name: 'me with an API key',
      status: 403,
      type: 'forbidden',
      send: () => api('GET', '/v1/me', { token: keyOf('propaganda') }),
    },
    {
      name: 'roster of another department',
      status: 403,
      type: 'forbidden',
      send: () => api('GET', '/v1/departments/psb/roster', { token: token['finance.duty'] }),
    },
    {
      name: 'roster of an unknown department',
      status: 404,
      type: 'not-found',
      send: () => api('GET', '/v1/departments/nowhere/roster', { token: token.admin }),
    },
  ];

  it.each(cases)('$name → $status', async ({ status, type, send }) => {
    const before = await settledChain();
    const r = await send();
    expect(r.status, r.text).toBe(status);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.type).toBe(`https://fazhi.gov.cn/problems/${type}`);
    expect(r.json.status).toBe(status);
    expect(r.text).not.toMatch(/at .*\.ts:\d+|stack/i);
    await new Promise((res) => setTimeout(res, 100));
    expect(await settledChain()).toBe(before);
  });

  it('keeps the incident list and the open incident unchanged by all of that', async () => {
    const list = await api('GET', '/v1/opinion-incidents?status=open', { token: token['propaganda.duty'] });
    expect(list.json.items.map((i: { id: string }) => i.id)).toEqual([openId]);
    const one = await api('GET', `/v1/opinion-incidents/${openId}`, { token: token['propaganda.duty'] });
    expect(one.json).toMatchObject({ version: 1, milestones: [], status: 'open' });
    const mine = await api('GET', '/v1/opinion-incidents?status=open', { token: token['finance.duty'] });
    expect(mine.json.items).toEqual([]);
  });

  it('refuses roster changes that are stale, invalid or not the head’s, and keeps the roster', async () => {
    // Prepare
    const read = await api('GET', '/v1/departments/propaganda/roster', { token: token['propaganda.head'] });
    expect(read.status, read.text).toBe(200);
    const roster = read.json;
    expect(roster.shifts.length).toBeGreaterThan(100);
    const first = roster.shifts[0];
    const put = (who: string, body: unknown, dept = 'propaganda') =>
      api('PUT', `/v1/departments/${dept}/roster`, { token: token[who], body });
    // Act
    const stale = await put('propaganda.head', { ...roster, version: roster.version - 1 });
    const overlapping = await put('propaganda.head', {
      ...roster,
      shifts: [first, { ...first, id: 'x', officer: 'someone' }],
    });
    const notHead = await put('propaganda.duty', roster);
    const otherHead = await put('finance.head', roster);
    // Assess
    expect([stale.status, overlapping.status, notHead.status, otherHead.status]).toEqual([409, 422, 403, 403]);
    expect(stale.json.type).toBe('https://fazhi.gov.cn/problems/roster-version-conflict');
    for (const r of [stale, overlapping, notHead, otherHead])
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    const after = await api('GET', '/v1/departments/propaganda/roster', { token: token['propaganda.head'] });
    expect(after.json).toEqual(roster);
  });

  it('saves a roster change by the head and answers the next stale write with 409', async () => {
    const read = (await api('GET', '/v1/departments/propaganda/roster', { token: token['propaganda.head'] })).json;
    const saved = await api('PUT', '/v1/departments/propaganda/roster', {
      token: token['propaganda.head'],
      body: { ...read, head: 'propaganda.leader' },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ version: read.version + 1, head: 'propaganda.leader' });
    const stale = await api('PUT', '/v1/departments/propaganda/roster', {
      token: token.admin,
      body: { ...read, head: 'propaganda.head' },
    });
    expect(stale.status).toBe(409);
  });

  it('tells a person who they are', async () => {
    const me = await api('GET', '/v1/me', { token: token['propaganda.duty'] });
    expect(me.json).toEqual({
      username: 'propaganda.duty',
      displayName: DEMO_USERS.find((u) => u.username === 'propaganda.duty')?.displayName,
      roles: ['duty-officer'],
      departmentId: 'propaganda',
      departmentName: '市委宣传部',
    });
  });
});
