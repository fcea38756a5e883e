import { rosterBodySchema } from '@fazhi/domain/alerts/roster-schema';
import { departmentIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { rosterViewSchema } from '../shared/rosters';

export const putRosterWiring = defineFunction({
  name: 'alerts-put-roster',
  service: 'alerts',
  description: 'Replaces a department’s duty roster',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'PUT',
      path: '/v1/departments/{departmentId}/roster',
      auth: 'user',
      doc: {
        params: z.object({ departmentId: departmentIdParam }),
        summary: 'Replace a department’s duty roster (admin, or the head of that department)',
        description:
          'Send the whole roster with the `version` you read. Shifts are half-open `[startsAt, endsAt)` and must not overlap; at a hand-over instant the incoming shift is on duty. Alerts go to whoever is on duty when they are raised or escalated.',
        tags: ['alerts'],
        roles: ['admin', 'dept-head'],
        body: rosterBodySchema,
        responses: {
          200: { description: 'Saved', schema: rosterViewSchema },
          401: { description: 'Not signed in' },
          403: { description: 'Not an admin or the head of this department' },
          404: { description: 'No such department' },
          409: { description: 'The roster changed since you read it (version)' },
          422: {
            description:
              'Overlapping shifts, empty names, bad times; or people who are not users of the department (`roster-unknown-people`, `errors[].path` names each row and field, code `unknown-user` or `foreign-user`). Deputies from other departments are allowed only when the department’s `rosterDeputies` names them.',
          },
        },
      },
    },
  ],
  permissions: [],
  // gsi1 PERSON#<username>: which department a named person belongs to (rosters name only its people).
  table: combineAccess(P.department, { write: ['DEPT#'], query: { gsi1: ['PERSON#'] } }),
});
