import type { MediationClockIntent, MediationClockKey } from './case-clocks';
import type { DisputeType, IntakeSource, OtherRoute, PartyRole, RiskKind, RiskLevel, Tier } from './taxonomy';

// The state of one mediation case and the events it announces. Amounts are in fen (integer), so a
// report's sum is exact.

export type CaseStatus = 'queued' | 'dispatched' | 'accepted' | 'mediating' | 'agreed' | 'failed' | 'closed';

export interface Party {
  id: string;
  role: PartyRole;
  /** For an agent: the party they act for. */
  actsFor?: string;
  name: string;
  /** 身份证号 of a person or 统一社会信用代码 of an organisation; masked for those who do not need it. */
  idNumber?: string;
  phone?: string;
}

export interface Consent {
  partyId: string;
  given: boolean;
  at: number;
  by: string;
  /** How it was taken: signed at the window, by phone, through the online form. */
  via: 'signed' | 'phone' | 'online';
  /** Online: the version of the consent text the party agreed to (public-intake.ts CONSENT_TEXTS). */
  textVersion?: string;
}

export interface Referral {
  departmentId: string;
  referenceNo: string;
  procedure?: 'ordinary' | 'summary';
}

export interface Dispatch {
  organisationId: string;
  /** Other organisations in a joint mediation led by the hub. */
  jointWith: string[];
  at: number;
  by: string;
  suggested?: string;
  answer?: { accepted: boolean; at: number; by: string; reason?: string };
}

export interface Session {
  at: number;
  place: string;
  participants: string[];
  summary: string;
  nextStep: string;
  recordedBy: string;
}

export interface Agreement {
  at: number;
  documentNo: string;
  facts: string;
  terms: string[];
  /** The agreed amount, in fen. */
  amountFen: number;
  performanceDueAt: number;
  /**
   * The parties said at signing that they will not apply for judicial confirmation (it is their
   * right, not a duty): no 30-day application clock then, so nobody on duty is alerted for a window
   * the parties chose not to use. They may still apply while the case is agreed or closed.
   */
  confirmationDeclined?: boolean;
  /**
   * The version of the city's 人民调解协议书 template in force when the agreement was recorded (0:
   * the default); its PDF prints from that version. Absent on agreements recorded before templates.
   */
  templateVersion?: number;
}

/** What the mediation prevented, for the ministry's 防止民转刑 / 防止群体性上访 figures. */
export interface Prevented {
  civilToCriminal?: { people: number };
  groupPetition?: { people: number };
}

export interface Satisfaction {
  partyId: string;
  score: 1 | 2 | 3 | 4 | 5;
  comment: string;
  via: 'call' | 'link';
  at: number;
}

export interface TimelineEntry {
  at: number;
  what: MediationEventType;
  by: string;
  note?: string;
}

export interface MediationCase {
  id: string;
  title: string;
  summary: string;
  source: IntakeSource;
  referral?: Referral;
  disputeType: DisputeType;
  regionCode: string;
  amountFen: number;
  peopleInvolved: number;
  risk: RiskLevel;
  tier: Tier;
  responsibleLeader?: string;
  /** The leader's name as the directory printed it when they were named (pages never print an account). */
  responsibleLeaderName?: string;
  parties: Party[];
  consents: Consent[];
  status: CaseStatus;
  dispatches: Dispatch[];
  /** The organisation working the case once one accepted it. */
  organisationId?: string;
  mediators: { ids: string[]; chosenByParties: boolean };
  sessions: Session[];
  risksReported: { kind: RiskKind; at: number; by: string; note: string; receivedAt?: number; receivedBy?: string }[];
  agreement?: Agreement;
  failure?: { at: number; reason: string; routesTold: OtherRoute[] };
  prevented: Prevented;
  confirmation?: {
    courtDepartmentId: string;
    appliedAt: number;
    acceptedAt?: number;
    decidedAt?: number;
    confirmed?: boolean;
  };
  performance?: { at: number; honoured: 'full' | 'partial' | 'none'; note: string };
  closedAt?: number;
  visit?: { at: number; note: string; by: string };
  satisfaction: Satisfaction[];
  /** Clocks started for this case, by key, and whether each still runs. */
  clocks: Partial<Record<MediationClockKey, { policyId: string; running: boolean }>>;
  timeline: TimelineEntry[];
  receivedAt: number;
  createdBy: string;
  version: number;
}

export const MEDIATION_EVENT_TYPES = [
  'MediationCase.Received',
  'MediationCase.ConsentRecorded',
  'MediationCase.Dispatched',
  'MediationCase.Accepted',
  'MediationCase.Returned',
  'MediationCase.MediatorsAssigned',
  'MediationCase.TierSet',
  'MediationCase.SessionRecorded',
  'MediationCase.Extended',
  'MediationCase.Paused',
  'MediationCase.Resumed',
  'MediationCase.RiskReported',
  'MediationCase.RiskReceived',
  'MediationCase.Agreed',
  'MediationCase.Failed',
  'MediationCase.ConfirmationApplied',
  'MediationCase.ConfirmationAccepted',
  'MediationCase.ConfirmationDecided',
  'MediationCase.PerformanceRecorded',
  'MediationCase.Closed',
  'MediationCase.Visited',
  'MediationCase.SatisfactionRecorded',
] as const;
export type MediationEventType = (typeof MEDIATION_EVENT_TYPES)[number];

export interface MediationEvent {
  type: MediationEventType;
  /** The case after the change, as the catalog entry carries it (the handler masks personal data). */
  data: { caseId: string; version: number; at: number; by: string } & Record<string, unknown>;
}

export interface CaseDecision {
  state: MediationCase;
  events: MediationEvent[];
  clocks: MediationClockIntent[];
}
