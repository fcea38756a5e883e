import { ulidParam } from '@fazhi/platform/http/edge';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';
import { caseSummaryViewSchema, caseViewSchema } from '../shared/case-view';
import { listQuerySchema, slug } from '../shared/schemas';
import { PDF_FONT, PDF_FONT_LICENSE } from './pdf-assets';

// Every read of mediation cases in one function (one Lambda instead of three keeps the stack under
// CloudFormation's resource limit): a case, a queue, the suggestions for a case, the report, and the
// agreement PDF. The PDF's pdfkit (~0.9 MB minified) and its CJK font (Noto Serif SC, 15 MB) are not
// in the bundle, which stays under 1 MB: `beside` ships them next to it (infra/lib/bundling.ts:
// pdfkit pre-bundled into node_modules/pdfkit, the font file copied), and the handler loads both on
// the first PDF only (read/agreement-pdf-layout.ts), so the function's cold start does not pay.

export const suggestionsViewSchema = z.object({
  items: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      score: z.number(),
      reason: z.string(),
      ruleId: z.string().optional(),
    }),
  ),
});

export const monthlyReportQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional()
      .describe('YYYY-MM, city time; default this month'),
    months: z.coerce.number().int().min(1).max(24).default(6).describe('months of trend, this one included'),
    format: z.enum(['json', 'xlsx']).default('json'),
    organisationId: slug.optional().describe('one organisation’s part (JSON only): for its head or the hub'),
  })
  .strict();

export const mediationReadWiring = defineFunction({
  name: 'mediation-read',
  service: 'mediation',
  description:
    'Reads a mediation case with its clocks and timeline, a queue of cases, the suggestions for a case, and the monthly report',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/mediation-cases/{caseId}',
      auth: 'either',
      doc: {
        summary: 'Read a case with its clocks (due, status) and the timeline of every step',
        description:
          'Allowed: the hub, admins, mediators of an organisation the case was dispatched to, the court that delegated, entrusted or confirms it, and the police or petition office that referred it. Parties’ identity numbers and phones are masked for departments whose work does not need them.',
        tags: ['mediation'],
        params: z.object({ caseId: ulidParam }),
        responses: {
          200: { description: 'The case', schema: caseViewSchema },
          401: { description: 'Not authenticated' },
          403: { description: 'Not visible to you' },
          404: { description: 'No such case' },
        },
      },
    },

    {
      method: 'GET',
      path: '/v1/mediation-cases',
      auth: 'either',
      doc: {
        summary: 'A queue of cases, newest first',
        description:
          '`intake`, `returned`, `overdue`, `status` (with `status`): the hub. `organisation` (with `organisationId`, default the caller’s own): the hub or its mediators. `leader` (with `leader`, default the caller): the hub or that leader. `referred`: the cases the caller’s department referred.',
        tags: ['mediation'],
        query: listQuerySchema,
        responses: {
          200: { description: 'Cases', schema: z.object({ items: z.array(caseSummaryViewSchema) }) },
          401: { description: 'Not authenticated' },
          403: { description: 'Not allowed to see this queue' },
          422: { description: 'Bad query' },
        },
      },
    },

    {
      method: 'GET',
      path: '/v1/mediation-cases/{caseId}/suggestions',
      auth: 'user',
      doc: {
        summary: 'Suggested organisations for the case, best first, each with its reason',
        description:
          'Rules (dispute type + locality → organisation) outrank organisations that merely declare the type near the locality. Organisations that returned the case are left out. Allowed: the hub and admins.',
        tags: ['mediation'],
        params: z.object({ caseId: ulidParam }),
        responses: {
          200: { description: 'Suggestions', schema: suggestionsViewSchema },
          401: { description: 'Not authenticated' },
          403: { description: 'Not the hub' },
          404: { description: 'No such case' },
          409: { description: 'Mediation not configured' },
        },
      },
    },

    {
      method: 'GET',
      path: '/v1/mediation-cases/{caseId}/agreement.pdf',
      auth: 'either',
      doc: {
        summary: 'The case’s 人民调解协议书 as a PDF, printed from the city’s agreement template',
        description:
          'Parties, facts, terms, amount, performance deadline and the places for signatures and seals (人民调解法 Art. 29), as the template now in force words them (GET /v1/mediation/agreement-template). Allowed: whoever may read the case; identity numbers and phones are masked as in the case view. `Content-Disposition` names the file in Chinese (RFC 5987 `filename*`).',
        tags: ['mediation'],
        params: z.object({ caseId: ulidParam }),
        responses: {
          200: { description: 'The agreement (application/pdf)', schema: z.string().describe('PDF bytes') },
          401: { description: 'Not authenticated' },
          403: { description: 'Not visible to you' },
          404: { description: 'No such case, or no agreement recorded yet' },
        },
      },
    },

    {
      method: 'GET',
      path: '/v1/mediation/reports/monthly',
      auth: 'either',
      doc: {
        summary: 'The monthly mediation report (Wulong item 50), with its trend, satisfaction and staffing',
        description:
          'Received, resolved, failed, resolution rate, overdue, satisfaction, agreement amount (fen), 防止民转刑 and 防止群体性上访 (cases and people), in total and by channel, organisation, dispute type, locality and intake group; the months before it; each organisation’s satisfaction against the 90 % target; staffing against the seed’s targets. Kept up by counters from the cases’ events. `format=xlsx` answers the Excel workbook. Allowed: the hub and admins. With `organisationId`, that organisation’s row of each month, its satisfaction and its staffing line, for the hub or the organisation’s head (a mediator marked `head` in the structure).',
        tags: ['mediation'],
        query: monthlyReportQuerySchema,
        responses: {
          200: {
            description: 'The report (JSON), or the workbook with format=xlsx',
            schema: z.record(z.string(), z.unknown()),
          },
          401: { description: 'Not authenticated' },
          403: { description: 'Not the hub (nor, with organisationId, the organisation’s head)' },
          404: { description: 'No such organisation' },
          409: { description: 'Mediation not configured' },
          422: { description: 'Bad query, or format=xlsx with organisationId' },
        },
      },
    },
  ],
  permissions: [],
  beside: { bundled: ['pdfkit'], files: [PDF_FONT, PDF_FONT_LICENSE] },
  table: combineAccess(P.department, P.clockRegistry, {
    read: ['MEDCASE#', 'MEDIATION#CONFIG', 'CLOCK#', 'MEDREPORT#'],
    query: { gsi1: ['MEDQ#'] },
  }),
});
