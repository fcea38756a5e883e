import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { transfersBreachesWiring } from '../shared/subject';

export const transfersEventsWiring = defineFunction({
  name: 'transfers-on-events',
  service: 'transfers',
  description:
    'Records a breached statutory time limit on its transfer case (有案难移 rests on it) or recommendation (the on-time rate)',
  entry: entryOf(import.meta.url, 'clock-breached.ts'),
  subscriptions: [transfersBreachesWiring],
  permissions: [],
  table: combineAccess(
    { read: ['TRCASE#', 'CLOCK#', 'TRREC#'], write: ['TRCASE#', 'TRREC#'], delete: ['TRCASE#'] },
    P.outbox,
  ),
});
