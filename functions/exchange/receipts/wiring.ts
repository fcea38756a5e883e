import { ulidParam } from '@fazhi/platform/http/edge';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const receiptsResponse = z.object({
  eventId: z.string(),
  detailType: z.string(),
  source: z.string(),
  acceptedAt: z.string(),
  chainSeq: z.number().optional().describe('Position in the evidence hash chain'),
  publishedAt: z.string().optional(),
  receipts: z.array(
    z.object({
      departmentId: z.string(),
      status: z.enum(['delivered', 'refused']),
      reason: z.string().optional(),
      inboxStoredAt: z.string().optional(),
      webhook: z
        .union([
          z
            .object({
              status: z.enum(['pending', 'delivered', 'failing', 'none', 'skipped']),
              attempts: z.number(),
              lastAttemptAt: z.string().optional(),
              lastError: z.string().optional().describe('How the endpoint answered the last attempt'),
              deliveredAt: z.string().optional(),
            })
            .describe('As the recipient department (or an admin) sees its own receipt'),
          z
            .object({ status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number() })
            .describe('As anyone else sees it: no error detail'),
        ])
        .optional()
        .describe('Absent for others when the recipient has no webhook'),
    }),
  ),
});

export const receiptsWiring = defineFunction({
  name: 'exchange-receipts',
  service: 'exchange',
  description: 'Delivery receipts of one event, per subscriber',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/events/{eventId}/receipts',
      auth: 'either',
      doc: {
        params: z.object({ eventId: ulidParam }),
        summary: 'Who received an event, how, and when',
        description:
          'The sending department, admins and auditors see every receipt; a receiving department sees its own. Webhook error detail is shown only to the recipient department and admins.',
        tags: ['exchange'],
        responses: {
          200: { description: 'The receipts', schema: receiptsResponse },
          401: { description: 'Not signed in' },
          404: { description: 'No such event visible to you' },
        },
      },
    },
  ],
  permissions: [],
  table: { read: ['EVENT#'] },
});
