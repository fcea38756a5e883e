// The business metric of the exchange, end to end on the local runtime: POST /v1/events counts the
// entries it accepted, once — an idempotent replay of the same request counts nothing — and on
// the local runtime the EMF document goes to the logger, not to stdout.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { logger } from '../../packages/platform/src/logger';
import { type Api, apiOf, startTestRuntime } from '../support/runtime';

let rt: LocalRuntime;
let api: Api;

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
}, 120_000);
afterAll(async () => rt?.stop());

const lead = (summary: string) => ({
  detailType: 'EnforcementLead.Shared',
  detail: {
    data: {
      subjectName: '某某食品有限公司',
      uscc: '91350100M000100Y43',
      category: 'food-drug',
      summary,
    },
  },
});

describe('EventsAccepted', () => {
  it('counts the accepted entries of a post, and nothing for its replay', async () => {
    // Prepare
    const key = rt.credentials!.departments.find((d) => d.id === 'samr')!.apiKey;
    const debug = vi.spyOn(logger, 'debug');
    const body = { entries: [lead('日常检查发现涉嫌生产不合格食品。'), lead('复查发现同一批次产品仍在销售。')] };
    const headers = { 'idempotency-key': `metrics-${Math.random()}` };

    // Act
    const first = await api('POST', '/v1/events', { token: key, body, headers });
    const replay = await api('POST', '/v1/events', { token: key, body, headers });

    // Assess
    expect([first.status, replay.status]).toEqual([202, 202]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const accepted = debug.mock.calls
      .filter(([message]) => message === 'metric')
      .map(([, extra]) => (extra as { emf: Record<string, unknown> }).emf)
      .filter((emf) => 'EventsAccepted' in emf);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ service: 'exchange', EventsAccepted: 2 });
    debug.mockRestore();
  });
});
