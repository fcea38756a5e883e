import { policyIdParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

const replanItem = z.object({
  clockId: z.string(),
  policyId: z.string(),
  departmentId: z.string(),
  subject: z.object({ type: z.string(), id: z.string(), title: z.string().optional() }),
  policyVersion: z.number(),
  dueAt: z.string(),
  newPolicyVersion: z.number(),
  newDueAt: z.string(),
});

export const replanBody = z.object({ clockIds: z.array(z.string().min(1).max(128)).min(1).max(100) });

export const clockReplansWiring = defineFunction({
  name: 'config-clock-replans',
  service: 'clocks',
  description: 'Re-plans running clocks under a changed policy, on an admin’s explicit request (list, then apply)',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/config/clock-policies/{policyId}/replans',
      auth: 'user',
      doc: {
        params: z.object({ policyId: policyIdParam }),
        summary: 'Running clocks under an older version of a policy, with the due each would get (admin)',
        tags: ['config'],
        roles: ['admin'],
        responses: { 200: { description: 'Candidates', schema: z.object({ items: z.array(replanItem) }) } },
      },
    },
    {
      method: 'POST',
      path: '/v1/config/clock-policies/{policyId}/replans',
      auth: 'user',
      doc: {
        params: z.object({ policyId: policyIdParam }),
        summary: 'Re-plan the named running clocks under the policy in force (admin); never done silently',
        tags: ['config'],
        roles: ['admin'],
        body: replanBody,
        responses: {
          200: { description: 'The clocks re-planned', schema: z.object({ items: z.array(replanItem) }) },
          422: { description: 'Invalid body' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(
    P.clockRegistry,
    P.departmentList,
    { query: { gsi1: ['DEPTCLOCKS#'] } },
    P.clockWrites,
    P.outbox,
  ),
});
