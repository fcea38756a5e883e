// The transfers pages (行刑衔接) in a real browser against the real local runtime on the virtual
// clock, at 1280×800: another agency's report is left with its head until the 3 days run out (an
// overdue case); the market regulator's officer reports a suspected crime (refused once for a
// one-person team, the field marked), the head approves, transfers once without the list of seized
// items (the page says what is missing) and then complete; public security receives, is refused a
// not-filed decision without reasons, and files; the procuratorate's supervision page lists both
// with their clocks, the overdue one first, and its filters narrow the list; the agency hands over
// the seized items. Chinese only on every page; screenshots in test-results/transfers-*.png.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type BrowserRig, SHOTS, startBrowserRig } from './support/browser-runtime';

const PASSWORD = 'Fazhi@2026';
const WAIT = { timeout: 20_000, interval: 250 };
const LATIN_WORD = /[A-Za-z]{3,}/;
const DAY = 86_400_000;
const TITLE = '某食品有限公司销售伪劣食品案';
const OVERDUE_TITLE = '某化工有限公司非法经营危险化学品案';

/** A test arrangement for 2027 (the packaged calendars stop at 2026), so no clock lacks its year. */
const YEAR_2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  workdays: ['2027-02-14'],
  source: 'test arrangement (not the published notice)',
  verified: false,
};

let rig: BrowserRig;
let runtime: LocalRuntime;
let page: Page;
let caseId: string;
let overdueId: string;

const shot = (name: string, fullPage = true) => page.screenshot({ path: `${SHOTS}transfers-${name}.png`, fullPage });

/** The region's text shows no English word: no code, no internal note, no server English. */
async function expectChineseOnly(region: Locator): Promise<void> {
  const text = (await region.textContent()) ?? '';
  expect(text.match(LATIN_WORD), text).toBeNull();
}

async function tokenOf(username: string): Promise<string> {
  const r = await fetch(`${runtime.baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await r.json()) as { token: string }).token;
}

async function call(method: string, path: string, token: string, body?: unknown) {
  const r = await fetch(`${runtime.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

async function signIn(username: string): Promise<void> {
  await page.goto(`${runtime.baseUrl}/#/`);
  await page.getByTestId('login-username').waitFor(WAIT);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-transfers').waitFor(WAIT);
}

async function signOut(): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor(WAIT);
}

async function openCase(id: string): Promise<Locator> {
  await page.goto(`${runtime.baseUrl}/#/transfers/${id}`);
  const detail = page.getByTestId('transfer-case');
  await detail.waitFor(WAIT);
  return detail;
}

const status = () => page.getByTestId('transfer-case-status').textContent();
const clockStatus = (key: string) =>
  page.locator(`[data-testid=transfer-clock][data-key="${key}"]`).getAttribute('data-status');

beforeAll(async () => {
  rig = await startBrowserRig('transfers-web', { width: 1280, height: 800 }, { clock: 'virtual' });
  ({ runtime, page } = rig);
  const admin = await tokenOf('admin');
  expect((await call('PUT', '/v1/config/calendars/2027', admin, YEAR_2027)).status).toBe(200);

  // The emergency bureau reports a suspected illegal business; its head never decides.
  const reported = await call('POST', '/v1/transfer-cases', await tokenOf('emergency.duty'), {
    enforcementCaseNo: '芜应急案〔2026〕7号',
    title: OVERDUE_TITLE,
    summary: '无证经营危险化学品，经营数额约60万元',
    offenceCategory: 'illegal-business',
    basis: 'threshold',
    threshold: { id: 'illegal-business.amount', version: 1 },
    team: ['赵执法', '钱执法'],
    regionCode: '340202',
    party: { name: '某化工有限公司' },
  });
  expect(reported.status, JSON.stringify(reported.json)).toBe(201);
  overdueId = reported.json.id as string;
  // Four days and a half later the head's 3 days have run out.
  await call('POST', '/_local/clock/advance', admin, { by: `PT${Math.round((4.5 * DAY) / 1000)}S` });
  const procurator = await tokenOf('procuratorate.duty');
  // The sweeper breaches the clock and the case records it (RecordClockBreach).
  for (let i = 0; i < 60; i++) {
    if ((await call('GET', `/v1/transfer-cases/${overdueId}`, procurator)).json.overdue === true) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect((await call('GET', `/v1/transfer-cases/${overdueId}`, procurator)).json.overdue).toBe(true);
}, 180_000);

afterAll(async () => rig?.stop());

describe('the transfers pages on a 1280×800 screen', () => {
  it('lets the agency’s officer report a transfer, marking a one-person team', async () => {
    // Prepare
    await signIn('samr.duty');
    await page.getByTestId('nav-transfers').click();
    const list = page.getByTestId('transfer-list');
    await list.waitFor(WAIT);
    expect(await page.locator('h1').textContent()).toBe('本单位移送案件');
    // Act: the report, with one officer on the team
    await page.getByTestId('transfer-new').click();
    await page.getByTestId('transfer-report').waitFor(WAIT);
    await page.getByTestId('report-enforcementCaseNo').fill('芜市监案〔2026〕101号');
    await page.getByTestId('report-title').fill(TITLE);
    await page.getByTestId('report-summary').fill('销售不符合安全标准的食品，销售金额约12万元');
    await page.getByTestId('report-team').fill('张执法');
    await page.getByTestId('report-partyName').fill('某食品有限公司');
    await page.getByTestId('report-submit').click();
    // Assess: refused in Chinese, the team field marked
    const error = page.getByTestId('report-error');
    await error.waitFor(WAIT);
    expect(await page.getByTestId('report-error-title').textContent()).toBe('移送报告信息不完整，请按提示修改');
    const marked = page.locator('.field.has-error');
    expect(await marked.count()).toBe(1);
    expect(await marked.textContent()).toContain('专案组应当由2名或者2名以上行政执法人员组成');
    await expectChineseOnly(page.getByTestId('transfer-report'));
    await shot('1-report-refused');

    // Act: two officers
    await page.getByTestId('report-team').fill('张执法\n李执法');
    await page.getByTestId('report-submit').click();
    // Assess: the case page, waiting for the head, with the head's 3 days running
    await page.getByTestId('transfer-case').waitFor(WAIT);
    caseId = decodeURIComponent(page.url().split('#/transfers/')[1] ?? '');
    expect(await status()).toBe('待负责人审批');
    expect(await clockStatus('head-approval')).toBe('running');
    await page.getByTestId('transfer-wait-head').waitFor(WAIT);
    await expectChineseOnly(page.getByTestId('transfer-case'));
    await shot('2-reported');
  });

  it('lets the head approve, and transfer once incomplete and then with the five documents', async () => {
    // Act: the head approves
    await signOut();
    await signIn('samr.head');
    await openCase(caseId);
    await page.getByTestId('approval-form-submit').click();
    // Assess
    await expect.poll(status, WAIT).toBe('已批准待移送');
    expect(await clockStatus('head-approval')).toBe('met');
    expect(await clockStatus('to-police')).toBe('running');

    // Act: the transfer without the list of seized items
    await page.getByTestId('doc-no-transfer-letter').fill('芜市监移〔2026〕3号');
    for (const [kind, ref] of [
      ['transfer-letter', 'att-1'],
      ['investigation-report', 'att-2'],
      ['inspection-report', 'att-4'],
      ['other-materials', 'att-5'],
    ])
      await page.getByTestId(`doc-attachment-${kind}`).fill(ref!);
    await page.getByTestId('doc-attached-seized-items-list').uncheck();
    await page.getByTestId('transfer-form-submit').click();
    // Assess: not transferred, and the page says what is missing
    const missing = page.getByTestId('transfer-missing');
    await missing.waitFor(WAIT);
    expect(await missing.textContent()).toContain('涉案物品清单未附');
    expect(await status()).toBe('已批准待移送');
    expect(await clockStatus('to-police')).toBe('running');
    await expectChineseOnly(page.getByTestId('transfer-case'));
    await shot('3-transfer-incomplete');

    // Act: complete
    await page.getByTestId('doc-attached-seized-items-list').check();
    await page.getByTestId('doc-attachment-seized-items-list').fill('att-3');
    await page.getByTestId('transfer-form-submit').click();
    // Assess
    await expect.poll(status, WAIT).toBe('已移送待接受');
    expect(await clockStatus('to-police')).toBe('met');
    const steps = await page.getByTestId('transfer-timeline').textContent();
    expect(steps).toContain('移送材料不全');
    expect(steps).toContain('移送公安机关并抄送检察院');
    await shot('4-transferred');
  });

  it('lets public security receive, refuses a not-filed decision without reasons, and files', async () => {
    // Act
    await signOut();
    await signIn('psb.duty');
    await page.getByTestId('nav-transfers').click();
    await page.locator(`[data-testid=transfer-row][data-case="${caseId}"]`).waitFor(WAIT);
    expect(await page.locator('h1').textContent()).toBe('移送本机关的案件');
    await page.locator(`[data-case="${caseId}"]`).getByTestId('transfer-open').click();
    await page.getByTestId('receive-form-submit').click();
    // Assess
    await expect.poll(status, WAIT).toBe('公安机关立案审查中');
    expect(await clockStatus('filing-1')).toBe('running');

    // Act: not filed, with no reasons
    await page.getByTestId('filing-decision').selectOption('no');
    await page.getByTestId('filing-document-no').fill('芜公不立字〔2026〕9号');
    await page.getByTestId('filing-form-submit').click();
    // Assess: refused, the reasons marked, in Chinese
    await page.getByTestId('filing-form-error').waitFor(WAIT);
    const marked = page.locator('[data-testid=filing-form] .field.has-error');
    expect(await marked.textContent()).toContain('不予立案的理由');
    expect(await marked.textContent()).toContain('此项必填');
    expect(await page.getByTestId('filing-form-error').textContent()).toContain('不予立案的，应当说明理由');
    await expectChineseOnly(page.getByTestId('transfer-case'));
    await shot('5-filing-refused');

    // Act: filed
    await page.getByTestId('filing-decision').selectOption('yes');
    await page.getByTestId('filing-document-no').fill('芜公立字〔2026〕45号');
    await page.getByTestId('filing-form-submit').click();
    // Assess
    await expect.poll(status, WAIT).toBe('已立案');
    expect(await clockStatus('filing-1')).toBe('met');
    expect(await clockStatus('handover-1')).toBe('running');
    expect(await page.getByTestId('transfer-filing').textContent()).toBe('立案（芜公立字〔2026〕45号）');
    await shot('6-filed');
  });

  it('shows the procuratorate every transfer with its clocks, the overdue one first, and filters them', async () => {
    // Act
    await signOut();
    await signIn('procuratorate.duty');
    await page.getByTestId('nav-transfers').click();
    const supervision = page.getByTestId('transfer-supervision');
    await supervision.waitFor(WAIT);
    const rows = page.getByTestId('transfer-row');
    await expect.poll(() => rows.count(), WAIT).toBe(2);
    // Assess: the overdue case first, said in words; the filed one with the hand-over clock counting down
    expect(await page.locator('h1').textContent()).toBe('行刑衔接 · 检察监督');
    expect(await rows.nth(0).getAttribute('data-case')).toBe(overdueId);
    expect(await rows.nth(0).getByTestId('transfer-overdue').textContent()).toContain('已超期');
    expect(await rows.nth(0).getByTestId('transfer-status').textContent()).toContain('待负责人审批');
    expect(await rows.nth(0).getByTestId('transfer-agency').textContent()).toBe('市应急管理局');
    expect(await rows.nth(0).getByTestId('transfer-next-clock').getAttribute('data-key')).toBe('head-approval');
    expect(await rows.nth(0).getByTestId('clock-state').getAttribute('data-state')).toBe('breached');
    const filed = rows.nth(1);
    expect(await filed.getAttribute('data-case')).toBe(caseId);
    expect(await filed.getByTestId('transfer-status').textContent()).toBe('已立案');
    expect(await filed.getByTestId('transfer-agency').textContent()).toBe('市市场监管局');
    expect(await filed.getByTestId('transfer-category').textContent()).toBe('生产、销售伪劣产品');
    expect(await filed.getByTestId('transfer-next-clock').getAttribute('data-key')).toBe('handover-1');
    expect(await page.getByTestId('transfer-count').textContent()).toBe('共 2 件，已超期 1 件');
    await expectChineseOnly(supervision);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await shot('7-supervision');
    await shot('7-supervision-1280x800', false);

    // Act + Assess: each filter narrows the list
    await page.getByTestId('filter-agency').selectOption('samr');
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().getAttribute('data-case')).toBe(caseId);
    await shot('8-filter-agency');
    await page.getByTestId('filter-agency').selectOption('');
    await page.getByTestId('filter-category').selectOption('illegal-business');
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().getAttribute('data-case')).toBe(overdueId);
    await page.getByTestId('filter-category').selectOption('');
    await page.getByTestId('filter-status').selectOption('filed');
    await expect.poll(() => rows.count(), WAIT).toBe(1);
    expect(await rows.first().getAttribute('data-case')).toBe(caseId);
    await shot('9-filter-status');
    await page.getByTestId('filter-status').selectOption('closed');
    await page.getByTestId('transfer-empty').waitFor(WAIT);

    // Act: the overdue case's page
    await page.getByTestId('filter-status').selectOption('');
    await page.locator(`[data-case="${overdueId}"]`).getByTestId('transfer-open').click();
    await page.getByTestId('transfer-case').waitFor(WAIT);
    // Assess: the late clock looks late; the procuratorate has no step here
    const late = page.locator('[data-testid=transfer-clock][data-key=head-approval]');
    expect(await late.getAttribute('data-status')).toBe('breached');
    expect(await late.getAttribute('class')).toContain('look-breached');
    expect(await page.getByTestId('transfer-timeline').textContent()).toContain('期限届满未办理');
    await expectChineseOnly(page.getByTestId('transfer-case'));
    await shot('10-overdue-case');
  });

  it('lets the agency hand over the seized items', async () => {
    // Act
    await signOut();
    await signIn('samr.duty');
    await openCase(caseId);
    await page.getByTestId('handover-note').fill('涉案食品42箱');
    await page.getByTestId('handover-form-submit').click();
    // Assess
    await expect.poll(() => clockStatus('handover-1'), WAIT).toBe('met');
    expect(await page.getByTestId('transfer-timeline').textContent()).toContain('移交涉案物品和材料');
    await expectChineseOnly(page.getByTestId('transfer-case'));
    await shot('11-handed-over');
  });
});
