import { departmentKindSchema } from '@fazhi/events/department-kind';
import { departmentIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const putDepartmentBody = z
  .object({
    name: z.string().trim().min(1).max(100).describe('Official name, e.g. 市市场监管局'),
    nameEn: z.string().trim().min(1).max(200).optional(),
    kinds: z
      .array(departmentKindSchema)
      .min(1)
      .max(12)
      .describe('What the department is; the event catalog grants rights by kind'),
    rosterDeputies: z
      .array(z.string().trim().min(1).max(128))
      .max(50)
      .optional()
      .describe(
        'Usernames of other departments’ people the city allows on this department’s duty roster (deputies); omitted, nobody from outside',
      ),
  })
  .strict();

export const putDepartmentWiring = defineFunction({
  name: 'exchange-put-department',
  service: 'exchange',
  description: 'Creates or updates a department (admin)',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'PUT',
      path: '/v1/departments/{departmentId}',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Create or update a department (admin); then issue its first API key with POST …/api-keys',
        tags: ['departments'],
        roles: ['admin'],
        body: putDepartmentBody,
        responses: {
          200: { description: 'Updated' },
          201: { description: 'Created' },
          409: { description: 'Changed concurrently; retry' },
          400: { description: 'Invalid id (1–64 lowercase letters, digits, hyphens; starts with a letter)' },
          422: { description: 'Invalid body' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { write: ['DEPT#'] }, P.outbox),
});
