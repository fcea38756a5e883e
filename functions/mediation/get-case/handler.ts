import { getClocks } from '@fazhi/platform/clocks/clock-store';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireRead } from '../shared/access';
import { getCase } from '../shared/case-store';
import { caseView, clockIdsOf } from '../shared/case-view';
import { getStructure } from '../shared/config-store';
import { getMediationCaseWiring } from './wiring';

export const handler = httpRoute(getMediationCaseWiring.routes[0]!, async ({ principal, params, deps: d }) => {
  const [structure, stored] = await Promise.all([getStructure(d), getCase(d, params.caseId ?? '')]);
  const caller = await callerOf(d, principal!, structure?.value);
  requireRead(caller, stored.state);
  const clocks = await getClocks(d, clockIdsOf(stored.state));
  return { status: 200, body: caseView(stored, clocks, caller.seesPersonalData) };
});
