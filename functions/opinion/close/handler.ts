import { closeIncident } from '@fazhi/domain/opinion/incident-state';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireHandle } from '../shared/access';
import { getIncident } from '../shared/incident-store';
import { runIncidentCommand } from '../shared/run-command';
import { closeIncidentWiring } from './wiring';

export const handler = httpRoute(
  closeIncidentWiring.routes![0]!,
  async ({ principal, params, body, headers, rawBody, deps: d }) => {
    const id = params.incidentId ?? '';
    const caller = await callerOf(d, principal!);
    return runIncidentCommand({
      d,
      scope: `opinion-close#${id}#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: 200,
      cancelReason: 'incident-closed',
      decide: async (now) => {
        const incident = await getIncident(d, id);
        requireHandle(caller, incident.responsibleDepartmentId);
        return closeIncident(incident, { ...body, by: caller.actor }, now);
      },
    });
  },
);
