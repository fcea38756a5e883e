import { receiveCase } from '@fazhi/domain/mediation/case-state';
import { ForbiddenError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { callerOf } from '../shared/access';
import { requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';
import { mediationIntakeWiring } from './wiring';

export const handler = httpRoute(
  mediationIntakeWiring.routes[0]!,
  async ({ principal, body, headers, rawBody, deps: d }) => {
    const structure = await requireStructure(d);
    const caller = await callerOf(d, principal!, structure);
    if (!caller.hub && !(body.source === 'screening' && caller.organisationId))
      throw new ForbiddenError('Only the hub registers disputes; a mediator registers their own screening findings.');
    const id = d.newId();
    const { receivedAt, ...rest } = body;
    return runCaseCommand({
      d,
      scope: `mediation-intake#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: 201,
      seesPersonalData: true,
      decide: async (now) => ({
        decision: receiveCase(
          { id, ...rest, receivedAt: receivedAt ? Date.parse(receivedAt) : now, by: caller.actor },
          now,
        ),
        previous: undefined,
        structure,
      }),
    });
  },
);
