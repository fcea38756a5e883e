// The mediators' front end in a real browser against the real local runtime, at a tablet's
// 1280×800: a court delegates a labour dispute through the event API; the hub's dispatcher sees it
// in the intake queue with its type, source and locality in Chinese, opens it, reads the suggestion
// and its reason, and dispatches it as suggested; the labour committee's mediator finds it waiting in
// the workspace, accepts it, records both parties' consent and a session, extends the limit with
// both consents, records, prints and downloads the agreement (PDF), follows up performance, closes,
// visits, records satisfaction. Then the returned, overdue and leaders' queues, and the hub's edit
// of the agreement template. Chinese only on every page; every
// control touch-sized; screenshots in test-results/mediation-*.png.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { pdfText } from '../support/pdf';
import { type BrowserRig, SHOTS, startBrowserRig } from './support/browser-runtime';

const PASSWORD = 'Fazhi@2026';
const WAIT = { timeout: 20_000, interval: 250 };
const LATIN_WORD = /[A-Za-z]{3,}/;
const TITLE = '张某与某建筑劳务有限公司劳务费纠纷';

let rig: BrowserRig;
let runtime: LocalRuntime;
let page: Page;
let caseId: string;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}mediation-${name}.png`, fullPage: true });

/** File formats, named as Chinese users name them (下载协议书（PDF）, 导出 Excel), are not English words. */
const FORMAT_NAMES = /（PDF）|\bExcel\b/g;

/** The page's text shows no English word: no code, no internal note, no server English. */
async function expectChineseOnly(region: Locator): Promise<void> {
  const text = ((await region.textContent()) ?? '').replace(FORMAT_NAMES, '');
  expect(text.match(LATIN_WORD), text).toBeNull();
}

/** Signs in from the start page: a dispatcher or a mediator lands on their own page, not the duty board. */
async function signIn(username: string, landing: 'mediation-hub' | 'mediation-workspace'): Promise<void> {
  await page.goto(`${runtime.baseUrl}/#/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId(landing).waitFor(WAIT);
  expect(await page.getByTestId('board').count()).toBe(0);
  expect(await page.getByTestId('nav-mediation').getAttribute('aria-current')).toBe('page');
}

/** Every control a finger presses on the page is at least 44 px in both directions. */
async function smallControls(region: Locator): Promise<string[]> {
  return region.locator('button:visible, select:visible, [data-testid=case-open]:visible').evaluateAll((es) =>
    es
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.height < 44 || r.width < 44;
      })
      .map((e) => `${e.tagName} ${e.getAttribute('data-testid') ?? e.textContent}`),
  );
}

async function call(method: string, path: string, token: string, body?: unknown, key?: string) {
  const r = await fetch(`${runtime.baseUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

/** The case's limit clock as the clock API shows it to the hub (a court referral's limit stays with the hub). */
async function limitClock(): Promise<{ dueAt: string; unrolledDueAt: string }> {
  const r = await call('GET', '/v1/clocks?status=all', await tokenOf('justice.hub'));
  const items = r.json.items as { id: string; dueAt: string; unrolledDueAt: string }[];
  const clock = items.find((c) => c.id === `${caseId}.limit`);
  if (!clock) throw new Error(`no limit clock for ${caseId} among ${items.length}`);
  return clock;
}

async function tokenOf(username: string): Promise<string> {
  const r = await fetch(`${runtime.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await r.json()) as { token: string }).token;
}

/** A court delegation of a neighbours' dispute in 范罗山街道, posted with the court's key. */
async function delegate(title: string, key: string): Promise<string> {
  const courtKey = runtime.credentials!.departments.find((d) => d.id === 'court')!.apiKey;
  const { nowMs } = (await (await fetch(`${runtime.baseUrl}/_local/clock`)).json()) as { nowMs: number };
  const r = await call(
    'POST',
    '/v1/events',
    courtKey,
    {
      entries: [
        {
          detailType: 'MediationReferral.Delegated',
          detail: {
            data: {
              referenceNo: `（2026）皖0202民诉前调${key.length}号`,
              title,
              summary: '双方因排水管道渗漏发生争执，经法院引导同意先行调解。',
              disputeType: 'neighbourhood',
              regionCode: '340202001',
              amountFen: 0,
              peopleInvolved: 2,
              risk: 'low',
              parties: [
                { id: 'p1', role: 'applicant', name: '李某' },
                { id: 'p2', role: 'respondent', name: '王某' },
              ],
              referredAt: new Date(nowMs - 60_000).toISOString(),
            },
          },
        },
      ],
    },
    key,
  );
  expect(r.status, JSON.stringify(r.json)).toBe(202);
  return (r.json.entries as { eventId: string }[])[0]!.eventId;
}

beforeAll(async () => {
  rig = await startBrowserRig('mediation-web', { width: 1280, height: 800 }, { clock: 'virtual' });
  ({ runtime, page } = rig);

  // The court's system delegates a case before filing (委派), with the court's API key.
  const courtKey = runtime.credentials?.departments.find((d) => d.id === 'court')?.apiKey;
  expect(courtKey).toBeDefined();
  const clock = (await (await fetch(`${runtime.baseUrl}/_local/clock`)).json()) as { nowMs: number };
  const posted = await fetch(`${runtime.baseUrl}/v1/events`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${courtKey}`,
      'Idempotency-Key': 'browser-delegation-1',
    },
    body: JSON.stringify({
      entries: [
        {
          detailType: 'MediationReferral.Delegated',
          detail: {
            data: {
              referenceNo: '（2026）皖0202民诉前调88号',
              title: TITLE,
              summary: '申请人称被拖欠劳务费3.2万元，经法院引导同意先行调解。',
              disputeType: 'labour',
              regionCode: '340202001',
              amountFen: 3_200_000,
              peopleInvolved: 2,
              risk: 'medium',
              parties: [
                { id: 'p1', role: 'applicant', name: '张某', idNumber: '340202199001011234', phone: '13800000001' },
                { id: 'p2', role: 'respondent', name: '某建筑劳务有限公司', phone: '13800000002' },
              ],
              referredAt: new Date(clock.nowMs - 3_600_000).toISOString(),
            },
          },
        },
      ],
    }),
  });
  const body = (await posted.json()) as { entries: { eventId: string }[] };
  expect(posted.status, JSON.stringify(body)).toBe(202);
  caseId = body.entries[0]!.eventId;

  await page.goto(`${runtime.baseUrl}/`);
}, 180_000);

afterAll(async () => rig?.stop());

describe('the mediators’ pages on a 1280×800 tablet', () => {
  it('shows the hub the court’s delegation in the intake queue, in Chinese', async () => {
    // Act
    await signIn('justice.hub', 'mediation-hub');
    const hub = page.getByTestId('mediation-hub');
    await hub.waitFor(WAIT);
    const row = page.locator(`[data-testid=queue-table-intake] [data-case="${caseId}"]`);
    await row.waitFor(WAIT);
    // Assess: type, source and locality by their Chinese names, the risk in words
    expect(await row.getByTestId('case-type').textContent()).toBe('劳动争议');
    expect(await row.getByTestId('case-source').textContent()).toBe('法院诉前委派');
    await expect.poll(() => row.getByTestId('case-region').textContent(), WAIT).toBe('范罗山街道');
    expect(await row.getByTestId('case-risk').textContent()).toBe('风险中');
    await expectChineseOnly(hub);
    expect(await smallControls(hub)).toEqual([]);
    // The page fits the tablet's width: no sideways scrolling
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shot('1-hub-intake');
  });

  it('opens the case on its suggestion with the reason, and dispatches it as suggested', async () => {
    // Act
    await page.locator(`[data-case="${caseId}"]`).getByTestId('case-open').click();
    const detail = page.getByTestId('mediation-case');
    await detail.waitFor(WAIT);
    const first = page.getByTestId('suggestion').first();
    await first.waitFor(WAIT);
    // Assess: the labour committee first, because of the dispatch rule, said in words
    expect(await first.getAttribute('data-org')).toBe('fanluoshan-labour');
    expect(await first.getByTestId('suggestion-reason').textContent()).toBe(
      '规则：劳动争议 + 范罗山街道 → 范罗山街道劳动争议调解委员会',
    );
    expect(await page.getByTestId('dispatch-org').inputValue()).toBe('fanluoshan-labour');
    // the court's 30 days run, under the policy's Chinese name
    const limit = page.locator('[data-testid=case-clock][data-key=limit]');
    expect(await limit.getByTestId('case-clock-policy').textContent()).toContain('诉前委派调解期限');
    // personal data: the hub sees the parties as received (its work needs them)
    await expectChineseOnly(detail);
    await shot('2-hub-suggestion');

    // Act: dispatch as suggested
    await page.getByTestId('dispatch-submit').click();
    // Assess
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('已分派待接收');
    expect(await page.getByTestId('case-organisation').textContent()).toContain('范罗山街道劳动争议调解委员会');
    await page.locator('[data-testid=case-clock][data-key=dispatch-1]').waitFor(WAIT);
    const steps = await page.getByTestId('case-timeline').textContent();
    expect(steps).toContain('受理登记');
    expect(steps).toContain('分派调解组织');
    expect(await smallControls(detail)).toEqual([]);
    await expectChineseOnly(detail);
    await shot('3-hub-dispatched');
  });

  it('lets the labour committee’s mediator accept it, record both consents and a session', async () => {
    // Prepare: the mediator signs in on the same tablet
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor(WAIT);
    await signIn('fanluoshan-labour.wang', 'mediation-workspace');
    const workspace = page.getByTestId('mediation-workspace');
    await workspace.waitFor(WAIT);
    await expect.poll(() => page.getByTestId('workspace-org').textContent(), WAIT).toBe('范罗山街道劳动争议调解委员会');
    const row = page.locator(`[data-testid=workspace-waiting] [data-case="${caseId}"]`);
    await row.waitFor(WAIT);
    // the clock that asks for action first: the two working days to accept or return
    const next = row.getByTestId('case-next-clock');
    await next.waitFor(WAIT);
    expect(await next.getAttribute('data-key')).toBe('dispatch-1');
    expect(await next.textContent()).toContain('调解组织接收或退回分派案件期限');
    await expectChineseOnly(workspace);
    await shot('4-mediator-workspace');

    // Act: accept
    await row.getByTestId('case-open').click();
    await page.getByTestId('answer-accept').waitFor(WAIT);
    await page.getByTestId('answer-accept').click();
    // Assess
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('已接收');
    await expect
      .poll(() => page.locator('[data-testid=case-clock][data-key=dispatch-1]').getAttribute('data-status'), WAIT)
      .toBe('met');
    await page.locator('[data-testid=case-clock][data-key=respondent]').waitFor(WAIT);

    // Act: both parties' consent
    for (const party of ['p1', 'p2']) {
      await page.getByTestId('consent-party').selectOption(party);
      await page.getByTestId('consent-via').selectOption('phone');
      await page.getByTestId('consent-form-submit').click();
      await expect
        .poll(() => page.locator(`[data-party=${party}]`).getByTestId('party-consent').textContent(), WAIT)
        .toBe('同意（电话确认）');
    }

    // Act: a refused session first — the place left empty is marked, in Chinese
    await page.getByTestId('session-summary').fill('双方陈述了欠薪经过，被申请人承认拖欠劳务费。');
    await page.getByTestId('session-next').fill('三日后再次组织调解，被申请人提供用工台账。');
    await page.getByTestId('session-form-submit').click();
    const refusal = page.getByTestId('session-form-error');
    await refusal.waitFor(WAIT);
    await expectChineseOnly(refusal);
    expect(await page.getByTestId('session-place').getAttribute('aria-invalid')).toBe('true');

    // Act: the session recorded in full
    await page.getByTestId('session-place').fill('范罗山街道矛盾纠纷调解室');
    await page.getByTestId('session-participants').fill('张某、某建筑劳务有限公司代表李某、调解员王建国');
    await page.getByTestId('session-form-submit').click();
    // Assess
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('调解中');
    const sessions = page.getByTestId('case-sessions');
    await sessions.waitFor(WAIT);
    expect(await sessions.textContent()).toContain('范罗山街道矛盾纠纷调解室');
    const steps = await page.getByTestId('case-timeline').textContent();
    for (const step of ['受理登记', '分派调解组织', '调解组织接收', '记录当事人意愿', '记录调解过程']) {
      expect(steps).toContain(step);
    }
    // The respondent answered, so its clock is met
    await expect
      .poll(() => page.locator('[data-testid=case-clock][data-key=respondent]').getAttribute('data-status'), WAIT)
      .toBe('met');
    const detail = page.getByTestId('mediation-case');
    await expectChineseOnly(detail);
    expect(await smallControls(detail)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shot('5-mediator-session');
  });

  it('extends the time limit with both parties’ consent and records the agreement, ready to print', async () => {
    // Prepare
    const limit = page.locator('[data-testid=case-clock][data-key=limit]');
    const dueBefore = await limit.getAttribute('data-due');
    const before = await limitClock();
    // Act: extend by 15 days with both consents
    await page.getByTestId('extend-days').fill('15');
    await page.getByTestId('extend-consent-p1').check();
    await page.getByTestId('extend-consent-p2').check();
    await page.getByTestId('extend-reason').fill('双方同意延期，等待用工台账核对');
    await page.getByTestId('extend-form-submit').click();
    // Assess: the period's true last day moved exactly 15 days later. The shown due may move less: an
    // end on a rest day rolls to the next working day (DOMAIN.md), so with a New Year holiday before
    // the extension and a weekend after it, the shown due moves 14 days. The card shows the rolled due.
    await expect.poll(() => limit.getAttribute('data-due'), WAIT).not.toBe(dueBefore);
    const after = await limitClock();
    expect(Date.parse(after.unrolledDueAt) - Date.parse(before.unrolledDueAt)).toBe(15 * 86_400_000);
    expect(Date.parse(after.dueAt)).toBeGreaterThanOrEqual(Date.parse(after.unrolledDueAt));
    expect(await limit.getAttribute('data-due')).toBe(after.dueAt);
    expect(await limit.textContent()).toContain('已延长 1 次');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('经双方同意延长期限');

    // Act: the agreement
    await page.getByTestId('agreement-no').fill('镜劳调〔2026〕第12号');
    await page.getByTestId('agreement-terms').fill('被申请人支付申请人劳务费3万元\n申请人放弃其余请求');
    await page.getByTestId('agreement-amount').fill('30000');
    await page.getByTestId('agreement-due').fill('2027-01-15T17:00');
    await page.getByTestId('agreement-form-submit').click();
    // Assess
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('已达成协议');
    const doc = page.getByTestId('agreement-document');
    const text = (await doc.textContent()) ?? '';
    expect(text).toContain('人民调解协议书');
    expect(text).toContain('镜劳调〔2026〕第12号');
    expect(text).toContain('被申请人支付申请人劳务费3万元');
    expect(text).toContain('30,000.00 元');
    expect(text).toContain('2027年1月15日');
    expect(text).toContain('范罗山街道劳动争议调解委员会（印）');
    await page.emulateMedia({ media: 'print' });
    expect(await doc.isVisible()).toBe(true);
    await shot('6-agreement-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await doc.isVisible()).toBe(false);
    await expectChineseOnly(page.getByTestId('mediation-case'));
    await shot('7-agreed');

    // Act: the PDF the API prints from the city's template
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT.timeout }),
      page.getByTestId('agreement-pdf').click(),
    ]);
    // Assess
    expect(download.suggestedFilename()).toBe('人民调解协议书-镜劳调〔2026〕第12号.pdf');
    const pdf = await pdfText(new Uint8Array(await readFile(await download.path())));
    for (const expected of [
      '人民调解协议书',
      '编号：镜劳调〔2026〕第12号',
      '1.被申请人支付申请人劳务费3万元',
      '2027年1月15日',
    ])
      expect(pdf.compact).toContain(expected);
  });

  it('follows the performance up, closes, visits and records satisfaction', async () => {
    // Act: performance honoured in full
    await page.getByTestId('performance-honoured').selectOption('full');
    await page.getByTestId('performance-note').fill('被申请人已按期支付3万元');
    await page.getByTestId('performance-form-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('case-timeline').textContent()) ?? '', WAIT)
      .toContain('记录协议履行情况');
    // Act: close, visit, satisfaction
    await page.getByTestId('close-form-submit').click();
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('已结案');
    await page.getByTestId('visit-note').fill('电话回访，双方均表示协议已履行完毕');
    await page.getByTestId('visit-form-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('case-timeline').textContent()) ?? '', WAIT)
      .toContain('回访');
    await page.getByTestId('satisfaction-party').selectOption('p1');
    await page.getByTestId('satisfaction-score-5').click();
    await page.getByTestId('satisfaction-comment').fill('调解员耐心细致');
    await page.getByTestId('satisfaction-form-submit').click();
    // Assess
    await expect
      .poll(async () => (await page.getByTestId('case-timeline').textContent()) ?? '', WAIT)
      .toContain('记录满意度');
    await page.locator('[data-testid=case-clock][data-key=visit]').waitFor(WAIT);
    const detail = page.getByTestId('mediation-case');
    expect(await detail.textContent()).toContain('张某 5 分 调解员耐心细致');
    await expectChineseOnly(detail);
    await shot('8-closed');
  });

  it('shows the committee’s head 本组织概况: the month’s figures, satisfaction against the target, each mediator’s cases', async () => {
    // Prepare: fanluoshan-labour.wang heads the labour committee; the counters have counted the satisfaction
    const token = await tokenOf('fanluoshan-labour.wang');
    const { nowMs } = (await (await fetch(`${runtime.baseUrl}/_local/clock`)).json()) as { nowMs: number };
    const month = new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 7);
    const part = `/v1/mediation/reports/monthly?month=${month}&organisationId=fanluoshan-labour`;
    await expect
      .poll(async () => ((await call('GET', part, token)).json.totals as { satisfied?: number })?.satisfied, {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(1);
    // Act
    await page.goto(`${runtime.baseUrl}/#/mediation`);
    const overview = page.getByTestId('org-overview');
    await overview.waitFor(WAIT);
    // Assess
    await expect.poll(() => page.getByTestId('org-overview-targets').textContent(), WAIT).toContain('满意率 100.0%');
    expect(await page.getByTestId('org-overview-targets').textContent()).toContain('目标 90.0%，达标');
    const months = page.locator('[data-testid=org-overview-months] tbody tr');
    expect(await months.count()).toBe(6);
    expect(await months.first().textContent()).toContain(`${Number(month.slice(5))}月`);
    const mediators = await page.getByTestId('org-overview-mediator').allTextContents();
    expect(mediators.map((t) => t.slice(0, 2))).toEqual(['王建', '赵敏']);
    await expectChineseOnly(overview);
    await overview.scrollIntoViewIfNeeded();
    await shot('9-organisation-head');
  });

  it('lets a committee return a case with its reason, which the hub reads in the returned queue; an unanswered one shows as overdue, then as a leader’s case', async () => {
    // Prepare: two delegations dispatched to the street committee; it returns one and leaves the other
    const hubToken = await tokenOf('justice.hub');
    const returnedId = await delegate('李某与王某排水管道渗漏纠纷', 'browser-delegation-returned');
    const silentId = await delegate('赵某与钱某楼道堆物纠纷', 'browser-delegation-silent-one');
    for (const id of [returnedId, silentId]) {
      await expect.poll(async () => (await call('GET', `/v1/mediation-cases/${id}`, hubToken)).status, WAIT).toBe(200);
      const d = await call(
        'POST',
        `/v1/mediation-cases/${id}/dispatch`,
        hubToken,
        { organisationId: 'fanluoshan' },
        `d-${id}`,
      );
      expect(d.status, JSON.stringify(d.json)).toBe(200);
    }
    // Act: the street committee's mediator returns one, with the reason, on the tablet
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor(WAIT);
    await signIn('fanluoshan.zhou', 'mediation-workspace');
    const waiting = page.locator(`[data-testid=workspace-waiting] [data-case="${returnedId}"]`);
    await waiting.waitFor(WAIT);
    await waiting.getByTestId('case-open').click();
    await page.getByTestId('answer-reason').fill('当事人已向法院起诉，不宜再行调解');
    await page.getByTestId('answer-return').click();
    await expect.poll(() => page.getByTestId('case-status').textContent(), WAIT).toBe('待分派');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('调解组织退回');
    await shot('9-mediator-returned');
    // the other one's two working days to answer pass
    const advanced = await fetch(`${runtime.baseUrl}/_local/clock/advance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ by: 'P5D' }),
    });
    expect(advanced.ok).toBe(true);

    // Act: the hub signs in and opens the returned queue
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor(WAIT);
    await signIn('justice.hub', 'mediation-hub');
    await expect.poll(() => page.getByTestId('queue-returned').textContent(), WAIT).toBe('被退回（1）');
    await page.getByTestId('queue-returned').click();
    // Assess: the case with the committee's reason
    const row = page.locator(`[data-testid=queue-table-returned] [data-case="${returnedId}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('case-extra').textContent()).toBe('当事人已向法院起诉，不宜再行调解');
    await expectChineseOnly(page.getByTestId('mediation-hub'));
    await shot('10-hub-returned');

    // Act: the overdue queue
    await page.getByTestId('queue-overdue').click();
    // Assess: the unanswered dispatch is overdue (the sweep may take a moment after the clock moved)
    const overdue = page.locator(`[data-testid=queue-table-overdue] [data-case="${silentId}"]`);
    await expect
      .poll(async () => {
        if ((await overdue.count()) === 0) {
          await page.getByTestId('queue-intake').click();
          await page.getByTestId('queue-overdue').click();
        }
        return overdue.count();
      }, WAIT)
      .toBe(1);
    await shot('11-hub-overdue');

    // Act: the hub makes it a major dispute with a responsible leader (领导包案)
    await overdue.getByTestId('case-open').click();
    await page.getByTestId('tier-select').selectOption('major');
    await page.getByTestId('tier-leader').fill('justice.leader');
    await page.getByTestId('tier-form-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('case-facts').textContent()) ?? '', WAIT)
      .toContain('重大纠纷（领导包案）');
    await page.goto(`${runtime.baseUrl}/#/mediation`);
    await page.getByTestId('queue-leader').click();
    // Assess: the leaders' queue lists it with the leader's name, never their account
    const led = page.locator(`[data-testid=queue-table-leader] [data-case="${silentId}"]`);
    await led.waitFor(WAIT);
    const leaderName = DEMO_USERS.find((u) => u.username === 'justice.leader')!.displayName;
    expect(await led.getByTestId('case-extra').textContent()).toBe(`${leaderName}（重大纠纷（领导包案））`);
    await expectChineseOnly(page.getByTestId('mediation-hub'));
    await shot('12-hub-leaders');
  });

  it('lets the hub edit the agreement template, in Chinese, with a textarea per section', async () => {
    // Prepare
    await page.goto(`${runtime.baseUrl}/#/mediation`);
    const editor = page.getByTestId('agreement-template');
    await editor.waitFor(WAIT);
    // Act
    await editor.locator('summary').click();
    await page.getByTestId('template-title').waitFor(WAIT);
    await page.getByTestId('template-title').fill('镜湖区人民调解协议书');
    await page.getByTestId('template-save').click();
    // Assess
    await page.getByTestId('template-saved').waitFor(WAIT);
    expect(await page.getByTestId('template-saved').textContent()).toContain('第 1 版');
    expect(await page.getByTestId('template-section').count()).toBe(5);
    // The placeholders are the template's own syntax ({{facts}}); everything else is Chinese.
    const text = ((await editor.textContent()) ?? '').replace(/\{\{[^}]*\}\}/g, '');
    expect(text.match(LATIN_WORD), text).toBeNull();
    expect(await smallControls(editor)).toEqual([]);
    await shot('13-hub-template');
  });
});
