// `npm run fazhi -- dlq list|replay --aws`: the same redrive as the local dead-letter store, against
// the deployed stack's SQS dead-letter queues (found by their `fazhi:dead-letter` tag among the
// queues CloudFormation named after the stack). Credentials and region come from the usual AWS
// chain (AWS_PROFILE, AWS_REGION, …). A replay invokes the failed function asynchronously again
// with the original event (as EventBridge would have), fresh retries included, and deletes the
// message only once Lambda has accepted it; a message it could not replay becomes visible again.
// Stream-batch pointers (the relay's DLQ) are not replayable: their events are still pending in
// the outbox and the outbox sweep republishes them; they are listed and left for the operator.
import { lazySdk } from '@fazhi/platform/aws/clients';
import {
  DEAD_LETTER_TAG,
  type DeadLetter,
  type ParsedDeadLetter,
  parseDeadLetterMessage,
} from '@fazhi/platform/events/dead-letter';

const sqs = lazySdk(
  () => import('@aws-sdk/client-sqs'),
  (sdk) => new sdk.SQSClient({}),
);
const lambda = lazySdk(
  () => import('@aws-sdk/client-lambda'),
  (sdk) => new sdk.LambdaClient({}),
);

export interface DeadLetterQueue {
  url: string;
  purpose: string;
}

export async function deadLetterQueues(stackName: string): Promise<DeadLetterQueue[]> {
  const { sdk, client } = await sqs();
  const urls: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new sdk.ListQueuesCommand({ QueueNamePrefix: `${stackName}-`, MaxResults: 1000, NextToken }),
    );
    urls.push(...(page.QueueUrls ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  const out: DeadLetterQueue[] = [];
  for (const url of urls) {
    const tags = await client.send(new sdk.ListQueueTagsCommand({ QueueUrl: url }));
    const purpose = tags.Tags?.[DEAD_LETTER_TAG];
    if (purpose !== undefined) out.push({ url, purpose });
  }
  return out;
}

interface Received {
  queue: DeadLetterQueue;
  receipt: string;
  parsed: ParsedDeadLetter;
}

/** Every message of the queue, each received once (and hidden for `hideSeconds` meanwhile). */
async function receiveAll(queue: DeadLetterQueue, hideSeconds: number): Promise<Received[]> {
  const { sdk, client } = await sqs();
  const out: Received[] = [];
  const seen = new Set<string>();
  for (;;) {
    const page = await client.send(
      new sdk.ReceiveMessageCommand({
        QueueUrl: queue.url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: hideSeconds,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['SentTimestamp'],
      }),
    );
    const fresh = (page.Messages ?? []).filter((m) => m.MessageId && !seen.has(m.MessageId));
    if (fresh.length === 0) return out;
    for (const m of fresh) {
      seen.add(m.MessageId!);
      out.push({ queue, receipt: m.ReceiptHandle!, parsed: parseDeadLetterMessage(m) });
    }
  }
}

async function release(r: Received): Promise<void> {
  const { sdk, client } = await sqs();
  await client.send(
    new sdk.ChangeMessageVisibilityCommand({ QueueUrl: r.queue.url, ReceiptHandle: r.receipt, VisibilityTimeout: 0 }),
  );
}

export async function listAwsDeadLetters(
  stackName: string,
): Promise<{ queue: string; letters: DeadLetter[]; streamBatches: number; unknown: number }[]> {
  const out = [];
  for (const queue of await deadLetterQueues(stackName)) {
    // Hidden for a few seconds while counted, then visible again.
    const got = await receiveAll(queue, 5);
    for (const r of got) await release(r);
    out.push({
      queue: queue.purpose,
      letters: got.flatMap((r) => (r.parsed.kind === 'replayable' ? [r.parsed.letter] : [])),
      streamBatches: got.filter((r) => r.parsed.kind === 'stream-batch').length,
      unknown: got.filter((r) => r.parsed.kind === 'unknown').length,
    });
  }
  return out;
}

export async function replayAwsDeadLetters(
  stackName: string,
  filter: { rule?: string; id?: string } = {},
): Promise<{ replayed: number; failed: number; skipped: number }> {
  let replayed = 0;
  let failed = 0;
  let skipped = 0;
  const { sdk: sqsSdk, client: sqsClient } = await sqs();
  const { sdk: lambdaSdk, client: lambdaClient } = await lambda();
  for (const queue of await deadLetterQueues(stackName)) {
    for (const r of await receiveAll(queue, 300)) {
      const p = r.parsed;
      const wanted =
        p.kind === 'replayable' &&
        (!filter.rule || p.letter.rule === filter.rule) &&
        (!filter.id || p.letter.id === filter.id);
      if (!wanted) {
        if (p.kind !== 'replayable') skipped++;
        await release(r);
        continue;
      }
      try {
        await lambdaClient.send(
          new lambdaSdk.InvokeCommand({
            FunctionName: p.functionArn,
            InvocationType: 'Event',
            Payload: new TextEncoder().encode(JSON.stringify(p.letter.event)),
          }),
        );
        await sqsClient.send(new sqsSdk.DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: r.receipt }));
        replayed++;
      } catch {
        failed++;
        await release(r);
      }
    }
  }
  return { replayed, failed, skipped };
}
