// Feeds the table's stream to the `stream: true` functions (the outbox relay), as the Lambda
// event source mapping does in AWS. Shards open at start are read from LATEST (what was committed
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

export interface StreamPollerOptions {
  endpoint: string;
  streamArn: string;
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>;
  log: (msg: string, extra?: Record<string, unknown>) => void;
  intervalMs?: number;
}

export class StreamPoller {
  private readonly client: DynamoDBStreamsClient;
  private iterators = new Map<string, string | undefined>();
  private known = new Set<string>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private lastDescribe = 0;

  constructor(private readonly opts: StreamPollerOptions) {
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
          const out = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
          const records = out.Records ?? [];
          if (records.length > 0) {
            got += records.length;
            await this.deliver(records);
          }
          this.iterators.set(shard, out.NextShardIterator);
        }
      } catch (e) {
        if (e instanceof ExpiredIteratorException) this.known.clear();
        if (!this.stopped) this.opts.log('stream poll failed; retrying', { error: (e as Error).message });
        await new Promise((r) => setTimeout(r, 500));
      }
      if (got === 0) await new Promise((r) => setTimeout(r, interval));
    }
  }

  private async deliver(records: _Record[]): Promise<void> {
    const event = { Records: records } as unknown as DynamoDBStreamEvent;
    // Like a Lambda event source mapping with retries: keep trying the batch until it succeeds.
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        await this.opts.handler(event);
        return;
      } catch (e) {
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
