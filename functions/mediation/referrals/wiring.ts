import { defineFunction, entryOf } from '@fazhi/platform/wiring';

export const REFERRAL_TYPES = [
  'MediationReferral.Delegated',
  'MediationReferral.Entrusted',
  'MediationReferral.PoliceReferred',
  'MediationReferral.PetitionReferred',
] as const;

export const mediationReferralsWiring = defineFunction({
  name: 'mediation-referrals',
  service: 'mediation',
  description:
    'Turns a court delegation or entrustment, a police or a petition referral into a case in the intake queue',
  entry: entryOf(import.meta.url),
  subscriptions: [
    {
      name: 'mediation-referrals-received',
      pattern: { source: [{ prefix: 'dept.' }], 'detail-type': [...REFERRAL_TYPES] },
      maxAttempts: 8,
    },
  ],
  permissions: ['table:read', 'table:write'],
});
