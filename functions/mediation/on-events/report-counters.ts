// The monthly report's counters, kept up from the case's own events (never by scanning cases):
// each reported step adds to its month's counters once, however often the bus delivers it
// (shared/report-store.ts). The structure at the time of the event names an organisation's channel.
import { type CaseEventData, incrementOf, type ReportedType } from '@fazhi/domain/mediation/report';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { requireStructure } from '../shared/config-store';
import { countOnce } from '../shared/report-store';

export const handler = eventHandler<CaseEventData>(async (event, d) => {
  const type = event['detail-type'] as ReportedType;
  const inc = incrementOf(type, event.detail.data, await requireStructure(d));
  if (!inc) return;
  const counted = await countOnce(d, event.detail.meta.eventId, type, inc);
  if (!counted) logger.info('mediation event already counted', { type });
});
