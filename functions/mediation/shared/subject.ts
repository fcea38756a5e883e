// The mediation service's clock subject and its subscription to the clocks it runs.
import { clockBreachedV1 } from '@fazhi/events/types/clock-breached';
import { clockSubscription, registerClockSubject } from '@fazhi/platform/clocks/subjects';

export const CASE_SUBJECT = registerClockSubject({
  type: 'mediation-case',
  service: 'mediation',
  name: '矛盾纠纷调解案件',
  nameEn: 'Mediation case',
});

export const caseBreaches = clockSubscription(CASE_SUBJECT, 'mediation-clock-breached-cases', [clockBreachedV1], {
  maxAttempts: 8,
});

export const MEDIATION_SOURCE = 'fazhi.mediation';
