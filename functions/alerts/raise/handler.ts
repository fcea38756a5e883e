import { raiseForClock } from '@fazhi/domain/alerts/alert-supersede';
import { getClockPolicy } from '@fazhi/domain/clocks/index';
import { getClock } from '@fazhi/platform/clocks/clock-store';
import { escalationOf, loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { decideAgainOnConflict } from '@fazhi/platform/clocks/transaction-retry';
import { commit } from '@fazhi/platform/ddb/commit';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { logger } from '@fazhi/platform/logger';
import { alertEventOf } from '../shared/alert-events';
import { getAlert, getAlertHead, putAlert, putAlertHead, putSubjectLink } from '../shared/alert-store';
import { getRoster } from '../shared/rosters';

interface ClockAlarmData {
  clockId: string;
  warning?: string;
}

// Idempotent and order-tolerant: the clock's alert head serialises every raise and resolve of the
// clock, and raiseForClock ignores an alarm no more urgent than the latest alert (a redelivery, or
// a warning arriving after the breach).
export const handler = eventHandler<ClockAlarmData>(async (event, d) => {
  const { clockId, warning } = event.detail.data;
  const reason = event['detail-type'] === 'Clock.Breached' ? 'breach' : 'warning';
  const correlationId = event.detail.meta.correlationId;
  await decideAgainOnConflict(async () => {
    const clock = await getClock(d, clockId);
    if (!clock || clock.status === 'met' || clock.status === 'cancelled') return;
    const head = await getAlertHead(d, clockId);
    if (head?.finished) return;
    const [latest, roster] = await Promise.all([
      head?.latestAlertId ? getAlert(d, head.latestAlertId) : undefined,
      getRoster(d, clock.departmentId),
    ]);
    const escalation = escalationOf(getClockPolicy((await loadClockRegistry(d)).policies, clock.policyId));
    const outcome = raiseForClock(
      latest,
      {
        id: d.newId(),
        clockId,
        clockKind: clock.kind,
        label: clock.label,
        subject: { type: clock.subject.type, id: clock.subject.id, title: clock.subject.title ?? '' },
        departmentId: clock.departmentId,
        dueAt: clock.dueAt,
        reason,
        ...(reason === 'warning' && warning ? { warning } : {}),
      },
      roster,
      d.clock.now(),
      escalation,
    );
    if (!outcome.raised) return;
    const { raised, superseded } = outcome;
    await commit(
      d,
      [
        putAlert(d, raised),
        ...(superseded ? [putAlert(d, superseded)] : []),
        putAlertHead(d, head, { clockId, latestAlertId: raised.id }),
        putSubjectLink(d, raised),
      ],
      outcome.events.map((e) =>
        alertEventOf(e, e.type === 'Alert.Resolved' && superseded ? superseded : raised, correlationId),
      ),
    );
    logger.info('alert raised', { alertId: raised.id, clockId, reason, alertLevel: raised.level });
  });
});
