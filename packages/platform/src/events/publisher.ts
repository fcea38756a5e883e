// The publisher port: the relay hands committed outbox events to it. AWS: EventBridge PutEvents;
// local: the in-process bus (packages/local).
import { eventBridge } from '../aws/clients';
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

export function eventBridgePublisher(busName: string, sdk = eventBridge): EventPublisher {
  return {
    async put(events) {
      if (events.length === 0) return;
      const { sdk: eb, client } = await sdk();
      for (let i = 0; i < events.length; i += 10) {
        const batch = events.slice(i, i + 10);
        const out = await client.send(
          new eb.PutEventsCommand({
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
