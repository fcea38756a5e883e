// The other intake sources and the structure as configuration: a court's entrustment runs 15 days
// (ordinary) or 7 (summary) from the entrustment; the police and the petition office see what they
// referred, the petition office with parties' numbers masked (its work does not need them); a city
// renames a channel and adds an organisation at run time, and the staffing report shows the
// committees below the seed's targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as mediationEvents } from '../../functions/mediation/on-events/handler';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import type { BusEvent, DeliveredEvent } from '../../packages/platform/src/events/envelope';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { calendarDaysDue, YEAR_2027 } from './support';

let rt: LocalRuntime;
let api: Api;
let hub: string;
let admin: string;
const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;

const referral = (over: Record<string, unknown> = {}) => ({
  referenceNo: '（2026）皖0202民初456号',
  title: '李某与王某民间借贷纠纷',
  summary: '原告诉请被告返还借款5万元。',
  disputeType: 'contract',
  regionCode: '340202002',
  amountFen: 5_000_000,
  peopleInvolved: 2,
  parties: [
    { id: 'p1', role: 'applicant', name: '李某', idNumber: '340202198502021234', phone: '13800000011' },
    { id: 'p2', role: 'respondent', name: '王某', phone: '13800000012' },
  ],
  referredAt: new Date(Date.now() - 3_600_000).toISOString(),
  ...over,
});

async function post(dept: string, detailType: string, data: Record<string, unknown>): Promise<string> {
  const r = await api('POST', '/v1/events', {
    token: keyOf(dept),
    headers: { 'idempotency-key': `${detailType}-${Math.random()}` },
    body: { entries: [{ detailType, detail: { data } }] },
  });
  expect(r.status, r.text).toBe(202);
  const id = r.json.entries[0].eventId as string;
  await eventually(
    async () => (await api('GET', `/v1/mediation-cases/${id}`, { token: hub })).status === 200,
    `case ${id}`,
  );
  return id;
}
const read = async (id: string, token: string) => api('GET', `/v1/mediation-cases/${id}`, { token });

const published: BusEvent[] = [];

beforeAll(async () => {
  rt = await startTestRuntime();
  const put = rt.deps.publisher.put.bind(rt.deps.publisher);
  rt.deps.publisher.put = async (events) => {
    published.push(...events);
    await put(events);
  };
  api = apiOf(rt.baseUrl);
  [hub, admin] = await Promise.all([login(api, 'justice.hub'), login(api, 'admin')]);
  expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
});
afterAll(async () => rt?.stop());

describe('referrals from the court, the police and the petition office', () => {
  it('an entrustment runs 15 days under the ordinary procedure and 7 under the summary one', async () => {
    // Prepare
    const referredAt = Date.now() - 3_600_000;
    // Act
    const ordinary = await post(
      'court',
      'MediationReferral.Entrusted',
      referral({ procedure: 'ordinary', referredAt: new Date(referredAt).toISOString() }),
    );
    const summary = await post(
      'court',
      'MediationReferral.Entrusted',
      referral({ procedure: 'summary', referredAt: new Date(referredAt).toISOString() }),
    );
    // Assess
    const limitOf = async (id: string) =>
      (await read(id, hub)).json.clocks.find((c: { key: string }) => c.key === 'limit');
    const o = await limitOf(ordinary);
    const s = await limitOf(summary);
    expect(o.policyId).toBe('mediation.court-entrusted');
    expect(Date.parse(o.dueAt)).toBe(calendarDaysDue(referredAt, 15));
    expect(s.policyId).toBe('mediation.court-entrusted-summary');
    expect(Date.parse(s.dueAt)).toBe(calendarDaysDue(referredAt, 7));
  });

  it('the police see their referral in full, the petition office theirs masked, and neither the other’s', async () => {
    // Act
    const police = await post(
      'psb',
      'MediationReferral.PoliceReferred',
      referral({ disputeType: 'housing_homestead', incidentNo: 'JJ-1' }),
    );
    const petition = await post(
      'petition',
      'MediationReferral.PetitionReferred',
      referral({
        disputeType: 'property_management',
        parties: [
          { id: 'p1', role: 'applicant', name: '李某', idNumber: '340202198502021234', phone: '13800000011' },
          { id: 'p2', role: 'respondent', name: '某物业服务有限公司', idNumber: '91340200MA2NQ0LK1Q' },
        ],
      }),
    );
    const byPolice = await read(police, keyOf('psb'));
    const byPetition = await read(petition, keyOf('petition'));
    // Assess
    expect(byPolice.json).toMatchObject({ source: 'police', status: 'queued', referral: { departmentId: 'psb' } });
    expect(byPolice.json.clocks).toEqual([]);
    expect(byPolice.json.parties[0]).toMatchObject({ phone: '13800000011', idNumber: '340202198502021234' });
    expect(byPetition.json.parties[0]).toMatchObject({ phone: '138****0011', idNumber: '340202********1234' });
    expect(byPetition.json.parties[1].idNumber).toBe('913402********LK1Q');
    expect((await read(police, keyOf('petition'))).status).toBe(403);
    expect((await read(petition, keyOf('psb'))).status).toBe(403);
    const listed = await api('GET', '/v1/mediation-cases?queue=referred', { token: keyOf('petition') });
    expect(listed.json.items.map((i: { id: string }) => i.id)).toEqual([petition]);
  });

  it('tells the court why a referral it sent cannot be taken, once, and makes no case of it', async () => {
    // Prepare: an agent acting for nobody of the case (the catalog admits it, the caseflow does not)
    const parties = [
      { id: 'p1', role: 'applicant', name: '李某' },
      { id: 'p2', role: 'respondent', name: '王某' },
      { id: 'p3', role: 'agent', name: '律师孙某', actsFor: 'p9' },
    ];
    // Act
    const r = await api('POST', '/v1/events', {
      token: keyOf('court'),
      headers: { 'idempotency-key': 'refused-referral' },
      body: { entries: [{ detailType: 'MediationReferral.Delegated', detail: { data: referral({ parties }) } }] },
    });
    expect(r.status, r.text).toBe(202);
    const referralId = r.json.entries[0].eventId as string;
    type Item = { event: { 'detail-type': string; detail: { data: Record<string, unknown> } } };
    const refusals = async () =>
      ((await api('GET', '/v1/inbox?limit=100', { token: keyOf('court') })).json.items as Item[]).filter(
        (i) =>
          i.event['detail-type'] === 'MediationReferral.Refused' && i.event.detail.data.referralEventId === referralId,
      );
    const [told] = await eventually(async () => {
      const found = await refusals();
      return found.length > 0 && found;
    }, 'the refusal in the court’s inbox');
    // A redelivery of the same referral (EventBridge delivers at least once) tells nobody twice.
    const delivery = published.find((e) => (e.detail as { meta: { eventId: string } }).meta.eventId === referralId);
    await rt.deps.publisher.put([delivery!]);
    await rt.bus.runRetries();
    await new Promise((r) => setTimeout(r, 1500));
    // Assess
    expect(told!.event.detail.data).toMatchObject({
      referralDetailType: 'MediationReferral.Delegated',
      referenceNo: '（2026）皖0202民初456号',
      referringDepartmentId: 'court',
      code: 'mediation-case-invalid',
      reason: '案件信息不完整',
      issues: [{ path: 'parties.2.actsFor', code: 'unknown-party', message: '代理人须代理本案的一方当事人' }],
    });
    expect(await refusals()).toHaveLength(1);
    expect((await read(referralId, hub)).status).toBe(404);
    const others = await api('GET', '/v1/inbox?limit=100', { token: keyOf('psb') });
    expect(JSON.stringify(others.json)).not.toContain(referralId);
  });

  it('refuses a referral from a department not entitled to send it', async () => {
    // Act
    const r = await api('POST', '/v1/events', {
      token: keyOf('samr'),
      headers: { 'idempotency-key': 'not-a-court' },
      body: { entries: [{ detailType: 'MediationReferral.Delegated', detail: { data: referral() } }] },
    });
    // Assess
    expect(r.status, r.text).toBe(403);
  });
});

const delivered = (source: string, detailType: string, eventId: string, data: unknown): DeliveredEvent => ({
  version: '0',
  id: `bus-${eventId}`,
  'detail-type': detailType,
  source,
  account: 'local',
  time: new Date().toISOString(),
  region: 'local',
  resources: [],
  detail: { meta: { eventId, occurredAt: new Date().toISOString(), correlationId: eventId, schemaVersion: 1 }, data },
});

describe('redelivered and misaddressed events', () => {
  it('a referral delivered twice makes one case', async () => {
    // Prepare
    const eventId = '01KJMEDREDE1VERED000000001';
    const event = delivered(
      'dept.court',
      'MediationReferral.Delegated',
      eventId,
      referral({ title: '重复投递的委派' }),
    );
    // Act
    await mediationEvents(event);
    await mediationEvents(event);
    // Assess
    const intake = await api('GET', '/v1/mediation-cases?queue=intake', { token: hub });
    expect(
      intake.json.items.filter((i: { title: string }) => i.title === '重复投递的委派').map((i: { id: string }) => i.id),
    ).toEqual([eventId]);
    expect((await read(eventId, hub)).json.version).toBe(1);
  });

  it('an answer from a court the application did not go to changes nothing', async () => {
    // Prepare
    const id = await post('court', 'MediationReferral.Delegated', referral({ title: '别院的答复' }));
    const before = (await read(id, hub)).json;
    // Act
    await mediationEvents(
      delivered('dept.psb', 'JudicialConfirmation.Accepted', '01KJMEDWR0NGC0VRT000000001', {
        caseId: id,
        acceptedAt: new Date().toISOString(),
      }),
    );
    // Assess
    expect((await read(id, hub)).json.version).toBe(before.version);
  });
});

describe('the structure as configuration', () => {
  it('a city renames a channel and adds a village committee without a release; staffing shows who is short', async () => {
    // Prepare
    const current = (await api('GET', '/v1/mediation/structure', { token: hub })).json;
    const next = structuredClone(current.structure);
    next.channels[0].name = '人民调解（大调解）';
    next.organisations.push({
      id: 'dongfeng-village',
      name: '荆山镇东风村人民调解委员会',
      kind: 'village',
      channelId: 'people',
      regionCode: '340202100203',
      disputeTypes: ['neighbourhood'],
      mediators: [{ id: 'df-tang', name: '唐守望', phone: '13900030001', fullTime: true }],
    });
    // Act
    const put = await api('PUT', '/v1/mediation/structure', { token: hub, body: next });
    const bad = await api('PUT', '/v1/mediation/structure', {
      token: hub,
      body: { ...next, organisations: [...next.organisations, { ...next.organisations[0], channelId: 'nowhere' }] },
    });
    const byMediator = await api('GET', '/v1/mediation/structure', { token: await login(api, 'jingshan.chen') });
    // Assess
    expect(put.status, put.text).toBe(200);
    expect(put.json.version).toBe(current.version + 1);
    expect(byMediator.json.structure.channels[0].name).toBe('人民调解（大调解）');
    const short = put.json.staffing.short.map((l: { organisationId: string }) => l.organisationId).sort();
    expect(short).toEqual(['hongqi-village', 'tianmenshan']);
    expect(
      put.json.staffing.lines.find((l: { organisationId: string }) => l.organisationId === 'dongfeng-village'),
    ).toMatchObject({ target: 1, meets: true });
    expect(bad.status, bad.text).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });
});
