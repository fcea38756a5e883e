// The local event bus and Lambda's asynchronous invocation, as AWS runs them, from the same
// declarations (packages/platform/src/async-invoke.ts):
//
//   put (PutEvents) stores one queue item per matching rule target and returns: the relay is never
//     held up by a subscriber. The event is then durable (a restart resumes the queue), so an event
//     the relay marks published is never only in memory. Targets run concurrently, bounded.
//   delivery (EventBridge → Lambda): a target whose function cannot be handed the event (locally: its
//     handler fails to load) is retried by the rule's retry policy, then dead-lettered
//     (`DeliveryFailed`, the rule's DLQ in AWS).
//   function error (Lambda's async retries): retried `asyncInvoke.retryAttempts` times, about one
//     and two minutes later (tests shorten the waits), unless the event is older than
//     `maxEventAgeSeconds`; then dead-lettered (`RetriesExhausted` / `EventAgeExceeded`, the
//     function's on-failure destination in AWS).
//   schedules go the same way, with the schedule rule's retry policy.
//
// The queue and the dead-letter store (`BUSQ`, `DLQ`) live in the bus's own table, through its own
// client: in AWS they are EventBridge's and Lambda's internal queues and SQS, not the platform's
// table, so they neither appear on its stream nor count as its writes.
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  asyncInvokeOf,
  DEFAULT_MAX_ATTEMPTS,
  LAMBDA_ASYNC_RETRY_DELAYS_MS,
  SCHEDULE_DELIVERY,
  SUBSCRIPTION_MAX_EVENT_AGE_SECONDS,
} from '@fazhi/platform/async-invoke';
import { dueBound, padMs } from '@fazhi/platform/ddb/due-index';
import type { PlatformDeps } from '@fazhi/platform/deps';
import type { DeadLetter, DeadLetterCondition } from '@fazhi/platform/events/dead-letter';
import { type BusEvent, type DeliveredEvent, toIso } from '@fazhi/platform/events/envelope';
import type { EventPublisher } from '@fazhi/platform/events/publisher';
import type { AsyncInvokeWiring, FunctionWiring } from '@fazhi/platform/wiring';
import { type CompiledPattern, compilePattern } from './pattern';

export type { DeadLetter } from '@fazhi/platform/events/dead-letter';

type Invoke = (event: Record<string, unknown>) => Promise<unknown>;

export interface BusTarget {
  rule: string;
  kind: 'subscription' | 'schedule';
  functionName: string;
  /** Subscriptions only: the wiring's pattern, and its compiled matcher. */
  pattern?: Record<string, unknown>;
  matches?: CompiledPattern;
  /** The rule target's retry policy for handing the event over. */
  delivery: { maxAttempts: number; maxEventAgeMs: number };
  /** Lambda's asynchronous-invocation settings of the function. */
  asyncInvoke: AsyncInvokeWiring;
  /** Hands the event over: resolves the function's handler (a failure is a delivery failure). */
  load: () => Promise<Invoke>;
}

interface QueueItem {
  pk: 'BUSQ';
  /** `<due, 15 digits>#<id>` */
  sk: string;
  type: 'bus-queue';
  rule: string;
  event: Record<string, unknown>;
  /** Wall ms the bus accepted the event: the age EventBridge and Lambda limit. */
  acceptedAt: number;
  /** Failed hand-overs so far. */
  deliveries: number;
  /** Function attempts so far. */
  invocations: number;
  lastError?: string;
}

export interface LocalBusOptions {
  /** First delivery retry delay; doubles each attempt (EventBridge's backoff, shortened). */
  retryBaseMs: number;
  /** Lambda's waits before its asynchronous retries; default LAMBDA_ASYNC_RETRY_DELAYS_MS. */
  asyncRetryDelaysMs?: readonly number[];
  /** Targets running at once (a local stand-in for the account's concurrency). Default 16. */
  concurrency?: number;
  /** Where the queue and the dead letters are kept (the table, through a client of the bus's own). */
  store: { ddb: DynamoDBDocumentClient; tableName: string };
  /** Wall time: retries wait in real time, whatever the virtual clock says. Default Date.now. */
  now?: () => number;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

export function buildTargets(functions: FunctionWiring[], load: (w: FunctionWiring) => Promise<Invoke>): BusTarget[] {
  const targets: BusTarget[] = [];
  for (const w of functions) {
    const subscriptions = w.subscriptions ?? [];
    const schedules = w.schedules ?? [];
    // Checked for every wiring: asyncInvoke on a function nothing invokes asynchronously is refused.
    const asyncInvoke = asyncInvokeOf(w);
    if (subscriptions.length + schedules.length === 0) continue;
    let handler: Promise<Invoke> | undefined;
    const loadOnce = () => {
      handler ??= load(w).catch((e) => {
        handler = undefined;
        throw e;
      });
      return handler;
    };
    for (const s of subscriptions) {
      targets.push({
        rule: s.name,
        kind: 'subscription',
        functionName: w.name,
        pattern: s.pattern,
        // Throws PatternError at start for anything outside the supported subset.
        matches: compilePattern(s.pattern),
        delivery: {
          maxAttempts: s.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          maxEventAgeMs: SUBSCRIPTION_MAX_EVENT_AGE_SECONDS * 1000,
        },
        asyncInvoke,
        load: loadOnce,
      });
    }
    for (const s of schedules) {
      targets.push({
        rule: s.name,
        kind: 'schedule',
        functionName: w.name,
        delivery: {
          maxAttempts: SCHEDULE_DELIVERY.maxAttempts,
          maxEventAgeMs: SCHEDULE_DELIVERY.maxEventAgeSeconds * 1000,
        },
        asyncInvoke,
        load: loadOnce,
      });
    }
  }
  return targets;
}

export class LocalBus implements EventPublisher {
  private retryTimer: NodeJS.Timeout | undefined;
  private retryAt = 0;
  private retrying = false;
  private again = false;
  private stopped = false;
  /** Queue items being attempted (by sk), so the retry scan never runs one twice. */
  private running = new Map<string, Promise<void>>();
  /** Delivered items not yet deleted from the queue table. */
  private finished = new Set<string>();
  private toDelete: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private slots: number;
  private waiting: (() => void)[] = [];
  private readonly byRule: Map<string, BusTarget>;
  private readonly now: () => number;
  private readonly delays: readonly number[];

  constructor(
    private readonly d: PlatformDeps,
    private readonly targets: BusTarget[],
    private readonly opts: LocalBusOptions,
  ) {
    this.byRule = new Map(targets.map((t) => [t.rule, t]));
    this.slots = opts.concurrency ?? 16;
    this.now = opts.now ?? Date.now;
    this.delays = opts.asyncRetryDelaysMs ?? LAMBDA_ASYNC_RETRY_DELAYS_MS;
  }

  private get ddb() {
    return this.opts.store.ddb;
  }

  private get tableName() {
    return this.opts.store.tableName;
  }

  private envelope(e: BusEvent): DeliveredEvent {
    return {
      version: '0',
      id: this.d.newId(),
      'detail-type': e.detailType,
      source: e.source,
      account: '000000000000',
      time: e.time,
      region: 'local',
      resources: [],
      detail: e.detail,
    };
  }

  private queueItem(rule: string, event: Record<string, unknown>, due: number): QueueItem {
    return {
      pk: 'BUSQ',
      sk: `${padMs(due)}#${this.d.newId()}`,
      type: 'bus-queue',
      rule,
      event,
      acceptedAt: this.now(),
      deliveries: 0,
      invocations: 0,
    };
  }

  /** PutEvents: resolves once every matching target's queue item is stored; delivery follows. */
  async put(events: readonly BusEvent[]): Promise<void> {
    const items: QueueItem[] = [];
    const now = this.now();
    for (const e of events) {
      const delivered = this.envelope(e) as unknown as Record<string, unknown>;
      for (const t of this.targets) if (t.matches?.(delivered)) items.push(this.queueItem(t.rule, delivered, now));
    }
    await this.store(items);
    for (const item of items) this.dispatch(item);
  }

  private async store(items: QueueItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let request: Record<string, unknown>[] | undefined = items
        .slice(i, i + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      while (request && request.length > 0) {
        const out = await this.ddb.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: request } }));
        request = out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined;
      }
    }
  }

  /** A schedule's tick, as its rule fires: the first attempt now (awaited, so ticks never overlap). */
  async invokeScheduled(rule: string): Promise<void> {
    const t = this.byRule.get(rule);
    if (t?.kind !== 'schedule') throw new Error(`no schedule ${rule}`);
    const event = {
      version: '0',
      id: this.d.newId(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: toIso(this.d.clock.now()),
      region: 'local',
      resources: [`arn:aws:events:local:000000000000:rule/${rule}`],
      detail: {},
    };
    // A tick is kept only if it fails (a lost tick is superseded by the next one).
    await this.attempt(t, this.queueItem(rule, event, this.now()), false);
  }

  private dispatch(item: QueueItem): Promise<void> {
    const t = this.byRule.get(item.rule);
    if (!t || this.running.has(item.sk) || this.finished.has(item.sk)) return Promise.resolve();
    const run = this.bounded(() => this.attempt(t, item, true))
      .catch((e) => {
        // The store failed mid-attempt: the queue item is still there; the retry scan runs it again.
        this.opts.log('bus attempt failed to record its outcome; retrying', { rule: t.rule, error: message(e) });
        this.scheduleRetries(this.opts.retryBaseMs);
      })
      .finally(() => this.running.delete(item.sk));
    this.running.set(item.sk, run);
    return run;
  }

  private async bounded(fn: () => Promise<void>): Promise<void> {
    if (this.slots === 0) await new Promise<void>((ok) => this.waiting.push(ok));
    else this.slots--;
    try {
      await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.slots++;
    }
  }

  /** One attempt of a queued (or, for a tick, not yet stored) invocation, and what follows it. */
  private async attempt(t: BusTarget, item: QueueItem, stored: boolean): Promise<void> {
    const age = this.now() - item.acceptedAt;
    let invoke: Invoke;
    try {
      invoke = await t.load();
    } catch (e) {
      const deliveries = item.deliveries + 1;
      if (deliveries >= t.delivery.maxAttempts || age >= t.delivery.maxEventAgeMs)
        return this.deadLetter(t, item, stored, 'DeliveryFailed', deliveries, e);
      const delay = this.opts.retryBaseMs * 2 ** (deliveries - 1);
      return this.requeue(item, stored, { deliveries, lastError: message(e) }, delay);
    }
    // Lambda does not retry an event older than its maximum age: it goes to the destination.
    if (item.invocations > 0 && age > t.asyncInvoke.maxEventAgeSeconds * 1000)
      return this.deadLetter(t, item, stored, 'EventAgeExceeded', item.invocations, item.lastError ?? 'too old');
    try {
      await invoke(item.event);
    } catch (e) {
      const invocations = item.invocations + 1;
      if (invocations > t.asyncInvoke.retryAttempts)
        return this.deadLetter(t, item, stored, 'RetriesExhausted', invocations, e);
      const delay = this.delays[Math.min(invocations, this.delays.length) - 1] ?? 0;
      this.opts.log('function failed; Lambda retries it', { rule: t.rule, invocations, error: message(e) });
      return this.requeue(item, stored, { invocations, lastError: message(e) }, delay);
    }
    if (stored) this.finish(item);
  }

  /**
   * A delivered item leaves the queue in batches (one BatchWriteItem per 25, or 10 ms after the
   * first): at 20 events a second that is one call instead of one per delivery. Until it is gone it
   * is remembered, so the retry scan cannot run it again; after a crash it may (at least once).
   */
  private finish(item: QueueItem): void {
    this.finished.add(item.sk);
    this.toDelete.push(item.sk);
    if (this.toDelete.length >= 25) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), 10);
  }

  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const sks = this.toDelete.splice(0, 25);
    if (sks.length === 0) return this.flushing;
    const previous = this.flushing;
    this.flushing = (async () => {
      await previous;
      try {
        let request: Record<string, unknown>[] | undefined = sks.map((sk) => ({
          DeleteRequest: { Key: { pk: 'BUSQ', sk } },
        }));
        while (request && request.length > 0) {
          const out = await this.ddb.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: request } }));
          request = out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined;
        }
        for (const sk of sks) this.finished.delete(sk);
      } catch (e) {
        this.toDelete.unshift(...sks);
        this.opts.log('bus queue cleanup failed; retrying', { error: message(e) });
        this.flushTimer ??= setTimeout(() => void this.flush(), this.opts.retryBaseMs);
      }
    })();
    if (this.toDelete.length > 0) void this.flush();
    return this.flushing;
  }

  private async remove(item: QueueItem): Promise<void> {
    await this.ddb.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }));
  }

  // At least once: the old queue item goes only after its successor (the retry or the dead letter) is stored.
  private async requeue(item: QueueItem, stored: boolean, change: Partial<QueueItem>, delay: number): Promise<void> {
    const due = this.now() + delay;
    const next: QueueItem = { ...item, ...change, sk: `${padMs(due)}#${this.d.newId()}` };
    await this.ddb.send(new PutCommand({ TableName: this.tableName, Item: next }));
    if (stored) await this.remove(item);
    this.scheduleRetries(delay);
  }

  private async deadLetter(
    t: BusTarget,
    item: QueueItem,
    stored: boolean,
    condition: DeadLetterCondition,
    attempts: number,
    err: unknown,
  ): Promise<void> {
    const letter: DeadLetter = {
      id: this.d.newId(),
      rule: t.rule,
      functionName: t.functionName,
      condition,
      event: item.event,
      attempts,
      error: message(err),
      failedAt: this.d.clock.now(),
    };
    await this.ddb.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: 'DLQ', sk: letter.id, type: 'dead-letter', ...letter } }),
    );
    if (stored) await this.remove(item);
    this.opts.log('event dead-lettered', { rule: t.rule, condition, attempts, error: letter.error });
  }

  private scheduleRetries(delay: number): void {
    if (this.stopped) return;
    const at = this.now() + delay;
    if (this.retryTimer && this.retryAt <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.runRetries();
    }, delay);
    this.retryTimer.unref?.();
  }

  /** Runs every queue item that is due; on a timer, and once at start (a restart resumes the queue). */
  async runRetries(): Promise<void> {
    if (this.retrying) {
      this.again = true;
      return;
    }
    this.retrying = true;
    try {
      do {
        this.again = false;
        await this.runDue();
      } while (this.again && !this.stopped);
      // Arm the timer for the earliest item still waiting.
      const now = this.now();
      const next = await this.ddb.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk > :now',
          ExpressionAttributeValues: { ':pk': 'BUSQ', ':now': dueBound(now) },
          Limit: 1,
        }),
      );
      const first = next.Items?.[0] as QueueItem | undefined;
      if (first) this.scheduleRetries(Math.max(5, Number(first.sk.split('#')[0]) - now));
    } finally {
      this.retrying = false;
    }
  }

  private async runDue(): Promise<void> {
    let start: Record<string, unknown> | undefined;
    const runs: Promise<void>[] = [];
    do {
      const page = await this.ddb.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk <= :now',
          ExpressionAttributeValues: { ':pk': 'BUSQ', ':now': dueBound(this.now()) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of (page.Items ?? []) as QueueItem[]) runs.push(this.dispatch(item));
      start = page.LastEvaluatedKey;
    } while (start && !this.stopped);
    await Promise.all(runs);
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const out: DeadLetter[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.ddb.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'DLQ' },
          ExclusiveStartKey: start,
        }),
      );
      for (const { pk: _pk, sk: _sk, type: _type, ...letter } of page.Items ?? []) out.push(letter as DeadLetter);
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Redrive, as `dlq replay` does against the AWS queues: each dead letter (optionally one rule's, or
   * one) is invoked asynchronously again, with fresh retries, and leaves the store; if it fails again
   * it comes back as a new dead letter. `failed`: letters whose rule no longer exists (kept).
   */
  async replay(filter: { rule?: string; id?: string } = {}): Promise<{ replayed: number; failed: number }> {
    let replayed = 0;
    let failed = 0;
    for (const letter of await this.deadLetters()) {
      if (filter.rule && letter.rule !== filter.rule) continue;
      if (filter.id && letter.id !== filter.id) continue;
      const t = this.byRule.get(letter.rule);
      if (!t) {
        failed++;
        continue;
      }
      const item = this.queueItem(t.rule, letter.event, this.now());
      await this.store([item]);
      await this.ddb.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: 'DLQ', sk: letter.id } }));
      replayed++;
      this.dispatch(item);
    }
    return { replayed, failed };
  }

  /**
   * Delivers everything queued, retries included, without waiting out their delays, until the queue
   * is empty (a target that keeps failing ends in the dead-letter store, as it would have). For the
   * demo history only: its simulated past must not run ahead of its events' subscribers (a court's
   * delegation becomes a case in a subscriber, and the hub dispatches that case next).
   */
  async settle(): Promise<void> {
    for (;;) {
      await this.idle();
      const queued: QueueItem[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.ddb.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'BUSQ' },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        queued.push(...((page.Items ?? []) as QueueItem[]));
        start = page.LastEvaluatedKey;
      } while (start);
      // An item of a rule this runtime no longer has (a queue kept from another wiring) is skipped by
      // the retry scan too; waiting for it would loop for ever.
      const items = queued.filter(
        (i) => !this.finished.has(i.sk) && !this.running.has(i.sk) && this.byRule.has(i.rule),
      );
      if (items.length === 0 || this.stopped) return;
      await Promise.all(items.map((i) => this.dispatch(i)));
    }
  }

  /** Resolves when nothing is being attempted (retries waiting for their time do not count). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
    while (this.toDelete.length > 0) await this.flush();
    await this.flushing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.idle();
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
