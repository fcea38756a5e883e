import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { WEBHOOK_REQUESTED } from '../shared/deliveries';

// Why a Lambda and not an EventBridge API destination: a department's webhook is registered at run
// time by an admin, and each body must carry an HMAC-SHA256 signature with that department's
// secret. API destinations are created at deploy time and can only add static auth headers.
export const deliverWebhookWiring = defineFunction({
  name: 'exchange-deliver-webhook',
  service: 'exchange',
  description: 'POSTs a shared event to a department webhook, signed with HMAC-SHA256; retried, then dead-lettered',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'exchange-deliver-webhook-requests',
      pattern: { source: ['fazhi.exchange'], 'detail-type': [WEBHOOK_REQUESTED] },
      maxAttempts: 5,
    },
  ],
  permissions: ['webhook:call', 'webhook-secret:open'],
  table: { read: ['EVENT#', 'DEPT#'], write: ['EVENT#'] },
  timeoutSeconds: 15,
});
