import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const verifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }),
  problem: z
    .object({ kind: z.string(), seq: z.number(), eventId: z.string().optional(), message: z.string() })
    .optional()
    .describe('The FIRST entry found altered or removed'),
});

export const verifyEvidenceWiring = defineFunction({
  name: 'exchange-verify-evidence',
  service: 'exchange',
  description: 'Walks the evidence hash chain and names the first entry altered or removed',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/evidence/verify',
      auth: 'user',
      doc: {
        summary: 'Verify the evidence log (admin, auditor)',
        description: 'Also available offline: `npm run fazhi -- evidence verify`.',
        tags: ['evidence'],
        roles: ['admin', 'auditor'],
        responses: {
          200: { description: 'The verification report', schema: verifyResponse },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin or auditor' },
        },
      },
    },
  ],
  permissions: ['table:read'],
  timeoutSeconds: 300,
  memoryMb: 1024,
});
