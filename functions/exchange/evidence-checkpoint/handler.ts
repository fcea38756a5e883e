import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { writeCheckpoint } from '@fazhi/platform/evidence/verification';
import { logger } from '@fazhi/platform/logger';

export const handler = scheduledHandler(async (d) => {
  const report = await writeCheckpoint(d);
  // A broken chain is an incident: the error line is what the log alarm and the operator see.
  if (!report.ok) logger.error('evidence chain broken; no checkpoint written', { problem: report.problem });
  return { ok: report.ok, checked: report.checked, head: report.head.seq };
});
