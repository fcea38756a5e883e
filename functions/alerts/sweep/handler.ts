import { scheduledHandler } from '@fazhi/platform/events/subscriber';
import { sweepAlerts } from '../shared/alert-sweep';

export const handler = scheduledHandler(sweepAlerts);
