import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const notifyAlertsWiring = defineFunction({
  name: 'alerts-notify',
  service: 'alerts',
  description: 'Sends raised, escalated and reminded alerts to the SNS topic (SMS / e-mail of the people on duty)',
  entry: entryOf(import.meta.url),
  // Reserved: the SMS to the person on duty (infra/lib/front-door.ts).
  reservedConcurrency: 5,
  subscriptions: [
    {
      name: 'alerts-notify-sns',
      pattern: { source: ['fazhi.alerts'], 'detail-type': ['Alert.Raised', 'Alert.Escalated', 'Alert.Reminded'] },
      maxAttempts: 5,
    },
  ],
  permissions: ['sns:publish'],
  table: { read: ['ALERT#'], write: ['ALERT#', 'SENT#'], delete: ['SENT#'] },
});
