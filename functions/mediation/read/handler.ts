import { httpRoutes } from '@fazhi/platform/http/route';
import { getCaseRoute } from './get-case';
import { listCasesRoute } from './list-cases';
import { suggestionsRoute } from './suggestions';
import { mediationReadWiring } from './wiring';

export const handler = httpRoutes(mediationReadWiring.routes, {
  'GET /v1/mediation-cases/{caseId}': getCaseRoute,
  'GET /v1/mediation-cases': listCasesRoute,
  'GET /v1/mediation-cases/{caseId}/suggestions': suggestionsRoute,
});
