import type { PlatformDeps } from '@fazhi/platform/deps';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoutes, type RouteContext } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { findPerson } from '@fazhi/platform/repos/people';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, mayWork } from '../shared/access';
import { getCase } from '../shared/case-store';
import { getRules, getStoredTemplate, requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';
import { ACTION_NAMES, ACTIONS, type ActionName, actionPath } from './actions';
import { requireWho, STEPS } from './decide';
import { caseActionsWiring } from './wiring';

function step(action: ActionName) {
  return async ({ principal, params, body, headers, rawBody, deps: d }: RouteContext<RouteWiring>) => {
    const id = params.caseId ?? '';
    const structure = await requireStructure(d);
    const caller = await callerOf(d, principal!, structure);
    const court =
      action === 'confirmation'
        ? await getDepartment(d, (body as { courtDepartmentId: string }).courtDepartmentId)
        : undefined;
    const leaderName = action === 'tier' ? await leaderNameOf(d, body as { responsibleLeader?: string }) : undefined;
    // An agreement records the template version it will print from (read/agreement-pdf.ts).
    const templateVersion = action === 'agreement' ? ((await getStoredTemplate(d))?.version ?? 0) : undefined;
    return runCaseCommand({
      d,
      scope: `mediation-${action}#${id}#${caller.actor}`,
      idempotencyKey: headers['idempotency-key'],
      rawBody,
      correlationId: id,
      status: ACTIONS[action].status,
      seesPersonalData: caller.seesPersonalData,
      decide: async (now) => {
        const [previous, rules] = await Promise.all([getCase(d, id), getRules(d)]);
        const x = {
          caller,
          structure,
          rules: rules?.value ?? [],
          now,
          ...(court ? { courtKinds: court.kinds } : {}),
          ...(leaderName ? { leaderName } : {}),
          ...(templateVersion !== undefined ? { templateVersion } : {}),
        };
        requireWho(ACTIONS[action].who, x, mayWork(caller, previous.state));
        const decision = (
          STEPS[action] as (c: typeof previous.state, b: unknown, x: unknown) => ReturnType<(typeof STEPS)['close']>
        )(previous.state, body, x);
        return { decision, previous, structure };
      },
    });
  };
}

/** A responsible leader gets the case's alerts by account: it must be a person the directory knows. */
async function leaderNameOf(d: PlatformDeps, b: { responsibleLeader?: string }): Promise<string | undefined> {
  if (!b.responsibleLeader) return undefined;
  const person = await findPerson(d, b.responsibleLeader);
  if (!person)
    throw new ValidationError('The responsible leader is not a person of the platform’s directory.', [
      { path: 'responsibleLeader', code: 'unknown-person', message: 'not in the directory' },
    ]);
  return person.displayName;
}

export const handler = httpRoutes(
  caseActionsWiring.routes,
  Object.fromEntries(ACTION_NAMES.map((a) => [`POST ${actionPath(a)}`, step(a)])),
);
