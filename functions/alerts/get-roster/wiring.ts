import { departmentIdParam } from '@fazhi/platform/http/edge';
import { PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { rosterViewSchema } from '../shared/rosters';

export const getRosterWiring = defineFunction({
  name: 'alerts-get-roster',
  service: 'alerts',
  description: 'Reads a department’s duty roster',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/departments/{departmentId}/roster',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Read a department’s duty roster (值班表)',
        description: 'A department without a roster answers an empty one at version 0, ready to be saved.',
        tags: ['alerts'],
        responses: {
          200: { description: 'The roster', schema: rosterViewSchema },
          401: { description: 'Not signed in' },
          403: { description: 'Another department’s roster (only admins and the government office read them)' },
          404: { description: 'No such department' },
        },
      },
    },
  ],
  permissions: [],
  table: P.department,
});
