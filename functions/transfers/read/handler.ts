import { httpRoutes } from '@fazhi/platform/http/route';
import { getCaseRoute } from './get-case';
import { listCasesRoute } from './list-cases';
import { transfersReadWiring } from './wiring';

export const handler = httpRoutes(transfersReadWiring.routes, {
  'GET /v1/transfer-cases/{caseId}': getCaseRoute,
  'GET /v1/transfer-cases': listCasesRoute,
});
