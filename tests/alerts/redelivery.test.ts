// A stream batch delivered twice (a Lambda that timed out after its work, a retried batch) must not
// publish twice or send a second SMS: the relay re-reads the published mark, the SMS sender claims
// the alert event's id. The batch redelivered here is the real one: read back from the table's
// stream, as the event source mapping hands it to the relay.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as notify } from '../../functions/alerts/notify/handler';
import { handler as relay } from '../../functions/platform/outbox-relay/handler';
import type { LocalRuntime } from '../../packages/local/src/runtime';
import { recordingNotifier } from '../../packages/platform/src/alert-notifier';
import type { BusEvent, DeliveredEvent } from '../../packages/platform/src/events/envelope';
import { type Api, apiOf, eventually, login, startTestRuntime } from '../support/runtime';

const HOUR = 3_600_000;
const local = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

async function streamRecords(rt: LocalRuntime) {
  const table = await new DynamoDBClient({ endpoint: rt.ddbEndpoint, ...local }).send(
    new DescribeTableCommand({ TableName: rt.tableName }),
  );
  const streams = new DynamoDBStreamsClient({ endpoint: rt.ddbEndpoint, ...local });
  const StreamArn = table.Table!.LatestStreamArn!;
  const shards = (await streams.send(new DescribeStreamCommand({ StreamArn }))).StreamDescription!.Shards ?? [];
  const records = [];
  for (const shard of shards) {
    let it = (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
      )
    ).ShardIterator;
    for (let i = 0; it && i < 50; i++) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 1000 }));
      records.push(...(page.Records ?? []));
      if ((page.Records ?? []).length === 0) break;
      it = page.NextShardIterator;
    }
  }
  return records;
}

describe('a redelivered stream batch', () => {
  let rt: LocalRuntime;
  let api: Api;
  const notifier = recordingNotifier();
  const published: BusEvent[] = [];

  beforeAll(async () => {
    rt = await startTestRuntime({ clock: 'virtual' });
    rt.deps.notifier = notifier;
    const put = rt.deps.publisher.put.bind(rt.deps.publisher);
    rt.deps.publisher.put = async (events) => {
      published.push(...events);
      await put(events);
    };
    api = apiOf(rt.baseUrl);
  });
  afterAll(async () => rt?.stop());

  it('publishes nothing twice and sends no second SMS', async () => {
    // Prepare: an incident reported late raises a warning alert at once, which goes out by SMS
    const officer = await login(api, 'propaganda.duty');
    const now = (await api('GET', '/_local/clock')).json.nowMs as number;
    const opened = await api('POST', '/v1/opinion-incidents', {
      token: officer,
      headers: { 'idempotency-key': 'redelivery' },
      body: {
        title: '城西化工园区异味',
        level: 'II',
        occurredAt: new Date(now - 4.8 * HOUR).toISOString(),
        discoveredAt: new Date(now - HOUR).toISOString(),
        responsibleDepartmentId: 'propaganda',
        summary: '群众反映城西化工园区周边有刺激性气味。',
      },
    });
    expect(opened.status, opened.text).toBe(201);
    const sms = await eventually(async () => notifier.sent[0], 'the warning SMS');
    const raised = await eventually(
      async () =>
        published.find((e) => e.detailType === 'Alert.Raised' && (e.detail.data as any).alertId === sms.alertId),
      'Alert.Raised on the bus',
    );
    const batch = (await streamRecords(rt)).filter(
      (r) => r.eventName === 'INSERT' && unmarshall(r.dynamodb!.NewImage as any).type === 'event',
    );
    const raisedRecord = batch.find(
      (r) => unmarshall(r.dynamodb!.NewImage as any).eventId === raised.detail.meta.eventId,
    );
    expect(raisedRecord, 'the Alert.Raised item is in the stream').toBeDefined();
    const publishedBefore = published.length;
    const sentBefore = notifier.sent.length;

    // Act: the same stream batch again, and the Alert.Raised delivery again (as a bus retry would)
    const again = await relay({ Records: batch } as unknown as DynamoDBStreamEvent);
    const delivered: DeliveredEvent = {
      version: '0',
      id: 'redelivered',
      'detail-type': raised.detailType,
      source: raised.source,
      account: '000000000000',
      time: raised.time,
      region: 'local',
      resources: [],
      detail: raised.detail,
    };
    await notify(delivered as never);

    // Assess
    expect(again.relayed).toBe(0);
    expect(published.length).toBe(publishedBefore);
    expect(notifier.sent.length).toBe(sentBefore);
    expect(notifier.sent.filter((m) => m.alertId === sms.alertId)).toHaveLength(1);
  });
});
