import { VERIFICATION_REQUESTED } from '@fazhi/platform/evidence/verification';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const verifyEvidenceJobWiring = defineFunction({
  name: 'exchange-verify-evidence-job',
  service: 'exchange',
  description: 'Walks one chunk of an evidence verification job and hands on to the next chunk',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'exchange-verify-evidence-job-chunks',
      pattern: { source: ['fazhi.exchange'], 'detail-type': [VERIFICATION_REQUESTED] },
      maxAttempts: 3,
    },
  ],
  permissions: [],
  table: combineAccess({ read: ['VERIFY#', 'CHAIN', 'EVENT#'], write: ['VERIFY#'] }, P.outbox),
  timeoutSeconds: 300,
  memoryMb: 1024,
});
