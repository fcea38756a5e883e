// One working-day clock with a decided period, run by a test-only service through the platform's
// clock API, on the virtual clock and through the HTTP API: warned, escalated, paused for two
// reasons, resumed, extended with both parties' consent, breached and met — every Clock.* event
// delivered to the service, alerts raised and escalated, and the on-duty board showing each state.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedCalendar } from '@fazhi/domain/clocks/calendar';
import {
  cityDayOf,
  civilFromDay,
  dayOfIsoDate,
  endOfCityDay,
  startOfCityDay,
  weekdayOfDay,
} from '@fazhi/domain/clocks/city-time';
import { allFunctions } from '@fazhi/functions';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../packages/local/src/runtime';
import { testCasesApiWiring, testCasesEventsWiring } from '../clocks/fixture-service/api-wiring';
import { TEST_POLICY } from '../clocks/fixture-service/subject';
import { testDdbEndpoint } from '../support/ddb-endpoint';
import { type Api, apiOf, eventually, login } from '../support/runtime';
import { type Chromium, launchChromium } from './support/chromium';
import { ensureWebBuilt } from './support/web-build';

const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const WAIT = { timeout: 20_000, interval: 250 };
const HOUR = 3_600_000;

let runtime: LocalRuntime;
let dataDir: string;
let api: Api;
let chromium: Chromium;
let page: Page;
let officer: string;

const now = () => runtime.clock.now();
async function advanceTo(instant: number): Promise<void> {
  const seconds = Math.ceil((instant - now()) / 1000);
  if (seconds <= 0) return;
  const r = await api('POST', '/_local/clock/advance', { body: { by: `PT${seconds}S` } });
  expect(r.status).toBe(200);
}
const shot = (name: string) => page.screenshot({ path: `${SHOTS}clock-service-${name}.png`, fullPage: true });

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await ensureWebBuilt();
  dataDir = await mkdtemp(join(tmpdir(), 'fazhi-clocksvc-'));
  runtime = await startLocalRuntime({
    port: 0,
    clock: 'virtual',
    ddbEndpoint: testDdbEndpoint(),
    dropTablesOnStop: true,
    tableName: `clocksvc-${Date.now().toString(36)}`,
    dataDir,
    functions: [...allFunctions, testCasesApiWiring, testCasesEventsWiring],
    log: () => undefined,
  });
  api = apiOf(runtime.baseUrl);
  chromium = await launchChromium();
  page = await chromium.context.newPage();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await runtime?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a test service on the platform clock API', () => {
  it('runs a decided working-day clock through warning, escalation, two pauses, a consented extension, breach and met', async () => {
    // Prepare: the city loads the service's policy; time moves to a Monday 08:30, Beijing time.
    const admin = await login(api, 'admin');
    officer = await login(api, 'propaganda.duty');
    const loaded = await api('PUT', '/v1/config/clock-policies', { token: admin, body: { policies: [TEST_POLICY] } });
    expect(loaded.status, loaded.text).toBe(200);
    let day = cityDayOf(now()) + 1;
    while (weekdayOfDay(day) !== 1) day += 1;
    await advanceTo(startOfCityDay(day) + 8.5 * HOUR);
    const title = `测试答复案 ${Date.now().toString(36)}`;
    const card = page.locator('[data-testid=clock-card][data-kind=reply]', { hasText: title });
    await page.goto(`${runtime.baseUrl}/`);
    await page.getByTestId('login-username').fill('propaganda.duty');
    await page.getByTestId('login-password').fill('Fazhi@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('board').waitFor(WAIT);

    // Act: a period beyond the policy's bound is refused, naming the field; then a 3-working-day one
    const refused = await api('POST', '/v1/test-cases', {
      token: officer,
      body: { title, departmentId: 'propaganda', period: { duration: 'P11D', documentNo: '测试决定〔2026〕7号' } },
    });
    const started = await api('POST', '/v1/test-cases', {
      token: officer,
      body: { title, departmentId: 'propaganda', period: { duration: 'P3D', documentNo: '测试决定〔2026〕7号' } },
    });

    // Assess: due at 24:00 of the third working day after the start, with the decision recorded
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.json.errors).toEqual([
      { path: 'period.duration', code: 'out-of-bounds', message: 'must be at most P10D' },
    ]);
    expect(started.status, started.text).toBe(200);
    const clock = started.json;
    const caseId: string = clock.subject.id;
    const dueDay = packagedCalendar.addWorkingDays(day, 3);
    expect(Date.parse(clock.dueAt)).toBe(endOfCityDay(dueDay));
    expect(clock).toMatchObject({
      status: 'running',
      counting: 'workingDays',
      period: 'P3D',
      decision: { documentNo: '测试决定〔2026〕7号', max: 'P10D', decidedBy: 'propaganda.duty' },
      provisional: false,
      policyVersion: 1,
    });
    await card.waitFor(WAIT);

    // Act: 09:00 on the working day before the due day
    const warnAt = startOfCityDay(packagedCalendar.addWorkingDays(day, 2)) + 9 * HOUR;
    await advanceTo(warnAt + 2000);

    // Assess: a warning alert for the officer on duty, on the board
    const alertsOf = async () => {
      const r = await api('GET', '/v1/alerts?status=all', { token: officer });
      return (r.json.items as { clockId: string; reason: string; level: string; status: string }[]).filter(
        (a) => a.clockId === clock.id,
      );
    };
    const warning = await eventually(
      async () => (await alertsOf()).find((a) => a.reason === 'warning'),
      'warning alert',
    );
    expect(warning.level).toBe('officer');
    await page.locator('[data-testid=alert-card]', { hasText: title }).first().waitFor(WAIT);
    await shot('1-warned');

    // Act: nobody acknowledges for eleven minutes
    await advanceTo(now() + 11 * 60_000);

    // Assess: escalated to the leader on duty
    await eventually(
      async () => (await alertsOf()).find((a) => a.reason === 'warning' && a.level === 'leader'),
      'escalation',
    );
    await shot('2-escalated');

    // Act: paused for two reasons, one after the other
    const pause = (reason: string) =>
      api('POST', `/v1/test-cases/${caseId}/pauses`, {
        token: officer,
        body: { reason, documentNo: `中止通知${reason}` },
      });
    const p1 = await pause('parties-agree');
    const p2 = await pause('awaiting-materials');
    const badReason = await pause('holiday');

    // Assess: paused with both reasons on the board; an unknown reason is refused by the policy
    expect(p1.status, p1.text).toBe(200);
    expect(p2.json).toMatchObject({ status: 'paused' });
    expect(
      p2.json.pauses.filter((p: { to?: string }) => !p.to).map((p: { reasonName: string }) => p.reasonName),
    ).toEqual(['双方当事人同意中止', '等待补充材料']);
    expect(badReason.status).toBe(422);
    expect(badReason.json.errors[0]).toMatchObject({ path: 'reason', code: 'not-accepted' });
    await expect.poll(() => card.getAttribute('data-status'), WAIT).toBe('paused');
    await expect
      .poll(() => card.getByTestId('clock-paused').textContent(), WAIT)
      .toBe('已暂停：双方当事人同意中止、等待补充材料');
    await shot('3-paused-two-reasons');

    // Act: one reason ends at once, the other a day later
    const r1 = await api('POST', `/v1/test-cases/${caseId}/resumes`, {
      token: officer,
      body: { reason: 'parties-agree' },
    });
    await advanceTo(now() + 24 * HOUR);
    const r2 = await api('POST', `/v1/test-cases/${caseId}/resumes`, {
      token: officer,
      body: { reason: 'awaiting-materials' },
    });

    // Assess: still paused after the first, running after the second, due one working day later
    expect(r1.json.status).toBe('paused');
    expect(r2.json.status).toBe('running');
    expect(Date.parse(r2.json.dueAt)).toBe(endOfCityDay(packagedCalendar.addWorkingDays(dueDay, 1)));

    // Act: an extension without consent, then with both parties' consent
    const noConsent = await api('POST', `/v1/test-cases/${caseId}/extensions`, {
      token: officer,
      body: { by: 'P2D', reason: '需要补充调查' },
    });
    const extended = await api('POST', `/v1/test-cases/${caseId}/extensions`, {
      token: officer,
      body: {
        by: 'P2D',
        reason: '双方同意延长',
        consent: { parties: ['申请人王某', '被申请人赵某'], documentNo: '同意书1号' },
      },
    });

    // Assess
    expect(noConsent.status).toBe(403);
    expect(noConsent.json.type).toBe('https://fazhi.gov.cn/problems/clock-extension-refused');
    expect(extended.status, extended.text).toBe(200);
    const finalDue = endOfCityDay(packagedCalendar.addWorkingDays(dueDay, 3));
    expect(Date.parse(extended.json.dueAt)).toBe(finalDue);
    expect(extended.json.extensions[0].consent.parties).toEqual(['申请人王某', '被申请人赵某']);

    // Act: the extended due passes
    await advanceTo(finalDue + 2000);

    // Assess: breached, a breach alert raised, the board shows it
    await eventually(
      async () => (await alertsOf()).find((a) => a.reason === 'breach' && a.status !== 'resolved'),
      'breach',
    );
    await expect.poll(() => card.getByTestId('clock-state').getAttribute('data-state'), WAIT).toBe('breached');
    await shot('4-breached');

    // Act: the reply arrives, late
    const met = await api('POST', `/v1/test-cases/${caseId}/met`, { token: officer, body: {} });

    // Assess: met late; its alerts resolve; the service received every clock event, in order
    expect(met.json).toMatchObject({ status: 'met' });
    await eventually(async () => (await alertsOf()).every((a) => a.status === 'resolved'), 'alerts resolved');
    const received = await eventually(async () => {
      const r = await api('GET', `/v1/test-cases/${caseId}/events`, { token: officer });
      const items = r.json.items as { detailType: string; data: Record<string, unknown> }[];
      return items.some((e) => e.detailType === 'Clock.Met') && items;
    }, 'Clock.Met delivered');
    const types = received.map((e) => e.detailType);
    const firsts = [
      'Clock.Started',
      'Clock.WarningDue',
      'Clock.Paused',
      'Clock.Resumed',
      'Clock.Extended',
      'Clock.Breached',
      'Clock.Met',
    ];
    expect(firsts.map((t) => types.indexOf(t))).toEqual([...firsts.map((t) => types.indexOf(t))].sort((a, b) => a - b));
    expect(types.filter((t) => t === 'Clock.Paused')).toHaveLength(2);
    expect(types.filter((t) => t === 'Clock.Resumed')).toHaveLength(2);
    expect(received.find((e) => e.detailType === 'Clock.Met')?.data).toMatchObject({ late: true });
    await page.reload();
    await page.getByTestId('board').waitFor(WAIT);
    // the board moves it to the finished clocks, and says it was met late
    const finished = page.locator('[data-testid=finished-clocks] [data-testid=clock-card]', { hasText: title });
    await expect.poll(() => finished.getAttribute('data-status'), WAIT).toBe('met');
    expect(await finished.getByTestId('clock-state').getAttribute('data-state')).toBe('met-late');
    await shot('5-met');
  }, 240_000);

  it('flags a due counted into a year whose holidays are not loaded as provisional, on the board', async () => {
    // Prepare: Christmas Eve; ten working days reach next year, whose arrangement is not published
    const year = civilFromDay(cityDayOf(now())).year;
    await advanceTo(startOfCityDay(dayOfIsoDate(`${year}-12-24`)) + 10 * HOUR);
    const next = civilFromDay(cityDayOf(now())).year + 1;
    const title = `跨年暂定案 ${Date.now().toString(36)}`;

    // Act
    const started = await api('POST', '/v1/test-cases', {
      token: officer,
      body: { title, departmentId: 'propaganda', period: { duration: 'P10D', documentNo: '测试决定〔2026〕9号' } },
    });

    // Assess: the API and the card both say the due is provisional, and for which year
    expect(started.status, started.text).toBe(200);
    expect(started.json).toMatchObject({ provisional: true, provisionalYears: [next] });
    await page.reload();
    const card = page.locator('[data-testid=running-clocks] [data-testid=clock-card]', { hasText: title });
    await card.waitFor(WAIT);
    expect(await card.getByTestId('clock-provisional').textContent()).toBe(`暂定（${next} 年节假日安排尚未载入）`);
    await shot('6-provisional');
  }, 120_000);
});
