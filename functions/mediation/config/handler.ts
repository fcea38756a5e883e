import { type MediationStructure, staffingReport, validateStructure } from '@fazhi/domain/mediation/structure';
import type { DispatchRule } from '@fazhi/domain/mediation/suggest';
import { commit } from '@fazhi/platform/ddb/commit';
import { ForbiddenError, NotFoundError, ValidationError } from '@fazhi/platform/errors';
import { httpRoutes, type RouteContext } from '@fazhi/platform/http/route';
import { listDepartments } from '@fazhi/platform/repos/departments';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { type Caller, callerOf } from '../shared/access';
import { getRules, getStructure, putRules, putStructure, requireStructure } from '../shared/config-store';
import { getTemplateRoute, putTemplateRoute } from './agreement-template';
import { mediationConfigWiring } from './wiring';

type Ctx = RouteContext<RouteWiring>;

async function caller({ principal, deps: d }: Ctx, write: boolean): Promise<Caller> {
  const s = await getStructure(d);
  const c = await callerOf(d, principal!, s?.value);
  // Before the first structure exists only an admin may write one.
  if (!c.hub && (write || c.organisationId === undefined))
    throw new ForbiddenError('Only the mediation hub (调处中心), its mediators or an admin may do this.');
  return c;
}

const structureBody = (s: MediationStructure, version: number) => ({
  structure: s,
  version,
  staffing: staffingReport(s),
});

async function requireDepartments(ctx: Ctx, s: MediationStructure): Promise<void> {
  const known = new Set((await listDepartments(ctx.deps, { fresh: true })).map((x) => x.id));
  const named: [string, string | undefined][] = [
    ['hub.departmentId', s.hub.departmentId],
    ['hub.riskReportDepartmentId', s.hub.riskReportDepartmentId],
    ...s.organisations.map((o, i): [string, string | undefined] => [`organisations.${i}.departmentId`, o.departmentId]),
  ];
  const unknown = named.filter(([, id]) => id !== undefined && !known.has(id));
  if (unknown.length > 0)
    throw new ValidationError(
      'The structure names departments that do not exist.',
      unknown.map(([path, id]) => ({ path, message: `unknown department ${id}` })),
    );
}

export const handler = httpRoutes(mediationConfigWiring.routes, {
  'GET /v1/mediation/structure': async (ctx) => {
    await caller(ctx, false);
    const s = await getStructure(ctx.deps);
    if (!s) throw new NotFoundError('The mediation structure');
    return { status: 200, body: structureBody(s.value, s.version) };
  },
  'PUT /v1/mediation/structure': async (ctx) => {
    const c = await caller(ctx, true);
    const next = validateStructure(ctx.body as MediationStructure);
    await requireDepartments(ctx, next);
    const prior = await getStructure(ctx.deps);
    await commit(ctx.deps, [putStructure(ctx.deps, prior, next, c.actor)]);
    return { status: 200, body: structureBody(next, (prior?.version ?? 0) + 1) };
  },
  'GET /v1/mediation/dispatch-rules': async (ctx) => {
    await caller(ctx, false);
    const r = await getRules(ctx.deps);
    return { status: 200, body: { rules: r?.value ?? [], version: r?.version ?? 0 } };
  },
  'PUT /v1/mediation/dispatch-rules': async (ctx) => {
    const c = await caller(ctx, true);
    const s = await requireStructure(ctx.deps);
    const { rules } = ctx.body as { rules: DispatchRule[] };
    const problems = rules.flatMap((r, i) =>
      s.organisations.some((o) => o.id === r.organisationId)
        ? []
        : [{ path: `rules.${i}.organisationId`, message: `unknown organisation ${r.organisationId}` }],
    );
    const ids = rules.map((r) => r.id);
    if (new Set(ids).size !== ids.length) problems.push({ path: 'rules', message: 'rule ids must be unique' });
    if (problems.length > 0) throw new ValidationError('The dispatch rules are invalid.', problems);
    const prior = await getRules(ctx.deps);
    await commit(ctx.deps, [putRules(ctx.deps, prior, rules, c.actor)]);
    return { status: 200, body: { rules, version: (prior?.version ?? 0) + 1 } };
  },
  'GET /v1/mediation/agreement-template': async (ctx) => getTemplateRoute(ctx, await caller(ctx, true)),
  'PUT /v1/mediation/agreement-template': async (ctx) => putTemplateRoute(ctx, await caller(ctx, true)),
});
