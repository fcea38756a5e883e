import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf } from '../shared/access';
import { listIncidents } from '../shared/incident-store';
import { incidentView } from '../shared/incident-view';
import { listIncidentsWiring } from './wiring';

export const handler = httpRoute(listIncidentsWiring.routes![0]!, async ({ principal, query, deps: d }) => {
  const caller = await callerOf(d, principal!);
  const items = await listIncidents(
    d,
    query.status,
    caller.cityWide ? {} : { responsibleDepartmentId: caller.principal.departmentId },
  );
  return { status: 200, body: { items: items.map(incidentView) } };
});
