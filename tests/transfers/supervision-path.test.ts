// Not filed → reconsideration → upheld → filing supervision → explanation → reasons fail → filed on
// the procuratorate's notice (Art. 9; 程序规定 Art. 181; 刑诉规则 Arts. 560–564), each period due
// where the rules put it, computed here independently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';
import { calendarDaysDue, clockOf, REPORT, TRANSFER, YEAR_2027 } from './support';

let rt: LocalRuntime;
let api: Api;
type Who = 'admin' | 'officer' | 'head' | 'police' | 'proc';
const t = {} as Record<Who, string>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const names = {
    admin: 'admin',
    officer: 'samr.duty',
    head: 'samr.head',
    police: 'psb.duty',
    proc: 'procuratorate.duty',
  };
  for (const [k, u] of Object.entries(names)) t[k as Who] = await login(api, u);
  expect((await api('PUT', '/v1/config/calendars/2027', { token: t.admin, body: YEAR_2027 })).status).toBe(200);
});
afterAll(async () => rt?.stop());

type View = { clocks: { key: string; status: string; dueAt: string; departmentId: string }[]; version: number };

describe('a case not filed', () => {
  it('goes through reconsideration to filing supervision, and is filed on the procuratorate’s notice', async () => {
    // Prepare
    const id = (await api('POST', '/v1/transfer-cases', { token: t.officer, body: REPORT })).json.id as string;
    const step = async (action: string, who: Who, body: unknown = {}) => {
      const r = await api('POST', `/v1/transfer-cases/${id}/${action}`, { token: t[who], body });
      expect(r.status, `${action}: ${r.text}`).toBe(200);
      return r.json as View & Record<string, any>;
    };
    await step('decide-approval', 'head', { approved: true });
    await step('transfer', 'officer', TRANSFER);
    await step('receive', 'police');
    const due = (v: View, key: string) => Date.parse(clockOf(v, key)!.dueAt);
    // Act + Assess
    const notFiled = await step('decide-filing', 'police', {
      filed: false,
      documentNo: '不立字1号',
      reasons: '没有犯罪事实',
    });
    expect(notFiled.status).toBe('not-filed');
    const at1 = Date.parse(notFiled.filing.at);
    expect(due(notFiled, 'reconsideration-request-1')).toBe(calendarDaysDue(at1, 3));
    expect(clockOf(notFiled, 'reconsideration-request-1')!.departmentId).toBe('samr');

    const asked = await step('request-reconsideration', 'officer', { documentNo: '复1号' });
    const at2 = Date.parse(asked.reconsideration.requestedAt);
    expect(due(asked, 'reconsideration-decision-1')).toBe(calendarDaysDue(at2, 3));
    expect(clockOf(asked, 'reconsideration-decision-1')!.departmentId).toBe('psb');

    const upheld = await step('decide-reconsideration', 'police', {
      filed: false,
      documentNo: '复决1号',
      reasons: '维持',
    });
    expect(upheld.status).toBe('reconsideration-upheld');
    const at3 = Date.parse(upheld.reconsideration.decidedAt);
    expect(due(upheld, 'supervision-request-1')).toBe(calendarDaysDue(at3, 3));

    const supervision = await step('request-supervision', 'officer', { documentNo: '监1号' });
    expect(supervision.status).toBe('supervision');
    const required = await step('require-explanation', 'proc', { documentNo: '要说1号' });
    const at4 = Date.parse(required.supervision.explanationRequiredAt);
    expect(due(required, 'supervision-explanation-1')).toBe(calendarDaysDue(at4, 7));

    await step('explain-not-filing', 'police', { documentNo: '说1号', reasons: '证据不足' });
    const reviewed = await step('review-explanation', 'proc', { reasonsStand: false, documentNo: '通立1号' });
    expect(reviewed.status).toBe('supervision-filing');
    const at5 = Date.parse(reviewed.supervision.reviewedAt);
    expect(due(reviewed, 'supervision-filing-1')).toBe(calendarDaysDue(at5, 15));

    const refusedAgain = await api('POST', `/v1/transfer-cases/${id}/decide-filing`, {
      token: t.police,
      body: { filed: false, documentNo: '不立字2号', reasons: '仍不立案' },
    });
    expect(refusedAgain.status).toBe(409);
    expect(refusedAgain.json.type).toMatch(/filing-required$/);
    const filed = await step('decide-filing', 'police', { filed: true, documentNo: '立字9号' });
    expect(filed.status).toBe('filed');
    expect(filed.filing.stage).toBe('supervision');
    expect(clockOf(filed, 'supervision-filing-1')!.status).toBe('met');
    expect(clockOf(filed, 'urging-1')!.status).toBe('running');
    expect(clockOf(filed, 'handover-1')!.departmentId).toBe('samr');
  });
});
