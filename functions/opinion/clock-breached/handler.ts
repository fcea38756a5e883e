import { recordClockBreach } from '@fazhi/domain/opinion/incident-state';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { NotFoundError } from '@fazhi/platform/errors';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { getIncident, putIncident } from '../shared/incident-store';
import { incidentBreaches } from '../shared/subject';

// A redelivery, or a breach arriving after the milestone met the clock, finds the clock no longer
// running and changes nothing.
export const handler = eventHandler(async (event, d) => {
  const { clockId, subject, at } = incidentBreaches.parse(event).data;
  await decideAgainOnConflict(async () => {
    let incident: Awaited<ReturnType<typeof getIncident>>;
    try {
      incident = await getIncident(d, subject.id);
    } catch (e) {
      if (e instanceof NotFoundError) return logger.warn('breach of an unknown incident', { clockId, subject });
      throw e;
    }
    if (!incident.clocks.some((c) => c.id === clockId)) return;
    const next = recordClockBreach(incident, clockId, Date.parse(at));
    if (next.state !== incident) await commit(d, [putIncident(d, next.state)]);
  });
});
