import { sweepDueClocks } from '@fazhi/platform/clocks/sweep';
import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';

export const handler = scheduledHandler(async (d) => {
  const result = await sweepDueClocks(d, { lookaheadMs: d.clockLookaheadMs });
  if (result.due > 0) logger.info('clocks swept', { ...result });
  return result;
});
