// Platform deps over a fresh table, without the rest of the runtime: for tests that drive handlers
// directly on a clock they control. Load tests take a DynamoDB Local of their own: DynamoDB Local
// serialises writes behind one lock, and thousands of writes would make the run's other files
// time out waiting for it.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../packages/domain/src/clock';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../packages/local/src/dynamodb-local';
import { ensureTable } from '../../packages/local/src/tables';
import { recordingNotifier } from '../../packages/platform/src/alert-notifier';
import { documentClient, idFactory, type PlatformDeps } from '../../packages/platform/src/deps';
import type { BusEvent } from '../../packages/platform/src/events/envelope';
import { noLinkMac } from '../../packages/platform/src/secrets/link-tokens';
import { noSecrets } from '../../packages/platform/src/secrets/webhook-secrets';
import { testDdbEndpoint } from '../support/ddb-endpoint';

export type BareDeps = PlatformDeps & {
  notifier: ReturnType<typeof recordingNotifier>;
  published: BusEvent[];
  /** Stops the private DynamoDB Local, if one was started. */
  stop(): Promise<void>;
};

export async function bareDeps(clock: Clock, name: string, opts: { ownDynamoDb?: boolean } = {}): Promise<BareDeps> {
  const own: DynamoDbLocal | undefined = opts.ownDynamoDb ? await startDynamoDbLocal() : undefined;
  const raw = new DynamoDBClient({
    endpoint: own?.endpoint ?? testDdbEndpoint(),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const tableName = `${name}${process.pid}x${Math.random().toString(36).slice(2, 8)}`;
  await ensureTable(raw, tableName);
  const published: BusEvent[] = [];
  return {
    clock,
    ddb: documentClient(raw),
    tableName,
    publisher: {
      put: async (events) => {
        published.push(...events);
      },
    },
    tokens: { verify: () => Promise.reject(new Error('no people in this test')) },
    // As the local runtime: just under its one-second tick.
    clockLookaheadMs: 750,
    webhooks: {
      send: () => Promise.reject(new Error('no webhooks in this test')),
      check: () => Promise.reject(new Error('no webhooks in this test')),
    },
    notifier: recordingNotifier(),
    secrets: noSecrets,
    sms: { channel: 'log', send: () => Promise.reject(new Error('no text messages here')) },
    links: noLinkMac,
    webUrl: '',
    newId: idFactory(clock),
    inboxSettleMs: 0,
    outboxStaleMs: 60_000,
    published,
    stop: async () => {
      await own?.stop();
    },
  };
}
