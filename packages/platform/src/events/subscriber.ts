// The edge of every event subscriber: correlation id on the logs, the deps, and errors thrown on so
// the bus retries (EventBridge in AWS, the local bus locally) and finally dead-letters.
import { deps, type PlatformDeps } from '../deps';
import { logger } from '../logger';
import type { DeliveredEvent } from './envelope';

export function eventHandler<D = unknown>(fn: (event: DeliveredEvent<D>, d: PlatformDeps) => Promise<void>) {
  return async (event: DeliveredEvent<D>): Promise<void> => {
    logger.appendKeys({
      correlationId: event.detail?.meta?.correlationId,
      eventId: event.detail?.meta?.eventId,
      detailType: event['detail-type'],
    });
    try {
      await fn(event, deps());
    } catch (error) {
      logger.error('event handling failed; the bus will retry', { error: error as Error });
      throw error;
    } finally {
      logger.removeKeys(['correlationId', 'eventId', 'detailType']);
    }
  };
}

export function scheduledHandler(fn: (d: PlatformDeps) => Promise<unknown>) {
  return async (): Promise<unknown> => fn(deps());
}
