import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { emitMetric, METRICS } from '@fazhi/platform/metrics';
import { sweepAlerts } from '../shared/alert-sweep';

export const handler = scheduledHandler(async (d) => {
  const result = await sweepAlerts(d);
  if (result.escalated > 0) emitMetric(METRICS.alertsUnacknowledged, result.escalated);
  return result;
});
