import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { alertViewSchema } from '../shared/alert-view';

export const listAlertsQuery = z
  .object({
    status: z
      .enum(['open', 'all'])
      .default('open')
      .describe('`open`: not yet resolved (open or acknowledged); `all`: also those resolved in the last 7 days'),
    departmentId: z.string().min(1).max(64).optional().describe('Default: your own department'),
  })
  .strict();

export const listAlertsWiring = defineFunction({
  name: 'alerts-list',
  service: 'alerts',
  description: 'Lists a department’s alerts for the on-duty board',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/alerts',
      auth: 'either',
      doc: {
        summary: 'List a department’s alerts, newest first',
        tags: ['alerts'],
        query: listAlertsQuery,
        responses: {
          200: { description: 'Alerts', schema: z.object({ items: z.array(alertViewSchema) }) },
          401: { description: 'Not authenticated' },
          403: { description: 'Another department’s alerts (only admins and the government office see them)' },
          422: { description: 'Bad query' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { query: { gsi1: ['DEPTALERTS#', 'PERSON#'] } }),
});
