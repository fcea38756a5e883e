import { alertHistory } from '@fazhi/domain/alerts/alert-history';
import { PlatformError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { httpRoute } from '@fazhi/platform/http/route';
import { displayNames } from '@fazhi/platform/repos/people';
import { requireDepartmentView } from '../../clocks/shared/visibility';
import { alertNotifications, getAlert, subjectAlertIds } from '../shared/alert-store';
import { caseAlertsWiring } from './wiring';

export const handler = httpRoute(caseAlertsWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const ids = await subjectAlertIds(d, params.subjectType ?? '', params.subjectId ?? '');
  const alerts = (await Promise.all(ids.map((id) => getAlert(d, id)))).filter((a) => a !== undefined);
  // A case may be worked by several departments: show the alerts of those the caller may see.
  const visible = new Map<string, boolean>();
  for (const dept of new Set(alerts.map((a) => a.departmentId))) {
    visible.set(
      dept,
      await requireDepartmentView(d, principal!, dept).then(
        () => true,
        (e: unknown) => {
          if (e instanceof PlatformError && e.status === 403) return false;
          throw e;
        },
      ),
    );
  }
  const shown = alerts.filter((a) => visible.get(a.departmentId));
  const entries = (
    await Promise.all(shown.map(async (a) => alertHistory(a, await alertNotifications(d, a.id))))
  ).flat();
  const items = entries
    .sort((x, y) => x.at - y.at)
    .map((e) => ({ ...e, at: toCityIso(e.at), dueAt: toCityIso(e.dueAt) }));
  // The people the entries name, as the page shows them (王建国, not propaganda.duty).
  const names = await displayNames(
    d,
    new Set(shown.map((a) => a.departmentId)),
    entries.flatMap((e) => [...(e.recipients ?? []), ...(e.by ? [e.by] : [])]),
  );
  return { status: 200, body: { items, names: Object.fromEntries(names) } };
});
