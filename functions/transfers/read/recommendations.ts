// GET /v1/recommendations: the recommendations the caller may see (a procuratorate and admins all;
// a court or a department those it issued or received), newest delivered first, with the on-time
// reply rate and the implementation rate per addressed department (target 100 %).
import { ON_TIME_REPLY_TARGET, recommendationRates } from '@fazhi/domain/transfers/recommendation';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { callerOf } from '../shared/access';
import type { recListQuerySchema } from '../shared/recommendation-schemas';
import { listRecommendations, recClockIds, recommendationView } from '../shared/recommendation-store';

export async function listRecommendationsRoute({
  principal,
  query,
  deps: d,
}: RouteContext<RouteWiring>): Promise<Reply> {
  const q = query as z.infer<typeof recListQuerySchema>;
  const caller = await callerOf(d, principal!);
  const recs = (await listRecommendations(d, caller.seesAll ? 'all' : `dept#${caller.departmentId}`))
    .filter((r) => !q.addresseeDepartmentId || r.addresseeDepartmentId === q.addresseeDepartmentId)
    .filter((r) => !q.issuerDepartmentId || r.issuerDepartmentId === q.issuerDepartmentId);
  const shown = recs.slice(0, q.limit);
  const clocks = await getClocks(d, shown.flatMap(recClockIds));
  return {
    status: 200,
    body: {
      items: shown.map((r) => recommendationView(r, clocks)),
      rates: recommendationRates(recs),
      target: ON_TIME_REPLY_TARGET,
    },
  };
}
