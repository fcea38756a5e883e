// The transfers service's clock subject and its subscription to the clocks it runs.
import { clockBreachedV1 } from '@fazhi/events/types/clock-breached';
import { clockSubscription, registerClockSubject } from '@fazhi/platform/clocks/subjects';

export const TRANSFER_SUBJECT = registerClockSubject({
  type: 'transfer-case',
  service: 'transfers',
  name: '涉嫌犯罪案件移送',
  nameEn: 'Enforcement-to-criminal transfer',
});

export const transferBreaches = clockSubscription(
  TRANSFER_SUBJECT,
  'transfers-clock-breached-cases',
  [clockBreachedV1],
  {
    maxAttempts: 8,
  },
);

export const TRANSFERS_SOURCE = 'fazhi.transfers';
