import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import * as z from 'zod';

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

export const mediationSuggestionsWiring = defineFunction({
  name: 'mediation-suggestions',
  service: 'mediation',
  description: 'Suggests organisations for a case from the dispatch rules and the structure, with the reason',
  entry: entryOf(import.meta.url),
  routes: [
    {
      method: 'GET',
      path: '/v1/mediation-cases/{caseId}/suggestions',
      auth: 'user',
      doc: {
        summary: 'Suggested organisations for the case, best first, each with its reason',
        description:
          'Rules (dispute type + locality → organisation) outrank organisations that merely declare the type near the locality. Organisations that returned the case are left out. Allowed: the hub and admins.',
        tags: ['mediation'],
        responses: {
          200: { description: 'Suggestions', schema: suggestionsViewSchema },
          401: { description: 'Not authenticated' },
          403: { description: 'Not the hub' },
          404: { description: 'No such case' },
          409: { description: 'Mediation not configured' },
        },
      },
    },
  ],
  permissions: ['table:read'],
});
