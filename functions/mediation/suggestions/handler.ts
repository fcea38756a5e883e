import { suggestOrganisations } from '@fazhi/domain/mediation/suggest';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireHub } from '../shared/access';
import { getCase } from '../shared/case-store';
import { getRules, requireStructure } from '../shared/config-store';
import { mediationSuggestionsWiring } from './wiring';

export const handler = httpRoute(mediationSuggestionsWiring.routes[0]!, async ({ principal, params, deps: d }) => {
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
});
