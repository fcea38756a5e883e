import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
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

const tally = {
  total: z.number().int().describe('come due in the range: onTime + late + open'),
  onTime: z.number().int(),
  late: z.number().int(),
  open: z.number().int().describe('未完成: past its due day and still not met (paused, or not yet swept)'),
  pending: z.number().int().describe('未到期: due today or later, still running; not in the rate'),
  rate: z.number().nullable().describe('onTime / (onTime + late), 0–1; null when nothing has come due'),
};

export const onTimeResponse = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), ...tally })),
  trend: z.array(z.object({ day: z.string(), ...tally })).describe('every city day of the range, all departments'),
  byKind: z.array(z.object({ kind: z.string(), label: z.string(), labelEn: z.string(), ...tally })),
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
          'A clock counts on the day of its due instant: pending while not yet due, on time when met by its due instant, late when breached (a clock met after its breach stays late), open when past its day and unfinished. Cancelled clocks do not count. Also a daily trend and a breakdown by clock kind.',
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
  permissions: [],
  table: combineAccess({ read: ['ONTIME'] }, P.departmentList),
});
