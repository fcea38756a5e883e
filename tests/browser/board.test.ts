// The on-duty board in a real browser against the real local runtime: a level Ⅱ incident reported late,
// its release clock breaching on the virtual clock, the alert escalating, acknowledged, and met.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import { toLocalInput } from '../../packages/web/src/time/china-time';
import { testDdbEndpoint } from '../support/ddb-endpoint';
import { bellSpy, type Chromium, launchChromium } from './support/chromium';
import { ensureWebBuilt } from './support/web-build';

const PASSWORD = 'Fazhi@2026';
const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 20_000, interval: 250 };

interface Target {
  baseUrl: string;
  /** The propaganda department's duty officer (市委宣传部值班员). */
  officer: string;
  /** The officer's name as pages show it ('' when the target's directory is not known here). */
  officerName: string;
  stop(): Promise<void>;
}

// FAZHI_BOARD_TEST_URL points the test at an already running runtime (a demo box, a dev server) instead.
async function startTarget(): Promise<Target> {
  const external = process.env.FAZHI_BOARD_TEST_URL;
  if (external)
    return { baseUrl: external.replace(/\/$/, ''), officer: 'propaganda.duty', officerName: '', stop: async () => {} };
  const { startLocalRuntime } = await import('../../packages/local/src/runtime');
  // Own data folder and table: the virtual clock this test moves must not move anyone else's.
  const dataDir = await mkdtemp(join(tmpdir(), 'fazhi-board-'));
  const runtime = await startLocalRuntime({
    port: 0,
    clock: 'virtual',
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `board-${Date.now().toString(36)}`,
    dataDir,
    log: () => undefined,
  });
  const user = runtime.credentials?.users.find(
    (u) => u.departmentId === 'propaganda' && u.roles.includes('duty-officer'),
  );
  return {
    baseUrl: runtime.baseUrl,
    officer: user?.username ?? 'propaganda.duty',
    officerName: DEMO_USERS.find((u) => u.username === user?.username)?.displayName ?? '',
    async stop() {
      await runtime.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let target: Target;
let chromium: Chromium;
let page: Page;

async function serverNow(): Promise<number> {
  const response = await fetch(`${target.baseUrl}/_local/clock`);
  expect(response.ok).toBe(true);
  const body = (await response.json()) as { now: string; nowMs?: number };
  return typeof body.nowMs === 'number' ? body.nowMs : Date.parse(body.now);
}

async function advance(by: string): Promise<void> {
  const response = await fetch(`${target.baseUrl}/_local/clock/advance`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ by }),
  });
  expect(response.ok).toBe(true);
}

const shot = (name: string) => page.screenshot({ path: `${SHOTS}board-${name}.png`, fullPage: true });

async function signIn(username: string, password: string): Promise<void> {
  await page.goto(`${target.baseUrl}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  target = await startTarget();
  chromium = await launchChromium();
  await chromium.context.addInitScript(bellSpy);
  page = await chromium.context.newPage();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await target?.stop();
});

describe('on-duty board in the browser', () => {
  it('shows a refused sign-in as the problem title, never a raw body', async () => {
    // Prepare
    await signIn(target.officer, 'not-the-password');

    // Act
    const title = page.getByTestId('login-error-title');
    await title.waitFor(WAIT);

    // Assess
    const text = (await title.textContent()) ?? '';
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).not.toMatch(/[{}]|"status"|at \w+ \(/);
    await expect.poll(() => page.getByTestId('board').count()).toBe(0);
  });

  it('follows a level Ⅱ incident from near-breach through escalation to met', async () => {
    // Prepare: the duty officer of 市委宣传部 signs in; an incident occurred 4 h 50 min ago on the server clock.
    await signIn(target.officer, PASSWORD);
    await page.getByTestId('board').waitFor(WAIT);
    const title = `化工园区爆燃事故舆情 ${Date.now().toString(36)}`;
    const now = await serverNow();

    // Act: open it through the form
    await page.getByTestId('nav-incidents').click();
    await page.getByTestId('new-incident').click();
    await page.getByTestId('incident-title').fill(title);
    await page.getByTestId('incident-level').selectOption('II');
    await page.getByTestId('incident-occurred-at').fill(toLocalInput(now - (4 * 60 + 50) * 60_000));
    await page.getByTestId('incident-discovered-at').fill(toLocalInput(now - 30 * 60_000));
    await page.getByTestId('incident-summary').fill('某化工园区发生爆燃，网络出现大量关注和转发。');
    await page.getByTestId('incident-submit').click();
    await page.locator('[data-testid=incident-detail], [data-testid=incident-error]').first().waitFor(WAIT);
    const refusal = page.getByTestId('incident-error');
    if (await refusal.count()) throw new Error(`the incident was not opened: ${await refusal.textContent()}`);
    await page.getByTestId('nav-board').click();

    // Assess: about ten minutes left on the release clock, red or amber; the press conference clock runs too
    const running = (kind: string) =>
      page.locator(`[data-testid=running-clocks] [data-testid=clock-card][data-kind=${kind}]`, { hasText: title });
    const release = running('release');
    const press = running('press-conference');
    await release.waitFor(WAIT);
    await press.waitFor(WAIT);
    const remaining = await release.getByTestId('clock-countdown').textContent();
    expect(remaining).toMatch(/^00:(0\d|10):\d\d$/);
    expect(['urgent', 'soon']).toContain(await release.getByTestId('clock-state').getAttribute('data-state'));
    expect(await press.getByTestId('clock-countdown').textContent()).toMatch(/^(19|20):\d\d:\d\d$/);
    // Most urgent first: the release clock comes before the press conference of the same incident.
    const kinds = await page
      .locator('[data-testid=running-clocks] [data-testid=clock-card]', { hasText: title })
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-kind')));
    expect(kinds.indexOf('release')).toBeLessThan(kinds.indexOf('press-conference'));
    await shot('1-opened');

    // Act: eleven minutes pass on the virtual clock
    const tonesBefore = await page.evaluate(() => (window as unknown as { __fazhi: { tones: number } }).__fazhi.tones);
    await advance('PT11M');

    // Assess: the release clock counts negative, a breach alert is open for the officer, and it rang
    await expect.poll(() => release.getByTestId('clock-state').getAttribute('data-state'), WAIT).toBe('breached');
    expect(await release.getByTestId('clock-countdown').textContent()).toMatch(/^-00:0\d:\d\d$/);
    expect(await release.textContent()).toContain('已超时');
    const breach = page.locator('[data-testid=alert-card][data-reason=breach][data-clock-kind=release]', {
      hasText: title,
    });
    await breach.waitFor(WAIT);
    expect(await breach.getAttribute('data-level')).toBe('officer');
    const bell = () =>
      page.evaluate(
        () => (window as unknown as { __fazhi: { tones: number; notifications: { body: string }[] } }).__fazhi,
      );
    await expect.poll(async () => (await bell()).tones, WAIT).toBeGreaterThan(tonesBefore);
    expect((await bell()).notifications.some((n) => n.body.includes(title))).toBe(true);
    await shot('2-breached');

    // Act: nobody acknowledges within the window
    await advance('PT11M');

    // Assess: escalated to the leader on duty
    await expect.poll(() => breach.getAttribute('data-level'), WAIT).toBe('leader');
    expect(await breach.getByTestId('alert-level').textContent()).toBe('带班领导');
    await shot('3-escalated');

    // Act: the officer acknowledges
    await breach.getByTestId('ack-button').click();

    // Assess: it leaves the open alerts without an error
    await expect.poll(() => breach.count(), WAIT).toBe(0);
    expect(await page.getByTestId('ack-error').count()).toBe(0);
    // … and stays on the board, quietly, until its milestone is met
    const acked = page.locator('[data-testid=acknowledged-alerts] li', { hasText: title });
    await expect.poll(() => acked.count(), WAIT).toBe(1);
    // … naming who acknowledged it as people call them, not by a username
    const ackedText = (await acked.textContent()) ?? '';
    expect(ackedText).not.toContain(target.officer);
    if (target.officerName) expect(ackedText).toContain(target.officerName);

    // Act: record the authoritative release on the incident page
    await release.getByRole('link', { name: title }).click();
    await page.getByTestId('incident-detail').waitFor(WAIT);
    await page.getByTestId('milestone-kind').selectOption('release');
    await page.getByTestId('milestone-channel').fill('市政府门户网站');
    await page.getByTestId('milestone-url').fill('https://www.example.gov.cn/xwfb/2026/notice.html');
    await page.getByTestId('milestone-submit').click();

    // Assess: the release clock is met (late), no alert remains for it, and the board shows it as done
    const releaseOnIncident = page.locator('[data-testid=incident-clock][data-kind=release]');
    await expect
      .poll(() => releaseOnIncident.getByTestId('clock-state').getAttribute('data-state'), WAIT)
      .toBe('met-late');
    await page.getByTestId('nav-board').click();
    const finished = page.locator('[data-testid=finished-clocks] [data-testid=clock-card][data-kind=release]', {
      hasText: title,
    });
    await finished.waitFor(WAIT);
    // A late completion looks late: its own state, a red card, never the green tick of an on-time one
    expect(await finished.getByTestId('clock-state').getAttribute('data-state')).toBe('met-late');
    expect(await finished.getAttribute('class')).toContain('look-met-late');
    await expect
      .poll(() => page.locator('[data-testid=alert-card][data-clock-kind=release]', { hasText: title }).count(), WAIT)
      .toBe(0);
    expect(await release.count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-testid=acknowledged-alerts] li', { hasText: title }).count(), WAIT)
      .toBe(0);
    await shot('4-met');
  });

  it('switches to English and remembers the choice', async () => {
    // Prepare
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board').waitFor(WAIT);

    // Act
    await page.getByTestId('lang-en').click();
    await page.reload();
    await page.getByTestId('board').waitFor(WAIT);

    // Assess
    expect(await page.locator('h1').first().textContent()).toContain('Duty board');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot('5-english');
    await page.getByTestId('lang-zh-CN').click();
    expect(await page.locator('h1').first().textContent()).toContain('值班看板');
  });
});
