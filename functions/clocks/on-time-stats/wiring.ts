import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

const instantOrDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'a date (2026-11-22) or an ISO 8601 timestamp with offset',
  });

export const onTimeQuery = z
  .object({
    from: instantOrDate.optional().describe('First day counted (city time); default 29 days before today'),
    to: instantOrDate.optional().describe('Last day counted (city time); default today'),
  })
  .strict();

export const onTimeResponse = z.object({
  items: z.array(
    z.object({
      departmentId: z.string(),
      departmentName: z.string(),
      total: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int().describe('still running'),
      rate: z.number().nullable().describe('onTime / (onTime + late), 0–1; null when nothing has finished'),
    }),
  ),
});

export const onTimeStatsWiring = defineFunction({
  name: 'clocks-on-time-stats',
  service: 'clocks',
  description: 'On-time rate of each department’s clocks over a range of due days',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/stats/on-time',
      auth: 'either',
      doc: {
        summary: 'On-time rate per department (clocks counted by the city day they are due)',
        description:
          'A clock counts on the day of its due instant: open while running, on time when met by its due instant, late when breached (a clock met after its breach stays late). Cancelled clocks do not count.',
        tags: ['clocks'],
        query: onTimeQuery,
        responses: {
          200: { description: 'One entry per department', schema: onTimeResponse },
          401: { description: 'Not authenticated' },
          422: { description: 'Bad range' },
        },
      },
    },
  ],
  permissions: ['table:read'],
});
