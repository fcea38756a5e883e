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

/** A recommendation's reply and implementation clocks (检察建议 / 司法建议). */
export const RECOMMENDATION_SUBJECT = registerClockSubject({
  type: 'recommendation',
  service: 'transfers',
  name: '检察建议、司法建议',
  nameEn: 'Procuratorial or judicial recommendation',
});

/**
 * The one rule of transfers-on-events: breaches of transfer cases and of recommendations (one rule
 * and one queue for both, as the stack has little room left under CloudFormation's 500 resources).
 */
export const transfersBreachesWiring = {
  ...transferBreaches.wiring,
  pattern: {
    ...transferBreaches.wiring.pattern,
    detail: { data: { subject: { type: [TRANSFER_SUBJECT.type, RECOMMENDATION_SUBJECT.type] } } },
  },
};

export const TRANSFERS_SOURCE = 'fazhi.transfers';
