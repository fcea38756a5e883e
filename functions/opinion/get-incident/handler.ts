import { httpRoute } from '@fazhi/platform/http/route';
import { displayNames } from '@fazhi/platform/repos/people';
import { callerOf, requireHandle } from '../shared/access';
import { getIncident } from '../shared/incident-store';
import { incidentView } from '../shared/incident-view';
import { getIncidentWiring } from './wiring';

export const handler = httpRoute(getIncidentWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const [caller, incident] = await Promise.all([callerOf(d, principal!), getIncident(d, params.incidentId ?? '')]);
  requireHandle(caller, incident.responsibleDepartmentId);
  // Who recorded each milestone and who acted in the timeline, by name, for an after-action review.
  const names = await displayNames(
    d,
    [incident.responsibleDepartmentId],
    [...incident.milestones.map((m) => m.recordedBy), ...incident.timeline.flatMap((t) => (t.by ? [t.by] : []))],
  );
  return { status: 200, body: { ...incidentView(incident), names: Object.fromEntries(names) } };
});
