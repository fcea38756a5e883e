// The SQS messages `dlq replay --aws` reads, in the forms AWS documents for each writer.
import { describe, expect, it } from 'vitest';
import { parseDeadLetterMessage } from './dead-letter';

const event = {
  version: '0',
  id: 'b1d5c5a2-0000-4000-8000-000000000001',
  'detail-type': 'Exchange.WebhookDeliveryRequested',
  source: 'fazhi.exchange',
  account: '123456789012',
  time: '2026-12-02T01:00:00Z',
  region: 'cn-north-1',
  resources: [],
  detail: { meta: { eventId: '01KJ' }, data: { eventId: '01KH', departmentId: 'procuratorate' } },
};

describe('parseDeadLetterMessage', () => {
  it('reads a Lambda on-failure destination record as a replayable letter of the function', () => {
    // Prepare: the record Lambda sends to an SQS destination after its retries
    const body = {
      version: '1.0',
      timestamp: '2026-12-02T01:03:05.568Z',
      requestContext: {
        requestId: 'e4b46cbf-b738-xmpl-8880-a18cdf61200e',
        functionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:Fazhi-exchangedeliverwebhook-AbC:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: {
        errorType: 'WebhookDeliveryFailed',
        errorMessage: 'webhook of procuratorate failed: HTTP 500',
      },
    };

    // Act
    const out = parseDeadLetterMessage({ MessageId: 'm-1', Body: JSON.stringify(body) });

    // Assess
    expect(out).toEqual({
      kind: 'replayable',
      functionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:Fazhi-exchangedeliverwebhook-AbC',
      letter: {
        id: 'm-1',
        rule: '',
        functionName: 'Fazhi-exchangedeliverwebhook-AbC',
        condition: 'RetriesExhausted',
        event,
        attempts: 3,
        error: 'webhook of procuratorate failed: HTTP 500',
        failedAt: Date.parse('2026-12-02T01:03:05.568Z'),
      },
    });
  });

  it('reads an EventBridge rule DLQ message (the event, the failure in attributes)', () => {
    // Prepare
    const attrs = {
      RULE_ARN: 'arn:aws:events:cn-north-1:123456789012:rule/fazhi/exchange-deliver-webhook-requests',
      TARGET_ARN: 'arn:aws:lambda:cn-north-1:123456789012:function:Fazhi-deliver-X',
      ERROR_CODE: 'SDK_CLIENT_ERROR',
      ERROR_MESSAGE: 'Rate exceeded',
      RETRY_ATTEMPTS: '4',
    };

    // Act
    const out = parseDeadLetterMessage({
      MessageId: 'm-2',
      Body: JSON.stringify(event),
      Attributes: { SentTimestamp: '1764637200000' },
      MessageAttributes: Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, { StringValue: v }])),
    });

    // Assess
    expect(out).toMatchObject({
      kind: 'replayable',
      functionArn: attrs.TARGET_ARN,
      letter: {
        rule: 'exchange-deliver-webhook-requests',
        functionName: 'Fazhi-deliver-X',
        condition: 'DeliveryFailed',
        attempts: 5,
        error: 'SDK_CLIENT_ERROR: Rate exceeded',
        failedAt: 1764637200000,
        event,
      },
    });
  });

  it('recognises a stream batch pointer and anything else as not replayable', () => {
    // Prepare
    const pointer = {
      requestContext: {
        requestId: 'x',
        functionArn: 'arn:aws:lambda:r:a:function:relay',
        condition: 'RetryAttemptsExhausted',
      },
      version: '1.0',
      DDBStreamBatchInfo: { shardId: 'shardId-1', batchSize: 25 },
    };

    // Act
    const stream = parseDeadLetterMessage({ MessageId: 's', Body: JSON.stringify(pointer) });
    const junk = parseDeadLetterMessage({ MessageId: 'j', Body: 'not json' });

    // Assess
    expect(stream).toEqual({ kind: 'stream-batch', id: 's', info: pointer.DDBStreamBatchInfo });
    expect(junk).toEqual({ kind: 'unknown', id: 'j', body: 'not json' });
  });
});
