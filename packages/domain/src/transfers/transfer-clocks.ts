import type { ClockIntent } from '../clocks/clock-intent';

// What a transfer case asks of the clock service, in the shape of mediation/case-clocks.ts. The
// case names its clocks by a key; the service maps a key to a clock id (`<caseId>.<key>`) and each
// intent to the platform's ClockCommand, inside the case's own transaction, in the order given.
//
// Clocks of the public-security stage are numbered by the round (`filing-1`, `filing-2`, …): a
// case passed on to another public security organ starts its stage again under new keys, so no
// clock id is ever started twice.

export const TRANSFER_POLICY_IDS = {
  headApproval: 'transfer.head-approval',
  toPolice: 'transfer.to-police',
  passOn: 'transfer.police-pass-on',
  notifyIncomplete: 'transfer.police-notify-incomplete',
  completeMaterials: 'transfer.agency-complete-materials',
  filing: 'transfer.filing-decision',
  filingEconomic: 'transfer.filing-decision-economic',
  filingEconomicComplex: 'transfer.filing-decision-economic-complex',
  reconsiderationRequest: 'transfer.reconsideration-request',
  reconsiderationDecision: 'transfer.reconsideration-decision',
  supervisionRequest: 'transfer.filing-supervision-request',
  supervisionExplanation: 'transfer.supervision-explanation',
  supervisionFiling: 'transfer.supervision-filing',
  supervisionNotice: 'transfer.supervision-notice-to-agency',
  urging: 'transfer.supervision-urging',
  handover: 'transfer.handover-materials',
  reverseReferral: 'transfer.reverse-referral',
  reverseReview: 'transfer.reverse-review',
  penalty: 'transfer.penalty-decision',
  advisedTransfer: 'transfer.advised-transfer',
} as const;

/** Clocks of the public-security stage; their keys carry the round: `filing-1`. */
export const ROUND_CLOCKS = [
  'filing',
  'filing-complex',
  'pass-on',
  'reconsideration-request',
  'reconsideration-decision',
  'supervision-request',
  'supervision-explanation',
  'supervision-filing',
  'supervision-notice',
  'handover',
  'urging',
] as const;
export type RoundClock = (typeof ROUND_CLOCKS)[number];

export type TransferClockKey =
  | 'head-approval'
  | 'to-police'
  | 'reverse-referral'
  | 'reverse-review'
  | 'penalty'
  | `${RoundClock}-${number}`
  | `notify-incomplete-${number}`
  | `complete-materials-${number}`;

/** The step a clock measures, for the on-time rate per step (figures.ts). */
export function stepOfKey(key: string): string {
  return key.replace(/-\d+$/, '');
}

export type TransferClockIntent = ClockIntent<TransferClockKey>;
