import { departmentIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const setWebhookBody = z
  .object({
    url: z
      .url()
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u), 'the webhook must be an https URL')
      .describe(
        'https only; the host must resolve to public addresses only (docs/WEBHOOKS.md). Plain http to loopback only on a local runtime started to allow it',
      ),
    enabled: z.boolean().default(true),
    rotateSecret: z.boolean().default(false).describe('Issue a new signing secret (the first call always issues one)'),
  })
  .strict();

export const setWebhookResponse = z.object({
  departmentId: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  secret: z.string().optional().describe('The HMAC-SHA256 signing secret; shown only when issued'),
});

export const setWebhookWiring = defineFunction({
  name: 'exchange-set-webhook',
  service: 'exchange',
  description: 'Registers or changes a department’s webhook',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'PUT',
      path: '/v1/departments/{departmentId}/webhook',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Register a department webhook (admin, or the head of that department)',
        description:
          'Deliveries are POSTed with `X-Fazhi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, `X-Fazhi-Event-Id` and `X-Fazhi-Timestamp`, retried with backoff and dead-lettered after 5 attempts. The host is resolved here and at every delivery; loopback, private, link-local, CGNAT, multicast, unspecified, IPv4-mapped and unique-local addresses are refused, redirects are not followed (docs/WEBHOOKS.md).',
        tags: ['departments'],
        roles: ['admin', 'dept-head'],
        body: setWebhookBody,
        responses: {
          200: { description: 'Saved', schema: setWebhookResponse },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin or the head of this department' },
          404: { description: 'No such department' },
          422: { description: 'Invalid URL, or a host that resolves to an address webhooks may not reach' },
        },
      },
    },
  ],
  permissions: ['webhook-secret:seal'],
  table: combineAccess(P.department, { write: ['DEPT#'] }, P.outbox),
});
