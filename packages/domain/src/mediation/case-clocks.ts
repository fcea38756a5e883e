import type { ClockIntent } from '../clocks/clock-intent';
import type { IntakeSource } from './taxonomy';

// What a mediation case asks of the clock service. The case names its clocks by a key; the handler
// maps a key to a clock id (`<caseId>.<key>`) and each intent to the platform's ClockCommand, inside
// the case's own transaction.

export type MediationClockKey =
  | 'limit'
  | 'respondent'
  | 'confirmation-application'
  | 'confirmation-acceptance'
  | 'confirmation-decision'
  | 'performance'
  | 'visit'
  | `dispatch-${number}`
  | `risk-${number}`;

export type MediationClockIntent = ClockIntent<MediationClockKey>;

/** The policies of DOMAIN.md §3 and the city's own periods (default-policies.ts). */
export const MEDIATION_POLICY_IDS = {
  default: 'mediation.default',
  courtDelegated: 'mediation.court-delegated',
  courtEntrusted: 'mediation.court-entrusted',
  courtEntrustedSummary: 'mediation.court-entrusted-summary',
  dispatchAnswer: 'mediation.dispatch-answer',
  respondentAnswer: 'mediation.respondent-answer',
  confirmationApplication: 'mediation.judicial-confirmation-application',
  confirmationAcceptance: 'mediation.judicial-confirmation-acceptance',
  confirmationDecision: 'mediation.judicial-confirmation-decision',
  performance: 'mediation.performance',
  visit: 'mediation.follow-up-visit',
  riskReceipt: 'mediation.risk-police-receipt',
} as const;

/**
 * The time limit of the mediation itself. A court's referral runs on the court's period from the day
 * of the referral (法发〔2016〕14号 Art. 27); any other case on the people's-mediation month from
 * the day the organisation accepts it (《人民调解工作若干规定》Art. 33).
 */
export function limitPolicy(source: IntakeSource, procedure?: 'ordinary' | 'summary'): string {
  if (source === 'court-delegation') return MEDIATION_POLICY_IDS.courtDelegated;
  if (source === 'court-entrustment')
    return procedure === 'summary' ? MEDIATION_POLICY_IDS.courtEntrustedSummary : MEDIATION_POLICY_IDS.courtEntrusted;
  return MEDIATION_POLICY_IDS.default;
}

export function limitStartsAtIntake(source: IntakeSource): boolean {
  return source === 'court-delegation' || source === 'court-entrustment';
}
