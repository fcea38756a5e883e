import { regradeIncident } from '@fazhi/domain/opinion/incident-state';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireHandle } from '../shared/access';
import { getIncident } from '../shared/incident-store';
import { opinionPolicies } from '../shared/policies';
import { runIncidentCommand } from '../shared/run-command';
import { regradeIncidentWiring } from './wiring';

export const handler = httpRoute(
  regradeIncidentWiring.routes![0]!,
  async ({ principal, params, body, headers, rawBody, deps: d }) => {
    const id = params.incidentId ?? '';
    const caller = await callerOf(d, principal!);
    return runIncidentCommand({
      d,
      scope: `opinion-regrade#${id}#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: 200,
      cancelReason: 'regraded',
      decide: async (now, registry) => {
        const incident = await getIncident(d, id);
        requireHandle(caller, incident.responsibleDepartmentId);
        return regradeIncident(incident, { ...body, by: caller.actor }, now, {
          policies: opinionPolicies(registry),
          newClockId: d.newId,
        });
      },
    });
  },
);
