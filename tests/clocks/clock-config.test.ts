// A city loads next year's holiday arrangement and tightens a policy at run time, without a
// release; what is in force, with its legal source and verified flag, is visible to everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;
let admin: string;

const year2027 = {
  year: 2027,
  holidays: [
    '2027-01-01',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-02-12',
  ],
  workdays: ['2027-02-14'],
  source: 'test arrangement (not the published notice)',
  verified: false,
};

beforeAll(async () => {
  rt = await startTestRuntime({ clock: 'virtual' });
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
});
afterAll(async () => rt?.stop());

describe('clock policies and calendars at run time', () => {
  it('shows every policy in force with its source and verified flag', async () => {
    const r = await api('GET', '/v1/config/clock-policies', { token: await login(api, 'propaganda.duty') });
    expect(r.status).toBe(200);
    const release = r.json.items.find((p: { id: string }) => p.id === 'opinion.release');
    expect(release).toMatchObject({ duration: 'PT5H', counting: 'hours', verified: true, overridden: false });
    expect(release.source).toContain('80号');
    expect(r.json.items.some((p: { verified: boolean }) => !p.verified)).toBe(true);
  });

  it('loads a year’s holiday arrangement, and refuses a bad one with its reasons', async () => {
    const before = await api('GET', '/v1/config/calendars', { token: admin });
    expect(before.json.items.some((y: { year: number }) => y.year === 2027)).toBe(false);
    const ok = await api('PUT', '/v1/config/calendars/2027', { token: admin, body: year2027 });
    expect(ok.status, ok.text).toBe(200);
    const after = await api('GET', '/v1/config/calendars', { token: admin });
    expect(after.json.items.find((y: { year: number }) => y.year === 2027)).toMatchObject({
      loadedAtRuntime: true,
      verified: false,
      holidays: 8,
    });

    const weekdayAsWorkday = await api('PUT', '/v1/config/calendars/2027', {
      token: admin,
      body: { ...year2027, workdays: ['2027-03-03'] },
    });
    expect(weekdayAsWorkday.status).toBe(422);
    expect(weekdayAsWorkday.headers.get('content-type')).toContain('application/problem+json');
    const mismatch = await api('PUT', '/v1/config/calendars/2028', { token: admin, body: year2027 });
    expect(mismatch.status).toBe(422);
    const notAdmin = await api('PUT', '/v1/config/calendars/2027', {
      token: await login(api, 'finance.head'),
      body: year2027,
    });
    expect(notAdmin.status).toBe(403);
  });

  it('applies a tightened policy to the next incident and refuses a loosened statutory limit', async () => {
    const loosen = await api('PUT', '/v1/config/clock-policies', {
      token: admin,
      body: { policies: [{ id: 'opinion.release', duration: 'PT6H' }] },
    });
    expect(loosen.status).toBe(422);
    expect(loosen.json.detail).toContain('opinion.release');

    const tighten = await api('PUT', '/v1/config/clock-policies', {
      token: admin,
      body: { policies: [{ id: 'opinion.release', duration: 'PT4H' }] },
    });
    expect(tighten.status, tighten.text).toBe(200);
    const occurredAt = new Date(rt.clock.now() - 60 * 60_000);
    const opened = await api('POST', '/v1/opinion-incidents', {
      token: await login(api, 'propaganda.duty'),
      body: {
        title: '某化工厂爆燃',
        level: 'II',
        occurredAt: occurredAt.toISOString(),
        discoveredAt: occurredAt.toISOString(),
        responsibleDepartmentId: 'emergency',
        summary: '测试',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    const release = opened.json.clocks.find((c: { kind: string }) => c.kind === 'release');
    expect(Date.parse(release.dueAt)).toBe(occurredAt.getTime() + 4 * 3600_000);
    const shown = await api('GET', '/v1/config/clock-policies', { token: admin });
    expect(shown.json.items.find((p: { id: string }) => p.id === 'opinion.release')).toMatchObject({
      duration: 'PT4H',
      overridden: true,
    });
  });
});
