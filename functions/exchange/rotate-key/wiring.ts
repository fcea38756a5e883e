import { departmentIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const rotateKeyBody = z
  .object({
    graceHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(24)
      .describe(
        'How long the current key keeps working beside the new one (0 revokes every other key at once). At most 3 keys are live: the oldest is revoked at once when a rotation would hold more.',
      ),
  })
  .strict();

export const rotateKeyResponse = z.object({
  departmentId: z.string(),
  keyId: z.string(),
  apiKey: z.string().describe('Shown once: only a hash is stored'),
  previousKeysExpireAt: z.string().optional().describe('When the last earlier key still in its grace stops working'),
  liveKeys: z
    .array(z.object({ keyId: z.string(), createdAt: z.string(), expiresAt: z.string().optional() }))
    .describe('Every key that works after this rotation, newest first (at most 3)'),
});

export const rotateKeyWiring = defineFunction({
  name: 'exchange-rotate-key',
  service: 'exchange',
  description: 'Issues a new API key for a department; earlier keys expire after a grace period',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'POST',
      path: '/v1/departments/{departmentId}/api-keys',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Rotate a department’s API key (admin)',
        tags: ['departments'],
        roles: ['admin'],
        body: rotateKeyBody,
        responses: {
          201: { description: 'The new key, shown once', schema: rotateKeyResponse },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin' },
          404: { description: 'No such department' },
          409: { description: 'Another rotation of the same department committed at the same moment' },
        },
      },
    },
  ],
  permissions: [],
  // The key set (DEPT#<id> / KEYSET) and the key items: one transaction a rotation (repos/departments.ts).
  table: combineAccess(P.department, { query: { gsi1: ['DEPTKEYS#'] }, write: ['APIKEY#', 'DEPT#'] }, P.outbox),
});
