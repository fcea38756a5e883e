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

export const mediationConfigWiring = defineFunction({
  name: 'mediation-config',
  service: 'mediation',
  description: 'Reads and replaces the city’s 1+4+N structure and dispatch rules, with the staffing report',
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
  ],
  permissions: [],
  table: combineAccess(P.department, P.departmentList, { read: ['MEDIATION#CONFIG'], write: ['MEDIATION#CONFIG'] }),
});
