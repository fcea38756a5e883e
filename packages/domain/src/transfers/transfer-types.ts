import type { DocumentKind, TransferDocument } from './documents';
import type { TransferClockIntent } from './transfer-clocks';

// The transfer case (行刑衔接, DOMAIN.md §4 steps 1–9): its state, the commands each party posts and
// the events it announces. transfer-state.ts `decide` is the only way to change it.

export type Party = 'agency' | 'police' | 'procuratorate' | 'court';

export type TransferStatus =
  | 'reported'
  | 'refused'
  | 'approved'
  | 'transferred'
  | 'under-review'
  | 'passed-on'
  | 'not-filed'
  | 'reconsideration'
  | 'reconsideration-upheld'
  | 'supervision'
  | 'supervision-explained'
  | 'supervision-upheld'
  | 'supervision-filing'
  | 'filed'
  | 'prosecuting'
  | 'in-court'
  | 'non-prosecuted'
  | 'reverse-referred'
  | 'reverse-review'
  | 'returned-to-agency'
  | 'closed';

export const STATUS_NAMES: Record<TransferStatus, string> = {
  reported: '待负责人审批',
  refused: '不批准移送',
  approved: '已批准待移送',
  transferred: '已移送待接受',
  'under-review': '公安机关立案审查中',
  'passed-on': '已转送其他机关',
  'not-filed': '不予立案',
  reconsideration: '复议中',
  'reconsideration-upheld': '复议维持不予立案',
  supervision: '立案监督中',
  'supervision-explained': '已说明不立案理由',
  'supervision-upheld': '不立案理由成立待告知',
  'supervision-filing': '已通知立案',
  filed: '已立案',
  prosecuting: '审查起诉中',
  'in-court': '审判中',
  'non-prosecuted': '不起诉待移送行政检察',
  'reverse-referred': '待行政检察部门登记受理',
  'reverse-review': '反向衔接审查中',
  'returned-to-agency': '退回行政执法机关待处理',
  closed: '已办结',
};

/** Statuses after which nothing more happens to the case. */
export const FINAL_STATUSES: readonly TransferStatus[] = ['refused', 'passed-on', 'closed'];

/** Why the case is transferred: a threshold crossed (Art. 3 ¶1) or, for IP cases, reasonable suspicion (Art. 3 ¶2). */
export type TransferBasis = 'threshold' | 'reasonable-suspicion';

/** Intellectual-property offence categories (thresholds.ts codes starting with `ip-`). */
export function isIntellectualProperty(category: string): boolean {
  return category.startsWith('ip-');
}

export interface Actor {
  userId: string;
  departmentId: string;
}

export interface TransferAttempt {
  at: number;
  by: string;
  documents: TransferDocument[];
  complete: boolean;
  missing: DocumentKind[];
  explanation: string;
}

export interface MaterialRequest {
  n: number;
  at: number;
  missing: string[];
  note?: string;
  completedAt?: number;
}

export interface CaseClock {
  policyId: string;
  running: boolean;
  /** How it stopped: met by the act it waited for, or cancelled because that act will never come. */
  ended?: 'met' | 'cancelled';
  /** Recorded from the clock service's Clock.Breached (RecordClockBreach); a late meet breaches too. */
  breachedAt?: number;
}

/** What the agency's transfer report states (the Report command), kept as the case's head. */
export interface TransferReportFacts {
  /** The agency's own case number (案件编号); penalty cases are matched to transfers by it. */
  enforcementCaseNo: string;
  title: string;
  summary: string;
  /** Offence category code of thresholds.ts, e.g. `fake-products`, `ip-trademark`. */
  offenceCategory: string;
  basis: TransferBasis;
  /** The threshold the report relies on, with the version it was judged against. */
  threshold?: { id: string; version: number };
  /** Economic crime: the filing decision runs on the 2017 rules (10 / 30 / +30 days). */
  economic: boolean;
  /** The special team (专案组): at least two officers (Art. 5). */
  team: string[];
  regionCode: string;
  party: { name: string; creditCode?: string };
  /** When the written report reached the head; the 3 days count from it. */
  reportedAt: number;
}

export interface TransferCase extends TransferReportFacts {
  id: string;
  version: number;
  status: TransferStatus;
  agencyDepartmentId: string;
  approval?: { approved: boolean; at: number; by: string; reasons?: string };
  attempts: TransferAttempt[];
  transferredAt?: number;
  policeDepartmentId?: string;
  procuratorateDepartmentId?: string;
  /** The copy to the procuratorate, made with the complete transfer. */
  copiedToProcuratorateAt?: number;
  /** Public-security round: 1 at the first receipt, +1 each time a case passed on is received again. */
  round: number;
  receivedAt?: number;
  complex?: { at: number; approvedBy: string; documentNo: string };
  passedOn: { at: number; from: string; to: string; toKind: 'police' | 'other'; reason: string }[];
  materialRequests: MaterialRequest[];
  filing?: {
    filed: boolean;
    at: number;
    documentNo: string;
    reasons?: string;
    stage: 'review' | 'reconsideration' | 'supervision';
  };
  reconsideration?: { requestedAt: number; decidedAt?: number; filed?: boolean };
  supervision?: {
    startedBy: 'agency' | 'procuratorate';
    requestedAt: number;
    explanationRequiredAt?: number;
    explainedAt?: number;
    reasonsStand?: boolean;
    reviewedAt?: number;
    agencyNotifiedAt?: number;
  };
  handedOverAt?: number;
  investigation?: { at: number; outcome: 'prosecution' | 'withdrawn' };
  prosecution?: { at: number; prosecuted: boolean; courtDepartmentId?: string; documentNo: string };
  reverse?: {
    from: 'police' | 'procuratorate';
    referredAt?: number;
    registeredAt?: number;
    concludedAt?: number;
    penaltyAdvised?: boolean;
    reason?: string;
    /** Suspension reasons of the review still open (复议/复核, 申诉, consultation). */
    openPauses?: string[];
  };
  returnedToAgencyAt?: number;
  penalty?: { at: number; decided: boolean; decisionNo?: string; reason?: string };
  judgment?: { at: number; documentNo: string; summary: string };
  dutyCrimeClues: {
    at: number;
    by: string;
    to: string;
    toKind: 'supervisory-commission' | 'procuratorate';
    summary: string;
  }[];
  clocks: Partial<Record<string, CaseClock>>;
  timeline: { at: number; what: TransferEventType; by: string; note?: string }[];
  closedAt?: number;
}

export const TRANSFER_EVENT_TYPES = [
  'TransferCase.Reported',
  'TransferCase.Approved',
  'TransferCase.Refused',
  'TransferCase.TransferIncomplete',
  'TransferCase.Transferred',
  'TransferCase.Received',
  'TransferCase.PassedOn',
  'TransferCase.MaterialsRequested',
  'TransferCase.MaterialsCompleted',
  'TransferCase.DeclaredComplex',
  'TransferCase.FilingReviewExtended',
  'TransferCase.Filed',
  'TransferCase.NotFiled',
  'TransferCase.ReconsiderationRequested',
  'TransferCase.ReconsiderationDecided',
  'TransferCase.SupervisionRequested',
  'TransferCase.ExplanationRequired',
  'TransferCase.ExplanationGiven',
  'TransferCase.ExplanationReviewed',
  'TransferCase.SupervisionResultNotified',
  'TransferCase.NotFiledAccepted',
  'TransferCase.HandedOver',
  'TransferCase.InvestigationConcluded',
  'TransferCase.ReverseTransferred',
  'TransferCase.ProsecutionDecided',
  'TransferCase.ReverseReferred',
  'TransferCase.ReverseRegistered',
  'TransferCase.ReverseReviewSuspended',
  'TransferCase.ReverseReviewResumed',
  'TransferCase.ReverseReviewExtended',
  'TransferCase.ReverseReviewConcluded',
  'TransferCase.PenaltyDecided',
  'TransferCase.JudgmentRecorded',
  'TransferCase.DutyCrimeClueReferred',
  'TransferCase.ClockBreached',
] as const;
export type TransferEventType = (typeof TRANSFER_EVENT_TYPES)[number];

export interface TransferEvent {
  type: TransferEventType;
  /** Always: caseId, version, at, by, agencyDepartmentId; then the step's own fields. */
  data: Record<string, unknown> & { caseId: string; version: number; at: number; by: string };
}

export interface TransferDecision {
  state: TransferCase;
  events: TransferEvent[];
  clocks: TransferClockIntent[];
}
