// Running clocks are never re-planned silently: an admin lists those under an older policy version
// and applies the change to the ones named; loading next year's calendar recomputes provisional
// dues and lists the clocks that moved. Driven through the API with the test-only service.
import { cityDayOf, civilFromDay, dayOfIsoDate, startOfCityDay } from '@fazhi/domain/clocks/city-time';
import { allFunctions } from '@fazhi/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';
import { testCasesApiWiring, testCasesEventsWiring } from './fixture-service/api-wiring';
import { TEST_POLICY } from './fixture-service/subject';

let rt: LocalRuntime;
let api: Api;
let admin: string;
let officer: string;

beforeAll(async () => {
  rt = await startTestRuntime({
    clock: 'virtual',
    functions: [...allFunctions, testCasesApiWiring, testCasesEventsWiring],
  });
  api = apiOf(rt.baseUrl);
  [admin, officer] = await Promise.all([login(api, 'admin'), login(api, 'propaganda.duty')]);
});
afterAll(async () => rt?.stop());

const startCase = (duration: string) =>
  api('POST', '/v1/test-cases', {
    token: officer,
    body: { title: '重新计算测试', departmentId: 'propaganda', period: { duration, documentNo: '测试决定2号' } },
  });

describe('re-planning running clocks', () => {
  it('lists the clocks under an older policy version, applies the change only to those named, and keeps new ones on the new version', async () => {
    // Prepare: version 1 counts working days; two clocks run under it
    expect(
      (await api('PUT', '/v1/config/clock-policies', { token: admin, body: { policies: [TEST_POLICY] } })).status,
    ).toBe(200);
    const a = (await startCase('P3D')).json;
    const b = (await startCase('P3D')).json;
    expect(a.policyVersion).toBe(1);

    // Act: the city publishes version 2 (calendar days)
    const v2 = { ...TEST_POLICY, version: 2, counting: 'calendarDays' };
    expect((await api('PUT', '/v1/config/clock-policies', { token: admin, body: { policies: [v2] } })).status).toBe(
      200,
    );
    const listed = await api('GET', '/v1/config/clock-policies/test.reply/replans', { token: admin });
    const applied = await api('POST', '/v1/config/clock-policies/test.reply/replans', {
      token: admin,
      body: { clockIds: [a.id] },
    });
    const after = await api('GET', '/v1/config/clock-policies/test.reply/replans', { token: admin });
    const c = (await startCase('P3D')).json;

    // Assess: both listed with their new due; only `a` changed; a new clock starts on version 2
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.items.map((i: { clockId: string }) => i.clockId).sort()).toEqual([a.id, b.id].sort());
    expect(applied.json.items).toMatchObject([{ clockId: a.id, policyVersion: 1, newPolicyVersion: 2 }]);
    expect(after.json.items.map((i: { clockId: string }) => i.clockId)).toEqual([b.id]);
    expect(c.policyVersion).toBe(2);
    expect(c.counting).toBe('calendarDays');
    const officerSees = await api('GET', '/v1/config/clock-policies/test.reply/replans', { token: officer });
    expect(officerSees.status).toBe(403);
  });

  it('counts an unloaded next year provisionally, and loading it lists the clocks whose due moved', async () => {
    // Prepare: late December of this year; a period reaches next year, whose calendar is not loaded
    const year = civilFromDay(cityDayOf(rt.clock.now())).year;
    const target = startOfCityDay(dayOfIsoDate(`${year}-12-24`)) + 10 * 3_600_000;
    if (target > rt.clock.now()) {
      const by = Math.ceil((target - rt.clock.now()) / 1000);
      expect((await api('POST', '/_local/clock/advance', { body: { by: `PT${by}S` } })).status).toBe(200);
    }
    const next = civilFromDay(cityDayOf(rt.clock.now())).year + 1;
    // Calendar days ending on Jan 1: a Monday–Friday guess counts it, the arrangement makes it a holiday
    const newYear = { ...TEST_POLICY, version: 3, counting: 'calendarDays' };
    expect(
      (await api('PUT', '/v1/config/clock-policies', { token: admin, body: { policies: [newYear] } })).status,
    ).toBe(200);
    const days = dayOfIsoDate(`${next}-01-01`) - cityDayOf(rt.clock.now());
    const started = (await startCase(`P${days}D`)).json;

    // Act: next year's arrangement makes Jan 1–3 a holiday
    const loaded = await api('PUT', `/v1/config/calendars/${next}`, {
      token: admin,
      body: {
        year: next,
        holidays: [`${next}-01-01`, `${next}-01-02`, `${next}-01-03`],
        workdays: [],
        source: 'test arrangement (not the published notice)',
        verified: false,
      },
    });

    // Assess: provisional before, listed as moved after, with a later due
    expect(started.provisional).toBe(true);
    expect(started.provisionalYears).toContain(next);
    expect(loaded.status, loaded.text).toBe(200);
    const moved = loaded.json.moved.find((m: { clockId: string }) => m.clockId === started.id);
    expect(moved).toBeDefined();
    expect(Date.parse(moved.newDueAt)).toBeGreaterThan(Date.parse(moved.dueAt));
  });
});
