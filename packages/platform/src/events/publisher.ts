// The publisher port: the relay hands committed outbox events to it. AWS: EventBridge PutEvents;
// local: the in-process bus (packages/local).
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { BusEvent } from './envelope';

export interface EventPublisher {
  /** Resolves once every event is accepted by the bus; rejects if any was not. */
  put(events: readonly BusEvent[]): Promise<void>;
}

export class PublishError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PublishError';
  }
}

export function eventBridgePublisher(busName: string, client = new EventBridgeClient({})): EventPublisher {
  return {
    async put(events) {
      for (let i = 0; i < events.length; i += 10) {
        const batch = events.slice(i, i + 10);
        const out = await client.send(
          new PutEventsCommand({
            Entries: batch.map((e) => ({
              EventBusName: busName,
              Source: e.source,
              DetailType: e.detailType,
              Detail: JSON.stringify(e.detail),
              Time: new Date(e.time),
            })),
          }),
        );
        if ((out.FailedEntryCount ?? 0) > 0) {
          const first = out.Entries?.find((x) => x.ErrorCode);
          throw new PublishError(
            `EventBridge refused ${out.FailedEntryCount} of ${batch.length} events: ${first?.ErrorCode} ${first?.ErrorMessage}`,
          );
        }
      }
    },
  };
}
