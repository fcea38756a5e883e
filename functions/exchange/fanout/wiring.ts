import { catalog } from '@fazhi/events/catalog';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

/** Every catalog type that departments may receive. */
const shared = catalog.filter((e) => Object.keys(e.subscribers).length > 0).map((e) => e.detailType);

export const fanoutWiring = defineFunction({
  name: 'exchange-fanout',
  service: 'exchange',
  description: 'Shares each catalog event with every entitled department: inbox item, receipt, webhook request',
  entry: entryOf(import.meta.url),
  subscriptions: [{ name: 'exchange-fanout-shared-events', pattern: { 'detail-type': shared }, maxAttempts: 8 }],
  permissions: [],
  table: combineAccess(P.departmentList, { write: ['EVENT#', 'INBOX#'] }, P.outbox),
});
