import { getClocks } from '@fazhi/platform/clocks/clock-store';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, requireRead } from '../shared/access';
import { getCase } from '../shared/case-store';
import { caseView, clockIdsOf } from '../shared/case-view';
import { getStructure } from '../shared/config-store';

export async function getCaseRoute({ principal, params, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const [structure, stored] = await Promise.all([getStructure(d), getCase(d, params.caseId ?? '')]);
  const caller = await callerOf(d, principal!, structure?.value);
  requireRead(caller, stored.state);
  const clocks = await getClocks(d, clockIdsOf(stored.state));
  return { status: 200, body: caseView(stored, clocks, caller.seesPersonalData) };
}
