import { httpRoutes } from '@fazhi/platform/http/route';
import { listFlagsRoute } from './flags';
import { getCaseRoute } from './get-case';
import { listCasesRoute } from './list-cases';
import { listRecommendationsRoute } from './recommendations';
import { transfersReadWiring } from './wiring';

export const handler = httpRoutes(transfersReadWiring.routes, {
  'GET /v1/transfer-cases/{caseId}': getCaseRoute,
  'GET /v1/transfer-cases': listCasesRoute,
  'GET /v1/transfer-flags': listFlagsRoute,
  'GET /v1/recommendations': listRecommendationsRoute,
});
