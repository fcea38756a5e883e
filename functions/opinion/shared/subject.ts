// The opinion service's clock subject and its subscription to the clocks it runs.
import { clockBreachedV1 } from '@fazhi/events/types/clock-breached';
import { clockSubscription, registerClockSubject } from '@fazhi/platform/clocks/subjects';

export const INCIDENT_SUBJECT = registerClockSubject({
  type: 'opinion-incident',
  service: 'opinion',
  name: '舆情事件',
  nameEn: 'Public-opinion incident',
});

export const incidentBreaches = clockSubscription(
  INCIDENT_SUBJECT,
  'opinion-clock-breached-incidents',
  [clockBreachedV1],
  {
    maxAttempts: 8,
  },
);
