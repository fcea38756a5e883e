import { pendingEvents, relayEvents } from '@fazhi/platform/events/relay';
import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { emitMetric, METRICS } from '@fazhi/platform/metrics';

export const handler = scheduledHandler(async (d) => {
  // Younger pending events are still in the stream relay's hands; leave them be.
  const now = d.clock.now();
  const stale = await pendingEvents(d, now - d.outboxStaleMs);
  // Every run, 0 included: anything here is an event the stream relay did not publish in time
  // (oldest first), and a sweep that stops running leaves the metric missing, which alarms.
  emitMetric(METRICS.outboxOldestPending, stale.length > 0 ? (now - stale[0]!.createdAt) / 1000 : 0);
  return { relayed: await relayEvents(d, stale) };
});
