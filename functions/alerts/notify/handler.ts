import { sendOnce } from '@fazhi/platform/ddb/send-once';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import { alertMessage } from '../shared/alert-message';
import { getAlert } from '../shared/alert-store';

interface AlertEventData {
  alertId: string;
  recipients: string[];
  departmentId: string;
}

export const handler = eventHandler<AlertEventData>(async (event, d) => {
  const data = event.detail.data;
  const alert = await getAlert(d, data.alertId);
  if (!alert || alert.status === 'resolved') return;
  // One SMS per alert event, however often the bus delivers it (a redelivered batch, a retry).
  await sendOnce(d, 'sns', event.detail.meta.eventId, () =>
    d.notifier.notify(alertMessage(event['detail-type'], alert, data.recipients)),
  );
});
