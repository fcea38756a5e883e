import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const inboxQuery = z
  .object({
    after: z
      .string()
      .max(200)
      .optional()
      .describe('The `next` cursor of the previous page; omit to start from the oldest event'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const inboxResponse = z.object({
  items: z.array(z.object({ cursor: z.string(), event: z.object({}).passthrough() })),
  next: z.string().describe('Pass as `after` on the next call; returned even when the page is empty'),
});

export const inboxWiring = defineFunction({
  name: 'exchange-inbox',
  service: 'exchange',
  description: 'Pull feed of the events shared with the calling department',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/inbox',
      auth: 'apiKey',
      doc: {
        summary: 'Pull the events shared with your department, oldest first',
        description:
          'For systems that cannot take webhooks. Keep the `next` cursor and poll with `after=<next>`. Events appear after a short settle window (default 1 s) so that a page never skips an event committed a moment later.',
        tags: ['exchange'],
        query: inboxQuery,
        responses: {
          200: { description: 'A page of events', schema: inboxResponse },
          401: { description: 'No or unknown API key' },
          422: { description: 'Bad cursor or limit' },
        },
      },
    },
  ],
  permissions: [],
  table: { read: ['INBOX#'] },
});
