import { httpRoutes } from '@fazhi/platform/http/route';
import { agreementPdfRoute } from './agreement-pdf';
import { getCaseRoute } from './get-case';
import { listCasesRoute } from './list-cases';
import { monthlyReportRoute } from './monthly-report';
import { suggestionsRoute } from './suggestions';
import { mediationReadWiring } from './wiring';

export const handler = httpRoutes(mediationReadWiring.routes, {
  'GET /v1/mediation-cases/{caseId}': getCaseRoute,
  'GET /v1/mediation-cases': listCasesRoute,
  'GET /v1/mediation-cases/{caseId}/suggestions': suggestionsRoute,
  'GET /v1/mediation-cases/{caseId}/agreement.pdf': agreementPdfRoute,
  'GET /v1/mediation/reports/monthly': monthlyReportRoute,
});
