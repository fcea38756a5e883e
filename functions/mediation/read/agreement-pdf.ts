// GET /v1/mediation-cases/{caseId}/agreement.pdf: the case's 人民调解协议书 as a PDF printed from the
// city's template (GET/PUT /v1/mediation/agreement-template) in the version recorded with the
// agreement, so a later edit does not reword an agreement already signed (one recorded before
// templates existed prints from the one in force). Whoever may read the case may print it; identity
// numbers and phones are masked exactly as the case view masks them.
import { type AgreementFacts, renderAgreement } from '@fazhi/domain/mediation/agreement-template';
import { NotFoundError } from '@fazhi/platform/errors';
import type { Reply, RouteContext } from '@fazhi/platform/http/route';
import type { RouteWiring } from '@fazhi/platform/wiring';
import { callerOf, requireRead } from '../shared/access';
import { getCase } from '../shared/case-store';
import { maskedParty } from '../shared/case-view';
import { getAgreementTemplate, getStructure } from '../shared/config-store';
import { agreementPdf } from './agreement-pdf-layout';

/** RFC 6266 with an RFC 5987 `filename*` for the Chinese name and a plain ASCII fallback. */
export function contentDisposition(name: string, fallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function agreementPdfRoute({ principal, params, deps: d }: RouteContext<RouteWiring>): Promise<Reply> {
  const [structure, stored] = await Promise.all([getStructure(d), getCase(d, params.caseId ?? '')]);
  const caller = await callerOf(d, principal!, structure?.value);
  const c = stored.state;
  requireRead(caller, c);
  if (!c.agreement) throw new NotFoundError('The agreement (人民调解协议书) of this case');
  const template = await getAgreementTemplate(d, c.agreement.templateVersion);
  const org = structure?.value.organisations.find((o) => o.id === c.organisationId);
  const facts: AgreementFacts = {
    ...c.agreement,
    disputeType: c.disputeType,
    parties: caller.seesPersonalData ? c.parties : c.parties.map(maskedParty),
    organisationName: org?.name ?? '人民调解委员会',
    mediatorNames: c.mediators.ids.flatMap((id) => org?.mediators.find((m) => m.id === id)?.name ?? []),
  };
  const rendered = renderAgreement(template, facts);
  const pdf = await agreementPdf(rendered, { author: facts.organisationName, subject: c.title, at: d.clock.now() });
  const fileName = `人民调解协议书-${c.agreement.documentNo}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition(fileName, `mediation-agreement-${c.id}.pdf`),
      'cache-control': 'private, no-store',
    },
    body: pdf,
  };
}
