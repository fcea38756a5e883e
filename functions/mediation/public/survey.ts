// A party's satisfaction link (sent by SMS when the case closes: on-events/survey-links.ts): the
// page shows the dispute type and the organisation, never personal data; the answer is recorded as
// the mediator's own would be, via `link`. One per party: the case refuses a second (409).
import { recordSatisfaction } from '@fazhi/domain/mediation/case-state';
import { DISPUTE_TYPES } from '@fazhi/domain/mediation/taxonomy';
import { NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import type { Reply } from '@fazhi/platform/http/route';
import type * as z from 'zod';
import { getCase } from '../shared/case-store';
import { requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';
import { type Ctx, claimsOf } from './apply';
import type { surveyBodySchema } from './schemas';

export const LINK_ACTOR = 'public.link';

async function partyCase(ctx: Ctx<unknown>) {
  const claims = await claimsOf(ctx, 's');
  const found = await getCase(ctx.deps, claims.c).catch(() => undefined);
  const party = found?.state.parties.find((p) => p.id === claims.p && p.role !== 'agent');
  if (!found || !party) throw new NotFoundError('The link');
  return { stored: found, partyId: party.id };
}

export async function showSurvey(ctx: Ctx<unknown>): Promise<Reply> {
  const { stored, partyId } = await partyCase(ctx);
  const c = stored.state;
  const structure = await requireStructure(ctx.deps);
  const org = structure.organisations.find((o) => o.id === c.organisationId);
  return {
    status: 200,
    body: {
      disputeTypeName: DISPUTE_TYPES[c.disputeType],
      organisationName: org?.name ?? structure.hub.name,
      ...(c.closedAt ? { closedAt: toCityIso(c.closedAt) } : {}),
      recorded: c.satisfaction.some((s) => s.partyId === partyId),
    },
  };
}

export async function recordSurvey(ctx: Ctx<z.infer<typeof surveyBodySchema>>): Promise<Reply> {
  const { partyId, stored } = await partyCase(ctx);
  const d = ctx.deps;
  const structure = await requireStructure(d);
  const reply = await runCaseCommand({
    d,
    scope: `mediation-public-survey#${stored.state.id}#${partyId}`,
    idempotencyKey: ctx.headers['idempotency-key'],
    rawBody: ctx.rawBody,
    correlationId: stored.state.id,
    status: 201,
    seesPersonalData: false,
    decide: async (now) => {
      const previous = await getCase(d, stored.state.id);
      const decision = recordSatisfaction(
        previous.state,
        { partyId, score: ctx.body.score, comment: ctx.body.comment, via: 'link' },
        LINK_ACTOR,
        now,
      );
      return { decision, previous, structure };
    },
  });
  return { status: reply.status, ...(reply.headers ? { headers: reply.headers } : {}), body: { recorded: true } };
}
