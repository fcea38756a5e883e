import { catalog } from '@fazhi/events/catalog';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

/** Every catalog type that departments may receive. */
const sharedTypes = catalog.filter((e) => Object.keys(e.subscribers).length > 0).map((e) => e.detailType);

/**
 * Aggregates whose many types would push the rule past EventBridge's 2048-character pattern quota
 * (infra/lib/event-pattern.ts) are matched by prefix instead: every catalog type of such an aggregate
 * is shared, and the handler ignores a type the catalog does not know.
 */
const BY_PREFIX = ['TransferCase.'];
const shared = [
  ...sharedTypes.filter((t) => !BY_PREFIX.some((p) => t.startsWith(p))),
  ...BY_PREFIX.map((prefix) => ({ prefix })),
];

export const fanoutWiring = defineFunction({
  name: 'exchange-fanout',
  service: 'exchange',
  description: 'Shares each catalog event with every entitled department: inbox item, receipt, webhook request',
  entry: entryOf(import.meta.url),
  subscriptions: [{ name: 'exchange-fanout-shared-events', pattern: { 'detail-type': shared }, maxAttempts: 8 }],
  permissions: [],
  table: combineAccess(P.departmentList, { write: ['EVENT#', 'INBOX#'] }, P.outbox),
});
