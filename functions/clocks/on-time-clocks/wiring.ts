import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { clockViewSchema } from '../shared/clock-view';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a city date, e.g. 2026-11-22' });

export const onTimeClocksQuery = z
  .object({
    departmentId: z.string().min(1).max(64).describe('The department of the row drilled into'),
    from: day.describe('First due day (city time)'),
    to: day.describe('Last due day (city time)'),
    kind: z.string().min(1).max(64).optional().describe('Only clocks of this kind (release, …)'),
  })
  .strict();

export const onTimeClocksWiring = defineFunction({
  name: 'clocks-on-time-clocks',
  service: 'clocks',
  description: 'The clocks behind one row of the on-time report',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/stats/on-time/clocks',
      auth: 'either',
      doc: {
        summary: 'Drill down: the clocks behind an on-time figure, with each one’s outcome',
        tags: ['clocks'],
        query: onTimeClocksQuery,
        responses: {
          200: {
            description: 'Clocks due in the range, earliest first',
            schema: z.object({
              items: z.array(clockViewSchema.extend({ outcome: z.enum(['onTime', 'late', 'open', 'pending']) })),
              truncated: z
                .boolean()
                .describe('True when the department has over 1,000 clocks of one status near the range: narrow it'),
            }),
          },
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
