import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const meResponse = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  departmentId: z.string(),
  departmentName: z.string(),
});

export const meWiring = defineFunction({
  name: 'people-me',
  service: 'people',
  description: 'Who the signed-in person is; enters them in their department’s duty directory',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/me',
      auth: 'user',
      doc: {
        summary: 'The signed-in person: name, roles, department',
        tags: ['people'],
        responses: {
          200: { description: 'You', schema: meResponse },
          401: { description: 'Not signed in' },
          403: { description: 'An API key is not a person' },
        },
      },
    },
  ],
  permissions: [],
  // Writes the duty directory entry (rosters may name only people in it): DEPT#<id> / PERSON#<username>.
  table: combineAccess(P.department, { write: ['DEPT#'] }),
});
