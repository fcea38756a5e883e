import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseSummaryViewSchema, caseViewSchema } from '../shared/case-view';
import { flagListQuerySchema, flagViewSchema } from '../shared/detection-schemas';
import { ratesSchema, recListQuerySchema, recommendationViewSchema } from '../shared/recommendation-schemas';
import { listQuerySchema } from '../shared/schemas';

const WHO =
  'Visible to: the agency that reported it, each public-security organ it was transferred to, the court it is before, every procuratorate, admins.';

export const transfersReadWiring = defineFunction({
  name: 'transfers-read',
  service: 'transfers',
  description:
    'Reads a transfer case with its clocks and timeline, the list of transfers the caller may see, the detection’s flags and the recommendations with their rates',
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
    {
      method: 'GET',
      path: '/v1/transfer-flags',
      auth: 'either',
      doc: {
        summary: 'The detection’s flags (有案不移 / 以罚代刑 / 有案难移): open first',
        description:
          'Visible to: every procuratorate, admins (others: 403). Filters: status (default: all but superseded; `all` includes them), kind, agencyDepartmentId.',
        tags: ['transfers'],
        query: flagListQuerySchema,
        responses: {
          200: { description: 'Flags', schema: z.object({ items: z.array(flagViewSchema) }) },
          401: { description: 'Not authenticated' },
          403: { description: 'Not a procuratorate' },
          422: { description: 'Invalid query' },
        },
      },
    },
    {
      method: 'GET',
      path: '/v1/recommendations',
      auth: 'either',
      doc: {
        summary: 'Recommendations (检察建议 / 司法建议) with the on-time reply and implementation rates per department',
        description:
          'Visible to: every procuratorate and admins (all); a court or department the ones it issued or received. Newest delivered first. Target: 100 % replied on time.',
        tags: ['transfers'],
        query: recListQuerySchema,
        responses: {
          200: {
            description: 'Recommendations and rates',
            schema: z.object({
              items: z.array(recommendationViewSchema),
              rates: z.array(ratesSchema),
              target: z.number(),
            }),
          },
          401: { description: 'Not authenticated' },
          422: { description: 'Invalid query' },
        },
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, {
    read: ['TRCASE#', 'CLOCK#'],
    query: { gsi1: ['TRQ#', 'TRFLAGQ', 'TRRECQ#'] },
  }),
});
