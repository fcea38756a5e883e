// EventBridge invokes a subscriber asynchronously. A subscriber that throws is retried by Lambda
// (retryAttempts, about one and two minutes apart, the suite shortening the waits), then its event
// goes to the function's on-failure destination: locally the dead-letter store, in AWS the SQS
// queue of the function's EventInvokeConfig, with the same counts read from the same wiring.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ManualClock } from '@fazhi/domain/clock';
import { documentClient, idFactory, type PlatformDeps } from '@fazhi/platform/deps';
import type { BusEvent } from '@fazhi/platform/events/envelope';
import { defineFunction } from '@fazhi/platform/wiring';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTargets, LocalBus } from '../../packages/local/src/bus/local-bus';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { ensureTable } from '../../packages/local/src/tables';
import { logicalIdOf, once, synthesize } from '../infra/synth';
import { testDdbEndpoint } from '../support/ddb-endpoint';
import { eventually, startTestRuntime } from '../support/runtime';
import { flaky } from './fixtures/flaky-handler';

const flakyWiring = defineFunction({
  name: 'test-flaky',
  service: 'test',
  description: 'A subscriber whose department system is down',
  entry: new URL('./fixtures/flaky-handler.ts', import.meta.url).pathname,
  subscriptions: [{ name: 'test-flaky-leads', pattern: { source: ['test.flaky'] } }],
  asyncInvoke: { retryAttempts: 2, maxEventAgeSeconds: 3600 },
  permissions: [],
});
const unloadable = defineFunction({
  name: 'test-unloadable',
  service: 'test',
  description: 'A function EventBridge cannot hand events to',
  entry: new URL('./fixtures/does-not-exist.ts', import.meta.url).pathname,
  subscriptions: [{ name: 'test-unloadable-leads', pattern: { source: ['test.unloadable'] }, maxAttempts: 2 }],
  permissions: [],
});

let n = 0;
function busEvent(source: string): BusEvent {
  n++;
  const eventId = `01KJRPRW80Z9MRYBX3PC4HQV${String(n).padStart(2, '0')}`;
  const time = new Date().toISOString();
  return {
    source,
    detailType: 'Flaky.Happened',
    time,
    detail: { meta: { eventId, occurredAt: time, correlationId: eventId, schemaVersion: 1 }, data: {} },
  };
}

const synth = once(() => synthesize([flakyWiring]));

describe('a subscriber that throws, on the local runtime', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime({ functions: [flakyWiring, unloadable], seed: false });
  });
  afterAll(async () => {
    await rt?.stop();
  });
  beforeEach(() => {
    flaky.failing = true;
    flaky.attempts.length = 0;
    flaky.done.length = 0;
  });

  it('is retried as Lambda retries it, lands in the dead-letter store and replays once fixed', async () => {
    // Prepare
    const e = busEvent('test.flaky');
    const eventId = e.detail.meta.eventId;

    // Act 1: published; the subscriber fails every time
    await rt.bus.put([e]);
    const letter = await eventually(
      async () =>
        (await rt.bus.deadLetters()).find(
          (l) => (l.event.detail as { meta: { eventId: string } }).meta.eventId === eventId,
        ),
      'dead letter',
    );

    // Assess 1: one attempt and Lambda's retries, the second wait longer than the first
    const attempts = flaky.attempts.filter((a) => a.eventId === eventId);
    expect(attempts).toHaveLength(1 + flakyWiring.asyncInvoke.retryAttempts);
    expect(letter).toMatchObject({
      rule: 'test-flaky-leads',
      functionName: 'test-flaky',
      condition: 'RetriesExhausted',
      attempts: attempts.length,
      error: 'the department system is down',
    });
    const [a, b, c] = attempts.map((x) => x.at);
    expect(b! - a!).toBeGreaterThanOrEqual(40 - 5);
    expect(c! - b!).toBeGreaterThanOrEqual(80 - 5);

    // Act 2: the system is back; redrive
    flaky.failing = false;
    const replay = await rt.bus.replay({ rule: 'test-flaky-leads' });

    // Assess 2
    expect(replay).toEqual({ replayed: 1, failed: 0 });
    await eventually(async () => flaky.done.includes(eventId), 'replayed invocation');
    expect((await rt.bus.deadLetters()).some((l) => l.id === letter.id)).toBe(false);
  });

  it('dead-letters an event its function cannot be handed, after the rule’s delivery attempts', async () => {
    // Prepare
    const e = busEvent('test.unloadable');

    // Act
    await rt.bus.put([e]);
    const letter = await eventually(
      async () => (await rt.bus.deadLetters()).find((l) => l.rule === 'test-unloadable-leads'),
      'dead letter',
    );

    // Assess: the rule's DLQ case, counted in deliveries (maxAttempts), not in Lambda retries
    expect(letter).toMatchObject({ functionName: 'test-unloadable', condition: 'DeliveryFailed', attempts: 2 });
  });
});

describe('an event older than the function’s maximum event age', () => {
  it('is not retried again but goes to the on-failure destination', async () => {
    // Prepare: a bus whose wall clock the test moves
    const raw = new DynamoDBClient({
      endpoint: testDdbEndpoint(),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableName = `age${process.pid}${Math.random().toString(36).slice(2, 8)}`;
    await ensureTable(raw, tableName);
    let wall = Date.now();
    const clock = new ManualClock(wall);
    const d = { clock, newId: idFactory(clock) } as unknown as PlatformDeps;
    const aged = { ...flakyWiring, asyncInvoke: { retryAttempts: 2 as const, maxEventAgeSeconds: 60 } };
    const bus = new LocalBus(
      d,
      buildTargets([aged], async () => (ev) => import(aged.entry).then((m) => m.handler(ev))),
      {
        retryBaseMs: 10,
        asyncRetryDelaysMs: [20, 20],
        store: { ddb: documentClient(raw), tableName },
        now: () => wall,
        log: () => undefined,
      },
    );
    flaky.failing = true;
    flaky.attempts.length = 0;

    // Act: the first attempt fails; the retry comes due two minutes (of wall time) later
    await bus.put([busEvent('test.flaky')]);
    await bus.idle();
    wall += 120_000;
    await bus.runRetries();
    await bus.idle();
    const letters = await bus.deadLetters();
    await bus.stop();

    // Assess
    expect(flaky.attempts).toHaveLength(1);
    expect(letters).toEqual([expect.objectContaining({ condition: 'EventAgeExceeded', attempts: 1 })]);
  });
});

describe('settling the bus, as the demo history does between its steps', () => {
  it('delivers a retry now instead of after Lambda’s minute, and stops when the queue is empty', async () => {
    // Prepare: Lambda's real delays (a minute, then two); the first attempt fails, the second works
    const raw = new DynamoDBClient({
      endpoint: testDdbEndpoint(),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableName = `settle${process.pid}${Math.random().toString(36).slice(2, 8)}`;
    await ensureTable(raw, tableName);
    const clock = new ManualClock(Date.now());
    const d = { clock, newId: idFactory(clock) } as unknown as PlatformDeps;
    const bus = new LocalBus(
      d,
      buildTargets([flakyWiring], async () => async (ev) => {
        try {
          await import(flakyWiring.entry).then((m) => m.handler(ev));
        } finally {
          flaky.failing = false;
        }
      }),
      {
        retryBaseMs: 60_000,
        asyncRetryDelaysMs: [60_000, 120_000],
        store: { ddb: documentClient(raw), tableName },
        log: () => undefined,
      },
    );
    flaky.failing = true;
    flaky.attempts.length = 0;
    flaky.done.length = 0;
    const e = busEvent('test.flaky');
    const started = performance.now();

    // Act
    await bus.put([e]);
    await bus.settle();
    const waitedMs = performance.now() - started;
    const letters = await bus.deadLetters();
    await bus.stop();

    // Assess: two attempts, the second delivered well before a minute, nothing dead-lettered
    expect(flaky.attempts.map((a) => a.eventId)).toEqual([e.detail.meta.eventId, e.detail.meta.eventId]);
    expect(flaky.done).toEqual([e.detail.meta.eventId]);
    expect(waitedMs).toBeLessThan(30_000);
    expect(letters).toEqual([]);
  });
});

describe('settling a bus whose queue holds an item of a rule it does not have', () => {
  it('returns instead of waiting for it for ever', async () => {
    // Prepare: a queue item left by another wiring (a rule this bus was not built with)
    const raw = new DynamoDBClient({
      endpoint: testDdbEndpoint(),
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const tableName = `stale${process.pid}${Math.random().toString(36).slice(2, 8)}`;
    await ensureTable(raw, tableName);
    const doc = documentClient(raw);
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'BUSQ', sk: `${'0'.repeat(15)}#gone`, type: 'bus-queue', rule: 'removed-rule', event: {} },
      }),
    );
    const clock = new ManualClock(Date.now());
    const bus = new LocalBus(
      { clock, newId: idFactory(clock) } as unknown as PlatformDeps,
      buildTargets([flakyWiring], async () => async () => undefined),
      { retryBaseMs: 60_000, store: { ddb: doc, tableName }, log: () => undefined },
    );
    // Act
    const settled = await Promise.race([
      bus.settle().then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('still waiting'), 10_000)),
    ]);
    await bus.stop();
    // Assess
    expect(settled).toBe('settled');
  });
});

describe('the same function in the synthesised template', () => {
  it('has an EventInvokeConfig with the wiring’s counts and its rule’s DLQ as on-failure destination', () => {
    // Prepare
    const s = synth();
    const fn = s.stack.functions.get('test-flaky')!.fn;
    const dlq = s.stack.eventRules.rules.find((r) => r.name === 'test-flaky-leads')!.deadLetter;

    // Act
    const configs = Object.values(s.template.findResources('AWS::Lambda::EventInvokeConfig'));

    // Assess: as many Lambda attempts as the local runtime made above (1 + retries)
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toMatchObject({
      FunctionName: { Ref: logicalIdOf(fn) },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: flakyWiring.asyncInvoke.retryAttempts,
      MaximumEventAgeInSeconds: flakyWiring.asyncInvoke.maxEventAgeSeconds,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf(dlq.queue), 'Arn'] } } },
    });
  });
});
