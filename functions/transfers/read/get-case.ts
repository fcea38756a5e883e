import { getClocks } from '@fazhi/platform/clocks/clock-store';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, requireRead } from '../shared/access';
import { getCase } from '../shared/case-store';
import { caseView, clockIdsOf } from '../shared/case-view';

export async function getCaseRoute({ principal, params, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const [caller, c] = await Promise.all([callerOf(d, principal!), getCase(d, params.caseId ?? '')]);
  requireRead(caller, c);
  return { status: 200, body: caseView(c, await getClocks(d, clockIdsOf(c))) };
}
