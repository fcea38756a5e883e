import { recipientsOf } from '@fazhi/domain/exchange/rights';
import { findCatalogEntry } from '@fazhi/events/catalog';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { listDepartments } from '@fazhi/platform/repos/departments';
import { deliverAll, recordRefusal, sharedEventFor } from '../shared/deliveries';

export const handler = eventHandler(async (event, d) => {
  const entry = findCatalogEntry(event['detail-type']);
  if (!entry) return;
  const eventId = event.detail.meta.eventId;
  const sender = event.source.startsWith('dept.') ? event.source.slice(5) : undefined;
  const departments = await listDepartments(d);
  const { deliver, refused } = recipientsOf(entry, event.detail.data, departments, sender);
  const item = {
    eventId,
    source: event.source,
    detailType: event['detail-type'],
    time: event.time,
    detail: event.detail,
  };
  const recipients = deliver.flatMap((departmentId) => {
    const dept = departments.find((x) => x.id === departmentId);
    return dept
      ? [{ departmentId, event: sharedEventFor(dept, item), hasWebhook: Boolean(dept.webhook?.enabled) }]
      : [];
  });
  await deliverAll(d, recipients);
  for (const r of refused) await recordRefusal(d, eventId, r.departmentId, r.reason);
  logger.info('event shared', { eventId, delivered: deliver.length, refused: refused.length });
});
