// Recommendations (issue 10 item 6): a procuratorate's 检察建议 and a court's 司法建议 to a department,
// the reply clock (2 months; urgent: the period the recommendation sets; the court's own period), the
// reply, then implementation (落实) reported by the department and verified by the issuer — on the
// virtual clock. One left to breach alerts the addressed department, and the rates per department
// show it. Plus who may do what, and bad input (problem+json, nothing written).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import { advanceTo, type ClockView, calendarDaysDue, cityDay, clockOf, endOfDay, isWorkingDay } from './support';

let rt: LocalRuntime;
let api: Api;
const t = {} as Record<'samr' | 'ndrc' | 'proc' | 'court' | 'admin' | 'procKey' | 'police', string>;

const ISSUE = {
  kind: 'procuratorial',
  addresseeDepartmentId: 'samr',
  documentNo: '芜检行建〔2026〕1号',
  subject: '规范行政处罚案件移送',
};
const issue = (body: Record<string, unknown>, token = t.proc) => api('POST', '/v1/recommendations', { token, body });
const act = (id: string, action: string, body: unknown, token: string) =>
  api('POST', `/v1/recommendations/${id}/${action}`, { token, body });
const list = async (token = t.proc) => (await api('GET', '/v1/recommendations', { token })).json;
type RecView = { id: string; status: string; overdue: boolean; clocks: ClockView[]; timeline: { what: string }[] };

/** The same day N months later (the last day of the month if none), 24:00, rolled past rest days. */
function monthsDue(start: number, months: number): number {
  const d = new Date(start + 8 * 3_600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  let day = cityDay(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) - 8 * 3_600_000 + 12 * 3_600_000);
  while (!isWorkingDay(day)) day++;
  return endOfDay(day);
}

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const users = {
    samr: 'samr.duty',
    ndrc: 'ndrc.duty',
    proc: 'procuratorate.duty',
    court: 'court.duty',
    police: 'psb.duty',
  };
  for (const [k, u] of Object.entries({ ...users, admin: 'admin' })) t[k as keyof typeof t] = await login(api, u);
  t.procKey = rt.credentials!.departments.find((d) => d.id === 'procuratorate')!.apiKey;
});
afterAll(async () => rt?.stop());

describe('a recommendation through reply and implementation', () => {
  let r1: string;
  let r2: string;

  it('a 检察建议: the reply is due 2 months after delivery; replied, implemented, verified', async () => {
    // Act
    const issued = await issue(ISSUE);
    r1 = issued.json.id;
    const replied = await act(
      r1,
      'reply',
      { adopted: true, documentNo: '芜市监函〔2026〕9号', content: '采纳并整改' },
      t.samr,
    );
    const reported = await act(r1, 'report-implementation', { content: '已建立移送台账' }, t.samr);
    const verified = await act(r1, 'verify-implementation', { verified: true }, t.proc);
    // Assess
    expect(issued.status, issued.text).toBe(201);
    const reply = clockOf(issued.json, 'reply')!;
    expect(Date.parse(reply.dueAt)).toBe(monthsDue(Date.parse(issued.json.deliveredAt), 2));
    expect(reply.departmentId).toBe('samr');
    expect(replied.status, replied.text).toBe(200);
    expect(replied.json.status).toBe('replied');
    expect(clockOf(replied.json, 'reply')!.status).toBe('met');
    expect(clockOf(replied.json, 'implementation-1')!.status).toBe('running');
    expect(reported.json.status).toBe('implementation-reported');
    expect(verified.status, verified.text).toBe(200);
    expect(verified.json).toMatchObject({ status: 'implemented', statusName: '已落实' });
  });

  it('a court’s 司法建议 runs the period the court set', async () => {
    // Act
    const issued = await issue(
      {
        kind: 'judicial',
        addresseeDepartmentId: 'ndrc',
        documentNo: '芜中法建〔2026〕2号',
        subject: '规范招标',
        replyPeriod: 'P30D',
      },
      t.court,
    );
    const replied = await act(
      issued.json.id,
      'reply',
      { adopted: false, documentNo: '芜发改函〔2026〕3号', content: '不予采纳，理由如下' },
      t.ndrc,
    );
    // Assess
    expect(issued.status, issued.text).toBe(201);
    expect(Date.parse(clockOf(issued.json, 'reply')!.dueAt)).toBe(
      calendarDaysDue(Date.parse(issued.json.deliveredAt), 30),
    );
    expect(replied.json.status).toBe('not-adopted');
  });

  it('an urgent one left to breach alerts the addressed department and counts against its on-time rate', async () => {
    // Prepare
    const issued = await issue({ ...ISSUE, documentNo: '芜检行建〔2026〕2号', urgent: true, replyPeriod: 'P15D' });
    r2 = issued.json.id;
    const due = Date.parse(clockOf(issued.json, 'reply')!.dueAt);
    // Act
    await advanceTo(api, due + 90_000);
    // Assess
    expect(issued.status, issued.text).toBe(201);
    expect(due).toBe(calendarDaysDue(Date.parse(issued.json.deliveredAt), 15));
    const alert = await eventually(async () => {
      const items = (await api('GET', '/v1/alerts?status=all', { token: t.samr })).json.items as {
        clockId: string;
        reason: string;
        recipients: string[];
      }[];
      return items.find((a) => a.clockId === `${r2}.reply` && a.reason === 'breach');
    }, 'the breach alert to samr');
    expect(alert.recipients).toContain('samr.duty');
    const rec = await eventually(async () => {
      const found = ((await list(t.samr)).items as RecView[]).find((r) => r.id === r2);
      return found?.overdue === true && found;
    }, 'the breach on the recommendation');
    expect(rec.timeline.at(-1)!.what).toBe('Recommendation.ClockBreached');
    expect(clockOf(rec, 'reply')!.status).toBe('breached');
  });

  it('lists them with the on-time reply rate and the implementation rate per department, target 100 %', async () => {
    // Act
    const body = await list();
    // Assess
    expect(body.target).toBe(1);
    expect(body.rates).toEqual([
      {
        addresseeDepartmentId: 'ndrc',
        issued: 1,
        replied: 1,
        repliedOnTime: 1,
        onTimeReplyRate: 1,
        adopted: 0,
        implemented: 0,
        implementationRate: null,
      },
      {
        addresseeDepartmentId: 'samr',
        issued: 2,
        replied: 1,
        repliedOnTime: 1,
        onTimeReplyRate: 0.5,
        adopted: 1,
        implemented: 1,
        implementationRate: 1,
      },
    ]);
    expect((body.items as RecView[]).map((r) => r.id)).toEqual(expect.arrayContaining([r1, r2]));
  });
});

describe('who may, and bad input', () => {
  it('issuing: a procuratorate its 检察建议, a court its 司法建议', async () => {
    const judicial = {
      kind: 'judicial',
      addresseeDepartmentId: 'samr',
      documentNo: '芜中法建〔2026〕9号',
      subject: '规范',
    };
    const got = [
      (await issue({ ...ISSUE, documentNo: 'A-1' }, t.procKey)).status,
      (await issue(ISSUE, t.court)).status,
      (await issue(ISSUE, t.samr)).status,
      (await issue(ISSUE, t.admin)).status,
      (await issue(judicial, t.proc)).status,
      (await issue(judicial, t.court)).status,
    ];
    expect(got).toEqual([201, 403, 403, 403, 403, 201]);
  });

  it('steps: the addressee replies and reports, the issuer verifies; others 403, strangers 404', async () => {
    const id = (await issue({ ...ISSUE, documentNo: 'A-2' })).json.id;
    const reply = { adopted: true, documentNo: 'R-1', content: '采纳' };
    expect((await act(id, 'reply', reply, t.ndrc)).status).toBe(404);
    expect((await act(id, 'reply', reply, t.police)).status).toBe(404);
    expect((await act(id, 'reply', reply, t.proc)).status).toBe(403);
    expect((await act(id, 'withdraw', { reason: '撤回' }, t.samr)).status).toBe(403);
    expect((await act(id, 'reply', reply, t.samr)).status).toBe(200);
    expect((await act(id, 'reply', reply, t.samr)).status).toBe(409);
  });

  it('lists: a department sees what it issued or received; the procuratorate and admins everything', async () => {
    const ids = async (token: string) => ((await list(token)).items as RecView[]).length;
    const all = await ids(t.proc);
    expect(await ids(t.admin)).toBe(all);
    expect(await ids(t.ndrc)).toBe(1);
    expect(await ids(t.police)).toBe(0);
    expect(await ids(t.court)).toBe(2);
  });

  it('refuses bad input as problem+json and writes nothing', async () => {
    const before = (await list()).items.length;
    const id = (await list()).items[0].id as string;
    const refused = [
      await issue({ ...ISSUE, documentNo: '' }),
      await issue({ ...ISSUE, urgent: true }),
      await issue({ ...ISSUE, addresseeDepartmentId: 'nowhere' }),
      await issue({ ...ISSUE, misspelt: true }),
      await issue({ ...ISSUE, replyPeriod: 'two months' }),
      await act(id, 'reply', { adopted: 'yes' }, t.samr),
    ];
    for (const r of refused) {
      expect(r.status, r.text).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await act(id, 'approve', {}, t.samr)).status).toBe(404);
    expect((await act('not-an-id', 'reply', {}, t.samr)).status).toBe(400);
    expect((await list()).items.length).toBe(before);
  });
});
