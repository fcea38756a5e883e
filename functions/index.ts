// Every function of the platform. The CDK app and the local runtime both read this list.
import type { FunctionWiring } from '@fazhi/platform/wiring';
import { apiDocsWiring } from './exchange/api-docs/wiring';
import { authorizeWiring } from './exchange/authorize/wiring';
import { deliverWebhookWiring } from './exchange/deliver-webhook/wiring';
import { fanoutWiring } from './exchange/fanout/wiring';
import { inboxWiring } from './exchange/inbox/wiring';
import { listDepartmentsWiring } from './exchange/list-departments/wiring';
import { postEventsWiring } from './exchange/post-events/wiring';
import { receiptsWiring } from './exchange/receipts/wiring';
import { rotateKeyWiring } from './exchange/rotate-key/wiring';
import { setWebhookWiring } from './exchange/set-webhook/wiring';
import { verifyEvidenceWiring } from './exchange/verify-evidence/wiring';
import { outboxRelayWiring } from './platform/outbox-relay/wiring';
import { outboxSweepWiring } from './platform/outbox-sweep/wiring';

export const allFunctions: FunctionWiring[] = [
  authorizeWiring,
  postEventsWiring,
  inboxWiring,
  receiptsWiring,
  listDepartmentsWiring,
  rotateKeyWiring,
  setWebhookWiring,
  verifyEvidenceWiring,
  fanoutWiring,
  deliverWebhookWiring,
  outboxRelayWiring,
  outboxSweepWiring,
  apiDocsWiring,
];
