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
      .describe('How long the previous keys keep working (0 revokes them at once)'),
  })
  .strict();

export const rotateKeyResponse = z.object({
  departmentId: z.string(),
  keyId: z.string(),
  apiKey: z.string().describe('Shown once: only a hash is stored'),
  previousKeysExpireAt: z.string().optional(),
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
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { query: { gsi1: ['DEPTKEYS#'] }, write: ['APIKEY#'] }, P.outbox),
});
