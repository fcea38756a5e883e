// One record shape for a failed asynchronous invocation, wherever it was kept: the local bus's
// dead-letter store writes it; in AWS it is read back from the SQS messages that EventBridge (a
// rule's DLQ) and Lambda (a function's on-failure destination) write. `dlq list` and `dlq replay`
// read only this shape.

/** Tag on every dead-letter queue of the stack (its value: what fails into it). */
export const DEAD_LETTER_TAG = 'fazhi:dead-letter';

/**
 * `DeliveryFailed`: EventBridge could not hand the event to the function (rule DLQ);
 * `RetriesExhausted` / `EventAgeExceeded`: the function failed on every Lambda attempt, or the event
 * grew too old to retry (on-failure destination).
 */
export type DeadLetterCondition = 'DeliveryFailed' | 'RetriesExhausted' | 'EventAgeExceeded';

export interface DeadLetter {
  id: string;
  /** The subscription or schedule whose target failed ('' when AWS does not say which). */
  rule: string;
  functionName: string;
  condition: DeadLetterCondition;
  /** The event the function was (to be) invoked with; a replay invokes it with this again. */
  event: Record<string, unknown>;
  /** Deliveries (DeliveryFailed) or invocations (otherwise) made. */
  attempts: number;
  error: string;
  /** Epoch ms. */
  failedAt: number;
}

/** `arn:aws:lambda:r:a:function:name[:qualifier]` → name. */
export function functionNameOfArn(arn: string): string {
  const parts = arn.split(':');
  const i = parts.indexOf('function');
  return i >= 0 && parts[i + 1] ? parts[i + 1]! : arn;
}

/** `arn:aws:lambda:r:a:function:name:$LATEST` → the unqualified ARN. */
export function unqualifiedFunctionArn(arn: string): string {
  const parts = arn.split(':');
  const i = parts.indexOf('function');
  return i >= 0 ? parts.slice(0, i + 2).join(':') : arn;
}

/** `arn:aws:events:r:a:rule/[bus/]name` → name. */
export function ruleNameOfArn(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

export interface SqsMessageLike {
  MessageId?: string;
  Body?: string;
  Attributes?: Record<string, string>;
  MessageAttributes?: Record<string, { StringValue?: string }>;
}

export type ParsedDeadLetter =
  | { kind: 'replayable'; letter: DeadLetter; functionArn: string }
  /** A stream batch's pointer: nothing to replay (the outbox sweep republishes its items). */
  | { kind: 'stream-batch'; id: string; info: unknown }
  | { kind: 'unknown'; id: string; body: string };

/** Reads a message of a Fazhi dead-letter queue (rule DLQ, on-failure destination or stream DLQ). */
export function parseDeadLetterMessage(m: SqsMessageLike): ParsedDeadLetter {
  const id = m.MessageId ?? '';
  const body = m.Body ?? '';
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { kind: 'unknown', id, body };
  }
  const sentAt = Number(m.Attributes?.SentTimestamp ?? Number.NaN);
  const ctx = json.requestContext as
    | { functionArn?: string; condition?: string; approximateInvokeCount?: number }
    | undefined;
  if (json.DDBStreamBatchInfo) return { kind: 'stream-batch', id, info: json.DDBStreamBatchInfo };
  if (ctx?.functionArn && json.requestPayload && typeof json.requestPayload === 'object') {
    // Lambda's on-failure destination record.
    const payload = json.requestPayload as Record<string, unknown>;
    const response = json.responsePayload as { errorMessage?: string; errorType?: string } | undefined;
    const resources = Array.isArray(payload.resources) ? (payload.resources as string[]) : [];
    return {
      kind: 'replayable',
      functionArn: unqualifiedFunctionArn(ctx.functionArn),
      letter: {
        id,
        rule: resources[0] ? ruleNameOfArn(resources[0]) : '',
        functionName: functionNameOfArn(ctx.functionArn),
        condition: ctx.condition === 'EventAgeExceeded' ? 'EventAgeExceeded' : 'RetriesExhausted',
        event: payload,
        attempts: ctx.approximateInvokeCount ?? 0,
        error: response?.errorMessage ?? response?.errorType ?? String(ctx.condition ?? 'failed'),
        failedAt: typeof json.timestamp === 'string' ? Date.parse(json.timestamp) : sentAt,
      },
    };
  }
  const attr = (k: string) => m.MessageAttributes?.[k]?.StringValue;
  const target = attr('TARGET_ARN');
  if (target) {
    // EventBridge's rule DLQ: the event itself, the failure in message attributes.
    return {
      kind: 'replayable',
      functionArn: unqualifiedFunctionArn(target),
      letter: {
        id,
        rule: ruleNameOfArn(attr('RULE_ARN') ?? ''),
        functionName: functionNameOfArn(target),
        condition: 'DeliveryFailed',
        event: json,
        attempts: Number(attr('RETRY_ATTEMPTS') ?? 0) + 1,
        error: [attr('ERROR_CODE'), attr('ERROR_MESSAGE')].filter(Boolean).join(': ') || 'delivery failed',
        failedAt: sentAt,
      },
    };
  }
  return { kind: 'unknown', id, body };
}
