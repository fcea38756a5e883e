import type { IntegrityClockIntent, IntegrityClockKey } from './integrity-clocks';

// The government integrity-failure record (政务失信记录, DOMAIN.md §5; docs/INTEGRITY.md): its
// state, the parties that act on it and the events it announces. integrity-state.ts `decide` is the
// only way to change it. Amounts are integers in fen (分), never floating yuan.

/** Who acts on a record. `measure`: the department a joint-punishment measure was notified to. */
export type Party = 'reporter' | 'competent' | 'subject' | 'credit' | 'measure';

export interface Actor {
  userId: string;
  departmentId: string;
}

export type IntegrityStatus =
  | 'reported'
  | 'verified'
  | 'objection'
  | 'confirmed'
  | 'published'
  | 'rectified'
  | 'repair-applied'
  | 'dismissed'
  | 'revoked'
  | 'withdrawn'
  | 'lawfully-changed'
  | 'repaired'
  | 'ended';

export const STATUS_NAMES: Record<IntegrityStatus, string> = {
  reported: '待核实',
  verified: '已核实待认定',
  objection: '异议处理中',
  confirmed: '已认定待公示',
  published: '公示中',
  rectified: '已整改（公示中）',
  'repair-applied': '信用修复申请审核中',
  dismissed: '核实不属实',
  revoked: '异议成立已撤销',
  withdrawn: '报送单位已撤回',
  'lawfully-changed': '依法变更承诺并已补偿，不构成失信',
  repaired: '已信用修复',
  ended: '公示期满已移出',
};

/** Statuses after which nothing more happens to the record. */
export const FINAL_STATUSES: readonly IntegrityStatus[] = [
  'dismissed',
  'revoked',
  'withdrawn',
  'lawfully-changed',
  'repaired',
  'ended',
];

/** Statuses in which the record is on the black list (published and not yet repaired or ended). */
export const PUBLISHED_STATUSES: readonly IntegrityStatus[] = ['published', 'rectified', 'repair-applied'];

/** Where the report comes from (DOMAIN.md §5 "Flow"). */
export const CHANNELS = {
  court: '人民法院',
  'review-body': '行政复议机关',
  finance: '财政部门',
  'sme-complaint': '拖欠中小企业账款投诉受理渠道',
  'hotline-12345': '12345政务服务便民热线',
  department: '其他部门',
  'payment-monitoring': '中小企业款项支付监测预警',
} as const;
export type Channel = keyof typeof CHANNELS;

export const CATEGORIES = {
  'judgment-non-performance': '拒不履行司法裁判',
  'review-decision-non-performance': '拒不履行行政复议决定',
  'contract-default': '违约毁约',
  'sme-arrears': '拖欠中小企业账款',
  'procurement-default': '政府采购领域失信',
  'tendering-default': '招标投标领域失信',
  'investment-default': '招商引资领域失信',
  'debt-financing-default': '地方政府债务融资领域失信',
  'ppp-default': '政府和社会资本合作（PPP）领域失信',
  'policy-promise': '政策承诺不兑现',
  penalty: '受到行政处罚',
  disciplinary: '违法违纪被处理',
  other: '其他政务失信行为',
} as const;
export type Category = keyof typeof CATEGORIES;

/** Categories that rest on a commitment a body may change lawfully with compensation (Wulong item 15). */
export const COMMITMENT_CATEGORIES: readonly Category[] = [
  'contract-default',
  'procurement-default',
  'tendering-default',
  'investment-default',
  'debt-financing-default',
  'ppp-default',
  'policy-promise',
];

/** Grounds given for a contract default (新官不理旧账 and its kin). */
export const DEFAULT_GROUNDS = {
  rezoning: '行政区划调整',
  'new-administration': '政府换届',
  reorganisation: '机构调整',
  'change-of-person': '相关责任人更替',
  other: '其他',
} as const;
export type DefaultGround = keyof typeof DEFAULT_GROUNDS;

export const TIERS = { minor: '轻微失信', general: '一般失信', serious: '严重失信' } as const;
export type Tier = keyof typeof TIERS;

/** Joint-punishment measures (国发〔2016〕76号), each applied by the department it is notified to. */
export const MEASURES = {
  'honours-restricted': '取消或限制评优评先',
  'funding-restricted': '限制财政资金和项目申报',
  'public-criticism': '通报批评',
  'leader-accountability': '约谈、问责主要负责人',
  other: '其他惩戒措施',
} as const;
export type MeasureKind = keyof typeof MEASURES;

export const BASIS_KINDS = {
  judgment: '人民法院生效裁判文书',
  'review-decision': '行政复议决定书',
  contract: '合同',
  'policy-document': '政策文件或承诺书',
  'administrative-decision': '行政决定书',
  other: '其他文书',
} as const;
export type BasisKind = keyof typeof BASIS_KINDS;

/** The document the record rests on; its date starts the publication periods (22号 / 令第36号). */
export interface BasisDocument {
  kind: BasisKind;
  documentNo: string;
  /** Epoch ms of the document's date (文书作出之日), city time. */
  date: number;
  issuer: string;
}

export interface Subject {
  creditCode: string;
  name: string;
  /** Derived from the code: body type (chars 1–2) and GB/T 2260 region (chars 3–8). */
  bodyType: string;
  regionCode: string;
  /** The subject's department on the platform, when it is one; it posts objections and repair. */
  departmentId?: string;
  /** The responsible official (主要负责人 or the person in charge of the matter), when known. */
  official?: { name: string; post: string };
}

export interface Amounts {
  /** What the subject owes (arrears, an award not performed). */
  owedFen?: number;
  /** What it has paid so far. */
  paidFen?: number;
}

/** What a report states (the Report command), kept as the record's head. */
export interface ReportFacts {
  channel: Channel;
  category: Category;
  /** For `contract-default`: the ground the body gave, e.g. 新官不理旧账 (`new-administration`). */
  defaultGround?: DefaultGround;
  summary: string;
  basis: BasisDocument;
  amounts: Amounts;
  /** 历史遗留: kept apart from new cases in figures (Wuhu item 5). */
  legacy: boolean;
  /** The superior or competent department that verifies and confirms. */
  competentDepartmentId: string;
  /** The credit authority (信用主管部门) that publishes to the platform, notifies measures and decides repair. */
  creditAuthorityDepartmentId: string;
}

export interface PunishmentTask {
  n: number;
  measure: MeasureKind;
  toDepartmentId: string;
  notifiedAt: number;
  documentNo?: string;
  note?: string;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
}

export interface RecordClock {
  policyId: string;
  running: boolean;
  ended?: 'met' | 'cancelled';
  breachedAt?: number;
}

export interface IntegrityRecord extends ReportFacts {
  id: string;
  version: number;
  status: IntegrityStatus;
  subject: Subject;
  reporterDepartmentId: string;
  reportedAt: number;
  verification?: { found: boolean; at: number; by: string; documentNo: string; reasons?: string };
  awaitingMaterials?: { since: number; note?: string };
  objection?: {
    waivedAt?: number;
    raisedAt?: number;
    grounds?: string;
    decidedAt?: number;
    upheld?: boolean;
    documentNo?: string;
    reasons?: string;
  };
  confirmation?: { at: number; by: string; documentNo: string };
  publication?: {
    tier: Tier;
    at: number;
    by: string;
    /** Earliest instant credit repair may be applied for (undefined for a minor record: at any time). */
    repairAllowedFrom?: number;
    /** Last instant of the maximum publication period; it ends by itself after it. */
    endsAt: number;
    reason?: string;
  };
  punishments: PunishmentTask[];
  rectification?: { at: number; by: string; documentNo: string; summary: string };
  repairApplications: {
    at: number;
    statement: string;
    decidedAt?: number;
    repaired?: boolean;
    documentNo?: string;
    reasons?: string;
  }[];
  withdrawal?: {
    at: number;
    by: string;
    ground: 'reported-in-error' | 'lawful-change';
    reason: string;
    documentNo?: string;
    compensationFen?: number;
  };
  clocks: Partial<Record<IntegrityClockKey, RecordClock>>;
  timeline: { at: number; what: IntegrityEventType; by: string; note?: string }[];
  closedAt?: number;
}

export const INTEGRITY_EVENT_TYPES = [
  'IntegrityRecord.Reported',
  'IntegrityRecord.MaterialsAwaited',
  'IntegrityRecord.MaterialsReceived',
  'IntegrityRecord.Verified',
  'IntegrityRecord.Dismissed',
  'IntegrityRecord.ObjectionWaived',
  'IntegrityRecord.ObjectionRaised',
  'IntegrityRecord.ObjectionDecided',
  'IntegrityRecord.Confirmed',
  'IntegrityRecord.Published',
  'IntegrityRecord.PunishmentNotified',
  'IntegrityRecord.PunishmentAcknowledged',
  'IntegrityRecord.Rectified',
  'IntegrityRecord.RepairApplied',
  'IntegrityRecord.Repaired',
  'IntegrityRecord.RepairRefused',
  'IntegrityRecord.PublicationEnded',
  'IntegrityRecord.Withdrawn',
  'IntegrityRecord.ClockBreached',
] as const;
export type IntegrityEventType = (typeof INTEGRITY_EVENT_TYPES)[number];

export interface IntegrityEvent {
  type: IntegrityEventType;
  /** Always: recordId, version, at, by, status, subjectCode, regionCode; then the step's own fields. */
  data: Record<string, unknown> & { recordId: string; version: number; at: number; by: string };
}

export interface IntegrityDecision {
  state: IntegrityRecord;
  events: IntegrityEvent[];
  clocks: IntegrityClockIntent[];
}
