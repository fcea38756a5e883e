// The online application: a code by SMS, then the application, which uses the code up in the
// transaction that registers the case (the staff intake's domain path, source `online`, with the
// applicant's consent and the consent text's version), and answers a reference number and a status
// token. Answers never depend on what the phone has done before.
import { receiveCase, STATUS_NAMES } from '@fazhi/domain/mediation/case-state';
import {
  CONSENT_TEXTS,
  CURRENT_CONSENT_TEXT_VERSION,
  PUBLIC_RATE_LIMITS as L,
  referenceNoOf,
  STATUS_TOKEN_TTL_MS,
} from '@fazhi/domain/mediation/public-intake';
import { DISPUTE_TYPES } from '@fazhi/domain/mediation/taxonomy';
import { GoneError, NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import { openLink, signLink } from '@fazhi/platform/secrets/link-tokens';
import type { RouteWiring } from '@fazhi/platform/wiring';
import type * as z from 'zod';
import { getCase } from '../shared/case-store';
import type { CaseView } from '../shared/case-view';
import { requireStructure } from '../shared/config-store';
import { runCaseCommand } from '../shared/run-command';
import { newCode, useCode } from './codes';
import { hit, keyHash, sourceIpOf } from './limits';
import type { applicationBodySchema, phoneCodeBodySchema } from './schemas';

/** The actor of what the public form records (a username in events). */
export const ONLINE_ACTOR = 'public.online';

export type Ctx<B> = Omit<RouteContext<RouteWiring>, 'body'> & { body: B };

export async function showForm({ deps: d }: Ctx<unknown>): Promise<Reply> {
  const structure = await requireStructure(d);
  return {
    status: 200,
    body: {
      consentTextVersion: CURRENT_CONSENT_TEXT_VERSION,
      consentText: CONSENT_TEXTS[CURRENT_CONSENT_TEXT_VERSION],
      disputeTypes: Object.entries(DISPUTE_TYPES).map(([code, name]) => ({ code, name })),
      regions: structure.regions,
    },
  };
}

export async function sendPhoneCode({
  body,
  event,
  deps: d,
}: Ctx<z.infer<typeof phoneCodeBodySchema>>): Promise<Reply> {
  const now = d.clock.now();
  await hit(d, L.codePerAddressHour, keyHash('ip', sourceIpOf(event)), now);
  await hit(d, L.codePerPhoneMinute, keyHash('phone', body.phone), now);
  await hit(d, L.codePerPhoneDay, keyHash('phone', body.phone), now);
  const code = await newCode(d, body.phone, now);
  await d.sms.send({
    phone: body.phone,
    text: `【矛盾纠纷调解】您的网上申请验证码为${code}，10分钟内有效，请勿告诉他人。`,
  });
  return { status: 202, body: { sent: true, expiresInSeconds: 600, resendAfterSeconds: 60 } };
}

export async function apply(ctx: Ctx<z.infer<typeof applicationBodySchema>>): Promise<Reply> {
  const { body: b, event, headers, rawBody, deps: d } = ctx;
  await hit(d, L.applicationPerAddressHour, keyHash('ip', sourceIpOf(event)), d.clock.now());
  const structure = await requireStructure(d);
  const id = d.newId();
  const reply = await runCaseCommand({
    d,
    scope: `mediation-public-apply#${keyHash('phone', b.phone)}`,
    idempotencyKey: headers['idempotency-key'],
    rawBody,
    correlationId: id,
    status: 201,
    seesPersonalData: false,
    decide: async (now) => {
      const used = await useCode(d, b.phone, b.code, now);
      await hit(d, L.applicationPerPhoneDay, keyHash('phone', b.phone), now);
      const decision = receiveCase(
        {
          id,
          title: `网上申请：${DISPUTE_TYPES[b.disputeType]}纠纷`,
          summary: b.summary,
          source: 'online',
          disputeType: b.disputeType,
          regionCode: b.regionCode,
          amountFen: b.amountFen ?? 0,
          peopleInvolved: b.peopleInvolved,
          risk: 'low',
          parties: [
            { id: 'p1', role: 'applicant', phone: b.phone, ...b.applicant },
            { id: 'p2', role: 'respondent', ...b.respondent },
          ],
          consents: [{ partyId: 'p1', textVersion: b.consentTextVersion }],
          receivedAt: now,
          by: ONLINE_ACTOR,
        },
        now,
      );
      return { decision, previous: undefined, structure, alsoWrite: [used] };
    },
  });
  const view = reply.body as CaseView & { receivedAt: string };
  const receivedAt = Date.parse(view.receivedAt);
  const statusToken = await signLink(d.links, {
    k: 'a',
    c: view.id,
    e: Math.floor((receivedAt + STATUS_TOKEN_TTL_MS) / 1000),
  });
  return {
    status: reply.status,
    ...(reply.headers ? { headers: reply.headers } : {}),
    body: { referenceNo: referenceNoOf(view.id, receivedAt), statusToken, receivedAt: view.receivedAt },
  };
}

/** Opens a link token of the kind, or answers 404 (forged) / 410 (expired). */
export async function claimsOf(ctx: Ctx<unknown>, kind: 's' | 'a') {
  const { params, event, deps: d } = ctx;
  await hit(d, L.surveyPerAddressHour, keyHash('ip', sourceIpOf(event)), d.clock.now());
  const r = await openLink(d.links, params.token ?? '', kind, d.clock.now());
  if (!r.ok && r.why === 'expired') throw new GoneError('This link has expired.');
  if (!r.ok) throw new NotFoundError('The link');
  return r.claims;
}

export async function applicationStatus(ctx: Ctx<unknown>): Promise<Reply> {
  const claims = await claimsOf(ctx, 'a');
  const c = (await getCase(ctx.deps, claims.c)).state;
  return {
    status: 200,
    body: {
      referenceNo: referenceNoOf(c.id, c.receivedAt),
      status: c.status,
      statusName: STATUS_NAMES[c.status],
      receivedAt: toCityIso(c.receivedAt),
    },
  };
}
