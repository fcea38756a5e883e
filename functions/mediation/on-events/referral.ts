// Idempotent on the event id: a redelivered referral replays the first outcome (the case id is the
// event id). A referral the domain refuses (it cannot be mediated as sent) is told to its sender
// (referral-refusal.ts) and not retried, since retrying cannot make it valid.
import { DomainError } from '@fazhi/domain/domain-error';
import { receiveCase } from '@fazhi/domain/mediation/case-state';
import type { IntakeSource } from '@fazhi/domain/mediation/taxonomy';
import { findCatalogEntry } from '@fazhi/events/catalog';
import type { mediationReferralEntrustedDataSchema } from '@fazhi/events/types/mediation-referral';
import { eventHandler } from '@fazhi/platform/events/subscriber';
import type * as z from 'zod';
import { requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';
import { tellRefusal } from './referral-refusal';

const SOURCES: Record<string, IntakeSource> = {
  'MediationReferral.Delegated': 'court-delegation',
  'MediationReferral.Entrusted': 'court-entrustment',
  'MediationReferral.PoliceReferred': 'police',
  'MediationReferral.PetitionReferred': 'petition',
};

export const handler = eventHandler(async (event, d) => {
  const source = SOURCES[event['detail-type']];
  const entry = findCatalogEntry(event['detail-type']);
  if (!source || !entry || !event.source.startsWith('dept.')) return;
  const data = entry.data.parse(event.detail.data) as z.infer<typeof mediationReferralEntrustedDataSchema>;
  const departmentId = event.source.slice('dept.'.length);
  const { eventId } = event.detail.meta;
  const structure = await requireStructure(d);
  try {
    await runCaseCommand({
      d,
      scope: 'mediation-referral',
      idempotencyKey: eventId,
      rawBody: JSON.stringify(event.detail),
      correlationId: eventId,
      status: 201,
      seesPersonalData: true,
      decide: async (now) => ({
        decision: receiveCase(
          {
            id: eventId,
            title: data.title,
            summary: data.summary,
            source,
            referral: {
              departmentId,
              referenceNo: data.referenceNo,
              ...(data.procedure ? { procedure: data.procedure } : {}),
            },
            disputeType: data.disputeType,
            regionCode: data.regionCode,
            amountFen: data.amountFen ?? 0,
            peopleInvolved: data.peopleInvolved,
            risk: data.risk ?? 'low',
            parties: data.parties,
            // A referral stamped a little ahead of our clock is received now.
            receivedAt: Math.min(Date.parse(data.referredAt), now),
            by: `dept.${departmentId}`,
          },
          now,
        ),
        previous: undefined,
        structure,
      }),
    });
  } catch (e) {
    if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
    await tellRefusal(d, { eventId, detailType: event['detail-type'], referenceNo: data.referenceNo, departmentId }, e);
  }
});
