// The duty board as an officer at 3 a.m. needs it, in a real browser against the real local runtime:
// Chinese only (sources, refusals, field errors), labels that say what happened, the people on duty by
// name and phone, level and department on each clock card, long titles that do not break cards, the
// alerts in the incident timeline, and the on-time report with "—", drill-down and an Excel export.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { toLocalInput } from '../../packages/web/src/time/china-time';
import { testDdbEndpoint } from '../support/ddb-endpoint';
import { type Chromium, launchChromium } from './support/chromium';
import { ensureWebBuilt } from './support/web-build';

const PASSWORD = 'Fazhi@2026';
const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 20_000, interval: 250 };
const LATIN_WORD = /[A-Za-z]{3,}/;

let runtime: LocalRuntime;
let dataDir: string;
let chromium: Chromium;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}duty-${name}.png`, fullPage: true });

async function serverNow(): Promise<number> {
  const body = (await (await fetch(`${runtime.baseUrl}/_local/clock`)).json()) as { now: string };
  return Date.parse(body.now);
}

async function advance(by: string): Promise<void> {
  const response = await fetch(`${runtime.baseUrl}/_local/clock/advance`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ by }),
  });
  expect(response.ok).toBe(true);
}

async function openIncident(title: string, occurredAgoMin: number, discoveredAgoMin: number): Promise<void> {
  const now = await serverNow();
  await page.getByTestId('nav-incidents').click();
  await page.getByTestId('new-incident').click();
  await page.getByTestId('incident-title').fill(title);
  await page.getByTestId('incident-level').selectOption('II');
  await page.getByTestId('incident-occurred-at').fill(toLocalInput(now - occurredAgoMin * 60_000));
  await page.getByTestId('incident-discovered-at').fill(toLocalInput(now - discoveredAgoMin * 60_000));
  await page.getByTestId('incident-summary').fill('某化工园区发生爆燃，网络出现大量关注和转发。');
  await page.getByTestId('incident-submit').click();
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  const { startLocalRuntime } = await import('../../packages/local/src/runtime');
  dataDir = await mkdtemp(join(tmpdir(), 'fazhi-duty-'));
  runtime = await startLocalRuntime({
    port: 0,
    clock: 'virtual',
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `duty-${Date.now().toString(36)}`,
    dataDir,
    log: () => undefined,
  });
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(`${runtime.baseUrl}/`);
  await page.getByTestId('login-username').fill('propaganda.duty');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('board').waitFor(WAIT);
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the duty board at 3 a.m.', () => {
  it('names who is on duty now and next, with names and phone numbers, not usernames', async () => {
    // Act
    const now = page.getByTestId('duty-now-officer');
    await now.waitFor(WAIT);
    // Assess: the seeded person behind propaganda.duty, by name and phone
    const person = runtime.credentials?.users.find((u) => u.username === 'propaganda.duty');
    expect(person).toBeDefined();
    const text = (await now.textContent()) ?? '';
    expect(text).not.toContain('propaganda.duty');
    expect(text).toMatch(/[\u4e00-\u9fff]{2,}/);
    expect(text).toMatch(/139 0000 \d{4}/);
    expect(await page.getByTestId('duty-next-leader').textContent()).toMatch(/139 0000 \d{4}/);
    expect(await page.getByTestId('duty-head').textContent()).not.toContain('.head');
    await shot('1-on-duty');
  });

  it('refuses a bad form in Chinese and marks the field that was refused', async () => {
    // Act: discovered before it occurred — the server refuses it (the browser cannot tell)
    await openIncident('发现时间早于发生时间的测试事件', 30, 60);
    const refusal = page.getByTestId('incident-error');
    await refusal.waitFor(WAIT);
    // Assess: a Chinese title and reason, no English, and the discovered-at field marked
    const title = (await page.getByTestId('incident-error-title').textContent()) ?? '';
    expect(title).toMatch(/[\u4e00-\u9fff]/);
    expect(await refusal.textContent()).not.toMatch(LATIN_WORD);
    expect(await page.getByTestId('incident-discovered-at').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-invalid=true]').getByTestId('field-error').textContent()).toContain(
      '发现时间不能早于发生时间',
    );
    expect(await page.getByTestId('incident-occurred-at').getAttribute('aria-invalid')).toBeNull();
    await shot('2-field-error');
  });

  it('shows each clock with its level, department and Chinese source; a long title truncates; the warning says how long was left', async () => {
    // Prepare: a late report, ten minutes left on the five-hour clock, with a very long title
    const title = `化工园区爆燃事故舆情持续发酵引发周边居民对空气质量和饮用水安全的广泛担忧并出现大量不实传言 ${Date.now().toString(36)}`;
    await openIncident(title, 4 * 60 + 50, 20);
    await page.getByTestId('incident-detail').waitFor(WAIT);
    await page.getByTestId('nav-board').click();
    // Act
    const card = page.locator('[data-testid=running-clocks] [data-testid=clock-card][data-kind=release]', {
      hasText: title.slice(0, 20),
    });
    await card.waitFor(WAIT);
    // Assess: level and responsible department on the card
    await expect.poll(() => card.getByTestId('clock-level').textContent(), WAIT).toBe('Ⅱ级 重大');
    expect(await card.getByTestId('clock-department').textContent()).toContain('市委宣传部');
    // the source is Chinese only: no English, no internal note
    const source = (await card.getByTestId('clock-source').textContent()) ?? '';
    expect(source).toContain('国办发〔2016〕80号');
    expect(source).not.toMatch(LATIN_WORD);
    // the title is cut with an ellipsis inside the card, not overflowing it
    const subject = card.getByTestId('clock-subject');
    const [scroll, client] = await subject.evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll).toBeGreaterThan(client);
    const [cardWidth, gridWidth] = await card.evaluate((e) => [
      e.getBoundingClientRect().width,
      (e.parentElement as HTMLElement).getBoundingClientRect().width,
    ]);
    expect(cardWidth).toBeLessThanOrEqual(gridWidth);
    // the warning raised at once says ten minutes, not the policy's "30 分钟"
    const warning = page.locator('[data-testid=alert-card][data-reason=warning]', { hasText: title.slice(0, 20) });
    await warning.waitFor(WAIT);
    const reason = (await warning.getByTestId('alert-reason').textContent()) ?? '';
    expect(reason).toMatch(/到期前 (9|10) 分钟/);
    expect(reason).not.toContain('30 分钟');
    await shot('3-cards');

    // Act: the clock breaches, nobody answers, it escalates; the officer acknowledges
    await advance('PT11M');
    const breach = page.locator('[data-testid=alert-card][data-reason=breach]', { hasText: title.slice(0, 20) });
    await breach.waitFor(WAIT);
    await advance('PT11M');
    await expect.poll(() => breach.getAttribute('data-level'), WAIT).toBe('leader');
    await breach.getByTestId('ack-button').click();
    await expect.poll(() => breach.count(), WAIT).toBe(0);

    // Assess: the incident's timeline carries the alerts, the escalation, the acknowledgement and the notifications
    await card.getByRole('link').first().click();
    await page.getByTestId('incident-detail').waitFor(WAIT);
    const entries = page.locator('[data-testid=timeline-entry][data-source=alert]');
    await expect
      .poll(async () => entries.evaluateAll((es) => es.map((e) => e.getAttribute('data-kind'))), WAIT)
      .toEqual(expect.arrayContaining(['raised', 'escalated', 'acknowledged', 'notified', 'resolved']));
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain('升级至带班领导');
    // the people in it by name: who was alerted and who acknowledged, not their usernames
    const officer = DEMO_USERS.find((u) => u.username === 'propaganda.duty')?.displayName;
    expect(officer).toMatch(/[\u4e00-\u9fff]{2,}/);
    const acknowledged = page.locator('[data-testid=timeline-entry][data-kind=acknowledged]');
    expect(await acknowledged.first().textContent()).toContain(officer!);
    expect(timeline).not.toMatch(/propaganda\.(duty|leader|head)/);
    expect(timeline).toContain('已发送');
    expect(timeline).not.toMatch(/\b(raised|escalated|superseded|clock-met)\b/);
    await shot('4-timeline');
  });

  it('reports "—" for a department with nothing due, drills down to the clocks and exports a real .xlsx', async () => {
    // Act
    await page.getByTestId('nav-stats').click();
    await page.getByTestId('stats-table').waitFor(WAIT);
    // Assess: finance had nothing due: a dash, not 0.0%
    const finance = page.locator('[data-testid=stats-row][data-department=finance]');
    expect(await finance.getByTestId('stats-rate').textContent()).toBe('—');
    const propaganda = page.locator('[data-testid=stats-row][data-department=propaganda]');
    await expect.poll(() => propaganda.getByTestId('stats-rate').textContent(), WAIT).toMatch(/^\d+\.\d%$/);
    await page.getByTestId('stats-trend').waitFor(WAIT);
    expect(await page.locator('[data-testid=kind-row][data-kind=release]').count()).toBe(1);

    // Act: drill into the department
    await propaganda.getByTestId('stats-drill').click();
    const rows = page.locator('[data-testid=stats-drilldown] [data-testid=drill-clock]');
    await rows.first().waitFor(WAIT);
    const outcomes = await rows.evaluateAll((es) => es.map((e) => e.getAttribute('data-outcome')));
    expect(outcomes).toContain('late');
    await shot('5-stats');

    // Act: take the range past today, so it holds the incident's press-conference clock (24 h), running
    const cell = async (id: string) => Number(await propaganda.getByTestId(id).textContent());
    const later = new Date((await serverNow()) + 8 * 3_600_000 + 3 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('stats-to').fill(later);
    await page.getByTestId('stats-refresh').click();
    // Assess: a clock not yet due is 未到期: not 未完成, not 已到期, not in the rate
    await expect.poll(() => cell('stats-pending'), WAIT).toBeGreaterThanOrEqual(1);
    expect(await cell('stats-open')).toBe(0);
    expect(await cell('stats-total')).toBe((await cell('stats-on-time')) + (await cell('stats-late')));
    const heads = await page.getByTestId('stats-table').locator('thead th').allTextContents();
    expect(heads).toContain('未到期');

    // Act: export
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    const file = join(dataDir, 'report.xlsx');
    await download.saveAs(file);
    // Assess: it is a workbook with the department's figures
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzipSync(new Uint8Array(await readFile(file)));
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="按部门"');
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('市委宣传部');
  });

  it('says so when the session expired, instead of going quietly back to the login page', async () => {
    // Prepare: the server starts refusing the token, as it does once the token expired (the local token
    // lives 12 h of wall time, so the refusal is injected at the network edge of the page)
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board').waitFor(WAIT);
    await page.route('**/v1/clocks**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'https://fazhi.gov.cn/problems/unauthorized',
          title: 'Authentication required',
          status: 401,
        }),
      }),
    );
    // Act: the next poll is refused
    const banner = page.getByTestId('session-expired-banner');
    await banner.waitFor(WAIT);
    // Assess: the page says so in Chinese, and the board shows its data as stale, not as live
    expect(await banner.textContent()).toContain('会话已过期，请重新登录');
    expect(await page.getByTestId('board-stale').textContent()).toContain('数据已停止更新');
    await shot('6-session-expired');
    // And the login page it leads to tells the officer the board stopped alerting
    await page.getByTestId('session-relogin').click();
    const notice = page.getByTestId('session-expired');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('看板已停止刷新和警报提醒');
    await page.unroute('**/v1/clocks**');
  });
});
