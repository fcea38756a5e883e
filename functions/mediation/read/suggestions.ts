import { suggestOrganisations } from '@fazhi/domain/mediation/suggest';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, requireHub } from '../shared/access';
import { getCase } from '../shared/case-store';
import { getRules, requireStructure } from '../shared/config-store';

export async function suggestionsRoute({ principal, params, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const structure = await requireStructure(d);
  requireHub(await callerOf(d, principal!, structure));
  const [{ state: c }, rules] = await Promise.all([getCase(d, params.caseId ?? ''), getRules(d)]);
  const exclude = c.dispatches.filter((x) => x.answer?.accepted === false).map((x) => x.organisationId);
  const items = suggestOrganisations(
    { disputeType: c.disputeType, regionCode: c.regionCode, exclude },
    structure,
    rules?.value ?? [],
    5,
  );
  return { status: 200, body: { items } };
}
