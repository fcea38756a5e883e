// GET /v1/transfer-flags: the detection's flags for the procuratorate (and admins), open first, then
// the decided ones; superseded flags (their case changed since) only when asked for.
import { ForbiddenError } from '@fazhi/platform/errors';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { callerOf } from '../shared/access';
import type { flagListQuerySchema } from '../shared/detection-schemas';
import { flagView, listFlags } from '../shared/flag-store';

export async function listFlagsRoute({ principal, query, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const q = query as z.infer<typeof flagListQuerySchema>;
  const caller = await callerOf(d, principal!);
  if (!caller.seesAll) throw new ForbiddenError('移送线索仅供人民检察院审查。', 'procuratorate-only');
  const items = (await listFlags(d))
    .filter((f) => (q.status === 'all' ? true : q.status ? f.status === q.status : f.status !== 'superseded'))
    .filter((f) => !q.kind || f.flag.kind === q.kind)
    .filter((f) => !q.agencyDepartmentId || f.flag.agencyDepartmentId === q.agencyDepartmentId)
    .slice(0, q.limit);
  return { status: 200, body: { items: items.map(flagView) } };
}
