// The handlers' metrics as CloudWatch receives them: in Lambda (FAZHI_RUNTIME=aws) one EMF line on
// stdout per data point, in the namespace, unit and `service` dimension the alarms watch
// (infra/lib/observability.ts reads the same METRICS); on the local runtime the same document goes
// to the logger, and nothing to stdout.
import { registerClockSubject } from '@fazhi/platform/clocks/subjects';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as sweepClocks } from '../../functions/clocks/sweep/handler';
import { handler as sweepOutbox } from '../../functions/platform/outbox-sweep/handler';
import { ManualClock } from '../../packages/domain/src/clock';
import { startClockChange } from '../../packages/platform/src/clocks/clock-changes';
import { clockWrites } from '../../packages/platform/src/clocks/clock-writes';
import { clockRegistry } from '../../packages/platform/src/clocks/registry';
import { commit } from '../../packages/platform/src/ddb/commit';
import { configureDeps } from '../../packages/platform/src/deps';
import { logger } from '../../packages/platform/src/logger';
import { type BareDeps, bareDeps } from '../clocks/bare-deps';

registerClockSubject({ type: 'metrics-test', service: 'test', name: '指标测试', nameEn: 'Metrics test' });

const T0 = Date.parse('2026-11-23T09:00:00+08:00');
const DUE = T0 + 10 * 60_000;
const clock = new ManualClock(T0);
let d: BareDeps;

interface Emf {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
  };
  [key: string]: unknown;
}

/** Runs `act` with stdout captured and returns the EMF documents written to it. */
async function emfOnStdout(act: () => Promise<unknown>): Promise<Emf[]> {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes('"_aws"')) {
      lines.push(...text.split('\n').filter((l) => l.includes('"_aws"')));
      return true;
    }
    return write(chunk, ...(rest as []));
  });
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return lines.map((l) => JSON.parse(l) as Emf);
}

const metricNamed = (docs: Emf[], name: string) =>
  docs.find((doc) => doc._aws.CloudWatchMetrics[0]!.Metrics.some((m) => m.Name === name));

beforeAll(async () => {
  d = await bareDeps(clock, 'metrics');
  configureDeps(d);
  // One clock due ten minutes after T0, its last warning already fired: only the breach is left.
  const change = startClockChange(
    {
      id: 'm1',
      policyId: 'opinion.release',
      subject: { type: 'metrics-test', id: 's1' },
      departmentId: 'emergency',
      startedAt: DUE - 5 * 3_600_000,
      kind: 'release',
      label: '权威发布',
      labelEn: 'Authoritative release',
    },
    T0,
    clockRegistry(),
  );
  await commit(d, clockWrites(d, [change]).writes);
}, 60_000);
afterAll(async () => d?.stop());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('metrics in Lambda (EMF on stdout)', () => {
  it('the clock sweep publishes its lag and the deadlines it breached', async () => {
    // Prepare: 90 s after the breach instant (due + 1 ms), nobody swept.
    vi.stubEnv('FAZHI_RUNTIME', 'aws');
    clock.set(DUE + 1 + 90_000);

    // Act
    const docs = await emfOnStdout(() => sweepClocks());

    // Assess
    const lag = metricNamed(docs, 'ClockSweepLag');
    expect(lag?._aws.CloudWatchMetrics[0]).toEqual({
      Namespace: 'Fazhi',
      Dimensions: [['service']],
      Metrics: [{ Name: 'ClockSweepLag', Unit: 'Seconds' }],
    });
    expect(lag).toMatchObject({ service: 'clocks', ClockSweepLag: 90 });
    expect(metricNamed(docs, 'DeadlinesBreached')).toMatchObject({ service: 'clocks', DeadlinesBreached: 1 });
  });

  it('the clock sweep publishes a lag of 0 when nothing is due, and no breach count', async () => {
    // Prepare: the clock breached in the previous test; nothing else is due.
    vi.stubEnv('FAZHI_RUNTIME', 'aws');
    clock.set(DUE + 120_000);

    // Act
    const docs = await emfOnStdout(() => sweepClocks());

    // Assess
    expect(metricNamed(docs, 'ClockSweepLag')).toMatchObject({ ClockSweepLag: 0 });
    expect(metricNamed(docs, 'DeadlinesBreached')).toBeUndefined();
  });

  it('the outbox sweep publishes the age of the oldest event the relay left pending', async () => {
    // Prepare: the breach event committed above was never relayed (no stream here), 2 minutes ago.
    vi.stubEnv('FAZHI_RUNTIME', 'aws');
    clock.set(DUE + 1 + 90_000 + 120_000);

    // Act
    const docs = await emfOnStdout(() => sweepOutbox());
    const again = await emfOnStdout(() => sweepOutbox());

    // Assess: first the two minutes, then — relayed by that sweep — nothing pending
    expect(metricNamed(docs, 'OutboxOldestPendingAge')).toMatchObject({
      service: 'platform',
      OutboxOldestPendingAge: 120,
    });
    expect(d.published.map((e) => e.detailType)).toContain('Clock.Breached');
    expect(metricNamed(again, 'OutboxOldestPendingAge')).toMatchObject({ OutboxOldestPendingAge: 0 });
  });
});

describe('metrics on the local runtime', () => {
  it('go to the logger and never to stdout', async () => {
    // Prepare
    vi.stubEnv('FAZHI_RUNTIME', '');
    const debug = vi.spyOn(logger, 'debug');

    // Act
    const docs = await emfOnStdout(() => sweepClocks());

    // Assess
    expect(docs).toEqual([]);
    const call = debug.mock.calls.find(([message]) => message === 'metric');
    expect(call, 'no metric logged').toBeDefined();
    expect((call![1] as { emf: Emf }).emf).toMatchObject({ service: 'clocks', ClockSweepLag: 0 });
  });
});
