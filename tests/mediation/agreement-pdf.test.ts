// The 人民调解协议书 as a PDF (issue 9, outcome): printed from the city's template, read back with
// pdf.js; identity numbers masked for a reader whose work does not need them; the template edited
// by the hub prints in the next agreement's PDF while one recorded earlier keeps its version; stale
// versions (409), unknown placeholders (422), callers outside the case (403) and cases without an
// agreement (404) refused with problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseDate } from '../../packages/domain/src/mediation/agreement-template';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { dispositionFileName, fetchPdf, pdfText } from '../support/pdf';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { YEAR_2027 } from './support';

let rt: LocalRuntime;
let api: Api;
let hub: string;
let mediator: string;
let other: string;
let propaganda: string;
const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;

const DAY = 86_400_000;
const performanceDueAt = Date.now() + 20 * DAY;
const AGREEMENT = {
  documentNo: '范调〔2026〕88号',
  facts: '申请人反映物业公司未按约维修漏水屋面。',
  terms: ['物业公司于三十日内修复屋面', '申请人补缴物业费一千二百元'],
  amountFen: 120_000,
  performanceDueAt: new Date(performanceDueAt).toISOString(),
};
let n = 0;

/** A petition-office referral, dispatched to 范罗山街道人民调解委员会, mediated and agreed. */
async function agreedCase(): Promise<string> {
  const r = await api('POST', '/v1/events', {
    token: keyOf('petition'),
    headers: { 'idempotency-key': `pdf-referral-${++n}-${Date.now()}` },
    body: {
      entries: [
        {
          detailType: 'MediationReferral.PetitionReferred',
          detail: {
            data: {
              referenceNo: `访-2026-${n}`,
              title: '李秀英与某物业服务有限公司物业纠纷',
              summary: '屋面漏水，物业迟迟不修。',
              disputeType: 'property_management',
              regionCode: '340202001',
              amountFen: 120_000,
              peopleInvolved: 2,
              parties: [
                { id: 'p1', role: 'applicant', name: '李秀英', idNumber: '340202198502021234', phone: '13800000011' },
                { id: 'p2', role: 'respondent', name: '芜湖某物业服务有限公司' },
              ],
              referredAt: new Date(Date.now() - 3_600_000).toISOString(),
            },
          },
        },
      ],
    },
  });
  expect(r.status, r.text).toBe(202);
  const id = r.json.entries[0].eventId as string;
  await eventually(
    async () => (await api('GET', `/v1/mediation-cases/${id}`, { token: hub })).status === 200,
    id,
    60_000,
  );
  const act = async (token: string, action: string, body: unknown, status: number) => {
    const res = await api('POST', `/v1/mediation-cases/${id}/${action}`, { token, body });
    expect(res.status, `${action}: ${res.text}`).toBe(status);
  };
  await act(hub, 'dispatch', { organisationId: 'fanluoshan' }, 200);
  await act(mediator, 'answer', { accepted: true }, 200);
  await act(mediator, 'mediators', { mediatorIds: ['fls-zhou'] }, 200);
  for (const partyId of ['p1', 'p2']) await act(mediator, 'consent', { partyId, given: true, via: 'signed' }, 201);
  await act(
    mediator,
    'session',
    {
      at: new Date(Date.now() - 60_000).toISOString(),
      place: '范罗山街道调解室',
      participants: ['p1', 'p2'],
      summary: '双方同意调解',
      nextStep: '签订协议',
    },
    201,
  );
  await act(mediator, 'agreement', AGREEMENT, 201);
  return id;
}

async function dispatchedCase(): Promise<string> {
  const made = await api('POST', '/v1/mediation-cases', {
    token: hub,
    body: {
      source: 'window',
      title: '邻里纠纷',
      summary: '噪音扰民',
      disputeType: 'neighbourhood',
      regionCode: '340202001',
      peopleInvolved: 2,
      parties: [
        { id: 'p1', role: 'applicant', name: '甲' },
        { id: 'p2', role: 'respondent', name: '乙' },
      ],
    },
  });
  expect(made.status, made.text).toBe(201);
  const sent = await api('POST', `/v1/mediation-cases/${made.json.id}/dispatch`, {
    token: hub,
    body: { organisationId: 'fanluoshan' },
  });
  expect(sent.status, sent.text).toBe(200);
  return made.json.id;
}

const pdfOf = (id: string, token: string) => fetchPdf(rt.baseUrl, `/v1/mediation-cases/${id}/agreement.pdf`, token);
const template = (token: string) => api('GET', '/v1/mediation/agreement-template', { token });
const saveTemplate = (token: string, body: unknown) => api('PUT', '/v1/mediation/agreement-template', { token, body });

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  let admin: string;
  [admin, hub, mediator, other, propaganda] = await Promise.all([
    login(api, 'admin'),
    login(api, 'justice.hub'),
    login(api, 'fanluoshan.zhou'),
    login(api, 'tianmenshan.li'),
    login(api, 'propaganda.duty'),
  ]);
  // A performance deadline may fall in 2027, which the packaged calendars do not cover yet.
  expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
});
afterAll(async () => rt?.stop());

/** Agreed under the default template (the first test below). */
let caseId: string;

describe('the agreement PDF', () => {
  it('prints the parties, facts, terms, deadline and the places to sign and seal, in Chinese, as a small PDF', async () => {
    // Prepare
    caseId = await agreedCase();
    // Act
    const res = await pdfOf(caseId, mediator);
    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(dispositionFileName(res.headers.get('content-disposition'))).toBe('人民调解协议书-范调〔2026〕88号.pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="mediation-agreement-[0-9A-Z]{26}\.pdf"/,
    );
    expect(Buffer.from(res.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(res.bytes.length).toBeLessThan(200_000); // the font is subset, not embedded whole
    const { compact } = await pdfText(res.bytes);
    for (const expected of [
      '人民调解协议书',
      '编号：范调〔2026〕88号',
      '申请人：李秀英，证件号码：340202198502021234，联系电话：13800000011',
      '被申请人：芜湖某物业服务有限公司',
      AGREEMENT.facts,
      '1.物业公司于三十日内修复屋面',
      '2.申请人补缴物业费一千二百元',
      '人民币1,200.00元',
      `当事人应于${chineseDate(performanceDueAt)}前履行完毕`,
      '申请人（签名、盖章或按指印）：',
      '被申请人（签名、盖章或按指印）：',
      '人民调解员（签名）：',
      '范罗山街道人民调解委员会（印）',
    ])
      expect(compact).toContain(expected);
  });

  it('masks identity numbers and phones for the petition office, as the case view does', async () => {
    // Act
    const res = await pdfOf(caseId, keyOf('petition'));
    // Assess
    expect(res.status).toBe(200);
    const { compact } = await pdfText(res.bytes);
    expect(compact).toContain('申请人：李秀英，证件号码：340202********1234，联系电话：138****0011');
    expect(compact).not.toContain('340202198502021234');
    expect(compact).not.toContain('13800000011');
  });

  it('refuses callers outside the case (403) and answers 404 without an agreement or a case, as problem+json', async () => {
    // Prepare
    const dispatched = await dispatchedCase();
    // Act
    const refused = await Promise.all([pdfOf(caseId, other), pdfOf(caseId, propaganda), pdfOf(caseId, keyOf('samr'))]);
    const none = await pdfOf(dispatched, mediator);
    const unknown = await pdfOf('01JZZZZZZZZZZZZZZZZZZZZZZZ', hub);
    const anonymous = await fetch(`${rt.baseUrl}/v1/mediation-cases/${caseId}/agreement.pdf`);
    // Assess
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
    for (const r of [...refused, none, unknown])
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(none.status).toBe(404);
    expect(JSON.parse(Buffer.from(none.bytes).toString('utf8')).detail).toContain('agreement');
    expect(unknown.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});

describe('the agreement template', () => {
  it('starts as the default (version 0); the hub’s edit prints in the next agreement, not in one already signed', async () => {
    // Prepare
    const before = await template(hub);
    expect(before.status, before.text).toBe(200);
    expect(before.json.version).toBe(0);
    expect(before.json.placeholders).toHaveProperty('performanceDueAt');
    const edited = structuredClone(before.json.template);
    edited.title = '镜湖区人民调解协议书';
    edited.sections.push({ heading: '其他约定', body: '本纠纷类型：{{disputeType}}；调解员：{{mediators}}。' });
    edited.signatures.lines = ['调解员签名：', '{{organisation.name}}（盖章）', '{{agreedAt}}'];
    // Act
    const saved = await saveTemplate(hub, { version: 0, template: edited });
    const reread = await template(hub);
    const next = await agreedCase();
    const [nextPdf, earlierPdf] = await Promise.all([pdfOf(next, hub), pdfOf(caseId, hub)]);
    const [nextCase, earlierCase] = await Promise.all(
      [next, caseId].map((id) => api('GET', `/v1/mediation-cases/${id}`, { token: hub })),
    );
    // Assess
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({
      version: 1,
      updatedBy: 'justice.hub',
      template: { title: '镜湖区人民调解协议书' },
    });
    expect(reread.json).toMatchObject({ version: 1, template: edited, updatedBy: 'justice.hub' });
    expect(nextCase!.json.agreement.templateVersion).toBe(1);
    expect(earlierCase!.json.agreement.templateVersion).toBe(0);
    const printed = (await pdfText(nextPdf.bytes)).compact;
    expect(printed).toContain('镜湖区人民调解协议书');
    expect(printed).toContain('六、其他约定');
    expect(printed).toContain('本纠纷类型：物业；调解员：周立新。');
    expect(printed).toContain('范罗山街道人民调解委员会（盖章）');
    expect(printed).not.toContain('人民调解员（签名）');
    expect(printed).toContain('物业公司于三十日内修复屋面');
    const earlier = (await pdfText(earlierPdf.bytes)).compact;
    expect(earlier).not.toContain('镜湖区人民调解协议书');
    expect(earlier).not.toContain('其他约定');
    expect(earlier).toContain('人民调解员（签名）：');
  });

  it('refuses a save from a stale version with 409, and changes nothing', async () => {
    // Prepare
    const current = await template(hub);
    const stale = { ...current.json.template, title: '过时的标题' };
    // Act
    const res = await saveTemplate(hub, { version: current.json.version - 1, template: stale });
    const after = await template(hub);
    // Assess
    expect(res.status, res.text).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json.type).toContain('agreement-template-stale');
    expect(after.json.version).toBe(current.json.version);
    expect(after.json.template.title).toBe(current.json.template.title);
  });

  it('refuses unknown placeholders with 422 naming each, and a template without the terms', async () => {
    // Prepare
    const current = await template(hub);
    const t = structuredClone(current.json.template);
    t.preamble = '编号：{{documentNo}} 案号：{{caseNumber}}';
    t.sections[0].body = '{{parties}}，法官 {{judge.name}}';
    const withoutTerms = structuredClone(current.json.template);
    withoutTerms.sections = withoutTerms.sections.filter((s: { body: string }) => !s.body.includes('{{terms}}'));
    // Act
    const unknown = await saveTemplate(hub, { version: current.json.version, template: t });
    const missing = await saveTemplate(hub, { version: current.json.version, template: withoutTerms });
    // Assess
    expect(unknown.status, unknown.text).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.json.errors).toEqual([
      { path: 'preamble', code: 'unknown-placeholder', message: '未知的占位符 {{caseNumber}}' },
      { path: 'sections.0.body', code: 'unknown-placeholder', message: '未知的占位符 {{judge.name}}' },
    ]);
    expect(missing.status, missing.text).toBe(422);
    expect(missing.json.errors).toEqual([
      { path: '(body)', code: 'required-placeholder', message: '模板须写明协议条款：{{terms}}' },
    ]);
    expect((await template(hub)).json.version).toBe(current.json.version);
  });

  it('is read and replaced by the hub and admins only (403), and refuses malformed bodies', async () => {
    // Prepare
    const current = await template(hub);
    const body = { version: current.json.version, template: current.json.template };
    // Act
    const byMediator = await Promise.all([template(mediator), saveTemplate(mediator, body)]);
    const byOthers = await Promise.all([template(propaganda), saveTemplate(propaganda, body)]);
    const noJson = await api('PUT', '/v1/mediation/agreement-template', {
      token: hub,
      raw: '{"version":',
      headers: { 'content-type': 'application/json' },
    });
    const extra = await saveTemplate(hub, { ...body, template: { ...body.template, footer: '多余' } });
    const emptySections = await saveTemplate(hub, { ...body, template: { ...body.template, sections: [] } });
    // Assess
    expect([...byMediator, ...byOthers].map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(noJson.status).toBe(400);
    expect(extra.status).toBe(422);
    expect(emptySections.status).toBe(422);
    expect((await template(hub)).json.version).toBe(current.json.version);
  });
});
