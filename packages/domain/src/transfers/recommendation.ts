import type { ClockIntent } from '../clocks/clock-intent';
import { DomainError, type DomainIssue, issue } from '../domain-error';
import type { Actor, CaseClock } from './transfer-types';

// Recommendations (检察建议, 司法建议; DOMAIN.md §4 items 10 and 12) and the procuratorate's advice to
// transfer (建议移送). A recommendation runs in two stages (Wuhu item 31): the addressed department
// replies within the reply clock, then reports implementation (落实), which the issuer verifies.
// Same shape as the transfer case: `decideRecommendation(state, command, actor, now)` returns the
// next state (version + 1), events and clock intents, or throws a DomainError.

export type RecommendationKind = 'procuratorial' | 'public-interest' | 'judicial';
export const RECOMMENDATION_KIND_NAMES: Record<RecommendationKind, string> = {
  procuratorial: '检察建议',
  'public-interest': '公益诉讼诉前检察建议',
  judicial: '司法建议',
};

export const RECOMMENDATION_POLICY_IDS = {
  procuratorial: 'recommendation.procuratorial-reply',
  procuratorialUrgent: 'recommendation.procuratorial-urgent-reply',
  publicInterest: 'recommendation.public-interest-reply',
  publicInterestUrgent: 'recommendation.public-interest-urgent-reply',
  judicialMonths: 'recommendation.judicial-reply',
  judicialDays: 'recommendation.judicial-reply-days',
  implementation: 'recommendation.implementation',
  advisedTransfer: 'transfer.advised-transfer',
} as const;

export type RecommendationStatus =
  | 'issued'
  | 'replied'
  | 'not-adopted'
  | 'implementation-reported'
  | 'implemented'
  | 'withdrawn';

export const RECOMMENDATION_STATUS_NAMES: Record<RecommendationStatus, string> = {
  issued: '待回复',
  replied: '已回复待落实',
  'not-adopted': '未采纳',
  'implementation-reported': '已报告落实待核实',
  implemented: '已落实',
  withdrawn: '已撤回',
};

export type RecommendationClockKey = 'reply' | `implementation-${number}`;

/** A recommendation's clocks only start, are met or are cancelled. */
export type RecommendationClockIntent = Extract<
  ClockIntent<RecommendationClockKey>,
  { kind: 'start' | 'meet' | 'cancel' }
>;

export interface Recommendation {
  id: string;
  version: number;
  kind: RecommendationKind;
  urgent: boolean;
  issuerDepartmentId: string;
  addresseeDepartmentId: string;
  documentNo: string;
  subject: string;
  /** The transfer case it arose from, if any. */
  transferCaseId?: string;
  /** 送达: the reply period counts from the day the addressee received it. */
  deliveredAt: number;
  /** The period the recommendation set (urgent, or the court's); the policy default otherwise. */
  replyPeriod?: string;
  implementationPeriod?: string;
  status: RecommendationStatus;
  reply?: { at: number; adopted: boolean; documentNo: string; content: string };
  implementations: {
    n: number;
    reportedAt?: number;
    content?: string;
    verifiedAt?: number;
    verified?: boolean;
    note?: string;
  }[];
  clocks: Partial<Record<string, CaseClock>>;
  timeline: { at: number; what: string; by: string; note?: string }[];
}

export type RecommendationCommand =
  | {
      type: 'Issue';
      id: string;
      kind: RecommendationKind;
      urgent?: boolean;
      addresseeDepartmentId: string;
      documentNo: string;
      subject: string;
      transferCaseId?: string;
      deliveredAt: number;
      /** Required when urgent, and for a court that sets its period; ISO duration (P15D, P1M). */
      replyPeriod?: string;
      implementationPeriod?: string;
    }
  | { type: 'Reply'; adopted: boolean; documentNo: string; content: string }
  | { type: 'ReportImplementation'; content: string }
  | { type: 'VerifyImplementation'; verified: boolean; note: string }
  | { type: 'Withdraw'; reason: string }
  | { type: 'RecordClockBreach'; key: string };

export interface RecommendationEvent {
  type: string;
  data: Record<string, unknown> & { recommendationId: string; version: number; at: number; by: string };
}

export interface RecommendationDecision {
  state: Recommendation;
  events: RecommendationEvent[];
  clocks: RecommendationClockIntent[];
}

/** The reply clock's policy: by kind, urgency, and whether the court set its period in months or days. */
export function replyPolicyOf(kind: RecommendationKind, urgent: boolean, period?: string): string {
  const P = RECOMMENDATION_POLICY_IDS;
  if (kind === 'procuratorial') return urgent ? P.procuratorialUrgent : P.procuratorial;
  if (kind === 'public-interest') return urgent ? P.publicInterestUrgent : P.publicInterest;
  return period && /^P\d+D$/.test(period) ? P.judicialDays : P.judicialMonths;
}

function conflict(c: Recommendation, action: string): never {
  throw new DomainError(
    'recommendation-transition-invalid',
    'conflict',
    `建议当前状态（${RECOMMENDATION_STATUS_NAMES[c.status]}）不能${action}`,
  );
}
function needText(field: string, value: string | undefined, message: string, problems: DomainIssue[]): void {
  if (!value?.trim()) problems.push(issue(field, 'required', message));
}
function check(problems: DomainIssue[]): void {
  if (problems.length > 0) throw new DomainError('recommendation-invalid', 'invalid', '建议信息不完整', problems);
}

export function decideRecommendation(
  state: Recommendation | undefined,
  command: RecommendationCommand,
  actor: Actor,
  now: number,
): RecommendationDecision {
  const events: RecommendationEvent[] = [];
  const clocks: RecommendationClockIntent[] = [];
  if (command.type === 'Issue') {
    if (state) throw new DomainError('already-recorded', 'conflict', '建议已经发出');
    const problems: DomainIssue[] = [];
    needText('documentNo', command.documentNo, '请填写建议书文号', problems);
    needText('subject', command.subject, '请填写建议事项', problems);
    needText('addresseeDepartmentId', command.addresseeDepartmentId, '请选择被建议单位', problems);
    if (command.addresseeDepartmentId === actor.departmentId)
      problems.push(issue('addresseeDepartmentId', 'self', '不能向本单位发出建议'));
    if (command.deliveredAt > now) problems.push(issue('deliveredAt', 'in-future', '送达时间不能晚于当前时间'));
    const urgent = command.urgent === true;
    if (urgent && command.kind === 'procuratorial' && !command.replyPeriod)
      problems.push(issue('replyPeriod', 'required', '情况紧急的，请确定回复期限'));
    if (command.replyPeriod && command.kind !== 'judicial' && !(command.kind === 'procuratorial' && urgent))
      problems.push(issue('replyPeriod', 'not-allowed', '该类建议的回复期限由规定确定'));
    if (command.kind === 'judicial' && urgent)
      problems.push(issue('urgent', 'not-allowed', '司法建议的回复期限由法院确定'));
    check(problems);
    const rec: Recommendation = {
      id: command.id,
      version: 1,
      kind: command.kind,
      urgent,
      issuerDepartmentId: actor.departmentId,
      addresseeDepartmentId: command.addresseeDepartmentId,
      documentNo: command.documentNo,
      subject: command.subject,
      ...(command.transferCaseId ? { transferCaseId: command.transferCaseId } : {}),
      deliveredAt: command.deliveredAt,
      ...(command.replyPeriod ? { replyPeriod: command.replyPeriod } : {}),
      ...(command.implementationPeriod ? { implementationPeriod: command.implementationPeriod } : {}),
      status: 'issued',
      implementations: [],
      clocks: {},
      timeline: [{ at: now, what: 'Recommendation.Issued', by: actor.userId }],
    };
    const policyId = replyPolicyOf(command.kind, urgent, command.replyPeriod);
    clocks.push({
      kind: 'start',
      key: 'reply',
      policyId,
      startedAt: command.deliveredAt,
      ...(command.replyPeriod
        ? { period: { duration: command.replyPeriod, documentNo: command.documentNo, decidedBy: actor.userId } }
        : {}),
    });
    rec.clocks = { reply: { policyId, running: true } };
    events.push({
      type: 'Recommendation.Issued',
      data: {
        recommendationId: rec.id,
        version: 1,
        at: now,
        by: actor.userId,
        kind: rec.kind,
        urgent,
        issuerDepartmentId: rec.issuerDepartmentId,
        addresseeDepartmentId: rec.addresseeDepartmentId,
        documentNo: rec.documentNo,
      },
    });
    return { state: rec, events, clocks };
  }
  if (!state) throw new DomainError('recommendation-not-found', 'not-found', '建议不存在');
  const c = state;
  const issuerActs = command.type === 'VerifyImplementation' || command.type === 'Withdraw';
  if (command.type !== 'RecordClockBreach') {
    const expected = issuerActs ? c.issuerDepartmentId : c.addresseeDepartmentId;
    if (actor.departmentId !== expected)
      throw new DomainError(
        'not-your-step',
        'forbidden',
        issuerActs ? '该步骤应由建议机关办理' : '该步骤应由被建议单位办理',
      );
  }
  const s: Recommendation = { ...c, version: c.version + 1 };
  const emit = (type: string, data: Record<string, unknown> = {}, note?: string) => {
    events.push({
      type,
      data: {
        recommendationId: c.id,
        version: s.version,
        at: now,
        by: actor.userId,
        addresseeDepartmentId: c.addresseeDepartmentId,
        ...data,
      },
    });
    s.timeline = [...s.timeline, { at: now, what: type, by: actor.userId, ...(note ? { note } : {}) }];
  };
  const stop = (key: RecommendationClockKey, how: 'meet' | 'cancel', reason = '') => {
    const k = s.clocks[key];
    if (!k?.running) return;
    clocks.push(how === 'meet' ? { kind: 'meet', key, at: now } : { kind: 'cancel', key, reason });
    s.clocks = { ...s.clocks, [key]: { ...k, running: false, ended: how === 'meet' ? 'met' : 'cancelled' } };
  };
  const startImplementation = () => {
    const n = s.implementations.length + 1;
    const key: RecommendationClockKey = `implementation-${n}`;
    const policyId = RECOMMENDATION_POLICY_IDS.implementation;
    clocks.push({
      kind: 'start',
      key,
      policyId,
      startedAt: now,
      ...(c.implementationPeriod
        ? { period: { duration: c.implementationPeriod, documentNo: c.documentNo, decidedBy: c.issuerDepartmentId } }
        : {}),
    });
    s.clocks = { ...s.clocks, [key]: { policyId, running: true } };
    s.implementations = [...s.implementations, { n }];
  };
  switch (command.type) {
    case 'Reply': {
      if (c.reply) throw new DomainError('already-recorded', 'conflict', '已经书面回复');
      if (c.status !== 'issued') conflict(c, '回复');
      const problems: DomainIssue[] = [];
      needText('documentNo', command.documentNo, '请填写回复函文号', problems);
      needText('content', command.content, '请填写回复内容', problems);
      check(problems);
      s.reply = { at: now, adopted: command.adopted, documentNo: command.documentNo, content: command.content };
      stop('reply', 'meet');
      s.status = command.adopted ? 'replied' : 'not-adopted';
      emit('Recommendation.Replied', { adopted: command.adopted, documentNo: command.documentNo });
      if (command.adopted) startImplementation();
      return { state: s, events, clocks };
    }
    case 'ReportImplementation': {
      if (c.status === 'implementation-reported')
        throw new DomainError('already-recorded', 'conflict', '落实情况已经报告');
      if (c.status !== 'replied') conflict(c, '报告落实情况');
      if (!command.content.trim())
        throw new DomainError('recommendation-invalid', 'invalid', '请填写落实情况', [
          issue('content', 'required', '请填写落实情况'),
        ]);
      const last = s.implementations.at(-1) as Recommendation['implementations'][number];
      s.implementations = [...s.implementations.slice(0, -1), { ...last, reportedAt: now, content: command.content }];
      stop(`implementation-${last.n}`, 'meet');
      s.status = 'implementation-reported';
      emit('Recommendation.ImplementationReported', { round: last.n }, command.content);
      return { state: s, events, clocks };
    }
    case 'VerifyImplementation': {
      if (c.status !== 'implementation-reported') conflict(c, '核实落实情况');
      if (!command.verified && !command.note.trim())
        throw new DomainError('recommendation-invalid', 'invalid', '未落实的，请说明理由', [
          issue('note', 'required', '请说明未落实之处'),
        ]);
      const last = s.implementations.at(-1) as Recommendation['implementations'][number];
      s.implementations = [
        ...s.implementations.slice(0, -1),
        { ...last, verifiedAt: now, verified: command.verified, note: command.note },
      ];
      emit('Recommendation.ImplementationVerified', { verified: command.verified, round: last.n }, command.note);
      if (command.verified) s.status = 'implemented';
      else {
        s.status = 'replied';
        startImplementation();
      }
      return { state: s, events, clocks };
    }
    case 'Withdraw': {
      if (c.status === 'withdrawn') throw new DomainError('already-recorded', 'conflict', '建议已经撤回');
      if (c.status === 'implemented') conflict(c, '撤回');
      for (const key of Object.keys(s.clocks)) stop(key as RecommendationClockKey, 'cancel', '建议已撤回');
      s.status = 'withdrawn';
      emit('Recommendation.Withdrawn', {}, command.reason);
      return { state: s, events, clocks };
    }
    case 'RecordClockBreach': {
      const k = c.clocks[command.key];
      if (!k) throw new DomainError('clock-unknown', 'not-found', '该建议没有这一时限');
      if (k.breachedAt !== undefined) throw new DomainError('already-recorded', 'conflict', '超期已经登记');
      s.clocks = { ...c.clocks, [command.key]: { ...k, breachedAt: now } };
      emit('Recommendation.ClockBreached', { key: command.key, policyId: k.policyId });
      return { state: s, events, clocks };
    }
  }
}

/** On time: replied, and the reply clock never breached (a late reply breaches as it is met). */
export function repliedOnTime(r: Recommendation): boolean {
  return r.reply !== undefined && r.clocks.reply?.breachedAt === undefined;
}

export interface RecommendationRates {
  addresseeDepartmentId: string;
  issued: number;
  replied: number;
  repliedOnTime: number;
  /** Replies on time ÷ recommendations whose reply is due or given; null when there are none. */
  onTimeReplyRate: number | null;
  adopted: number;
  implemented: number;
  /** Verified implementations ÷ adopted recommendations; null when none was adopted. */
  implementationRate: number | null;
}

/** Wuhu item 27's target: every recommendation answered on time. */
export const ON_TIME_REPLY_TARGET = 1;

/**
 * On-time reply rate and implementation rate per addressed department. Withdrawn ones do not
 * count; a recommendation still inside its reply period counts only once it is answered or breached.
 */
export function recommendationRates(recs: readonly Recommendation[]): RecommendationRates[] {
  const by = new Map<string, RecommendationRates>();
  for (const r of recs) {
    if (r.status === 'withdrawn') continue;
    const row = by.get(r.addresseeDepartmentId) ?? {
      addresseeDepartmentId: r.addresseeDepartmentId,
      issued: 0,
      replied: 0,
      repliedOnTime: 0,
      onTimeReplyRate: null,
      adopted: 0,
      implemented: 0,
      implementationRate: null,
    };
    row.issued += 1;
    if (r.reply) row.replied += 1;
    if (repliedOnTime(r)) row.repliedOnTime += 1;
    if (r.reply?.adopted) row.adopted += 1;
    if (r.status === 'implemented') row.implemented += 1;
    by.set(r.addresseeDepartmentId, row);
  }
  const judged = new Map<string, number>();
  for (const r of recs)
    if (r.status !== 'withdrawn' && (r.reply || r.clocks.reply?.breachedAt !== undefined))
      judged.set(r.addresseeDepartmentId, (judged.get(r.addresseeDepartmentId) ?? 0) + 1);
  return [...by.values()]
    .map((row) => {
      const n = judged.get(row.addresseeDepartmentId) ?? 0;
      return {
        ...row,
        onTimeReplyRate: n === 0 ? null : row.repliedOnTime / n,
        implementationRate: row.adopted === 0 ? null : row.implemented / row.adopted,
      };
    })
    .sort((a, b) => (a.addresseeDepartmentId < b.addresseeDepartmentId ? -1 : 1));
}
