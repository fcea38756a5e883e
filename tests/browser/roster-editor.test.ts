// The roster editor in a real browser against the real local runtime: a mistake in row 3 of ~120
// is marked at row 3 (highlighted, a Chinese message under it, its field aria-invalid, scrolled
// into view), whether the browser finds it before saving or the server refuses a username.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Chromium, launchChromium } from './support/chromium';
import { ensureWebBuilt } from './support/web-build';

const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 20_000, interval: 250 };
const LATIN_WORD = /[A-Za-z]{3,}/;

let runtime: LocalRuntime;
let dataDir: string;
let chromium: Chromium;
let page: Page;

const rows = () => page.getByTestId('roster-row');
const inViewport = (l: Locator) =>
  l.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  const { startLocalRuntime } = await import('../../packages/local/src/runtime');
  dataDir = await mkdtemp(join(tmpdir(), 'fazhi-roster-'));
  runtime = await startLocalRuntime({
    port: 0,
    ddbEndpoint: inject('ddbEndpoint'),
    tableName: `roster-${Date.now().toString(36)}`,
    dataDir,
    log: () => undefined,
  });
  chromium = await launchChromium();
  page = await chromium.context.newPage();
  await page.goto(`${runtime.baseUrl}/`);
  await page.getByTestId('login-username').fill('propaganda.head');
  await page.getByTestId('login-password').fill('Fazhi@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-table').waitFor(WAIT);
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the roster editor', () => {
  it('marks the row the server refused — an outsider in row 3 of the seeded roster — and scrolls to it', async () => {
    // Prepare: the seeded roster is long; scroll to its end, as a clerk adding shifts would be.
    expect(await rows().count()).toBeGreaterThan(50);
    const row3 = rows().nth(2);
    await row3.getByLabel('值班员 3').fill('finance.duty');
    await page.getByTestId('roster-save').scrollIntoViewIfNeeded();

    // Act
    await page.getByTestId('roster-save').click();

    // Assess
    const message = page.locator('[data-testid=roster-row-error][data-row="3"]');
    await message.waitFor(WAIT);
    expect(await message.textContent()).toContain('值班员「finance.duty」属于其他部门');
    expect((await message.textContent())?.replace('finance.duty', '')).not.toMatch(LATIN_WORD);
    expect(await row3.getAttribute('data-invalid')).toBe('true');
    expect(await row3.getByLabel('值班员 3').getAttribute('aria-invalid')).toBe('true');
    expect(await row3.getByLabel('带班领导 3').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('[data-testid=roster-row][data-invalid=true]').count()).toBe(1);
    await expect.poll(() => inViewport(row3), WAIT).toBe(true);
    expect(await page.getByTestId('roster-invalid').textContent()).toContain('已在对应的行中标出');
    await page.screenshot({ path: `${SHOTS}roster-1-server-refusal.png` });

    // Act: correcting the row clears its mark; the save then goes through.
    await row3.getByLabel('值班员 3').fill('propaganda.duty');
    expect(await row3.getAttribute('data-invalid')).toBeNull();
    await page.getByTestId('roster-save').click();

    // Assess
    await page.getByTestId('roster-saved').waitFor(WAIT);
  });

  it('checks before saving: an emptied officer in row 5 is marked at row 5 without asking the server', async () => {
    // Prepare
    const row5 = rows().nth(4);
    await row5.getByLabel('值班员 5').fill('');
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().includes('/roster')) puts++;
    });
    await page.getByTestId('roster-save').scrollIntoViewIfNeeded();

    // Act
    await page.getByTestId('roster-save').click();

    // Assess
    const message = page.locator('[data-testid=roster-row-error][data-row="5"]');
    await message.waitFor(WAIT);
    expect(await message.textContent()).toContain('第 5 个班次：请填写值班员和带班领导');
    expect(await row5.getByLabel('值班员 5').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => inViewport(row5), WAIT).toBe(true);
    expect(puts).toBe(0);
    await page.screenshot({ path: `${SHOTS}roster-2-local-check.png` });
  });
});
