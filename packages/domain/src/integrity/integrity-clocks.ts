import { addMonthsToDay, cityDayOf, endOfCityDay } from '../clocks/city-time';
import type { ClockIntent } from '../clocks/clock-intent';
import { durationMonths } from '../clocks/duration';
import type { Tier } from './integrity-types';

// What a record asks of the clock service (keys → clock id `<recordId>.<key>`), and the two periods
// the domain computes itself because a command depends on them: the minimum publication period (credit
// repair "not before") and the maximum (publication ends by itself). Both count months from the date of
// the judicial or administrative document, end at 24:00 city time of the corresponding day and do not
// roll — the same rule as the clock engine's `months` counting with `rolls: false` (tests hold them equal).

export const INTEGRITY_POLICY_IDS = {
  verification: 'integrity.verification',
  objectionDecision: 'integrity.objection-decision',
  punishmentAck: 'integrity.punishment-ack',
  smePayment: 'integrity.sme-payment',
  smePaymentContract: 'integrity.sme-payment-contract',
} as const;

export interface TierRule {
  tier: Tier;
  /** Minimum publication period; credit repair may be applied for after it. None for a minor record. */
  min?: string;
  /** Maximum publication period. */
  max: string;
  endPolicyId: string;
  repairPolicyId?: string;
}

/** 国办发〔2025〕22号 / 令第36号 (the policies in clocks/default-policies.ts carry the same durations). */
export const TIER_RULES: Readonly<Record<Tier, TierRule>> = {
  minor: { tier: 'minor', max: 'P3M', endPolicyId: 'integrity.publication-end-minor' },
  general: {
    tier: 'general',
    min: 'P3M',
    max: 'P1Y',
    endPolicyId: 'integrity.publication-end-general',
    repairPolicyId: 'integrity.repair-general',
  },
  serious: {
    tier: 'serious',
    min: 'P1Y',
    max: 'P3Y',
    endPolicyId: 'integrity.publication-end-serious',
    repairPolicyId: 'integrity.repair-serious',
  },
};

/** The last instant of a month-counted period from a document date (no roll). */
export function endOfMonthsPeriod(documentDate: number, duration: string): number {
  return endOfCityDay(addMonthsToDay(cityDayOf(documentDate), durationMonths(duration)));
}

/** The publication window of a tier: repair allowed from (min period + 1 ms), ends at (max period). */
export function publicationPeriods(tier: Tier, documentDate: number): { repairAllowedFrom?: number; endsAt: number } {
  const rule = TIER_RULES[tier];
  return {
    ...(rule.min ? { repairAllowedFrom: endOfMonthsPeriod(documentDate, rule.min) + 1 } : {}),
    endsAt: endOfMonthsPeriod(documentDate, rule.max),
  };
}

export type IntegrityClockKey =
  | 'verification'
  | 'objection-decision'
  | 'publication-end'
  | 'repair-eligible'
  | `punishment-ack-${number}`;

export type IntegrityClockIntent = ClockIntent<IntegrityClockKey>;
