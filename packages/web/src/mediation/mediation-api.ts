// The mediation service's routes as the pages use them (functions/mediation/*/wiring.ts).
import { request, requestBlob } from '../api/http';
import type { ClockStatus } from '../api/types';

export type Queue = 'intake' | 'returned' | 'overdue' | 'organisation' | 'leader' | 'referred' | 'status';

export interface CaseSummary {
  id: string;
  title: string;
  status: string;
  source: string;
  disputeType: string;
  regionCode: string;
  tier: string;
  risk: string;
  organisationId?: string;
  responsibleLeader?: string;
  responsibleLeaderName?: string;
  referringDepartmentId?: string;
  returned: boolean;
  receivedAt: string;
  version: number;
}

export interface CaseClock {
  key: string;
  id: string;
  policyId: string;
  label: string;
  departmentId: string;
  status: ClockStatus;
  startedAt: string;
  dueAt: string;
  provisional: boolean;
  metAt?: string;
  breachedAt?: string;
  extensions: number;
  pauses: number;
}

export interface Party {
  id: string;
  role: string;
  actsFor?: string;
  name: string;
  idNumber?: string;
  phone?: string;
}

export interface Dispatch {
  organisationId: string;
  jointWith: string[];
  at: string;
  by: string;
  suggested?: string;
  answer?: { accepted: boolean; at: string; by: string; reason?: string };
}

export interface MediationCase extends CaseSummary {
  summary: string;
  referral?: { departmentId: string; referenceNo: string; procedure?: string };
  amountFen: number;
  peopleInvolved: number;
  parties: Party[];
  consents: { partyId: string; given: boolean; at: string; by: string; via: string }[];
  dispatches: Dispatch[];
  mediators: { ids: string[]; chosenByParties: boolean };
  sessions: {
    at: string;
    place: string;
    participants: string[];
    summary: string;
    nextStep: string;
    recordedBy: string;
  }[];
  agreement?: {
    at: string;
    documentNo: string;
    facts: string;
    terms: string[];
    amountFen: number;
    performanceDueAt: string;
  };
  failure?: { at: string; reason: string; routesTold: string[] };
  performance?: { at: string; honoured: string; note: string };
  closedAt?: string;
  visit?: { at: string; note: string; by: string };
  satisfaction: { partyId: string; score: number; comment: string; via: string; at: string }[];
  overdue: boolean;
  clocks: CaseClock[];
  timeline: { at: string; what: string; by: string; note?: string }[];
}

export interface Suggestion {
  organisationId: string;
  name: string;
  score: number;
  reason: string;
  ruleId?: string;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  disputeTypes: string[];
  mediators: { id: string; name: string; phone: string; fullTime: boolean; username?: string; head?: boolean }[];
  active: boolean;
}

export interface Structure {
  structure: {
    hub: { name: string; regionCode: string; departmentId: string };
    regions: { code: string; name: string }[];
    organisations: Organisation[];
  };
  version: number;
}

/** The 人民调解协议书 template (functions/mediation/config/agreement-template.ts). */
export interface AgreementTemplate {
  title: string;
  preamble: string;
  sections: { heading: string; body: string }[];
  signatures: { party: string; lines: string[] };
}
export interface AgreementTemplateView {
  template: AgreementTemplate;
  /** 0 while the default template is in force. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  placeholders: Record<string, string>;
  partyPlaceholders: Record<string, string>;
}

const seg = encodeURIComponent;

export const mediationApi = {
  queue: (queue: Queue, extra: Record<string, string> = {}) =>
    request<{ items: CaseSummary[] }>('GET', `/v1/mediation-cases?${new URLSearchParams({ queue, ...extra })}`),
  case: (id: string) => request<MediationCase>('GET', `/v1/mediation-cases/${seg(id)}`),
  suggestions: (id: string) => request<{ items: Suggestion[] }>('GET', `/v1/mediation-cases/${seg(id)}/suggestions`),
  structure: () => request<Structure>('GET', '/v1/mediation/structure'),
  agreementPdf: (id: string) => requestBlob(`/v1/mediation-cases/${seg(id)}/agreement.pdf`),
  agreementTemplate: () => request<AgreementTemplateView>('GET', '/v1/mediation/agreement-template'),
  saveAgreementTemplate: (version: number, template: AgreementTemplate) =>
    request<AgreementTemplateView>('PUT', '/v1/mediation/agreement-template', { body: { version, template } }),
  act: (id: string, action: string, body: unknown) =>
    request<MediationCase>('POST', `/v1/mediation-cases/${seg(id)}/${action}`, { body, idempotent: true }),
};
