import { resolveAlert } from '@fazhi/domain/alerts/alert-state';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { alertEventOf } from '../shared/alert-events';
import { getAlert, getAlertHead, putAlert, putAlertHead } from '../shared/alert-store';

// Marks the clock finished on its alert head even when it never alerted, so an alarm delivered
// after this (the bus does not keep order) raises nothing.
export const handler = eventHandler<{ clockId: string }>(async (event, d) => {
  const { clockId } = event.detail.data;
  const resolution = event['detail-type'] === 'Clock.Met' ? 'clock-met' : 'clock-cancelled';
  await decideAgainOnConflict(async () => {
    const head = await getAlertHead(d, clockId);
    if (head?.finished) return;
    const latest = head?.latestAlertId ? await getAlert(d, head.latestAlertId) : undefined;
    const resolved = latest ? resolveAlert(latest, d.clock.now(), resolution) : undefined;
    await commit(
      d,
      [
        putAlertHead(d, head, { clockId, finished: resolution }),
        ...(resolved && resolved.events.length > 0 ? [putAlert(d, resolved.state)] : []),
      ],
      (resolved?.events ?? []).map((e) => alertEventOf(e, resolved!.state, event.detail.meta.correlationId)),
    );
  });
});
