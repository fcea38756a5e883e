import { loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { applyReplans, replanCandidates } from '@fazhi/platform/clocks/replan';
import { httpRoutes } from '@fazhi/platform/http/route';
import { replanView } from './replan-view';
import { clockReplansWiring, replanBody } from './wiring';

export const handler = httpRoutes(clockReplansWiring.routes, {
  'GET /v1/config/clock-policies/{policyId}/replans': async ({ params, deps: d }) => {
    const registry = await loadClockRegistry(d);
    const items = await replanCandidates(d, registry, params.policyId ?? '', d.clock.now());
    return { status: 200, body: { items: items.map(replanView) } };
  },
  'POST /v1/config/clock-policies/{policyId}/replans': async ({ params, body, deps: d }) => {
    const registry = await loadClockRegistry(d);
    const items = await applyReplans(
      d,
      registry,
      params.policyId ?? '',
      replanBody.parse(body).clockIds,
      d.clock.now(),
    );
    return { status: 200, body: { items: items.map(replanView) } };
  },
});
