// 调解月报 in a real browser against the real local runtime, on a 1280×800 tablet viewport: a case
// registered, mediated and agreed through the API shows on the page as the month's figures, its
// charts draw, the page is Chinese only, and the Excel download is a workbook.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, eventually, login } from '../support/runtime';
import { type BrowserRig, SHOTS, startBrowserRig } from './support/browser-runtime';

const WAIT = { timeout: 20_000, interval: 250 };
const HOUR = 3_600_000;

let rig: BrowserRig;
let rt: LocalRuntime;
let api: Api;
let page: Page;

beforeAll(async () => {
  rig = await startBrowserRig('report', { width: 1280, height: 800 }, { clock: 'virtual' });
  ({ runtime: rt, page } = rig);
  api = apiOf(rt.baseUrl);
}, 180_000);

afterAll(async () => rig?.stop());

describe('调解月报 in the browser', () => {
  it('shows the month’s figures from the counters, draws its charts and downloads the workbook', async () => {
    // Prepare: one case agreed with 2 people kept from a civil-to-criminal escalation
    const [hub, mediator] = [await login(api, 'justice.hub'), await login(api, 'tianmenshan.li')];
    const post = async (path: string, token: string, body: unknown) => {
      const r = await api('POST', path, { token, body });
      expect(r.status, r.text).toBeLessThan(300);
      return r.json;
    };
    const made = await post('/v1/mediation-cases', hub, {
      source: 'hotline',
      title: '邻里噪音纠纷',
      summary: '楼上住户夜间噪音扰民',
      disputeType: 'neighbourhood',
      regionCode: '340202002',
      peopleInvolved: 2,
      parties: [
        { id: 'a', role: 'applicant', name: '甲' },
        { id: 'b', role: 'respondent', name: '乙' },
      ],
    });
    const c = `/v1/mediation-cases/${made.id}`;
    await post(`${c}/dispatch`, hub, { organisationId: 'tianmenshan' });
    await post(`${c}/answer`, mediator, { accepted: true });
    await post(`${c}/consent`, mediator, { partyId: 'a', given: true, via: 'signed' });
    await post(`${c}/consent`, mediator, { partyId: 'b', given: true, via: 'phone' });
    const now = (await api('GET', '/_local/clock')).json.nowMs as number;
    await post(`${c}/session`, mediator, {
      at: new Date(now - HOUR).toISOString(),
      place: '社区调解室',
      participants: ['甲', '乙'],
      summary: '双方陈述',
      nextStep: '达成协议',
    });
    await post(`${c}/agreement`, mediator, {
      documentNo: '天调〔2026〕1号',
      facts: '双方同意夜间十点后不再装修。',
      terms: ['夜间十点后停止施工'],
      amountFen: 150_000,
      performanceDueAt: new Date(now + 10 * 24 * HOUR).toISOString(),
      prevented: { civilToCriminal: { people: 2 } },
    });
    // The counters are kept from events, after the request that made them: the page is opened once
    // they have counted the agreement (it shows what it fetched, and does not refetch by itself).
    const month = new Date(now + 8 * HOUR).toISOString().slice(0, 7);
    await eventually(async () => {
      const r = await api('GET', `/v1/mediation/reports/monthly?month=${month}`, { token: hub });
      return r.json?.totals?.civilToCriminalCases === 1 && r.json.totals.civilToCriminalPeople === 2;
    }, 'the counters to count the agreement');
    // Act
    await page.goto(`${rt.baseUrl}/`);
    await page.getByTestId('login-username').fill('justice.hub');
    await page.getByTestId('login-password').fill('Fazhi@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-mediation-report').click();
    const totals = page.getByTestId('report-totals');
    await totals.waitFor(WAIT);
    await expect.poll(async () => (await totals.textContent()) ?? '', WAIT).toContain('防止民转刑1 件 2 人');
    await page.getByTestId('report-trend-chart').locator('canvas').waitFor(WAIT);
    await page.screenshot({ path: `${SHOTS}mediation-report-1280x800.png`, fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const file = await download;
    const path = await file.path();
    // Assess
    expect(await totals.textContent()).toContain('调解成功1 件');
    expect(await page.getByTestId('report-breakdown').textContent()).toContain('天门山街道人民调解委员会');
    const text = (await page.getByTestId('mediation-report-page').textContent()) ?? '';
    expect(text.replace(/Excel/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(file.suggestedFilename()).toMatch(/^矛盾纠纷调解月报-\d{4}-\d{2}\.xlsx$/);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(path!)).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});
