import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { CASE_SUBJECT } from '../shared/subject';

export const mediationLeaderAlertsWiring = defineFunction({
  name: 'mediation-leader-alerts',
  service: 'mediation',
  description:
    'Sends a major case’s clock alerts to its responsible leader (领导包案) as well as to the people on duty',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'mediation-leader-alerts-raised',
      pattern: {
        source: ['fazhi.alerts'],
        'detail-type': ['Alert.Raised', 'Alert.Escalated'],
        detail: { data: { subject: { type: [CASE_SUBJECT.type] } } },
      },
      maxAttempts: 5,
    },
  ],
  permissions: ['table:read', 'table:write', 'sns:publish'],
});
