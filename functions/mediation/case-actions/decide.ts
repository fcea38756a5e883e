// Each case step's domain call, with the checks that need the structure (an organisation that
// exists, mediators of the organisation, a court that is a court). Pure apart from those lookups.
import * as st from '@fazhi/domain/mediation/case-state';
import type { CaseDecision, MediationCase } from '@fazhi/domain/mediation/case-types';
import { findOrganisation, type MediationStructure } from '@fazhi/domain/mediation/structure';
import { type DispatchRule, suggestOrganisations } from '@fazhi/domain/mediation/suggest';
import { ForbiddenError, ValidationError } from '@fazhi/platform/errors';
import type * as z from 'zod';
import { type Caller, extensionRole } from '../shared/access';
import type * as s from '../shared/schemas';
import type { ActionName } from './actions';

export interface StepContext {
  caller: Caller;
  structure: MediationStructure;
  rules: readonly DispatchRule[];
  /** Department kinds of the court named in a confirmation application, if it exists. */
  courtKinds?: readonly string[];
  /** The named responsible leader's name from the directory (the `tier` step). */
  leaderName?: string;
  /** For an agreement: the version of the city's agreement template in force (0: the default). */
  templateVersion?: number;
  now: number;
}

type Body<K extends ActionName> = z.infer<
  {
    dispatch: typeof s.dispatchBodySchema;
    answer: typeof s.answerBodySchema;
    consent: typeof s.consentBodySchema;
    mediators: typeof s.mediatorsBodySchema;
    tier: typeof s.tierBodySchema;
    session: typeof s.sessionBodySchema;
    extend: typeof s.extendBodySchema;
    pause: typeof s.pauseBodySchema;
    resume: typeof s.resumeBodySchema;
    risk: typeof s.riskBodySchema;
    'risk-receipt': typeof s.riskReceiptBodySchema;
    agreement: typeof s.agreementBodySchema;
    failure: typeof s.failureBodySchema;
    confirmation: typeof s.confirmationBodySchema;
    performance: typeof s.performanceBodySchema;
    close: typeof s.closeBodySchema;
    visit: typeof s.visitBodySchema;
    satisfaction: typeof s.satisfactionBodySchema;
  }[K]
>;

type Step = { [K in ActionName]: (c: MediationCase, b: Body<K>, x: StepContext) => CaseDecision };

const by = (x: StepContext) => x.caller.actor;

function requireMediators(c: MediationCase, ids: string[], x: StepContext): void {
  const org = findOrganisation(x.structure, c.organisationId ?? '');
  const known = new Set(org.mediators.map((m) => m.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ValidationError(`Not mediators of ${org.id}.`, [{ path: 'mediatorIds', message: unknown.join(', ') }]);
}

export const STEPS: Step = {
  dispatch: (c, b, x) => {
    const org = findOrganisation(x.structure, b.organisationId);
    for (const j of b.jointWith ?? []) findOrganisation(x.structure, j);
    if (!org.active)
      throw new ValidationError('The organisation is inactive.', [{ path: 'organisationId', message: org.id }]);
    const returnedBy = c.dispatches.filter((d) => d.answer?.accepted === false).map((d) => d.organisationId);
    const top = suggestOrganisations(
      { disputeType: c.disputeType, regionCode: c.regionCode, exclude: returnedBy },
      x.structure,
      x.rules,
      1,
    )[0];
    return st.dispatchCase(
      c,
      {
        organisationId: org.id,
        ...(b.jointWith ? { jointWith: b.jointWith } : {}),
        ...(top ? { suggested: top.organisationId } : {}),
        by: by(x),
      },
      x.now,
    );
  },
  answer: (c, b, x) => {
    const organisationId = x.caller.organisationId ?? c.dispatches.at(-1)?.organisationId ?? '';
    return st.answerDispatch(
      c,
      { organisationId, accepted: b.accepted, ...(b.reason ? { reason: b.reason } : {}), by: by(x) },
      x.now,
    );
  },
  consent: (c, b, x) => st.recordConsent(c, { ...b, by: by(x) }, x.now),
  mediators: (c, b, x) => {
    requireMediators(c, b.mediatorIds, x);
    return st.assignMediators(c, b.mediatorIds, b.chosenByParties, by(x), x.now);
  },
  tier: (c, b, x) => st.setTier(c, b.tier, b.responsibleLeader, by(x), x.now, x.leaderName),
  session: (c, b, x) => st.recordSession(c, { ...b, at: Date.parse(b.at) }, by(x), x.now),
  extend: (c, b, x) =>
    st.extendLimit(
      c,
      {
        by: by(x),
        role: extensionRole(x.caller),
        duration: b.duration,
        reason: b.reason,
        consentOf: b.consentOf,
        ...(b.documentNo ? { documentNo: b.documentNo } : {}),
      },
      x.now,
    ),
  pause: (c, b, x) => st.pauseLimit(c, b.reason, by(x), x.now),
  resume: (c, b, x) => st.resumeLimit(c, b.pauseReason, by(x), x.now),
  risk: (c, b, x) => st.reportRisk(c, b.kind, b.note, by(x), x.now),
  'risk-receipt': (c, b, x) => st.receiveRisk(c, b.note, by(x), x.now),
  agreement: (c, b, x) =>
    st.recordAgreement(
      c,
      {
        ...b,
        performanceDueAt: Date.parse(b.performanceDueAt),
        ...(b.prevented ? { prevented: b.prevented } : {}),
        ...(x.templateVersion !== undefined ? { templateVersion: x.templateVersion } : {}),
        by: by(x),
      },
      x.now,
    ),
  failure: (c, b, x) => st.recordFailure(c, b.reason, b.routesTold, by(x), x.now),
  confirmation: (c, b, x) => {
    if (!x.courtKinds?.includes('court'))
      throw new ValidationError('Not a court.', [
        { path: 'courtDepartmentId', message: `${b.courtDepartmentId} is not a court` },
      ]);
    return st.applyConfirmation(c, b.courtDepartmentId, by(x), x.now);
  },
  performance: (c, b, x) => st.recordPerformance(c, b.honoured, b.note, by(x), x.now),
  close: (c, _b, x) => st.closeCase(c, by(x), x.now),
  visit: (c, b, x) => st.recordVisit(c, b.note, by(x), x.now),
  satisfaction: (c, b, x) => st.recordSatisfaction(c, b, by(x), x.now),
};

export function requireWho(who: 'hub' | 'work' | 'police', x: StepContext, mayWork: boolean): void {
  if (who === 'hub' && !x.caller.hub)
    throw new ForbiddenError('Only the mediation hub (调处中心) or an admin may do this.');
  if (who === 'work' && !mayWork)
    throw new ForbiddenError('Only the hub or a mediator of the organisation working this case may do this.');
  if (who === 'police' && !x.caller.hub && x.caller.principal.departmentId !== x.structure.hub.riskReportDepartmentId)
    throw new ForbiddenError('Only the public-security department risks are reported to may acknowledge them.');
}
