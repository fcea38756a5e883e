// Issue 9, item 7: the monthly report is kept up by counters from the cases' events. Several cases
// registered through the API run to different outcomes (agreed with prevented figures, failed,
// still queued, left to run past its time limit); the report must equal a count recomputed here
// from the stored case items, read directly from the table; a redelivered event (the very event
// the bus carried, published again) must not count twice; and the Excel export is a workbook.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import type { BusEvent } from '../../packages/platform/src/events/envelope';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import {
  FIELDS,
  monthOf,
  type ReportJson,
  storedCases as readCases,
  recount,
  rowsOf,
  type Tally,
} from './report-recount';
import { YEAR_2027 } from './support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The organisations' channels in the demo structure, written out here.
const CHANNEL: Record<string, string> = {
  tianmenshan: 'people',
  'fanluoshan-labour': 'people',
  'district-traffic': 'people',
};

describe('issue 9, item 7: the monthly report from counters', () => {
  let rt: LocalRuntime;
  let api: Api;
  let hub: string;
  const published: BusEvent[] = [];
  const ids: string[] = [];
  const limitBreachedAt = new Map<string, number>();

  const now = async () => (await api('GET', '/_local/clock')).json.nowMs as number;
  let step = 0;
  const act = async (token: string, id: string, action: string, body: unknown, status = 200) => {
    const r = await api('POST', `/v1/mediation-cases/${id}/${action}`, {
      token,
      headers: { 'idempotency-key': `report-${action}-${++step}` },
      body,
    });
    expect(r.status, `${action}: ${r.text}`).toBe(status);
    return r.json;
  };
  const register = async (source: string, disputeType: string, regionCode: string, title: string) => {
    const r = await api('POST', '/v1/mediation-cases', {
      token: hub,
      headers: { 'idempotency-key': `report-case-${ids.length}` },
      body: {
        source,
        title,
        summary: `${title}，当事人申请调解。`,
        disputeType,
        regionCode,
        peopleInvolved: 2,
        parties: [
          { id: 'a', role: 'applicant', name: '甲' },
          { id: 'b', role: 'respondent', name: '乙' },
        ],
      },
    });
    expect(r.status, r.text).toBe(201);
    ids.push(r.json.id);
    return r.json.id as string;
  };
  /** Dispatched, accepted, both consents and a session: the case is being mediated. */
  const mediate = async (id: string, organisationId: string, mediator: string) => {
    await act(hub, id, 'dispatch', { organisationId });
    await act(mediator, id, 'answer', { accepted: true });
    await act(mediator, id, 'consent', { partyId: 'a', given: true, via: 'signed' }, 201);
    await act(mediator, id, 'consent', { partyId: 'b', given: true, via: 'phone' }, 201);
    const t = await now();
    await act(
      mediator,
      id,
      'session',
      {
        at: new Date(t - HOUR).toISOString(),
        place: '调解室',
        participants: ['甲', '乙'],
        summary: '双方陈述',
        nextStep: '再议',
      },
      201,
    );
  };
  const agree = (mediator: string, id: string, amountFen: number, prevented: unknown) =>
    now().then((t) =>
      act(
        mediator,
        id,
        'agreement',
        {
          documentNo: `调〔2026〕${id.slice(-4)}号`,
          facts: '双方就赔偿达成一致。',
          terms: ['一次性支付'],
          amountFen,
          performanceDueAt: new Date(t + 10 * DAY).toISOString(),
          prevented,
        },
        201,
      ),
    );
  const report = async (month: string, token = hub) => {
    const r = await api('GET', `/v1/mediation/reports/monthly?month=${month}&months=3`, { token });
    expect(r.status, r.text).toBe(200);
    return r.json as ReportJson;
  };
  const storedCases = () => readCases(rt, ids);
  /** Every event the cases published has been delivered and counted (its marker is in the table). */
  const allCounted = async () => {
    const reported = published.filter(
      (e) =>
        e.source === 'fazhi.mediation' &&
        /^MediationCase\.(Received|Accepted|Agreed|Failed|Closed|SatisfactionRecorded)$/.test(e.detailType),
    );
    for (const e of reported) {
      const eventId = (e.detail as { meta: { eventId: string } }).meta.eventId;
      const got = await rt.deps.ddb.send(
        new GetCommand({ TableName: rt.tableName, Key: { pk: `MEDCOUNTED#${eventId}`, sk: 'EVENT' } }),
      );
      if (!got.Item) return false;
    }
    return reported.length > 0;
  };

  beforeAll(async () => {
    rt = await startTestRuntime({ clock: 'virtual' });
    const put = rt.deps.publisher.put.bind(rt.deps.publisher);
    rt.deps.publisher.put = async (events) => {
      published.push(...events);
      await put(events);
    };
    api = apiOf(rt.baseUrl);
    hub = await login(api, 'justice.hub');
    const admin = await login(api, 'admin');
    // A month from today may reach into 2027, whose arrangement is loaded as a city would load it.
    expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
  });
  afterAll(async () => rt?.stop());

  it('equals a recount of the stored cases, month by month, and a redelivered event adds nothing', async () => {
    // Prepare
    const [tianmenshan, labour, traffic] = await Promise.all([
      login(api, 'tianmenshan.li'),
      login(api, 'fanluoshan-labour.wang'),
      login(api, 'traffic.liu'),
    ]);
    const a = await register('hotline', 'neighbourhood', '340202002', '楼上漏水纠纷');
    const b = await register('window', 'labour', '340202001', '拖欠工资纠纷');
    const c = await register('screening', 'traffic', '340202001', '交通事故赔偿纠纷');
    await register('hotline', 'medical', '340202001', '医疗费用纠纷');
    const e = await register('window', 'neighbourhood', '340202002', '宅前通道纠纷');
    const startMonth = monthOf(await now());
    // Act
    await mediate(a, 'tianmenshan', tianmenshan);
    await agree(tianmenshan, a, 500_000, { civilToCriminal: { people: 3 } });
    await act(tianmenshan, a, 'close', {});
    await act(tianmenshan, a, 'satisfaction', { partyId: 'a', score: 5, via: 'call' }, 201);
    await act(tianmenshan, a, 'satisfaction', { partyId: 'b', score: 3, via: 'link' }, 201);
    await mediate(b, 'fanluoshan-labour', labour);
    await act(labour, b, 'failure', { reason: '双方分歧较大', routesTold: ['arbitration'] });
    await act(labour, b, 'close', {});
    await act(labour, b, 'satisfaction', { partyId: 'a', score: 4, via: 'call' }, 201);
    await mediate(c, 'district-traffic', traffic);
    await agree(traffic, c, 1_200_000, { groupPetition: { people: 12 } });
    await mediate(e, 'tianmenshan', tianmenshan);
    // Case e is left mediating past its month: its time limit breaches.
    const limit = (await api('GET', `/v1/mediation-cases/${e}`, { token: hub })).json.clocks.find(
      (x: { key: string }) => x.key === 'limit',
    );
    const by = Math.ceil((Date.parse(limit.dueAt) - (await now())) / 1000) + 120;
    await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } });
    const breach = await eventually(
      async () =>
        published.find(
          (x) =>
            x.detailType === 'Clock.Breached' &&
            (x.detail as { data: { clockId: string } }).data.clockId === `${e}.limit`,
        ),
      'the breach of the time limit',
    );
    limitBreachedAt.set(e, Date.parse((breach.detail as { data: { at: string } }).data.at));
    await eventually(
      async () => (await storedCases()).find((x) => x.state.id === e)?.breached.includes('limit'),
      'e marked overdue',
    );
    await eventually(allCounted, 'every reported event counted');
    const endMonth = monthOf(await now());
    const before = await report(startMonth);
    // Redeliver the agreement of case a: the same event, published to the bus again.
    const agreed = published.find(
      (x) => x.detailType === 'MediationCase.Agreed' && (x.detail as { data: { caseId: string } }).data.caseId === a,
    )!;
    const agreedId = (agreed.detail as { meta: { eventId: string } }).meta.eventId;
    const deliveredBefore = published.filter(
      (x) => (x.detail as { meta: { eventId: string } }).meta.eventId === agreedId,
    ).length;
    await rt.deps.publisher.put([agreed]);
    await rt.bus.runRetries();
    await new Promise((r) => setTimeout(r, 1500));
    // Assess
    expect(deliveredBefore).toBe(1);
    const expected = recount(await storedCases(), limitBreachedAt, (o) => CHANNEL[o]);
    const months = [...new Set([startMonth, endMonth])];
    for (const month of months) {
      const r = await report(month);
      expect(rowsOf(r), month).toEqual(expected.get(month) ?? new Map());
    }
    const after = await report(startMonth);
    expect(after.totals).toEqual(before.totals);
    // The figures of this run, as the report prints them.
    const all = [...expected.values()].reduce((s, m) => {
      for (const f of FIELDS) s[f] = (s[f] ?? 0) + (m.get('all')?.[f] ?? 0);
      return s;
    }, {} as Tally);
    expect(all).toMatchObject({
      received: 5,
      resolved: 2,
      failed: 1,
      overdue: 1,
      satisfactionCount: 3,
      satisfied: 2,
      amountFen: 1_700_000,
      civilToCriminalCases: 1,
      civilToCriminalPeople: 3,
      groupPetitionCases: 1,
      groupPetitionPeople: 12,
    });
    expect(after.totals.resolutionRate).toBeCloseTo(2 / 3);
    const tms = after.satisfaction.lines.find((l) => l.organisationId === 'tianmenshan')!;
    expect(tms).toMatchObject({ rate: 0.5, meets: false });
    expect(after.satisfaction.lines.find((l) => l.organisationId === 'fanluoshan-labour')).toMatchObject({
      rate: 1,
      meets: true,
    });
    expect(after.staffing.lines.find((l) => l.organisationId === 'tianmenshan')).toMatchObject({
      fullTime: 1,
      target: 2,
      meets: false,
    });
    const trend = (await report(endMonth)).trend;
    expect(trend.map((t) => t.month).at(-1)).toBe(endMonth);
    expect(trend.find((t) => t.month === startMonth)?.received).toBe(after.totals.received);
  }, 240_000); // five cases through every step on the local runtime: minutes on a loaded 2-core machine

  it('gives a committee’s head their organisation’s part of the report, and nobody else but the hub', async () => {
    // Prepare: tianmenshan.li heads 天门山街道人民调解委员会 (the demo structure); fanluoshan.wu does not head theirs
    const [head, member] = await Promise.all([login(api, 'tianmenshan.li'), login(api, 'fanluoshan.wu')]);
    const month = monthOf(await now());
    const part = (token: string, org: string, extra = '') =>
      api('GET', `/v1/mediation/reports/monthly?month=${month}&organisationId=${org}${extra}`, { token });
    // Act
    const own = await part(head, 'tianmenshan');
    const byHub = await part(hub, 'tianmenshan');
    const whole = await report(month);
    const notHead = await part(member, 'fanluoshan');
    const otherOrg = await part(head, 'fanluoshan-labour');
    const unknown = await part(hub, 'no-such-org');
    const workbook = await part(head, 'tianmenshan', '&format=xlsx');
    // Assess: the organisation's row of the whole report, its satisfaction and its staffing
    expect(own.status, own.text).toBe(200);
    expect(byHub.json).toEqual(own.json);
    const line = whole.breakdowns.organisation!.find((l) => l.value === 'tianmenshan')!;
    const { value: _v, name: _n, ...figures } = line;
    expect(own.json.totals).toEqual(figures);
    expect(own.json.satisfaction).toEqual(whole.satisfaction.lines.find((l) => l.organisationId === 'tianmenshan'));
    expect(own.json.staffing).toMatchObject({ organisationId: 'tianmenshan', fullTime: 1, target: 2, meets: false });
    expect(own.json.trend.at(-1).month).toBe(month);
    expect([notHead.status, otherOrg.status, unknown.status, workbook.status]).toEqual([403, 403, 404, 422]);
  });

  it('exports the workbook, and refuses a mediator and a bad month', async () => {
    // Prepare
    const mediator = await login(api, 'tianmenshan.li');
    const month = monthOf(await now());
    // Act
    const xlsx = await fetch(`${rt.baseUrl}/v1/mediation/reports/monthly?month=${month}&format=xlsx`, {
      headers: { authorization: `Bearer ${hub}` },
    });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const refused = await api('GET', `/v1/mediation/reports/monthly?month=${month}`, { token: mediator });
    const bad = await api('GET', '/v1/mediation/reports/monthly?month=2026-13', { token: hub });
    // Assess
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2000);
    expect(refused.status).toBe(403);
    expect(bad.status).toBe(422);
  });
});
