import type { AlertStatus } from '@fazhi/domain/alerts/alert-state';
import { httpRoute } from '@fazhi/platform/http/route';
import { requireDepartmentView } from '../../clocks/shared/visibility';
import { departmentAlerts } from '../shared/alert-store';
import { alertView } from '../shared/alert-view';
import { personNames } from '../shared/person-names';
import { listAlertsWiring } from './wiring';

const RECENT_MS = 7 * 24 * 3_600_000;

export const handler = httpRoute(listAlertsWiring.routes![0]!, async ({ principal, query, deps: d }) => {
  const p = principal!;
  const departmentId = query.departmentId ?? p.departmentId;
  await requireDepartmentView(d, p, departmentId);
  const unresolved: AlertStatus[] = ['open', 'acknowledged'];
  const lists = await Promise.all([
    ...unresolved.map((s) => departmentAlerts(d, departmentId, s)),
    ...(query.status === 'all'
      ? [departmentAlerts(d, departmentId, 'resolved', { raisedFrom: d.clock.now() - RECENT_MS })]
      : []),
  ]);
  const alerts = lists.flat().sort((a, b) => b.raisedAt - a.raisedAt);
  const nameOf = await personNames(
    d,
    departmentId,
    alerts.flatMap((a) => [...a.recipients, ...(a.acknowledgedBy ? [a.acknowledgedBy] : [])]),
  );
  const items = alerts.map((a) => alertView(a, nameOf));
  return { status: 200, body: { items } };
});
