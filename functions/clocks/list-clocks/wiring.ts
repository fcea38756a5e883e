import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { clockViewSchema } from '../shared/clock-view';

export const listClocksQuery = z
  .object({
    departmentId: z.string().min(1).max(64).optional().describe('Default: your own department'),
    status: z
      .enum(['running', 'all'])
      .default('running')
      .describe('`all`: running, paused and breached clocks, and those met or cancelled due in the last 7 days'),
  })
  .strict();

export const listClocksWiring = defineFunction({
  name: 'clocks-list',
  service: 'clocks',
  description: 'Lists a department’s clocks for the on-duty board',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/clocks',
      auth: 'either',
      doc: {
        summary: 'List a department’s clocks, earliest due first',
        tags: ['clocks'],
        query: listClocksQuery,
        responses: {
          200: { description: 'Clocks', schema: z.object({ items: z.array(clockViewSchema) }) },
          401: { description: 'Not authenticated' },
          403: { description: 'Another department’s clocks (only admins and the government office see them)' },
          422: { description: 'Bad query' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, P.clockRegistry, { query: { gsi1: ['DEPTCLOCKS#'] } }),
});
