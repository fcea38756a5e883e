// Dispatches each delivered event to its consumer by detail-type (and source: referrals and court
// answers come from departments, breaches from the clocks service, alerts from the alerts service).

import { REPORTED_TYPES } from '@fazhi/domain/mediation/report';
import { deps } from '@fazhi/platform/deps';
import type { DeliveredEvent } from '@fazhi/platform/events/envelope';
import { MEDIATION_SOURCE } from '../shared/subject';
import { handler as breached } from './clock-breached';
import { handler as courtAnswer } from './court-answer';
import { handler as leaderAlert } from './leader-alerts';
import { handler as referral } from './referral';
import { handler as reportCounter } from './report-counters';
import { sendSurveyLinks } from './survey-links';
import { COURT_ANSWER_TYPES, LEADER_ALERT_TYPES, REFERRAL_TYPES } from './wiring';

const BY_TYPE = new Map<string, (e: DeliveredEvent) => Promise<void>>([
  ...REFERRAL_TYPES.map((t) => [t, referral] as const),
  ...COURT_ANSWER_TYPES.map((t) => [t, courtAnswer] as const),
  ...LEADER_ALERT_TYPES.map((t) => [t, leaderAlert as (e: DeliveredEvent) => Promise<void>] as const),
  ...REPORTED_TYPES.map((t) => [t, reportCounter as (e: DeliveredEvent) => Promise<void>] as const),
  ['Clock.Breached', breached],
]);

export async function handler(event: DeliveredEvent): Promise<void> {
  const consume = BY_TYPE.get(event['detail-type']);
  if (!consume) throw new Error(`mediation-on-events does not consume ${event['detail-type']}`);
  await consume(event);
  if (event['detail-type'] === 'MediationCase.Closed' && event.source === MEDIATION_SOURCE) {
    const detail = event.detail as { data: { caseId: string }; meta: { eventId: string } };
    await sendSurveyLinks(deps(), detail.data.caseId, detail.meta.eventId);
  }
}
