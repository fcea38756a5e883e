// POST /v1/transfer-cases (the agency's Report) and POST /v1/transfer-cases/{caseId}/{action} (every
// other command of the domain, the action being its name in kebab case). Parse, authorise, let the
// domain decide, commit case + clocks + events in one transaction.
import { decide, type TransferCommand } from '@fazhi/domain/transfers/transfer-state';
import { PlatformError, ValidationError } from '@fazhi/platform/errors';
import { httpRoutes, type RouteContext, zodErrors } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { callerOf, requireAgency, requireRead } from '../shared/access';
import { getCase } from '../shared/case-store';
import { runCaseCommand } from '../shared/run-command';
import { ACTIONS, COMMAND_BODIES, type reportBodySchema } from '../shared/schemas';
import { checkCommand } from './checks';
import { decideFlagRoute, postPenaltyCases } from './detection';
import { actOnRecommendation, issueRecommendation } from './recommendations';
import { transferCommandsWiring } from './wiring';

async function report({ principal, body, headers, rawBody, deps: d }: RouteContext<RouteWiring>) {
  const caller = await callerOf(d, principal!);
  requireAgency(caller);
  const { reportedAt, economic, ...facts } = body as z.infer<typeof reportBodySchema>;
  const id = d.newId();
  return runCaseCommand({
    d,
    scope: `transfer-report#${caller.actor}`,
    idempotencyKey: headers['idempotency-key'],
    rawBody,
    correlationId: id,
    status: 201,
    decide: async (now) => {
      const command: TransferCommand = {
        type: 'Report',
        id,
        ...facts,
        economic: economic ?? false,
        reportedAt: reportedAt ? Date.parse(reportedAt) : now,
      };
      return {
        decision: decide(undefined, command, { userId: caller.actor, departmentId: caller.departmentId }, now),
        previous: undefined,
      };
    },
  });
}

async function act({ principal, params, body, headers, rawBody, deps: d }: RouteContext<RouteWiring>) {
  const id = params.caseId ?? '';
  const type = ACTIONS.get(params.action ?? '');
  if (!type) throw new PlatformError(404, 'transfer-action-unknown', 'Not found', `没有这个办理步骤：${params.action}`);
  const parsed = COMMAND_BODIES[type].safeParse(body);
  if (!parsed.success)
    throw new ValidationError('The request body does not match the action.', zodErrors(parsed.error));
  const command = { type, ...parsed.data } as TransferCommand;
  const caller = await callerOf(d, principal!);
  return runCaseCommand({
    d,
    scope: `transfer-command#${id}#${caller.actor}`,
    idempotencyKey: headers['idempotency-key'],
    rawBody: `${type}\n${rawBody}`,
    correlationId: id,
    status: 200,
    decide: async (now) => {
      const previous = await getCase(d, id);
      requireRead(caller, previous);
      await checkCommand(d, caller, command);
      const actor = { userId: caller.actor, departmentId: caller.departmentId };
      return { decision: decide(previous, command, actor, now), previous };
    },
  });
}

export const handler = httpRoutes(transferCommandsWiring.routes, {
  'POST /v1/transfer-cases': report,
  'POST /v1/transfer-cases/{caseId}/{action}': act,
  'POST /v1/transfer-penalty-cases': postPenaltyCases,
  'POST /v1/transfer-flags/{flagId}/decision': decideFlagRoute,
  'POST /v1/recommendations': issueRecommendation,
  'POST /v1/recommendations/{recommendationId}/{action}': actOnRecommendation,
});
