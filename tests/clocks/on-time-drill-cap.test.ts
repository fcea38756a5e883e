// The on-time drill-down reads at most 1,000 clocks of each status: past that it says the list is
// cut instead of passing a part off as the whole. The clocks are written as the services write them
// (startClockChange → clockItem), straight to the table, since 1,001 incidents would take minutes.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCKS_PER_STATUS } from '../../functions/clocks/on-time-clocks/handler';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { startClockChange } from '../../packages/platform/src/clocks/clock-changes';
import { clockItem } from '../../packages/platform/src/clocks/clock-record';
import { clockRegistry } from '../../packages/platform/src/clocks/registry';
import { type Api, apiOf, login, startTestRuntime } from '../support/runtime';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let rt: LocalRuntime;
let api: Api;
let admin: string;
let from: string;
let to: string;
const isoDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

async function writeRunningClocks(departmentId: string, count: number, tag: string): Promise<void> {
  const now = rt.clock.now();
  const items = Array.from({ length: count }, (_, i) =>
    clockItem(
      startClockChange(
        {
          id: `cap-${tag}-${String(i).padStart(5, '0')}`,
          policyId: 'opinion.release',
          subject: { type: 'opinion-incident', id: `cap-${tag}-${i}` },
          departmentId,
          // due tomorrow (city time), a minute apart
          startedAt: now + DAY - 5 * HOUR + i * 60_000,
          kind: 'release',
          label: '权威发布',
          labelEn: 'Authoritative release',
        },
        now,
        clockRegistry(),
      ).after,
    ),
  );
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, unknown>[] | undefined = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    while (request && request.length > 0) {
      const out = await rt.deps.ddb.send(new BatchWriteCommand({ RequestItems: { [rt.tableName]: request } }));
      request = out.UnprocessedItems?.[rt.tableName] as Record<string, unknown>[] | undefined;
    }
  }
}

beforeAll(async () => {
  rt = await startTestRuntime();
  api = apiOf(rt.baseUrl);
  admin = await login(api, 'admin');
  const now = rt.clock.now();
  from = isoDay(now);
  to = isoDay(now + 3 * DAY);
  await writeRunningClocks('emergency', MAX_CLOCKS_PER_STATUS + 1, 'big');
  await writeRunningClocks('psb', 3, 'small');
}, 180_000);
afterAll(async () => rt?.stop());

describe('the on-time drill-down', () => {
  it('says the list is cut when a department has more clocks of one status than it reads', async () => {
    // Act
    const r = await api('GET', `/v1/stats/on-time/clocks?departmentId=emergency&from=${from}&to=${to}`, {
      token: admin,
    });
    // Assess
    expect(r.status, r.text).toBe(200);
    expect(r.json.truncated).toBe(true);
    // the demo city's own running clocks share the 1,000 read
    expect(r.json.items.length).toBeLessThanOrEqual(MAX_CLOCKS_PER_STATUS);
    expect(r.json.items.length).toBeGreaterThan(MAX_CLOCKS_PER_STATUS - 50);
    const ours = r.json.items.filter((c: { id: string }) => c.id.startsWith('cap-big-'));
    expect(ours.every((c: { outcome: string }) => c.outcome === 'pending')).toBe(true);
  });

  it('says nothing is cut when it read them all', async () => {
    // Act
    const r = await api('GET', `/v1/stats/on-time/clocks?departmentId=psb&from=${from}&to=${to}`, { token: admin });
    // Assess
    expect(r.status, r.text).toBe(200);
    expect(r.json.truncated).toBe(false);
    expect(r.json.items.filter((c: { id: string }) => c.id.startsWith('cap-small-'))).toHaveLength(3);
  });
});
