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
  await d.notifier.notify(alertMessage(event['detail-type'], alert, data.recipients));
});
