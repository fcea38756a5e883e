import { openIncident } from '@fazhi/domain/opinion/incident-state';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { callerOf, requireHandle } from '../shared/access';
import { opinionPolicies } from '../shared/policies';
import { runIncidentCommand } from '../shared/run-command';
import { openIncidentWiring } from './wiring';

export const handler = httpRoute(
  openIncidentWiring.routes![0]!,
  async ({ principal, body, headers, rawBody, deps: d }) => {
    const caller = await callerOf(d, principal!);
    requireHandle(caller, body.responsibleDepartmentId);
    if (!(await getDepartment(d, body.responsibleDepartmentId)))
      throw new ValidationError('The responsible department does not exist.', [
        { path: 'responsibleDepartmentId', message: `unknown department ${body.responsibleDepartmentId}` },
      ]);
    const id = d.newId();
    return runIncidentCommand({
      d,
      scope: `opinion-open#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: 201,
      decide: async (now, registry) =>
        openIncident({ id, ...body, openedBy: caller.actor }, now, {
          policies: opinionPolicies(registry),
          newClockId: d.newId,
        }),
    });
  },
);
