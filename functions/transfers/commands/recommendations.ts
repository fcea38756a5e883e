// POST /v1/recommendations (a procuratorate issues a 检察建议, a court a 司法建议) and
// POST /v1/recommendations/{recommendationId}/{action} (the addressed department replies and reports
// implementation; the issuer verifies or withdraws). The recommendation, its list items, its clocks
// and its events in one transaction under the caller's Idempotency-Key.
import {
  decideRecommendation,
  type Recommendation,
  type RecommendationCommand,
  type RecommendationDecision,
} from '@fazhi/domain/transfers/recommendation';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { getClocks } from '@fazhi/platform/clocks/clock-store';
import { type CommandReply, runCommand } from '@fazhi/platform/commands/run-command';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ForbiddenError, NotFoundError, PlatformError, ValidationError } from '@fazhi/platform/errors';
import { type RouteContext, zodErrors } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { type Caller, callerOf } from '../shared/access';
import { type issueBodySchema, REC_ACTIONS, REC_COMMAND_BODIES } from '../shared/recommendation-schemas';
import {
  findRecommendation,
  putRecommendation,
  recClockCommands,
  recClockIds,
  recEventOf,
  recommendationView,
} from '../shared/recommendation-store';

/** Issuer, addressee, every procuratorate, admins; anyone else: 404. */
export function mayReadRec(c: Caller, r: Recommendation): boolean {
  return c.seesAll || c.departmentId === r.issuerDepartmentId || c.departmentId === r.addresseeDepartmentId;
}

function runRec(
  d: PlatformDeps,
  req: { scope: string; key: string | undefined; rawBody: string; id: string; status: number },
  decide: (now: number) => Promise<{ decision: RecommendationDecision; previous: Recommendation | undefined }>,
): Promise<CommandReply> {
  return runCommand({
    d,
    scope: req.scope,
    idempotencyKey: req.key,
    rawBody: req.rawBody,
    correlationId: req.id,
    status: req.status,
    decide: async (now) => {
      const { decision, previous } = await decide(now);
      const known: Map<string, ClockRecord> = previous ? await getClocks(d, recClockIds(previous)) : new Map();
      return {
        clocks: recClockCommands(decision),
        complete: (changes) => {
          const clocks = new Map(known);
          for (const ch of changes) clocks.set(ch.after.id, ch.after);
          return {
            changed: decision.events.length > 0,
            body: recommendationView(decision.state, clocks),
            writes: putRecommendation(d, decision.state),
            events: decision.events.map((e) => recEventOf(e, decision.state, clocks)),
          };
        },
      };
    },
  });
}

export async function issueRecommendation({ principal, body, headers, rawBody, deps: d }: RouteContext<RouteWiring>) {
  const caller = await callerOf(d, principal!);
  const b = body as z.infer<typeof issueBodySchema>;
  const issuerKind = b.kind === 'judicial' ? 'court' : 'procuratorate';
  if (!caller.kinds.includes(issuerKind))
    throw new ForbiddenError(
      b.kind === 'judicial' ? '司法建议由人民法院发出。' : '检察建议由人民检察院发出。',
      'not-your-step',
    );
  if (!(await getDepartment(d, b.addresseeDepartmentId)))
    throw new ValidationError('被建议单位不存在。', [
      { path: 'addresseeDepartmentId', code: 'unknown-department', message: `${b.addresseeDepartmentId} 不存在` },
    ]);
  const id = d.newId();
  const { deliveredAt, ...rest } = b;
  return runRec(
    d,
    { scope: `recommendation-issue#${caller.actor}`, key: headers['idempotency-key'], rawBody, id, status: 201 },
    async (now) => {
      const command: RecommendationCommand = {
        type: 'Issue',
        id,
        ...rest,
        deliveredAt: deliveredAt ? Date.parse(deliveredAt) : now,
      };
      const actor = { userId: caller.actor, departmentId: caller.departmentId };
      return { decision: decideRecommendation(undefined, command, actor, now), previous: undefined };
    },
  );
}

export async function actOnRecommendation({
  principal,
  params,
  body,
  headers,
  rawBody,
  deps: d,
}: RouteContext<RouteWiring>) {
  const id = params.recommendationId ?? '';
  const type = REC_ACTIONS.get(params.action ?? '');
  if (!type)
    throw new PlatformError(404, 'recommendation-action-unknown', 'Not found', `没有这个办理步骤：${params.action}`);
  const parsed = REC_COMMAND_BODIES[type].safeParse(body);
  if (!parsed.success)
    throw new ValidationError('The request body does not match the action.', zodErrors(parsed.error));
  const command = { type, ...parsed.data } as RecommendationCommand;
  const caller = await callerOf(d, principal!);
  return runRec(
    d,
    {
      scope: `recommendation-command#${id}#${caller.actor}`,
      key: headers['idempotency-key'],
      rawBody: `${type}\n${rawBody}`,
      id,
      status: 200,
    },
    async (now) => {
      const previous = await findRecommendation(d, id);
      if (!previous || !mayReadRec(caller, previous)) throw new NotFoundError(`Recommendation ${id}`);
      const actor = { userId: caller.actor, departmentId: caller.departmentId };
      return { decision: decideRecommendation(previous, command, actor, now), previous };
    },
  );
}
