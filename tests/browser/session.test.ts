// Sessions and the demo history in a real browser against the real local runtime started as
// `npm start` starts it, with a shorter history (40 days, 14 incidents: the report's default 30
// days still hold it; the full 90 days are tests/local/demo-history.test.ts's, and on a loaded CI
// machine two of them at once outran a 10-minute hook). The page's clock is Playwright's, moved by
// the test: five minutes before the token's expiry a 续期 banner shows and renews; left alone the
// session expires, says so, and the board turns visibly stale and stops fetching. Then the on-time
// report shows the history's shapes on first start.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { testDdbEndpoint } from '../support/ddb-endpoint';
import { type Chromium, launchChromium } from './support/chromium';
import { ensureWebBuilt } from './support/web-build';

const PASSWORD = 'Fazhi@2026';
const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 20_000, interval: 250 };
const MIN = 60_000;
const HOUR = 60 * MIN;
/** The local runtime's token lifetime (local-idp.ts). */
const TOKEN_MS = 12 * HOUR;

let runtime: LocalRuntime;
let dataDir: string;
let chromium: Chromium;
let page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}session-${name}.png`, fullPage: true });

async function signIn(p: Page, username: string): Promise<void> {
  await p.goto(`${runtime.baseUrl}/`);
  await p.getByTestId('login-username').fill(username);
  await p.getByTestId('login-password').fill(PASSWORD);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('board').waitFor(WAIT);
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  const { startLocalRuntime } = await import('../../packages/local/src/runtime');
  dataDir = await mkdtemp(join(tmpdir(), 'fazhi-session-'));
  runtime = await startLocalRuntime({
    port: 0,
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `session-${Date.now().toString(36)}`,
    dataDir,
    // No mediation caseload: 300 cases would add minutes on a loaded CI machine (its own test is
    // tests/local/demo-history.test.ts; tests/browser/mediation.test.ts drives the mediators' pages).
    history: { days: 40, incidents: 14, mediationCases: 0 },
    log: () => undefined,
  });
  chromium = await launchChromium();
}, 900_000);

afterAll(async () => {
  await chromium?.close();
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a session on the duty board', () => {
  beforeAll(async () => {
    page = await chromium.context.newPage();
    await page.clock.install({ time: Date.now() });
    await signIn(page, 'propaganda.duty');
  }, 120_000);

  it('warns five minutes before expiry, in Chinese, and 续期 renews it', async () => {
    // Prepare: nothing to warn about at first
    expect(await page.getByTestId('session-expiring').count()).toBe(0);
    // Act: the page's clock reaches 4 minutes before the token's end
    await page.clock.fastForward(TOKEN_MS - 4 * MIN);
    const banner = page.getByTestId('session-expiring');
    await banner.waitFor(WAIT);
    // Assess
    expect(await banner.textContent()).toMatch(/会话将在 [34] 分 \d{2} 秒后过期/);
    expect(await banner.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await shot('1-expiring');
    const before = await page.evaluate(() => localStorage.getItem('fazhi.session'));
    await page.getByTestId('session-renew').click();
    await expect.poll(() => banner.count(), WAIT).toBe(0);
    // Assess: a new token, and ten minutes on (past the old expiry) the session is still live
    const after = await page.evaluate(() => localStorage.getItem('fazhi.session'));
    expect(JSON.parse(after ?? '{}').token).not.toBe(JSON.parse(before ?? '{}').token);
    await page.clock.fastForward(10 * MIN);
    expect(await page.getByTestId('session-expired-banner').count()).toBe(0);
    expect(await page.getByTestId('board-stale').count()).toBe(0);
    await shot('2-renewed');
  });

  it('says plainly that it expired, and the board turns stale instead of looking live', async () => {
    // Prepare: count the API requests sent with a token once the session is over
    const sentWithToken: string[] = [];
    let expired = false;
    const onRequest = (r: Request) => {
      if (expired && r.url().includes('/v1/') && r.headers().authorization) sentWithToken.push(r.url());
    };
    page.on('request', onRequest);
    // Act: left alone past the renewed token's end
    await page.clock.fastForward(TOKEN_MS);
    const banner = page.getByTestId('session-expired-banner');
    await banner.waitFor(WAIT);
    expired = true;
    // Assess
    expect(await banner.textContent()).toContain('会话已过期，请重新登录');
    const stale = page.getByTestId('board-stale');
    await stale.waitFor(WAIT);
    expect(await stale.textContent()).toContain('数据已停止更新');
    expect(await page.getByTestId('board').getAttribute('data-stale')).toBe('true');
    await shot('3-expired');
    // Polls go on ticking but fetch nothing under the ended session
    await page.clock.fastForward(2 * MIN);
    await page.waitForTimeout(500);
    expect(sentWithToken).toEqual([]);
    page.off('request', onRequest);
    // Act: sign in again from the banner
    await page.getByTestId('session-relogin').click();
    await page.getByTestId('login-username').waitFor(WAIT);
    expect(await page.locator('body').textContent()).toMatch(/过期/);
    await shot('4-sign-in-again');
  });
});

describe('the demo history on first start', () => {
  it('gives the on-time report a trend that moves, every kind, and departments that differ', async () => {
    // Prepare
    page = await chromium.context.newPage();
    await signIn(page, 'admin');
    // Act
    const answer = page.waitForResponse((r) => r.url().includes('/v1/stats/on-time?') && r.status() === 200);
    await page.getByTestId('nav-stats').click();
    const report = (await (await answer).json()) as {
      trend: { total: number; rate: number | null }[];
      byKind: { kind: string; total: number }[];
    };
    await page.getByTestId('stats-trend').locator('canvas').first().waitFor(WAIT);
    // Assess: the default 30 days already hold history, with rates that are not all the same
    const days = report.trend.filter((d) => d.total > 0);
    expect(days.length).toBeGreaterThanOrEqual(3);
    expect(new Set(days.map((d) => d.rate)).size).toBeGreaterThan(1);
    const rates = await page.locator('[data-testid=stats-row] [data-testid=stats-rate]').allTextContents();
    expect(new Set(rates.filter((r) => r !== '—')).size).toBeGreaterThan(1);
    expect(await page.locator('[data-testid=kind-row]').count()).toBeGreaterThanOrEqual(2);
    await shot('5-stats-history');
  });
});
