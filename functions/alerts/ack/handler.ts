import { acknowledgeAlert } from '@fazhi/domain/alerts/alert-state';
import { requireUser } from '@fazhi/platform/auth/principal';
import { decideOrConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { NotFoundError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { alertEventOf } from '../shared/alert-events';
import { getAlert, putAlert } from '../shared/alert-store';
import { alertView } from '../shared/alert-view';
import { ackAlertWiring } from './wiring';

export const handler = httpRoute(ackAlertWiring.routes![0]!, async ({ principal, params, correlationId, deps: d }) => {
  const user = requireUser(principal!);
  const alertId = params.alertId ?? '';
  // The sweeper may escalate or remind between our read and our write: decide again from the new state.
  const state = await decideOrConflict(async () => {
    const alert = await getAlert(d, alertId);
    if (!alert) throw new NotFoundError(`Alert ${alertId}`);
    const next = acknowledgeAlert(
      alert,
      { username: user.username, roles: user.roles, departmentId: user.departmentId },
      d.clock.now(),
    );
    if (next.events.length > 0)
      await commit(
        d,
        [putAlert(d, next.state)],
        next.events.map((e) => alertEventOf(e, next.state, correlationId)),
      );
    return next.state;
  });
  return { status: 200, body: alertView(state) };
});
