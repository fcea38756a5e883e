import { PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const departmentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      kinds: z.array(z.string()),
      webhook: z.boolean(),
    }),
  ),
});

export const listDepartmentsWiring = defineFunction({
  name: 'exchange-list-departments',
  service: 'exchange',
  description: 'Lists the departments of the city',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/departments',
      auth: 'either',
      doc: {
        summary: 'List departments',
        tags: ['departments'],
        responses: {
          200: { description: 'Departments', schema: departmentsResponse },
          401: { description: 'Not authenticated' },
        },
      },
    },
  ],
  permissions: [],
  table: P.departmentList,
});
