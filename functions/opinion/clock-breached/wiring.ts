import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { incidentBreaches } from '../shared/subject';

export const incidentClockBreachedWiring = defineFunction({
  name: 'opinion-clock-breached',
  service: 'opinion',
  description: 'Marks an incident’s clock breached (status and timeline) when the clocks service reports it',
  entry: entryOf(import.meta.url),
  subscriptions: [incidentBreaches.wiring],
  permissions: [],
  table: { read: ['INCIDENT#'], write: ['INCIDENT#'] },
});
