// Feeds the table's stream to the `stream: true` functions (the outbox relay), as the Lambda
// event source mapping does in AWS: the mapping's filter (OUTBOX_STREAM_FILTER, applied with the
// local bus's pattern matcher, so a record passes here exactly when it passes in AWS), its batch
// size, its bounded retries of a failing batch. Shards open at start are read from LATEST (what was committed
// before start is drained from the pending index instead); shards that appear later from their start.
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { type CompiledPattern, compilePattern } from './bus/pattern';

export interface StreamPollerOptions {
  endpoint: string;
  streamArn: string;
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>;
  log: (msg: string, extra?: Record<string, unknown>) => void;
  intervalMs?: number;
  /** The event source mapping's filter (EventBridge pattern syntax over the stream record). */
  filter: Record<string, unknown>;
  /** Records per invocation, as the mapping's BatchSize. */
  batchSize: number;
  /** Retries of a failing batch before it is given up (its items stay pending for the sweep). */
  retryAttempts: number;
}

export class StreamPoller {
  private readonly client: DynamoDBStreamsClient;
  private iterators = new Map<string, string | undefined>();
  private known = new Set<string>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private lastDescribe = 0;
  private prefetched = new Map<string, ReturnType<StreamPoller['read']>>();
  private readonly passes: CompiledPattern;

  constructor(private readonly opts: StreamPollerOptions) {
    this.passes = compilePattern(opts.filter);
    this.client = new DynamoDBStreamsClient({
      endpoint: opts.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  async start(): Promise<void> {
    await this.discover(true);
    this.loop = this.run();
  }

  private async discover(initial: boolean): Promise<void> {
    const out = await this.client.send(new DescribeStreamCommand({ StreamArn: this.opts.streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (this.known.has(id)) continue;
      this.known.add(id);
      const closed = Boolean(shard.SequenceNumberRange?.EndingSequenceNumber);
      if (initial && closed) continue;
      const it = await this.client.send(
        new GetShardIteratorCommand({
          StreamArn: this.opts.streamArn,
          ShardId: id,
          ShardIteratorType: initial ? 'LATEST' : 'TRIM_HORIZON',
        }),
      );
      this.iterators.set(id, it.ShardIterator);
    }
    this.lastDescribe = Date.now();
  }

  private async run(): Promise<void> {
    const interval = this.opts.intervalMs ?? 50;
    while (!this.stopped) {
      let got = 0;
      try {
        if (Date.now() - this.lastDescribe > 1000) await this.discover(false);
        for (const [shard, iterator] of this.iterators) {
          if (!iterator) {
            this.iterators.delete(shard);
            continue;
          }
          const out = await (this.prefetched.get(shard) ?? this.read(iterator));
          this.prefetched.delete(shard);
          const records = out.Records ?? [];
          got += records.length;
          // A filtered-out record is consumed without an invocation, as in AWS.
          const passing = records.filter((r) => this.passes(r as unknown as Record<string, unknown>));
          // While the relay runs, the next read is already on its way (as the mapping's poller does).
          if (passing.length > 0 && out.NextShardIterator) {
            const next = this.read(out.NextShardIterator);
            next.catch(() => undefined);
            this.prefetched.set(shard, next);
          }
          for (let i = 0; i < passing.length; i += this.opts.batchSize)
            await this.deliver(passing.slice(i, i + this.opts.batchSize));
          this.iterators.set(shard, out.NextShardIterator);
        }
      } catch (e) {
        this.prefetched.clear();
        if (e instanceof ExpiredIteratorException) this.known.clear();
        if (!this.stopped) this.opts.log('stream poll failed; retrying', { error: (e as Error).message });
        await new Promise((r) => setTimeout(r, 500));
      }
      if (got === 0) await new Promise((r) => setTimeout(r, interval));
    }
  }

  private read(iterator: string) {
    return this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
  }

  private async deliver(records: _Record[]): Promise<void> {
    const event = { Records: records } as unknown as DynamoDBStreamEvent;
    // Like the event source mapping: the batch is retried a bounded number of times, then given up
    // (in AWS its pointer goes to the stream's DLQ); its event items stay pending in the outbox index,
    // where the outbox sweep republishes them.
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.opts.handler(event);
        return;
      } catch (e) {
        if (attempt > this.opts.retryAttempts) {
          this.opts.log('stream batch given up after its retries; the outbox sweep republishes it', {
            attempts: attempt,
            error: (e as Error).message,
          });
          return;
        }
        this.opts.log('stream handler failed; retrying the batch', { attempt, error: (e as Error).message });
        await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** attempt)));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}
