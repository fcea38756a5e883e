import { recordMilestone } from '@fazhi/domain/opinion/incident-state';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf, requireHandle } from '../shared/access';
import { getIncident } from '../shared/incident-store';
import { runIncidentCommand } from '../shared/run-command';
import { recordMilestoneWiring } from './wiring';

export const handler = httpRoute(
  recordMilestoneWiring.routes![0]!,
  async ({ principal, params, body, headers, rawBody, deps: d }) => {
    const id = params.incidentId ?? '';
    const caller = await callerOf(d, principal!);
    return runIncidentCommand({
      d,
      scope: `opinion-milestone#${id}#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: 201,
      decide: async (now) => {
        const incident = await getIncident(d, id);
        requireHandle(caller, incident.responsibleDepartmentId);
        return recordMilestone(incident, { ...body, by: caller.actor }, now);
      },
    });
  },
);
