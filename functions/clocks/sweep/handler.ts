import { sweepDueClocks } from '@fazhi/platform/clocks/sweep';
import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { emitMetric, METRICS } from '@fazhi/platform/metrics';

export const handler = scheduledHandler(async (d) => {
  const result = await sweepDueClocks(d, { lookaheadMs: d.clockLookaheadMs });
  if (result.due > 0) logger.info('clocks swept', { ...result });
  // Every run, 0 included: a sweep that stops running leaves the metric missing, which alarms.
  emitMetric(METRICS.clockSweepLag, result.lagMs / 1000);
  if (result.breaches > 0) emitMetric(METRICS.deadlinesBreached, result.breaches);
  return result;
});
