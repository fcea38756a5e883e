// The steps of a case after intake, one route each (POST /v1/mediation-cases/{caseId}/<action>):
// the body each takes and who may take it. The handler holds the matching domain call.
import type { ZodType } from 'zod';
import * as s from '../shared/schemas';

/** hub: the hub only; work: the hub or the organisation working the case; police: the risk's public security. */
export type Who = 'hub' | 'work' | 'police';

export interface ActionSpec {
  body: ZodType;
  who: Who;
  summary: string;
  description?: string;
  /** 201 when the step adds a record, 200 when it changes the case. */
  status: 200 | 201;
}

export const ACTIONS = {
  dispatch: {
    body: s.dispatchBodySchema,
    who: 'hub',
    status: 200,
    summary: 'Dispatch the case to an organisation (分派), optionally as joint mediation',
    description:
      'Starts the organisation’s accept-or-return clock (mediation.dispatch-answer). The top suggestion at the time is recorded beside the choice. An organisation that returned the case is refused.',
  },
  answer: {
    body: s.answerBodySchema,
    who: 'work',
    status: 200,
    summary: 'Accept the dispatched case, or return it with a reason',
    description:
      'Meets the dispatch clock. Accepting starts the people’s-mediation month (unless a court referral’s period already runs) and the respondent-answer clock while a respondent has not answered.',
  },
  consent: {
    body: s.consentBodySchema,
    who: 'work',
    status: 201,
    summary: 'Record a party’s consent to mediation (人民调解法 Art. 17)',
  },
  mediators: { body: s.mediatorsBodySchema, who: 'work', status: 200, summary: 'Assign mediators' },
  tier: {
    body: s.tierBodySchema,
    who: 'hub',
    status: 200,
    summary: 'Set the handling tier; a major dispute names a responsible leader (领导包案)',
  },
  session: { body: s.sessionBodySchema, who: 'work', status: 201, summary: 'Record a mediation session' },
  extend: {
    body: s.extendBodySchema,
    who: 'work',
    status: 200,
    summary: 'Extend the time limit with both parties’ consent',
  },
  pause: { body: s.pauseBodySchema, who: 'work', status: 200, summary: 'Pause the time limit, with a reason' },
  resume: { body: s.resumeBodySchema, who: 'work', status: 200, summary: 'Resume the time limit' },
  risk: {
    body: s.riskBodySchema,
    who: 'work',
    status: 201,
    summary: 'Report an escalation risk to public security (人民调解法 Art. 25)',
    description:
      'Publishes MediationCase.RiskReported to public security and starts its receipt clock in the police department, whose people on duty are alerted.',
  },
  'risk-receipt': {
    body: s.riskReceiptBodySchema,
    who: 'police',
    status: 200,
    summary: 'Public security acknowledges the reported risks',
  },
  agreement: {
    body: s.agreementBodySchema,
    who: 'work',
    status: 201,
    summary: 'Record the mediation agreement (人民调解协议书)',
    description: 'Starts the 30-day judicial-confirmation application clock and the performance clock.',
  },
  failure: {
    body: s.failureBodySchema,
    who: 'work',
    status: 200,
    summary: 'End a failed mediation, telling the parties their other routes (Art. 26)',
  },
  confirmation: {
    body: s.confirmationBodySchema,
    who: 'work',
    status: 201,
    summary: 'Send the parties’ application for judicial confirmation to the court',
    description: 'Publishes MediationCase.ConfirmationApplied to the court and starts its 3-day acceptance clock.',
  },
  performance: {
    body: s.performanceBodySchema,
    who: 'work',
    status: 201,
    summary: 'Record whether the agreement was performed (履行回访)',
  },
  close: { body: s.closeBodySchema, who: 'work', status: 200, summary: 'Close the case; starts the follow-up visit' },
  visit: { body: s.visitBodySchema, who: 'work', status: 201, summary: 'Record the follow-up visit (回访)' },
  satisfaction: {
    body: s.satisfactionBodySchema,
    who: 'work',
    status: 201,
    summary: 'Record a party’s satisfaction (five-point scale)',
  },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];
export const actionPath = (a: string) => `/v1/mediation-cases/{caseId}/${a}`;
