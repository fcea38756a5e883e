// The local event bus: routes by the wirings' patterns, delivers to the same handlers as AWS.
// Durability matches what the relay needs: `put` resolves once every target has either taken the
// event or had it persisted for retry, so an event marked published is never only in memory.
// Failed deliveries retry with exponential backoff from a table-backed queue, then land in the
// dead-letter store (also in the table), from which `replay` sends them again.
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dueBound, padMs } from '@fazhi/platform/ddb/due-index';
import type { PlatformDeps } from '@fazhi/platform/deps';
import type { BusEvent, DeliveredEvent } from '@fazhi/platform/events/envelope';
import type { EventPublisher } from '@fazhi/platform/events/publisher';
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { type CompiledPattern, compilePattern } from './pattern';

export interface BusTarget {
  rule: string;
  functionName: string;
  matches: CompiledPattern;
  maxAttempts: number;
  invoke: (event: DeliveredEvent) => Promise<unknown>;
}

export interface DeadLetter {
  id: string;
  rule: string;
  functionName: string;
  event: DeliveredEvent;
  attempts: number;
  error: string;
  failedAt: number;
}

interface RetryItem {
  pk: 'BUSRETRY';
  sk: string;
  rule: string;
  event: DeliveredEvent;
  attempts: number;
  lastError: string;
}

export interface LocalBusOptions {
  /** First retry delay; doubles each attempt (EventBridge uses a similar jittered backoff). */
  retryBaseMs: number;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

export function buildTargets(
  functions: FunctionWiring[],
  load: (w: FunctionWiring) => Promise<(e: DeliveredEvent) => Promise<unknown>>,
): BusTarget[] {
  const targets: BusTarget[] = [];
  for (const w of functions) {
    for (const s of w.subscriptions ?? []) {
      // Throws PatternError at start for anything outside the supported subset.
      const matches = compilePattern(s.pattern);
      let handler: ((e: DeliveredEvent) => Promise<unknown>) | undefined;
      targets.push({
        rule: s.name,
        functionName: w.name,
        matches,
        maxAttempts: s.maxAttempts ?? 3,
        invoke: async (e) => {
          handler ??= await load(w);
          return handler(e);
        },
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
  private inflight = new Set<Promise<unknown>>();

  constructor(
    private readonly d: PlatformDeps,
    private readonly targets: BusTarget[],
    private readonly opts: LocalBusOptions,
  ) {}

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

  async put(events: readonly BusEvent[]): Promise<void> {
    const work: Promise<void>[] = [];
    for (const e of events) {
      const delivered = this.envelope(e);
      const asRecord = delivered as unknown as Record<string, unknown>;
      for (const t of this.targets) if (t.matches(asRecord)) work.push(this.firstAttempt(t, delivered));
    }
    await Promise.all(work);
  }

  private async firstAttempt(t: BusTarget, event: DeliveredEvent): Promise<void> {
    try {
      await t.invoke(event);
    } catch (e) {
      await this.failed(t, event, 1, e);
    }
  }

  private async failed(t: BusTarget, event: DeliveredEvent, attempts: number, err: unknown): Promise<void> {
    const error = err instanceof Error ? err.message : String(err);
    if (attempts >= t.maxAttempts) {
      const letter: DeadLetter = {
        id: this.d.newId(),
        rule: t.rule,
        functionName: t.functionName,
        event,
        attempts,
        error,
        failedAt: this.d.clock.now(),
      };
      await this.d.ddb.send(
        new PutCommand({
          TableName: this.d.tableName,
          Item: { pk: 'DLQ', sk: letter.id, type: 'dead-letter', ...letter },
        }),
      );
      this.opts.log('event dead-lettered', { rule: t.rule, eventId: event.detail.meta.eventId, attempts, error });
      return;
    }
    const delay = this.opts.retryBaseMs * 2 ** (attempts - 1);
    // Retries wait in real time: backoff protects a struggling receiver, whatever the virtual clock says.
    const due = Date.now() + delay;
    const item: RetryItem = {
      pk: 'BUSRETRY',
      sk: `${padMs(due)}#${this.d.newId()}`,
      rule: t.rule,
      event,
      attempts,
      lastError: error,
    };
    await this.d.ddb.send(new PutCommand({ TableName: this.d.tableName, Item: { type: 'bus-retry', ...item } }));
    this.scheduleRetries(delay);
  }

  private scheduleRetries(delay: number): void {
    const at = Date.now() + delay;
    if (this.retryTimer && this.retryAt <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.runRetries();
    }, delay);
    this.retryTimer.unref?.();
  }

  /** Processes every retry that is due; called on a timer and once at start (a restart resumes them). */
  async runRetries(): Promise<void> {
    if (this.retrying) {
      this.again = true;
      return;
    }
    this.retrying = true;
    const run = (async () => {
      try {
        do {
          this.again = false;
          await this.retryDue();
        } while (this.again);
        // Arm the timer for the earliest retry still waiting (new ones may have been added meanwhile).
        const next = await this.d.ddb.send(
          new QueryCommand({
            TableName: this.d.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'BUSRETRY' },
            Limit: 1,
          }),
        );
        const first = next.Items?.[0] as RetryItem | undefined;
        if (first) this.scheduleRetries(Math.max(5, Number(first.sk.split('#')[0]) - Date.now()));
      } finally {
        this.retrying = false;
      }
    })();
    this.inflight.add(run);
    await run.finally(() => this.inflight.delete(run));
  }

  private async retryDue(): Promise<void> {
    const now = Date.now();
    const page = await this.d.ddb.send(
      new QueryCommand({
        TableName: this.d.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :now',
        ExpressionAttributeValues: { ':pk': 'BUSRETRY', ':now': dueBound(now) },
        Limit: 100,
      }),
    );
    for (const item of (page.Items ?? []) as RetryItem[]) {
      // At least once: the retry item goes only after its outcome (success, or the next retry) is stored.
      const t = this.targets.find((x) => x.rule === item.rule);
      if (t) {
        try {
          await t.invoke(item.event);
        } catch (e) {
          await this.failed(t, item.event, item.attempts + 1, e);
        }
      }
      await this.d.ddb.send(new DeleteCommand({ TableName: this.d.tableName, Key: { pk: item.pk, sk: item.sk } }));
    }
    if (page.LastEvaluatedKey) this.again = true;
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const out: DeadLetter[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.d.ddb.send(
        new QueryCommand({
          TableName: this.d.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'DLQ' },
          ExclusiveStartKey: start,
        }),
      );
      out.push(...((page.Items ?? []) as DeadLetter[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Sends dead letters to their target again (optionally only one rule's); failures go back to the store. */
  async replay(filter: { rule?: string; id?: string } = {}): Promise<{ replayed: number; failed: number }> {
    let replayed = 0;
    let failed = 0;
    for (const letter of await this.deadLetters()) {
      if (filter.rule && letter.rule !== filter.rule) continue;
      if (filter.id && letter.id !== filter.id) continue;
      const t = this.targets.find((x) => x.rule === letter.rule);
      if (!t) continue;
      try {
        await t.invoke(letter.event);
        replayed++;
        await this.d.ddb.send(new DeleteCommand({ TableName: this.d.tableName, Key: { pk: 'DLQ', sk: letter.id } }));
      } catch (e) {
        failed++;
        const error = e instanceof Error ? e.message : String(e);
        await this.d.ddb.send(
          new PutCommand({
            TableName: this.d.tableName,
            Item: {
              pk: 'DLQ',
              sk: letter.id,
              type: 'dead-letter',
              ...letter,
              attempts: letter.attempts + 1,
              error,
              failedAt: this.d.clock.now(),
            },
          }),
        );
      }
    }
    return { replayed, failed };
  }

  async stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await Promise.allSettled([...this.inflight]);
  }
}
