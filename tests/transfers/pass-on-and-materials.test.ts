// Public security's stage (DOMAIN.md §4 steps 4–5) through the HTTP API on the virtual clock:
// - not its jurisdiction: passed on within 24 h to another police organ (told to the agency), which
//   receives it and starts round 2 of the clocks; it finds the materials incomplete (notice within
//   24 h of receipt) and the agency completes them (3 days from the notice);
// - an economic case declared complex (30 days from receipt) and extended (+30 days, next-higher
//   head), received on a day whose 30th day is a rest day after a holiday: the roll happens once,
//   the extension counts from the unrolled 30th day;
// - a completion left to breach: the alert to the agency's people on duty and the case knowing it.
// Every due is computed here from DOMAIN.md's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import {
  advanceTo,
  calendarDaysDue,
  cityDay,
  clockOf,
  DOCUMENTS,
  endOfDay,
  HOUR,
  inboxOf,
  isWorkingDay,
  nowOf,
  REPORT,
  TRANSFER,
  tenOn,
  YEAR_2027,
} from './support';

let rt: LocalRuntime;
let api: Api;
/** The second police organ, working through its own system (API key). */
const COUNTY = 'psb-county';
type Who = 'officer' | 'head' | 'police' | 'county';
const t = {} as Record<Who, string>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const admin = await login(api, 'admin');
  expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
  const created = await api('PUT', `/v1/departments/${COUNTY}`, {
    token: admin,
    body: { name: '某县公安局', nameEn: 'County Public Security Bureau', kinds: ['public-security'] },
  });
  expect(created.status, created.text).toBe(201);
  const key = await api('POST', `/v1/departments/${COUNTY}/api-keys`, { token: admin, body: {} });
  expect(key.status, key.text).toBe(201);
  t.county = key.json.apiKey as string;
  t.officer = await login(api, 'samr.duty');
  t.head = await login(api, 'samr.head');
  t.police = await login(api, 'psb.duty');
});
afterAll(async () => rt?.stop());

type View = Record<string, any> & {
  clocks: { key: string; status: string; dueAt: string; departmentId: string; startedAt: string; metAt?: string }[];
};
const keyOf = (id: string) => (id === COUNTY ? t.county : rt.credentials!.departments.find((d) => d.id === id)!.apiKey);

async function step(id: string, action: string, who: Who, body: unknown = {}): Promise<View> {
  const r = await api('POST', `/v1/transfer-cases/${id}/${action}`, { token: t[who], body });
  expect(r.status, `${action}: ${r.text}`).toBe(200);
  return r.json as View;
}
const due = (v: View, key: string) => Date.parse(clockOf(v, key)!.dueAt);

/** Report → approval → complete transfer to the city police, now. */
async function transferred(title: string, economic = false): Promise<string> {
  const r = await api('POST', '/v1/transfer-cases', { token: t.officer, body: { ...REPORT, title, economic } });
  expect(r.status, r.text).toBe(201);
  const id = r.json.id as string;
  await step(id, 'decide-approval', 'head', { approved: true });
  expect((await step(id, 'transfer', 'officer', TRANSFER)).statusName).toBe('已移送待接受');
  return id;
}

const types = async (dept: string, id: string) => (await inboxOf(api, keyOf(dept), id)).map((e) => e.type);

describe('public security’s stage', () => {
  it('declares an economic case complex and extends it, rolling the 30th day once', async () => {
    // Prepare: a receipt day whose 30th day is a rest day or holiday and whose 60th is a working day.
    let day = cityDay(await nowOf(api)) + 1;
    while (isWorkingDay(day + 30) || !isWorkingDay(day + 60)) day++;
    await advanceTo(api, tenOn(day));
    const id = await transferred('某公司非法经营案', true);
    // Act + Assess
    const received = await step(id, 'receive', 'police');
    const receivedAt = Date.parse(received.receivedAt);
    expect(cityDay(receivedAt)).toBe(day);
    expect(clockOf(received, 'filing-1')).toMatchObject({ policyId: 'transfer.filing-decision-economic' });
    expect(due(received, 'filing-1')).toBe(calendarDaysDue(receivedAt, 10));

    await advanceTo(api, receivedAt + 50 * HOUR);
    const complex = await step(id, 'declare-complex', 'police', {
      approvedBy: '市公安局局长 赵某',
      documentNo: '芜公经审〔2026〕1号',
    });
    expect(complex.statusName).toBe('公安机关立案审查中');
    expect(clockOf(complex, 'filing-1')!.status).toBe('cancelled');
    const thirty = clockOf(complex, 'filing-complex-1')!;
    expect(Date.parse(thirty.startedAt!)).toBe(receivedAt); // counted from receipt, not from the declaration
    expect(due(complex, 'filing-complex-1')).toBe(calendarDaysDue(receivedAt, 30));
    expect(due(complex, 'filing-complex-1')).toBeGreaterThan(endOfDay(day + 30)); // rolled off the rest day
    expect(thirty.departmentId).toBe('psb');

    await advanceTo(api, receivedAt + 20 * 24 * HOUR);
    const extended = await step(id, 'extend-filing-review', 'police', {
      approvedBy: '省公安厅负责人 钱某',
      documentNo: '皖公经延〔2026〕2号',
      reason: '涉案资金流向跨省，需要调取外地银行账户',
    });
    expect(clockOf(extended, 'filing-complex-1')).toMatchObject({ status: 'running', extensions: 1 });
    // +30 from the unrolled 30th day: the 60th day (a working day), not the rolled day + 30.
    expect(due(extended, 'filing-complex-1')).toBe(calendarDaysDue(receivedAt, 60));
    expect(due(extended, 'filing-complex-1')).toBe(endOfDay(day + 60));

    const filed = await step(id, 'decide-filing', 'police', { filed: true, documentNo: '芜公立字〔2026〕60号' });
    expect(filed.statusName).toBe('已立案');
    expect(clockOf(filed, 'filing-complex-1')!.status).toBe('met');
    await step(id, 'hand-over', 'officer');
    const seen = await eventually(async () => {
      const x = await types('samr', id);
      return x.includes('TransferCase.Filed') && x;
    }, 'the agency inbox');
    expect(seen).toEqual(expect.arrayContaining(['TransferCase.DeclaredComplex', 'TransferCase.FilingReviewExtended']));
    const psbSeen = await eventually(async () => {
      const x = await types('psb', id);
      return x.includes('Clock.Extended') && x;
    }, 'the police see their clock extended');
    expect(psbSeen).toContain('Clock.Cancelled');
  });

  it('passes the case on, the next organ receives it (round 2), asks for materials, and the agency completes them', async () => {
    // Prepare
    const id = await transferred('某食品公司销售伪劣食品案（异地）');
    const lateId = await transferred('补正超期案');
    // Act + Assess
    const received = await step(id, 'receive', 'police');
    const r1 = Date.parse(received.receivedAt);
    expect(due(received, 'filing-1')).toBe(calendarDaysDue(r1, 3));
    // The same request on the other case at once, filed, and left unanswered by the agency.
    const lateReceived = await step(lateId, 'receive', 'police');
    const lateAsked = await step(lateId, 'notify-incomplete', 'police', { missing: ['涉案物品清单'] });
    const lateNotice = Date.parse(lateAsked.materialRequests[0].at);
    const lateDue = due(lateAsked, 'complete-materials-1');
    expect(lateDue).toBe(calendarDaysDue(lateNotice, 3));
    expect(clockOf(lateAsked, 'notify-incomplete-1')!.status).toBe('met');
    expect(due(lateReceived, 'filing-1')).toBe(calendarDaysDue(Date.parse(lateReceived.receivedAt), 3));
    await step(lateId, 'decide-filing', 'police', { filed: true, documentNo: '芜公立字〔2026〕61号' });
    await step(lateId, 'hand-over', 'officer');

    await advanceTo(api, r1 + 20 * HOUR);
    const passed = await step(id, 'pass-on', 'police', {
      toDepartmentId: COUNTY,
      toKind: 'police',
      reason: '案发地在某县，不属于本机关管辖',
    });
    expect(passed.status).toBe('transferred');
    expect(passed.statusName).toBe('已移送待接受');
    expect(passed.policeDepartmentId).toBe(COUNTY);
    const passOn = clockOf(passed, 'pass-on-1')!;
    expect(passOn).toMatchObject({ status: 'met', departmentId: 'psb' });
    expect(Date.parse(passOn.startedAt!)).toBe(r1);
    expect(Date.parse(passOn.dueAt)).toBe(r1 + 24 * HOUR);
    expect(Date.parse(passOn.metAt!)).toBe(Date.parse(passed.passedOn[0].at));
    expect(clockOf(passed, 'filing-1')!.status).toBe('cancelled');

    await advanceTo(api, r1 + 23 * HOUR);
    const second = await step(id, 'receive', 'county');
    expect(second.statusName).toBe('公安机关立案审查中');
    expect(second.round).toBe(2);
    const r2 = Date.parse(second.receivedAt);
    expect(due(second, 'filing-2')).toBe(calendarDaysDue(r2, 3));
    expect(clockOf(second, 'filing-2')!.departmentId).toBe(COUNTY);

    await advanceTo(api, r2 + 10 * HOUR);
    const asked = await step(id, 'notify-incomplete', 'county', { missing: ['涉案食品的检验报告'] });
    expect(asked.statusName).toBe('公安机关立案审查中');
    const notice = clockOf(asked, 'notify-incomplete-1')!;
    expect(notice).toMatchObject({ status: 'met', departmentId: COUNTY });
    expect(Date.parse(notice.dueAt)).toBe(r2 + 24 * HOUR);
    const noticeAt = Date.parse(asked.materialRequests[0].at);
    expect(due(asked, 'complete-materials-1')).toBe(calendarDaysDue(noticeAt, 3));
    expect(clockOf(asked, 'complete-materials-1')!.departmentId).toBe('samr');

    await advanceTo(api, noticeAt + 30 * HOUR);
    const completed = await step(id, 'complete-materials', 'officer', {
      documents: [DOCUMENTS.find((x) => x.kind === 'inspection-report')!],
      note: '补充检验报告',
    });
    expect(completed.statusName).toBe('公安机关立案审查中');
    expect(clockOf(completed, 'complete-materials-1')!.status).toBe('met');
    const filed = await step(id, 'decide-filing', 'county', { filed: true, documentNo: '某县公立字〔2026〕9号' });
    expect(filed.statusName).toBe('已立案');
    expect(clockOf(filed, 'filing-2')!.status).toBe('met');
    expect(clockOf(filed, 'handover-2')!.departmentId).toBe('samr');
    await step(id, 'hand-over', 'officer');

    await advanceTo(api, lateDue + 90_000);
    const alert = await eventually(async () => {
      const items = (await api('GET', '/v1/alerts?status=all', { token: t.officer })).json.items as {
        clockId: string;
        reason: string;
        departmentId: string;
        dueAt: string;
        recipients: string[];
      }[];
      return items.find((a) => a.clockId === `${lateId}.complete-materials-1` && a.reason === 'breach');
    }, 'the breach alert to the agency');
    // To the answering department's people on duty (escalated up its chain when the warnings went unacknowledged).
    expect(alert.departmentId).toBe('samr');
    expect(alert.recipients.length).toBeGreaterThan(0);
    expect(alert.recipients.every((r) => r.startsWith('samr.'))).toBe(true);
    expect(Date.parse(alert.dueAt)).toBe(lateDue);
    const lateView = await eventually(async () => {
      const r = await api('GET', `/v1/transfer-cases/${lateId}`, { token: t.officer });
      return r.json.overdue === true && (r.json as View);
    }, 'the breach on the case');
    expect(clockOf(lateView, 'complete-materials-1')!.status).toBe('breached');
    expect(lateView.timeline.at(-1).what).toBe('TransferCase.ClockBreached');

    // Every step reached the parties: the organ it was passed to, the one that passed it, the agency.
    const county = await eventually(async () => {
      const x = await types(COUNTY, id);
      return x.includes('TransferCase.HandedOver') && x;
    }, 'the county police inbox');
    expect(county).toEqual(
      expect.arrayContaining([
        'TransferCase.PassedOn',
        'TransferCase.Received',
        'TransferCase.MaterialsRequested',
        'TransferCase.MaterialsCompleted',
        'TransferCase.Filed',
      ]),
    );
    expect(await types('psb', id)).toEqual(expect.arrayContaining(['TransferCase.Received', 'TransferCase.PassedOn']));
    const samr = await types('samr', id);
    expect(samr).toEqual(
      expect.arrayContaining(['TransferCase.PassedOn', 'TransferCase.MaterialsRequested', 'TransferCase.Filed']),
    );
    expect(samr).toContain('Clock.Met'); // its completion clock
    await eventually(async () => {
      const lateSamr = await inboxOf(api, keyOf('samr'), lateId);
      return (
        lateSamr.some((e) => e.type === 'Clock.Breached' && e.data.clockId === `${lateId}.complete-materials-1`) &&
        (await types('psb', lateId)).includes('TransferCase.ClockBreached')
      );
    }, 'the breach shared with the agency and the police');
  });
});
