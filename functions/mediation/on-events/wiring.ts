import { REPORTED_TYPES } from '@fazhi/domain/mediation/report';
import { combineAccess, PLATFORM_ACCESS as P } from '@fazhi/platform/table-access';
import { defineFunction, entryOf } from '@fazhi/platform/wiring';
import { CASE_SUBJECT, caseBreaches, MEDIATION_SOURCE } from '../shared/subject';

// One function for every event the mediation service consumes (one Lambda instead of four keeps the
// stack under CloudFormation's resource limit); each subscription keeps its own rule, retries and DLQ.

export const REFERRAL_TYPES = [
  'MediationReferral.Delegated',
  'MediationReferral.Entrusted',
  'MediationReferral.PoliceReferred',
  'MediationReferral.PetitionReferred',
] as const;
export const COURT_ANSWER_TYPES = ['JudicialConfirmation.Accepted', 'JudicialConfirmation.Decided'] as const;
export const LEADER_ALERT_TYPES = ['Alert.Raised', 'Alert.Escalated'] as const;

export const mediationEventsWiring = defineFunction({
  name: 'mediation-on-events',
  service: 'mediation',
  description:
    'Turns referrals into cases, records the court’s confirmation answers, marks breached cases overdue, sends a major case’s alerts to its responsible leader, keeps the monthly report’s counters, and texts the parties their satisfaction links at closure',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'mediation-referrals-received',
      pattern: { source: [{ prefix: 'dept.' }], 'detail-type': [...REFERRAL_TYPES] },
      maxAttempts: 8,
    },
    {
      name: 'mediation-court-confirmation-answers',
      pattern: { source: [{ prefix: 'dept.' }], 'detail-type': [...COURT_ANSWER_TYPES] },
      maxAttempts: 8,
    },
    caseBreaches.wiring,
    {
      name: 'mediation-leader-alerts-raised',
      pattern: {
        source: ['fazhi.alerts'],
        'detail-type': [...LEADER_ALERT_TYPES],
        detail: { data: { subject: { type: [CASE_SUBJECT.type] } } },
      },
      maxAttempts: 5,
    },
    {
      name: 'mediation-report-counted',
      pattern: { source: [MEDIATION_SOURCE], 'detail-type': [...REPORTED_TYPES] },
      maxAttempts: 8,
    },
  ],
  // sms:send and link-token:sign: each party's satisfaction link by SMS when a case closes (survey-links.ts).
  permissions: ['sns:publish', 'sms:send', 'link-token:sign'],
  table: combineAccess(
    P.department,
    P.clockRegistry,
    P.clockWrites,
    P.idempotency('mediation-referral'),
    P.idempotency('mediation-court-answer'),
    { read: ['MEDCASE#', 'MEDIATION#CONFIG', 'ALERT#'], write: ['MEDCASE#', 'ALERT#', 'SUBJECTALERTS#', 'SENT#'] },
    // The leader's notification is sent once (ddb/send-once.ts), which releases its claim on failure.
    { delete: ['SENT#'] },
    // The monthly report's counters and the once-per-event markers (shared/report-store.ts).
    { write: ['MEDREPORT#', 'MEDCOUNTED#'] },
    // A refused referral's once-only marker (on-events/referral-refusal.ts).
    { write: ['MEDREFUSED#'] },
    P.outbox,
  ),
});
