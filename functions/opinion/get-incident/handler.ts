import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireHandle } from '../shared/access';
import { getIncident } from '../shared/incident-store';
import { incidentView } from '../shared/incident-view';
import { getIncidentWiring } from './wiring';

export const handler = httpRoute(getIncidentWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const [caller, incident] = await Promise.all([callerOf(d, principal!), getIncident(d, params.incidentId ?? '')]);
  requireHandle(caller, incident.responsibleDepartmentId);
  return { status: 200, body: incidentView(incident) };
});
