// In a real browser against the real local runtime. The roster editor: a mistake in row 3 of ~120
// is marked at row 3 (highlighted, a Chinese message under it, its field aria-invalid, scrolled
// into view), whether the browser finds it before saving or the server refuses a username. The
// incident forms: a milestone already recorded says so instead of failing.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../packages/local/src/demo-data';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { toLocalInput } from '../../packages/web/src/time/china-time';
import { testDdbEndpoint } from '../support/ddb-endpoint';
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
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
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

describe('the incident forms', () => {
  it('says "already recorded" when the same milestone is submitted again, and records it once', async () => {
    // Prepare: an incident of the department, opened through the API.
    const login = await fetch(`${runtime.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'propaganda.duty', password: 'Fazhi@2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const now = Date.now();
    const opened = await fetch(`${runtime.baseUrl}/v1/opinion-incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: '重复提交测试事件',
        level: 'II',
        occurredAt: new Date(now - 2 * 3600_000).toISOString(),
        discoveredAt: new Date(now - 3600_000).toISOString(),
        responsibleDepartmentId: 'propaganda',
        summary: '用于检查重复提交的提示。',
      }),
    });
    const { id } = (await opened.json()) as { id: string };
    await page.goto(`${runtime.baseUrl}/#/incidents/${id}`);
    const form = page.getByTestId('milestone-form');
    await form.waitFor(WAIT);
    const submitOnce = async () => {
      await page.getByTestId('milestone-kind').selectOption('release');
      await page.getByTestId('milestone-at').fill(toLocalInput(now - 10 * 60_000));
      await page.getByTestId('milestone-channel').fill('官方微博');
      await page.getByTestId('milestone-doc').fill('宣发〔2026〕9号');
      await page.getByTestId('milestone-submit').click();
      await expect.poll(() => page.getByTestId('milestone-submit').textContent(), WAIT).toBe('提交');
    };

    // Act
    await submitOnce();
    const afterFirst = await page.getByTestId('milestone-already').count();
    await submitOnce();

    // Assess
    expect(afterFirst).toBe(0);
    const notice = page.getByTestId('milestone-already');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('已记录');
    expect(await notice.textContent()).not.toMatch(LATIN_WORD);
    expect(await page.getByTestId('milestone-error').count()).toBe(0);
    const incident = await fetch(`${runtime.baseUrl}/v1/opinion-incidents/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const read = (await incident.json()) as { milestones: unknown[]; names: Record<string, string> };
    expect(read.milestones).toHaveLength(1);
    // who recorded it, by name, in the API's names and on the page, after a reload as well
    const head = DEMO_USERS.find((u) => u.username === 'propaganda.head')?.displayName;
    expect(head).toMatch(/[\u4e00-\u9fff]{2,}/);
    expect(read.names['propaganda.head']).toBe(head);
    await page.reload();
    await expect.poll(() => page.getByTestId('milestones').textContent(), WAIT).toContain(head!);
    expect(await page.getByTestId('milestones').textContent()).not.toContain('propaganda.head');
    await page.screenshot({ path: `${SHOTS}incident-already-recorded.png` });
  });
});
