import { departmentIdParam } from '@fazhi/platform/http/edge';
import { PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

const personSchema = z.object({
  username: z.string(),
  displayName: z.string().describe('the name to call the person by; the username when the directory has none'),
  phone: z.string().optional(),
});

const shiftSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  officer: personSchema,
  leader: personSchema,
});

export const onDutyViewSchema = z.object({
  departmentId: z.string(),
  at: z.string(),
  current: shiftSchema.optional().describe('absent in a gap of the roster: alerts then go to the head'),
  next: shiftSchema.optional(),
  head: personSchema.optional(),
});

export const onDutyWiring = defineFunction({
  name: 'alerts-on-duty',
  service: 'alerts',
  description: 'Who is on duty now and next in a department, with names and phone numbers',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/departments/{departmentId}/on-duty',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Who is on duty now and next (当前值班与下一班)',
        description: 'From the duty roster and the duty contact directory, at the server clock.',
        tags: ['alerts'],
        responses: {
          200: { description: 'The shifts now and next', schema: onDutyViewSchema },
          401: { description: 'Not signed in' },
          403: { description: 'Another department (only admins and the government office see it)' },
          404: { description: 'No such department' },
        },
      },
    },
  ],
  permissions: [],
  table: P.department,
});
