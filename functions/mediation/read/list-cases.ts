import { ForbiddenError, ValidationError } from '@fazhi/platform/errors';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { type Caller, callerOf } from '../shared/access';
import { listQueue } from '../shared/case-store';
import { summaryView } from '../shared/case-view';
import { getStructure } from '../shared/config-store';

type Query = { queue: string; organisationId?: string; leader?: string; status?: string };

/** The queue partition the caller asked for, if they may read it. */
function queueOf(q: Query, c: Caller): string {
  const refuse = () => {
    throw new ForbiddenError('This queue is not visible to you.');
  };
  switch (q.queue) {
    case 'organisation': {
      const org = q.organisationId ?? c.organisationId;
      if (!org) throw new ValidationError('Name the organisation.', [{ path: 'organisationId', message: 'required' }]);
      if (!c.hub && c.organisationId !== org) refuse();
      return `org#${org}`;
    }
    case 'leader': {
      const leader = q.leader ?? (c.principal.kind === 'user' ? c.principal.username : undefined);
      if (!leader) throw new ValidationError('Name the leader.', [{ path: 'leader', message: 'required' }]);
      if (!c.hub && c.actor !== leader) refuse();
      return `leader#${leader}`;
    }
    case 'referred':
      return `referrer#${c.principal.departmentId}`;
    case 'status':
      if (!q.status) throw new ValidationError('Name the status.', [{ path: 'status', message: 'required' }]);
      if (!c.hub) refuse();
      return `status#${q.status}`;
    default:
      if (!c.hub) refuse();
      return q.queue;
  }
}

export async function listCasesRoute({ principal, query, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const structure = await getStructure(d);
  const caller = await callerOf(d, principal!, structure?.value);
  const items = await listQueue(d, queueOf(query as Query, caller));
  return { status: 200, body: { items: items.map(summaryView) } };
}
