import { eventHandler } from '@fazhi/platform/events/subscriber';
import { continueVerification } from '@fazhi/platform/evidence/verification';

export const handler = eventHandler<{ jobId: string }>(async (event, d) => {
  await continueVerification(d, event.detail.data.jobId);
});
