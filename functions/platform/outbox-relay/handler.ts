import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { EVENT_ITEM_TYPE, type EventItem } from '@fazhi/platform/ddb/outbox';
import { deps } from '@fazhi/platform/deps';
import { relayEvents } from '@fazhi/platform/events/relay';
import type { DynamoDBStreamEvent } from 'aws-lambda';

export async function handler(event: DynamoDBStreamEvent): Promise<{ relayed: number }> {
  const items = event.Records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage)
    .map((r) => unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>) as EventItem)
    .filter((i) => i.type === EVENT_ITEM_TYPE);
  return { relayed: await relayEvents(deps(), items) };
}
