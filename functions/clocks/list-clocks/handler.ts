import type { ClockStatus } from '@fazhi/domain/clocks/index';
import { departmentClocks } from '@fazhi/platform/clocks/clock-store';
import { loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { httpRoute } from '@fazhi/platform/http/route';
import { clockView } from '../shared/clock-view';
import { requireDepartmentView } from '../shared/visibility';
import { listClocksWiring } from './wiring';

const RECENT_MS = 7 * 24 * 3_600_000;

export const handler = httpRoute(listClocksWiring.routes![0]!, async ({ principal, query, deps: d }) => {
  const p = principal!;
  const departmentId = query.departmentId ?? p.departmentId;
  await requireDepartmentView(d, p, departmentId);
  const live: ClockStatus[] = query.status === 'running' ? ['running'] : ['running', 'paused', 'breached'];
  const finished: ClockStatus[] = query.status === 'running' ? [] : ['met', 'cancelled'];
  const dueFrom = d.clock.now() - RECENT_MS;
  const lists = await Promise.all([
    ...live.map((s) => departmentClocks(d, departmentId, s)),
    ...finished.map((s) => departmentClocks(d, departmentId, s, { dueFrom })),
  ]);
  const registry = await loadClockRegistry(d);
  const items = lists
    .flat()
    .sort((a, b) => a.dueAt - b.dueAt)
    .map((r) => clockView(r, registry));
  return { status: 200, body: { items } };
});
