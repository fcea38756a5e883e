// When a case closes (the follow-up visit clock starts), each party with a mobile phone gets an SMS
// with their own satisfaction link: a signed token (case, party, expiry 30 days after closure,
// platform/secrets/link-tokens.ts) to #/survey/<token>, answered through mediation-public. Sent
// once per party however often the bus delivers the event (ddb/send-once.ts).
import type { MediationCase } from '@fazhi/domain/mediation/case-types';
import { SATISFACTION_LINK_TTL_MS } from '@fazhi/domain/mediation/public-intake';
import { DISPUTE_TYPES } from '@fazhi/domain/mediation/taxonomy';
import { sendOnce } from '@fazhi/platform/ddb/send-once';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { signLink } from '@fazhi/platform/secrets/link-tokens';
import { findCase } from '../shared/case-store';

const MOBILE = /^1[3-9]\d{9}$/;

/** The party's link; the same for every call with the same closure. */
export async function surveyLinkOf(d: PlatformDeps, c: MediationCase, partyId: string): Promise<string> {
  const e = Math.floor(((c.closedAt ?? 0) + SATISFACTION_LINK_TTL_MS) / 1000);
  return `${d.webUrl}/#/survey/${await signLink(d.links, { k: 's', c: c.id, p: partyId, e })}`;
}

export async function sendSurveyLinks(d: PlatformDeps, caseId: string, eventId: string): Promise<void> {
  const c = (await findCase(d, caseId))?.state;
  if (!c?.closedAt) return;
  for (const p of c.parties) {
    if (p.role === 'agent' || !p.phone || !MOBILE.test(p.phone)) continue;
    const link = await surveyLinkOf(d, c, p.id);
    await sendOnce(d, 'survey-sms', `${eventId}#${p.id}`, () =>
      d.sms.send({
        phone: p.phone!,
        text: `【矛盾纠纷调解】您的${DISPUTE_TYPES[c.disputeType]}纠纷调解已结案，请对调解工作作出评价（30日内有效）：${link}`,
      }),
    );
  }
}
