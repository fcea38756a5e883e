import { agreementTemplateSchema } from '@fazhi/domain/mediation/agreement-template';
import { structureSchema } from '@fazhi/domain/mediation/structure';
import { dispatchRuleSchema } from '@fazhi/domain/mediation/suggest';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

export const rulesBodySchema = z.object({ rules: z.array(dispatchRuleSchema).max(2000) }).strict();
const configResponses = (schema: z.ZodType) => ({
  200: { description: 'The configuration now in force', schema },
  400: { description: 'Malformed JSON' },
  401: { description: 'Not authenticated' },
  403: { description: 'Only the hub or an admin may change it' },
  409: { description: 'Changed at the same moment, or no structure yet (rules)' },
  413: { description: 'Body over 256 KB' },
  415: { description: 'Not application/json' },
  422: { description: 'Invalid: duplicate ids, unknown channel, organisation or department' },
});
const structureView = z.object({
  structure: structureSchema,
  version: z.number().int(),
  staffing: z.object({}).catchall(z.unknown()),
});
const rulesView = z.object({ rules: z.array(dispatchRuleSchema), version: z.number().int() });
export const templateBodySchema = z
  .object({
    version: z
      .number()
      .int()
      .min(0)
      .describe('The version read (0: the default template); a stale one is refused with 409'),
    template: agreementTemplateSchema,
  })
  .strict();
const templateView = z.object({
  template: agreementTemplateSchema,
  version: z.number().int().describe('0 while the default template is in force'),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
  placeholders: z.record(z.string(), z.string()).describe('Placeholder → what it prints'),
  partyPlaceholders: z.record(z.string(), z.string()).describe('Only in signatures.party'),
});
const templateResponses = {
  200: { description: 'The template now in force', schema: templateView },
  400: { description: 'Malformed JSON' },
  401: { description: 'Not authenticated' },
  403: { description: 'Only the hub or an admin' },
  409: { description: 'Stale version: somebody saved the template since it was read' },
  413: { description: 'Body over 256 KB' },
  415: { description: 'Not application/json' },
  422: { description: 'Invalid: unknown placeholders (each named), unmatched braces, Art. 29 items left out' },
};

export const mediationConfigWiring = defineFunction({
  name: 'mediation-config',
  service: 'mediation',
  description:
    'Reads and replaces the city’s 1+4+N structure, dispatch rules and agreement template, with the staffing report',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/mediation/structure',
      auth: 'user',
      doc: {
        summary: 'The 1+4+N structure (hub, channels, organisations, mediators) and its staffing report',
        description:
          'Staffing against the seed’s targets: ≥ 2 full-time mediators per township committee, ≥ 1 per village committee. Allowed: the hub, admins and mediators.',
        tags: ['mediation'],
        responses: { ...configResponses(structureView), 404: { description: 'Not configured yet' } },
      },
    },
    {
      method: 'PUT',
      path: '/v1/mediation/structure',
      auth: 'user',
      doc: {
        summary: 'Replace the 1+4+N structure (a city renames, adds or removes channels and organisations)',
        tags: ['mediation'],
        body: structureSchema,
        responses: configResponses(structureView),
      },
    },
    {
      method: 'GET',
      path: '/v1/mediation/dispatch-rules',
      auth: 'user',
      doc: {
        summary: 'The dispatch rules (dispute type + locality → organisation)',
        tags: ['mediation'],
        responses: configResponses(rulesView),
      },
    },
    {
      method: 'PUT',
      path: '/v1/mediation/dispatch-rules',
      auth: 'user',
      doc: {
        summary: 'Replace the dispatch rules; each must name an organisation of the structure',
        tags: ['mediation'],
        body: rulesBodySchema,
        responses: configResponses(rulesView),
      },
    },
    {
      method: 'GET',
      path: '/v1/mediation/agreement-template',
      auth: 'user',
      doc: {
        summary: 'The 人民调解协议书 template the agreement PDF is printed from (the city’s, or the default)',
        description: 'Allowed: the hub and admins.',
        tags: ['mediation'],
        responses: templateResponses,
      },
    },
    {
      method: 'PUT',
      path: '/v1/mediation/agreement-template',
      auth: 'user',
      doc: {
        summary: 'Replace the 人民调解协议书 template (title, preamble, numbered sections, signature and seal lines)',
        description:
          'Optimistic concurrency: `version` is the version read; a stale one answers 409. Unknown placeholders answer 422 naming each. The next agreement PDF prints from it. Allowed: the hub and admins.',
        tags: ['mediation'],
        body: templateBodySchema,
        responses: templateResponses,
      },
    },
  ],
  permissions: [],
  table: combineAccess(P.department, P.departmentList, { read: ['MEDIATION#CONFIG'], write: ['MEDIATION#CONFIG'] }),
});
