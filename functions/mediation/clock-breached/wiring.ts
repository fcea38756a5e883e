import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { caseBreaches } from '../shared/subject';

export const mediationClockBreachedWiring = defineFunction({
  name: 'mediation-clock-breached',
  service: 'mediation',
  description: 'Puts a case in the overdue queue when one of its clocks breaches',
  entry: entryOf(import.meta.url),
  subscriptions: [caseBreaches.wiring],
  permissions: ['table:read', 'table:write'],
});
