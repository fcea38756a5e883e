import { pendingEvents, relayEvents } from '@fazhi/platform/events/relay';
import { scheduledHandler } from '@fazhi/platform/events/subscriber';

export const handler = scheduledHandler(async (d) => {
  // Younger pending events are still in the stream relay's hands; leave them be.
  const stale = await pendingEvents(d, d.clock.now() - d.outboxStaleMs);
  return { relayed: await relayEvents(d, stale) };
});
