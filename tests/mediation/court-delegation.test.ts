// Issue 9's story end to end on the local runtime with the virtual clock: a court delegates a labour
// dispute through the event API; the hub dispatches it against the suggestion, the township
// committee returns it, the hub dispatches it as suggested and the labour committee accepts; the
// respondent's silence alerts the 司法所 on duty; consents, two sessions, a risk reported to the
// police (alerted on duty), an extension with both parties' consent; the agreement and its PDF; the court's
// judicial-confirmation answers as events; performance, closure, visit and satisfaction. Every
// clock's due instant is checked against DOMAIN.md's counting, computed independently (support.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../packages/domain/src/mediation/agreement-template';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { dispositionFileName, fetchPdf, pdfText } from '../support/pdf';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { calendarDaysDue, nineOClockOf, workingDaysDue, YEAR_2027 } from './support';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

interface ClockJson {
  key: string;
  id: string;
  policyId: string;
  departmentId: string;
  status: string;
  dueAt: string;
  provisional: boolean;
  startedAt: string;
}
interface CaseJson {
  id: string;
  status: string;
  returned: boolean;
  clocks: ClockJson[];
  timeline: { what: string }[];
  parties: { id: string; phone?: string; idNumber?: string }[];
  dispatches: { organisationId: string; suggested?: string; answer?: { accepted: boolean } }[];
  [k: string]: unknown;
}

describe('issue 9: a court delegation from intake to satisfaction', () => {
  let rt: LocalRuntime;
  let api: Api;
  let hub: string;
  let township: string;
  let labour: string;
  let petitionUser: string;
  let courtKey: string;
  let psbKey: string;
  let justiceKey: string;
  let caseId: string;
  let referredAt: number;

  const now = async () => (await api('GET', '/_local/clock')).json.nowMs as number;
  const advanceTo = async (target: number) => {
    const by = Math.ceil((target - (await now())) / 1000);
    if (by > 0) expect((await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } })).status).toBe(200);
  };
  const read = async (token = hub) => {
    const r = await api('GET', `/v1/mediation-cases/${caseId}`, { token });
    expect(r.status, r.text).toBe(200);
    return r.json as CaseJson;
  };
  const clock = (c: CaseJson, key: string) => {
    const found = c.clocks.find((x) => x.key === key);
    if (!found) throw new Error(`no clock ${key} in ${c.clocks.map((x) => x.key).join(',')}`);
    return found;
  };
  let step = 0;
  const act = async (token: string, action: string, body: unknown, status = 200) => {
    const r = await api('POST', `/v1/mediation-cases/${caseId}/${action}`, {
      token,
      headers: { 'idempotency-key': `story-${action}-${++step}` },
      body,
    });
    expect(r.status, `${action}: ${r.text}`).toBe(status);
    return r.json as CaseJson;
  };
  const queue = async (q: string, token = hub) => {
    const r = await api('GET', `/v1/mediation-cases?${q}`, { token });
    expect(r.status, r.text).toBe(200);
    return (r.json.items as { id: string }[]).map((x) => x.id);
  };
  const alertsOf = async (token: string) => {
    const r = await api('GET', '/v1/alerts?status=all', { token });
    expect(r.status, r.text).toBe(200);
    return r.json.items as { clockId: string; reason: string; recipients: string[]; departmentId: string }[];
  };
  const inbox = async (key: string) => {
    const r = await api('GET', '/v1/inbox?limit=100', { token: key });
    expect(r.status, r.text).toBe(200);
    return r.json.items as { event: { 'detail-type': string; detail: { data: Record<string, unknown> } } }[];
  };
  const postAsCourt = (detailType: string, data: Record<string, unknown>, key: string) =>
    api('POST', '/v1/events', {
      token: courtKey,
      headers: { 'idempotency-key': key },
      body: { entries: [{ detailType, detail: { data } }] },
    });

  beforeAll(async () => {
    rt = await startTestRuntime({ clock: 'virtual' });
    api = apiOf(rt.baseUrl);
    const admin = await login(api, 'admin');
    [hub, township, labour, petitionUser] = await Promise.all([
      login(api, 'justice.hub'),
      login(api, 'fanluoshan.zhou'),
      login(api, 'fanluoshan-labour.wang'),
      login(api, 'petition.duty'),
    ]);
    const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;
    courtKey = keyOf('court');
    psbKey = keyOf('psb');
    justiceKey = keyOf('justice');
    // Periods from today reach into 2027, whose arrangement is loaded as a city would load it.
    const cal = await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 });
    expect(cal.status, cal.text).toBe(200);
  });
  afterAll(async () => rt?.stop());

  it('1. a court delegation posted with the court’s key becomes a case in the intake queue, its 30 days counted from the delegation', async () => {
    // Prepare
    referredAt = (await now()) - 2 * HOUR;
    // Act
    const posted = await postAsCourt(
      'MediationReferral.Delegated',
      {
        referenceNo: '（2026）皖0202民诉前调123号',
        title: '张某与某建筑劳务有限公司劳务费纠纷',
        summary: '申请人称被拖欠劳务费3.2万元，经法院引导同意先行调解。',
        disputeType: 'labour',
        regionCode: '340202001',
        amountFen: 3_200_000,
        peopleInvolved: 2,
        risk: 'medium',
        parties: [
          { id: 'p1', role: 'applicant', name: '张某', idNumber: '340202199001011234', phone: '13800000001' },
          {
            id: 'p2',
            role: 'respondent',
            name: '某建筑劳务有限公司',
            idNumber: '91340200MA2T8XLX4K',
            phone: '13800000002',
          },
        ],
        referredAt: new Date(referredAt).toISOString(),
      },
      'delegation-1',
    );
    // Assess
    expect(posted.status, posted.text).toBe(202);
    caseId = posted.json.entries[0].eventId;
    await eventually(async () => (await queue('queue=intake')).includes(caseId), 'the case in the intake queue');
    const c = await read();
    expect(c).toMatchObject({ status: 'queued', source: 'court-delegation', referral: { departmentId: 'court' } });
    const limit = clock(c, 'limit');
    expect(limit).toMatchObject({ policyId: 'mediation.court-delegated', status: 'running', departmentId: 'justice' });
    expect(Date.parse(limit.dueAt)).toBe(calendarDaysDue(referredAt, 30));
    expect(await queue('queue=referred', courtKey)).toContain(caseId);
    // The court sees its own referral in full; the justice department's copy of the event is masked.
    expect((await read(courtKey)).parties[0]!.phone).toBe('13800000001');
    const received = await eventually(
      async () => (await inbox(justiceKey)).find((i) => i.event['detail-type'] === 'MediationCase.Received'),
      'MediationCase.Received at the justice department',
    );
    const parties = received.event.detail.data.parties as { phone?: string; idNumber?: string }[];
    expect(parties[0]).toMatchObject({ phone: '138****0001', idNumber: '340202********1234' });
  });

  it('2. the hub dispatches against the suggestion; the township returns it; dispatched as suggested, it is accepted', async () => {
    // Act
    const suggestions = await api('GET', `/v1/mediation-cases/${caseId}/suggestions`, { token: hub });
    const first = await act(hub, 'dispatch', { organisationId: 'fanluoshan' });
    const dispatchedAt = await now();
    const returned = await act(township, 'answer', {
      accepted: false,
      reason: '本案系劳动争议，建议分派劳动争议调委会',
    });
    const returnedQueue = await queue('queue=returned');
    const again = await act(hub, 'dispatch', { organisationId: suggestions.json.items[0].organisationId });
    const redispatchedAt = await now();
    const accepted = await act(labour, 'answer', { accepted: true });
    const acceptedAt = await now();
    // Assess
    expect(suggestions.status, suggestions.text).toBe(200);
    expect(suggestions.json.items[0]).toMatchObject({
      organisationId: 'fanluoshan-labour',
      ruleId: 'labour-fanluoshan',
      reason: '规则：劳动争议 + 范罗山街道 → 范罗山街道劳动争议调解委员会',
    });
    expect(first.dispatches[0]).toMatchObject({ organisationId: 'fanluoshan', suggested: 'fanluoshan-labour' });
    const d1 = clock(first, 'dispatch-1');
    expect(d1).toMatchObject({ policyId: 'mediation.dispatch-answer', departmentId: 'sfs-fanluoshan' });
    expect(Date.parse(d1.dueAt)).toBe(workingDaysDue(dispatchedAt, 2));
    expect(returned).toMatchObject({ status: 'queued', returned: true });
    expect(clock(returned, 'dispatch-1').status).toBe('met');
    expect(returnedQueue).toContain(caseId);
    expect(again.dispatches.map((x) => x.organisationId)).toEqual(['fanluoshan', 'fanluoshan-labour']);
    expect(Date.parse(clock(again, 'dispatch-2').dueAt)).toBe(workingDaysDue(redispatchedAt, 2));
    expect(accepted.status).toBe('accepted');
    expect(clock(accepted, 'dispatch-2').status).toBe('met');
    const respondent = clock(accepted, 'respondent');
    expect(respondent).toMatchObject({ policyId: 'mediation.respondent-answer', departmentId: 'sfs-fanluoshan' });
    expect(Date.parse(respondent.dueAt)).toBe(calendarDaysDue(acceptedAt, 5));
    expect(await queue('queue=returned')).not.toContain(caseId);
    expect(await queue('queue=organisation', labour)).toContain(caseId);
    expect(await queue('queue=organisation&organisationId=fanluoshan')).not.toContain(caseId);
  });

  it('3. a respondent who has not answered raises a warning to the 司法所’s people on duty', async () => {
    // Prepare
    const due = Date.parse(clock(await read(), 'respondent').dueAt);
    // Act
    await advanceTo(nineOClockOf(due) + 5 * MIN);
    // Assess
    const alert = await eventually(
      async () => (await alertsOf(township)).find((a) => a.clockId === `${caseId}.respondent`),
      'the respondent-answer warning',
    );
    expect(alert).toMatchObject({ reason: 'warning', departmentId: 'sfs-fanluoshan' });
    expect(alert.recipients).toContain('fanluoshan.zhou');
  });

  it('4. both consents, two sessions, a risk reported to the police on duty, then an extension with consent', async () => {
    // Act
    await act(labour, 'consent', { partyId: 'p1', given: true, via: 'signed' }, 201);
    const consented = await act(labour, 'consent', { partyId: 'p2', given: true, via: 'phone' }, 201);
    await act(labour, 'mediators', { mediatorIds: ['flsl-wang', 'flsl-zhao'] });
    const t = await now();
    await act(
      labour,
      'session',
      {
        at: new Date(t - HOUR).toISOString(),
        place: '范罗山街道调解室',
        participants: ['张某', '公司代表'],
        summary: '双方陈述，分歧在金额。',
        nextStep: '核对工时记录',
      },
      201,
    );
    await advanceTo(t + DAY);
    const second = await act(
      labour,
      'session',
      {
        at: new Date(t + DAY - HOUR).toISOString(),
        place: '范罗山街道调解室',
        participants: ['张某', '公司代表'],
        summary: '公司同意支付2.8万元。',
        nextStep: '起草协议',
      },
      201,
    );
    const riskFrom = await now();
    const risk = await act(labour, 'risk', { kind: 'civil-to-criminal', note: '申请人扬言报复公司负责人' }, 201);
    const riskAt = await now();
    await advanceTo(riskAt + 2 * MIN);
    const policeAlert = await eventually(
      async () => (await alertsOf(await login(api, 'psb.duty'))).find((a) => a.clockId === `${caseId}.risk-1`),
      'the police on-duty alert',
    );
    const receipt = await act(psbKey, 'risk-receipt', { note: '已安排社区民警介入' });
    const before = clock(receipt, 'limit');
    const extended = await act(labour, 'extend', {
      duration: 'P15D',
      reason: '双方同意延长以核对账目',
      consentOf: ['p1', 'p2'],
    });
    // Assess
    expect(clock(consented, 'respondent').status).toBe('met');
    expect(second.status).toBe('mediating');
    expect((second.sessions as unknown[]).length).toBe(2);
    expect(clock(risk, 'risk-1')).toMatchObject({ policyId: 'mediation.risk-police-receipt', departmentId: 'psb' });
    const riskClock = clock(risk, 'risk-1');
    expect(Date.parse(riskClock.startedAt)).toBeGreaterThanOrEqual(riskFrom);
    expect(Date.parse(riskClock.startedAt)).toBeLessThanOrEqual(riskAt);
    expect(Date.parse(riskClock.dueAt) - Date.parse(riskClock.startedAt)).toBe(HOUR);
    expect(policeAlert).toMatchObject({ reason: 'warning', departmentId: 'psb' });
    expect(policeAlert.recipients).toContain('psb.duty');
    expect(clock(receipt, 'risk-1').status).toBe('met');
    const riskEvent = await eventually(
      async () => (await inbox(psbKey)).find((i) => i.event['detail-type'] === 'MediationCase.RiskReported'),
      'RiskReported at public security',
    );
    expect(riskEvent.event.detail.data).toMatchObject({ kind: 'civil-to-criminal', caseId });
    expect(Date.parse(before.dueAt)).toBe(calendarDaysDue(referredAt, 30));
    expect(Date.parse(clock(extended, 'limit').dueAt)).toBe(calendarDaysDue(referredAt, 45));
    expect(clock(extended, 'limit').status).toBe('running');
  });

  it('5. the agreement and its PDF, and judicial confirmation through the court’s events, each clock met', async () => {
    // Prepare
    const t = await now();
    const performanceDueAt = t + 20 * DAY;
    // Act
    const agreed = await act(
      labour,
      'agreement',
      {
        documentNo: '范劳调〔2026〕15号',
        facts: '被申请人拖欠申请人劳务费3.2万元。',
        terms: ['被申请人于20日内支付2.8万元', '申请人放弃其余请求'],
        amountFen: 2_800_000,
        performanceDueAt: new Date(performanceDueAt).toISOString(),
        prevented: { civilToCriminal: { people: 2 } },
      },
      201,
    );
    // The 人民调解协议书 as the court that delegated the case downloads it.
    const pdf = await fetchPdf(rt.baseUrl, `/v1/mediation-cases/${caseId}/agreement.pdf`, courtKey);
    const applied = await act(labour, 'confirmation', { courtDepartmentId: 'court' }, 201);
    const appliedAt = await now();
    await advanceTo(appliedAt + DAY);
    const acceptedAt = await now();
    expect(
      (
        await postAsCourt(
          'JudicialConfirmation.Accepted',
          { caseId, courtCaseNo: '（2026）皖0202民特15号', acceptedAt: new Date(acceptedAt).toISOString() },
          'conf-accept',
        )
      ).status,
    ).toBe(202);
    const accepted = await eventually(async () => {
      const c = await read();
      return c.clocks.some((x) => x.key === 'confirmation-decision') ? c : undefined;
    }, 'the court’s acceptance recorded');
    await advanceTo(acceptedAt + 5 * DAY);
    expect(
      (
        await postAsCourt(
          'JudicialConfirmation.Decided',
          { caseId, confirmed: true, decidedAt: new Date(await now()).toISOString() },
          'conf-decide',
        )
      ).status,
    ).toBe(202);
    const decided = await eventually(async () => {
      const c = await read();
      // The view reads the case, then its clocks: a read between the two can see the clock met
      // before the case's own copy of the decision, so wait for both.
      return clock(c, 'confirmation-decision').status === 'met' &&
        (c.confirmation as { decidedAt?: string } | undefined)?.decidedAt
        ? c
        : undefined;
    }, 'the court’s decision recorded');
    // Assess
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(dispositionFileName(pdf.headers.get('content-disposition'))).toBe('人民调解协议书-范劳调〔2026〕15号.pdf');
    const { compact } = await pdfText(pdf.bytes);
    for (const expected of [
      '人民调解协议书',
      '申请人：张某',
      '被申请人：某建筑劳务有限公司',
      '被申请人拖欠申请人劳务费3.2万元。',
      '1.被申请人于20日内支付2.8万元',
      '2.申请人放弃其余请求',
      '人民币28,000.00元',
      `当事人应于${chineseDate(performanceDueAt)}前履行完毕`,
      '范罗山街道劳动争议调解委员会（印）',
      `${chineseDate(t)}`,
    ])
      expect(compact).toContain(expected);
    expect(agreed.status).toBe('agreed');
    expect(clock(agreed, 'limit').status).toBe('met');
    expect(Date.parse(clock(agreed, 'confirmation-application').dueAt)).toBe(calendarDaysDue(t, 30));
    const perf = clock(agreed, 'performance');
    expect(Date.parse(perf.dueAt)).toBe(calendarDaysDue(t, 20));
    expect(Date.parse(perf.dueAt)).toBeGreaterThanOrEqual(performanceDueAt);
    expect(clock(applied, 'confirmation-application').status).toBe('met');
    const acceptance = clock(applied, 'confirmation-acceptance');
    expect(acceptance.departmentId).toBe('court');
    expect(Date.parse(acceptance.dueAt)).toBe(calendarDaysDue(appliedAt, 3));
    expect(clock(accepted, 'confirmation-acceptance').status).toBe('met');
    expect(Date.parse(clock(accepted, 'confirmation-decision').dueAt)).toBe(calendarDaysDue(acceptedAt, 15));
    expect(decided.confirmation).toMatchObject({ courtDepartmentId: 'court', confirmed: true });
    const applicationEvent = await eventually(
      async () => (await inbox(courtKey)).find((i) => i.event['detail-type'] === 'MediationCase.ConfirmationApplied'),
      'ConfirmationApplied at the court',
    );
    expect(applicationEvent.event.detail.data).toMatchObject({ caseId, courtDepartmentId: 'court' });
  });

  it('6. performance followed up, the case closed, visited, and both parties’ satisfaction recorded', async () => {
    // Act
    const performed = await act(labour, 'performance', { honoured: 'full', note: '已按期足额支付' }, 201);
    const closed = await act(labour, 'close', {});
    const closedAt = await now();
    const visited = await act(labour, 'visit', { note: '电话回访，双方无异议' }, 201);
    await act(labour, 'satisfaction', { partyId: 'p1', score: 5, comment: '很满意', via: 'call' }, 201);
    const done = await act(labour, 'satisfaction', { partyId: 'p2', score: 4, comment: '', via: 'call' }, 201);
    // Assess
    expect(clock(performed, 'performance').status).toBe('met');
    expect(closed.status).toBe('closed');
    expect(Date.parse(clock(closed, 'visit').dueAt)).toBe(calendarDaysDue(closedAt, 30));
    expect(clock(visited, 'visit').status).toBe('met');
    expect((done.satisfaction as { score: number }[]).map((s) => s.score)).toEqual([5, 4]);
    expect(done.timeline.map((x) => x.what)).toEqual([
      'MediationCase.Received',
      'MediationCase.Dispatched',
      'MediationCase.Returned',
      'MediationCase.Dispatched',
      'MediationCase.Accepted',
      'MediationCase.ConsentRecorded',
      'MediationCase.ConsentRecorded',
      'MediationCase.MediatorsAssigned',
      'MediationCase.SessionRecorded',
      'MediationCase.SessionRecorded',
      'MediationCase.RiskReported',
      'MediationCase.RiskReceived',
      'MediationCase.Extended',
      'MediationCase.Agreed',
      'MediationCase.ConfirmationApplied',
      'MediationCase.ConfirmationAccepted',
      'MediationCase.ConfirmationDecided',
      'MediationCase.PerformanceRecorded',
      'MediationCase.Closed',
      'MediationCase.Visited',
      'MediationCase.SatisfactionRecorded',
      'MediationCase.SatisfactionRecorded',
    ]);
    expect(done.clocks.every((c) => c.status === 'met' && !c.provisional)).toBe(true);
  });

  it('answers bad input on the mediation routes with problem+json', async () => {
    // Prepare
    const problem = (r: Awaited<ReturnType<Api>>, status: number) => {
      expect(r.status, r.text).toBe(status);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    };
    const path = `/v1/mediation-cases/${caseId}`;
    // Act + Assess
    problem(
      await api('POST', `${path}/visit`, {
        token: labour,
        headers: { 'content-type': 'application/json' },
        raw: '{"note":',
      }),
      400,
    );
    problem(await api('POST', `${path}/visit`, { token: labour, body: { note: 'x'.repeat(300 * 1024) } }), 413);
    problem(
      await api('POST', `${path}/satisfaction`, { token: labour, body: { partyId: 'p1', score: 9, via: 'call' } }),
      422,
    );
    problem(await api('GET', path, { token: petitionUser }), 403);
    problem(await api('POST', `${path}/visit`, { token: township, body: { note: '越权' } }), 403);
    problem(await api('GET', '/v1/mediation-cases?queue=intake', { token: labour }), 403);
    problem(await api('POST', `${path}/dispatch`, { token: hub, body: { organisationId: 'tianmenshan' } }), 409);
    problem(await api('POST', `${path}/visit`, { token: labour, body: { note: '再次回访' } }), 409);
    const once = await api('POST', '/v1/mediation-cases', {
      token: hub,
      headers: { 'idempotency-key': 'window-1' },
      body: {
        source: 'window',
        title: '邻里噪音纠纷',
        summary: '楼上装修噪音',
        disputeType: 'neighbourhood',
        regionCode: '340202002',
        peopleInvolved: 2,
        parties: [
          { id: 'a', role: 'applicant', name: '甲' },
          { id: 'b', role: 'respondent', name: '乙' },
        ],
      },
    });
    expect(once.status, once.text).toBe(201);
    problem(
      await api('POST', '/v1/mediation-cases', {
        token: hub,
        headers: { 'idempotency-key': 'window-1' },
        body: { source: 'window' },
      }),
      422,
    );
    problem(
      await api('POST', '/v1/mediation-cases', {
        token: hub,
        headers: { 'idempotency-key': 'window-1' },
        body: {
          source: 'hotline',
          title: '邻里噪音纠纷',
          summary: '楼上装修噪音',
          disputeType: 'neighbourhood',
          regionCode: '340202002',
          peopleInvolved: 2,
          parties: [
            { id: 'a', role: 'applicant', name: '甲' },
            { id: 'b', role: 'respondent', name: '乙' },
          ],
        },
      }),
      409,
    );
    problem(
      await api('POST', '/v1/mediation-cases', {
        token: hub,
        body: {
          source: 'window',
          title: '无被申请人',
          summary: '只有一方',
          disputeType: 'other',
          regionCode: '340202',
          peopleInvolved: 1,
          parties: [
            { id: 'a', role: 'applicant', name: '甲' },
            { id: 'c', role: 'agent', name: '丙', actsFor: 'a' },
          ],
        },
      }),
      422,
    );
    problem(
      await api('PUT', '/v1/mediation/dispatch-rules', {
        token: hub,
        body: { rules: [{ id: 'r', disputeTypes: ['labour'], organisationId: 'nowhere' }] },
      }),
      422,
    );
  });
});
