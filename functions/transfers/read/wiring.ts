import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseSummaryViewSchema, caseViewSchema } from '../shared/case-view';
import { listQuerySchema } from '../shared/schemas';

const WHO =
  'Visible to: the agency that reported it, each public-security organ it was transferred to, the court it is before, every procuratorate, admins.';

export const transfersReadWiring = defineFunction({
  name: 'transfers-read',
  service: 'transfers',
  description: 'Reads a transfer case with its clocks and timeline, and the list of transfers the caller may see',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/transfer-cases/{caseId}',
      auth: 'either',
      doc: {
        summary: 'Read a transfer case with its clocks (due, status, who answers) and its timeline',
        description: `${WHO} Anyone else gets 404.`,
        tags: ['transfers'],
        params: z.object({ caseId: ulidParam }),
        responses: {
          200: { description: 'The case', schema: caseViewSchema },
          401: { description: 'Not authenticated' },
          404: { description: 'No such case, or not visible to you' },
        },
      },
    },
    {
      method: 'GET',
      path: '/v1/transfer-cases',
      auth: 'either',
      doc: {
        summary: 'The transfers you may see: overdue first, then the nearest due',
        description: `${WHO} Filters: agencyDepartmentId, offenceCategory, status.`,
        tags: ['transfers'],
        query: listQuerySchema,
        responses: {
          200: { description: 'Cases', schema: z.object({ items: z.array(caseSummaryViewSchema) }) },
          422: { description: 'Invalid query' },
          401: { description: 'Not authenticated' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, { read: ['TRCASE#', 'CLOCK#'], query: { gsi1: ['TRQ#'] } }),
});
