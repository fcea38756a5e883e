// The reverse transfer (反向衔接, DOMAIN.md §4 step 9) through the HTTP API on the virtual clock:
// - the procuratorate's path: not prosecuted → referred to its administrative department within 3
//   working days → registered → the 10-working-day review, suspended on 复议 and resumed (the paused
//   days are not counted), extended by the procurator-general, concluded → the agency's penalty;
// - the police's path (no crime but administrative liability, Art. 13) → the agency's penalty (90 days);
// - a referral left to breach: the alert to the procuratorate's people on duty and the case knowing it.
// The decision is placed three working days before a public holiday that falls on a weekday, so the
// referral and the review both cross it. Every due is computed here from DOMAIN.md's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';
import {
  advanceTo,
  calendarDaysDue,
  cityDay,
  clockOf,
  endOfDay,
  HOUR,
  inboxOf,
  isWorkingDay,
  nextWeekdayHoliday,
  nowOf,
  REPORT,
  TRANSFER,
  tenOn,
  weekdaysOnlyDue,
  workingDayAfter,
  workingDayBefore,
  workingDaysDue,
  YEAR_2027,
} from './support';

let rt: LocalRuntime;
let api: Api;
type Who = 'officer' | 'head' | 'police' | 'proc';
const t = {} as Record<Who, string>;

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  const admin = await login(api, 'admin');
  expect((await api('PUT', '/v1/config/calendars/2027', { token: admin, body: YEAR_2027 })).status).toBe(200);
  const names: Record<Who, string> = {
    officer: 'samr.duty',
    head: 'samr.head',
    police: 'psb.duty',
    proc: 'procuratorate.duty',
  };
  for (const [k, u] of Object.entries(names)) t[k as Who] = await login(api, u);
});
afterAll(async () => rt?.stop());

type View = Record<string, any> & { clocks: { key: string; status: string; dueAt: string; departmentId: string }[] };
const keyOf = (id: string) => rt.credentials!.departments.find((d) => d.id === id)!.apiKey;

async function step(id: string, action: string, who: Who, body: unknown = {}): Promise<View> {
  const r = await api('POST', `/v1/transfer-cases/${id}/${action}`, { token: t[who], body });
  expect(r.status, `${action}: ${r.text}`).toBe(200);
  return r.json as View;
}
const due = (v: View, key: string) => Date.parse(clockOf(v, key)!.dueAt);

/** Report → approval → transfer → receipt (under review), now. */
async function underReview(title: string): Promise<string> {
  const r = await api('POST', '/v1/transfer-cases', { token: t.officer, body: { ...REPORT, title } });
  expect(r.status, r.text).toBe(201);
  const id = r.json.id as string;
  await step(id, 'decide-approval', 'head', { approved: true });
  await step(id, 'transfer', 'officer', TRANSFER);
  const received = await step(id, 'receive', 'police');
  expect(received.statusName).toBe('公安机关立案审查中');
  return id;
}

/** … → filed → handed over → investigation concluded for prosecution (审查起诉中), now. */
async function prosecuting(title: string): Promise<string> {
  const id = await underReview(title);
  expect(
    (await step(id, 'decide-filing', 'police', { filed: true, documentNo: '芜公立字〔2026〕7号' })).statusName,
  ).toBe('已立案');
  await step(id, 'hand-over', 'officer', { note: '涉案物品已移交' });
  const concluded = await step(id, 'conclude-investigation', 'police', { outcome: 'prosecution' });
  expect(concluded.status).toBe('prosecuting');
  expect(concluded.statusName).toBe('审查起诉中');
  return id;
}

async function typesIn(dept: string, id: string): Promise<string[]> {
  return (await inboxOf(api, keyOf(dept), id)).map((e) => e.type);
}

describe('the reverse transfer', () => {
  it('runs the referral, the suspended and extended review and the penalty where the rules put them, across a holiday', async () => {
    // Prepare: the holiday H, the decision three working days before it (so the 3rd working day is after H).
    const start = await nowOf(api);
    const holiday = nextWeekdayHoliday(start, 16);
    const decisionDay = workingDayBefore(holiday, 3);
    expect(decisionDay).toBeGreaterThan(cityDay(start) + 8);
    const main = await prosecuting('不起诉后反向移送案');
    const late = await prosecuting('反向移送超期案');

    // The police's path: a day d whose 90th day is a rest day, so the penalty period rolls.
    let d = cityDay(start) + 1;
    while (isWorkingDay(d + 90)) d++;
    expect(d).toBeLessThan(decisionDay);
    await advanceTo(api, tenOn(d));
    const byPolice = await underReview('公安机关反向移送案');
    const back = await step(byPolice, 'reverse-transfer', 'police', {
      reason: '不构成犯罪，但违法事实清楚，应当给予行政处罚',
    });
    expect(back.status).toBe('returned-to-agency');
    expect(back.statusName).toBe('退回行政执法机关待处理');
    expect(back.reverse).toMatchObject({ from: 'police' });
    expect(clockOf(back, 'filing-1')!.status).toBe('met');
    const returnedAt = Date.parse(back.returnedToAgencyAt);
    const penalty = clockOf(back, 'penalty')!;
    expect(due(back, 'penalty')).toBe(calendarDaysDue(returnedAt, 90));
    expect(due(back, 'penalty')).toBeGreaterThan(endOfDay(cityDay(returnedAt) + 90)); // rolled off the rest day
    expect(penalty.departmentId).toBe('samr');
    await advanceTo(api, returnedAt + 26 * HOUR);
    const decided = await step(byPolice, 'decide-penalty', 'officer', {
      decided: true,
      decisionNo: '芜市监罚〔2026〕88号',
    });
    expect(decided.statusName).toBe('已办结');
    expect(clockOf(decided, 'penalty')!.status).toBe('met');

    // Act + Assess: not prosecuted, three working days before the holiday.
    await advanceTo(api, tenOn(decisionDay));
    const notProsecuted = await step(main, 'decide-prosecution', 'proc', {
      prosecuted: false,
      documentNo: '芜检不诉〔2026〕3号',
    });
    const lateDecided = await step(late, 'decide-prosecution', 'proc', {
      prosecuted: false,
      documentNo: '芜检不诉〔2026〕4号',
    });
    expect(notProsecuted.status).toBe('non-prosecuted');
    expect(notProsecuted.statusName).toBe('不起诉待移送行政检察');
    const decidedAt = Date.parse(notProsecuted.prosecution.at);
    expect(due(notProsecuted, 'reverse-referral')).toBe(workingDaysDue(decidedAt, 3));
    expect(due(notProsecuted, 'reverse-referral')).toBe(endOfDay(workingDayAfter(holiday, 1)));
    expect(due(notProsecuted, 'reverse-referral')).toBeGreaterThan(weekdaysOnlyDue(decidedAt, 3));
    expect(clockOf(notProsecuted, 'reverse-referral')!.departmentId).toBe('procuratorate');

    await advanceTo(api, tenOn(workingDayAfter(decisionDay, 1)));
    const referred = await step(main, 'refer-reverse', 'proc');
    expect(referred.status).toBe('reverse-referred');
    expect(referred.statusName).toBe('待行政检察部门登记受理');
    expect(clockOf(referred, 'reverse-referral')!.status).toBe('met');

    await advanceTo(api, tenOn(workingDayAfter(decisionDay, 2)));
    const registered = await step(main, 'register-reverse', 'proc');
    expect(registered.status).toBe('reverse-review');
    expect(registered.statusName).toBe('反向衔接审查中');
    const registeredAt = Date.parse(registered.reverse.registeredAt);
    const registeredDay = cityDay(registeredAt);
    // 10 working days from registration, the holiday skipped.
    const lastDay = workingDayAfter(registeredDay, 10);
    expect(due(registered, 'reverse-review')).toBe(workingDaysDue(registeredAt, 10));
    expect(due(registered, 'reverse-review')).toBe(endOfDay(lastDay));
    expect(due(registered, 'reverse-review')).toBeGreaterThan(weekdaysOnlyDue(registeredAt, 10));
    expect(clockOf(registered, 'reverse-review')!.departmentId).toBe('procuratorate');

    // Suspended on 复议 on the 3rd working day after registration, resumed three working days later.
    const pauseDay = workingDayAfter(registeredDay, 3);
    await advanceTo(api, tenOn(pauseDay));
    const suspended = await step(main, 'suspend-reverse-review', 'proc', {
      reason: 'reconsideration',
      documentNo: '芜公复〔2026〕2号',
    });
    expect(suspended.statusName).toBe('反向衔接审查中');
    expect(clockOf(suspended, 'reverse-review')!.status).toBe('paused');
    const resumeDay = workingDayAfter(pauseDay, 3);
    await advanceTo(api, tenOn(resumeDay));
    const resumed = await step(main, 'resume-reverse-review', 'proc', { reason: 'reconsideration' });
    expect(clockOf(resumed, 'reverse-review')).toMatchObject({ status: 'running', pauses: 1 });
    // The working days left after the pause day are counted again after the resume day.
    let left = 0;
    for (let x = pauseDay + 1; x <= lastDay; x++) if (isWorkingDay(x)) left++;
    expect(left).toBe(7);
    const afterPause = workingDayAfter(resumeDay, left);
    expect(due(resumed, 'reverse-review')).toBe(endOfDay(afterPause));
    expect(afterPause).toBe(workingDayAfter(lastDay, 3)); // the three paused working days given back

    // Extended by the procurator-general: five working days more.
    await advanceTo(api, tenOn(workingDayAfter(resumeDay, 1)));
    const extended = await step(main, 'extend-reverse-review', 'proc', {
      duration: 'P5D',
      approvedBy: '检察长 王检',
      reason: '案情复杂，需要进一步核实行政违法事实',
    });
    expect(clockOf(extended, 'reverse-review')).toMatchObject({ status: 'running', extensions: 1 });
    expect(due(extended, 'reverse-review')).toBe(endOfDay(workingDayAfter(afterPause, 5)));

    await advanceTo(api, tenOn(workingDayAfter(resumeDay, 3)));
    const concluded = await step(main, 'conclude-reverse-review', 'proc', {
      penaltyAdvised: true,
      documentNo: '芜检行意〔2027〕1号',
    });
    expect(concluded.status).toBe('returned-to-agency');
    expect(concluded.statusName).toBe('退回行政执法机关待处理');
    expect(clockOf(concluded, 'reverse-review')!.status).toBe('met');
    const concludedAt = Date.parse(concluded.reverse.concludedAt);
    expect(due(concluded, 'penalty')).toBe(calendarDaysDue(concludedAt, 90));
    expect(clockOf(concluded, 'penalty')!.departmentId).toBe('samr');

    const penalised = await step(main, 'decide-penalty', 'officer', {
      decided: true,
      decisionNo: '芜市监罚〔2027〕5号',
    });
    expect(penalised.status).toBe('closed');
    expect(penalised.statusName).toBe('已办结');
    expect(clockOf(penalised, 'penalty')!.status).toBe('met');
    expect(penalised.timeline.map((x: { what: string }) => x.what).slice(-8)).toEqual([
      'TransferCase.ProsecutionDecided',
      'TransferCase.ReverseReferred',
      'TransferCase.ReverseRegistered',
      'TransferCase.ReverseReviewSuspended',
      'TransferCase.ReverseReviewResumed',
      'TransferCase.ReverseReviewExtended',
      'TransferCase.ReverseReviewConcluded',
      'TransferCase.PenaltyDecided',
    ]);

    // The referral of the other case was left: it breached at the end of its 3rd working day.
    const alert = await eventually(async () => {
      const items = (await api('GET', '/v1/alerts?status=all', { token: t.proc })).json.items as {
        clockId: string;
        reason: string;
        departmentId: string;
        dueAt: string;
        recipients: string[];
      }[];
      return items.find((a) => a.clockId === `${late}.reverse-referral` && a.reason === 'breach');
    }, 'the breach alert to the procuratorate');
    // To the answering department's people on duty (escalated up its chain when the warnings went unacknowledged).
    expect(alert.departmentId).toBe('procuratorate');
    expect(alert.recipients.length).toBeGreaterThan(0);
    expect(alert.recipients.every((r) => r.startsWith('procuratorate.'))).toBe(true);
    expect(Date.parse(alert.dueAt)).toBe(workingDaysDue(Date.parse(lateDecided.prosecution.at), 3));
    const lateView = await eventually(async () => {
      const r = await api('GET', `/v1/transfer-cases/${late}`, { token: t.proc });
      return r.json.overdue === true && (r.json as View);
    }, 'the breach on the case');
    expect(clockOf(lateView, 'reverse-referral')!.status).toBe('breached');
    expect(lateView.statusName).toBe('不起诉待移送行政检察');
    expect(lateView.timeline.at(-1).what).toBe('TransferCase.ClockBreached');

    // Every step reached the parties: the agency and the police see the procuratorate's steps, the
    // procuratorate the agency's penalty and its own clocks' events.
    const samrTypes = await eventually(async () => {
      const types = await typesIn('samr', main);
      return types.includes('TransferCase.PenaltyDecided') && types;
    }, 'the agency inbox');
    for (const type of [
      'TransferCase.ProsecutionDecided',
      'TransferCase.ReverseReferred',
      'TransferCase.ReverseRegistered',
      'TransferCase.ReverseReviewSuspended',
      'TransferCase.ReverseReviewResumed',
      'TransferCase.ReverseReviewExtended',
      'TransferCase.ReverseReviewConcluded',
    ])
      expect(samrTypes).toContain(type);
    const procMain = await eventually(async () => {
      const types = await typesIn('procuratorate', main);
      return types.includes('TransferCase.PenaltyDecided') && types;
    }, 'the procuratorate inbox');
    expect(procMain).toEqual(expect.arrayContaining(['Clock.Paused', 'Clock.Resumed', 'Clock.Extended']));
    expect(await typesIn('psb', main)).toContain('TransferCase.ReverseReviewConcluded');
    await eventually(async () => {
      const types = await typesIn('procuratorate', byPolice);
      return types.includes('TransferCase.ReverseTransferred') && types.includes('TransferCase.PenaltyDecided');
    }, 'the police reverse transfer and the penalty with the procuratorate');
    await eventually(async () => {
      const procLate = await inboxOf(api, keyOf('procuratorate'), late);
      return (
        procLate.some((e) => e.type === 'Clock.Breached' && e.data.clockId === `${late}.reverse-referral`) &&
        (await typesIn('samr', late)).includes('TransferCase.ClockBreached')
      );
    }, 'the breach shared with the procuratorate and the agency');
  });
});
