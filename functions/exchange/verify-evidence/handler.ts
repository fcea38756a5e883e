import { verifyChain } from '@fazhi/platform/evidence/store';
import { httpRoute } from '@fazhi/platform/http/route';
import { verifyEvidenceWiring } from './wiring';

export const handler = httpRoute(verifyEvidenceWiring.routes![0]!, async ({ deps: d }) => ({
  status: 200,
  body: await verifyChain(d),
}));
