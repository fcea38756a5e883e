import { sendOnce } from '@fazhi/platform/ddb/send-once';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { alertMessage } from '../shared/alert-message';
import { getAlert, recordNotification } from '../shared/alert-store';

interface AlertEventData {
  alertId: string;
  recipients: string[];
  departmentId: string;
}

// Each attempt is recorded with its outcome, so the incident's timeline shows what reached whom and
// what failed (a failure is rethrown: the subscription retries, then dead-letters it).
export const handler = eventHandler<AlertEventData>(async (event, d) => {
  const data = event.detail.data;
  const alert = await getAlert(d, data.alertId);
  if (!alert || alert.status === 'resolved') return;
  const base = {
    alertId: alert.id,
    channel: d.notifier.channel,
    detailType: event['detail-type'],
    recipients: data.recipients,
  };
  const attempt = d.newId();
  // One message per alert event, however often the bus delivers it (a redelivered batch, a retry).
  await sendOnce(d, d.notifier.channel, event.detail.meta.eventId, async () => {
    try {
      const outcome = await d.notifier.notify(alertMessage(event['detail-type'], alert, data.recipients));
      await recordNotification(d, { ...base, at: d.clock.now(), outcome }, attempt);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      await recordNotification(d, { ...base, at: d.clock.now(), outcome: 'failed', error: name }, attempt);
      throw error;
    }
  });
});
