// The transfers a caller may see, filtered, the urgent first: overdue (a breached clock still
// running), then by the nearest due, then those with nothing running, newest report first. One
// Query of one list partition: the caller's own (dept#…) or, for whoever sees everything, the most
// selective filter's; the other filters apply to the summaries read.
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { type Caller, callerOf } from '../shared/access';
import { type CaseSummary, listCases } from '../shared/case-store';
import { summaryView } from '../shared/case-view';
import type { listQuerySchema } from '../shared/schemas';

type Query = z.infer<typeof listQuerySchema>;

function listOf(q: Query, c: Caller): string {
  if (!c.seesAll) return `dept#${c.departmentId}`;
  if (q.status) return `status#${q.status}`;
  if (q.agencyDepartmentId) return `agency#${q.agencyDepartmentId}`;
  if (q.offenceCategory) return `category#${q.offenceCategory}`;
  return 'all';
}

const matches = (q: Query) => (s: CaseSummary) =>
  (!q.status || s.status === q.status) &&
  (!q.agencyDepartmentId || s.agencyDepartmentId === q.agencyDepartmentId) &&
  (!q.offenceCategory || s.offenceCategory === q.offenceCategory);

/** Overdue first, then the nearest due, then nothing running; newest report first among equals. */
export function urgentFirst(a: CaseSummary, b: CaseSummary): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const due = (a.nextDueAt ?? Number.POSITIVE_INFINITY) - (b.nextDueAt ?? Number.POSITIVE_INFINITY);
  if (due !== 0 && !Number.isNaN(due)) return due;
  return b.reportedAt - a.reportedAt;
}

export async function listCasesRoute({ principal, query, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const q = query as Query;
  const caller = await callerOf(d, principal!);
  const items = (await listCases(d, listOf(q, caller))).filter(matches(q)).sort(urgentFirst).slice(0, q.limit);
  return { status: 200, body: { items: items.map(summaryView) } };
}
