import { createHash } from 'node:crypto';
import { DomainError, issue } from '../domain-error';
import { canonicalJson } from '../evidence/canonical-json';
import {
  type CriminalThreshold,
  formatAmount,
  METRICS,
  type Metric,
  type ThresholdCatalog,
  thresholdsFor,
} from './thresholds';
import { stepOfKey } from './transfer-clocks';
import type { TransferCase } from './transfer-types';

// Detection of 有案不移, 以罚代刑 and 有案难移 from data (DOMAIN.md §4 item 11). A pure function of the
// penalty cases the agencies post, the transfer cases and the thresholds: the same input always
// gives the same flags with the same ids. A flag's id is a hash of exactly the fields its finding
// rests on (and the threshold's id and version), so re-posting an unchanged case gives the same id
// (a dismissed flag stays dismissed) and any change to those fields gives a new one (raised again).

/** An administrative penalty case with the 双公示 fields, as an agency posts it. */
export interface PenaltyCaseRecord {
  /** The agency and its own case number identify the case; transfers are matched on them. */
  agencyDepartmentId: string;
  caseNo: string;
  /** 处罚决定书文号 */
  decisionNo: string;
  /** 违法行为类型 */
  violationType: string;
  /** 违法事实 */
  facts: string;
  /** 处罚依据 */
  legalBasis: string;
  /** 处罚类别, e.g. 罚款, 没收违法所得, 警告 */
  penaltyCategories: string[];
  /** 处罚内容 */
  penaltyContent: string;
  /** 罚款金额 and 没收金额, in fen */
  fineFen: number;
  confiscatedFen: number;
  /** 处罚决定日期, YYYY-MM-DD */
  decidedOn: string;
  partyName: string;
  /** 统一社会信用代码 (units) */
  partyCreditCode?: string;
  partyKind: 'individual' | 'unit';
  /** 处罚机关 */
  authorityName: string;
  /** Offence category of thresholds.ts the facts fall under, if any. */
  offenceCategory?: string;
  /** Amounts the case established (涉案金额), in fen: the thresholds test these. */
  amounts?: Partial<Record<Exclude<Metric, 'fineAmount' | 'confiscatedAmount'>, number>>;
  /** The agency itself found the facts to be a suspected crime. */
  suspectedCrime?: boolean;
}

export type FlagKind = 'untransferred' | 'penalty-instead' | 'stalled';
export const FLAG_KIND_NAMES: Record<FlagKind, string> = {
  untransferred: '有案不移',
  'penalty-instead': '以罚代刑',
  stalled: '有案难移',
};

export interface Flag {
  /** Content hash (32 hex): stable while the relevant fields and the threshold version are unchanged. */
  id: string;
  kind: FlagKind;
  kindName: string;
  agencyDepartmentId: string;
  /** The penalty case (agency + caseNo) or the transfer case the flag is about. */
  caseNo?: string;
  transferCaseId?: string;
  partyName: string;
  /** Chinese, e.g. "销售金额 12 万元 ≥ 阈值 5 万元（生产、销售伪劣产品罪），依据 …；未移送". */
  explanation: string;
  threshold?: { id: string; version: number; verified: boolean };
}

export interface FlagDecision {
  flagId: string;
  kind: FlagKind;
  decision: 'confirmed' | 'dismissed';
  reason?: string;
  by: string;
  at: number;
  /** The threshold the case was judged against, kept with the decision. */
  threshold?: { id: string; version: number };
}

export interface DetectionInput {
  penaltyCases: readonly PenaltyCaseRecord[];
  transfers: readonly TransferCase[];
  thresholds: ThresholdCatalog;
  /** Decisions already taken; a confirmed 有案不移 makes the case's penalty a 以罚代刑. */
  decisions?: readonly FlagDecision[];
}

const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
const caseKey = (agency: string, caseNo: string) => `${agency}\u0000${caseNo}`;

const ART_3 = '《行政执法机关移送涉嫌犯罪案件的规定》第三条';
const ART_11 = '《行政执法机关移送涉嫌犯罪案件的规定》第十一条：不得以行政处罚代替移送';

/** Police-side steps whose breach makes a transfer "stalled" (有案难移), with their Chinese names. */
const POLICE_STEPS: Record<string, string> = {
  filing: '立案审查（三日）',
  'filing-complex': '立案审查（重大、疑难、复杂）',
  'pass-on': '非本机关管辖的转送（24小时）',
  'notify-incomplete': '材料不全的补正告知（24小时）',
  'reconsideration-decision': '复议决定（三日）',
  'supervision-explanation': '说明不立案理由（七日）',
  'supervision-filing': '通知立案后立案（十五日）',
};

function metricValue(r: PenaltyCaseRecord, metric: Metric): number | undefined {
  if (metric === 'fineAmount') return r.fineFen;
  if (metric === 'confiscatedAmount') return r.confiscatedFen;
  return r.amounts?.[metric];
}

interface Crossing {
  threshold: CriminalThreshold;
  metric: Metric;
  value: number;
  atLeastFen: number;
}

/** The first criterion of the category's thresholds the case crosses, if any (thresholds in id order). */
export function crossing(r: PenaltyCaseRecord, catalog: ThresholdCatalog): Crossing | undefined {
  if (!r.offenceCategory) return undefined;
  for (const threshold of thresholdsFor(catalog, r.offenceCategory))
    for (const c of threshold.criteria) {
      if (c.party && c.party !== r.partyKind) continue;
      const value = metricValue(r, c.metric);
      if (value !== undefined && value >= c.atLeastFen)
        return { threshold, metric: c.metric, value, atLeastFen: c.atLeastFen };
    }
  return undefined;
}

function wasTransferred(t: TransferCase | undefined): boolean {
  return t?.transferredAt !== undefined;
}

/** Every flag the input gives, ordered by kind, agency and case. Pure and deterministic. */
export function detectFlags(input: DetectionInput): Flag[] {
  const flags: Flag[] = [];
  const transfersByCase = new Map<string, TransferCase>();
  for (const t of input.transfers) transfersByCase.set(caseKey(t.agencyDepartmentId, t.enforcementCaseNo), t);
  const confirmed = new Set(
    (input.decisions ?? [])
      .filter((d) => d.decision === 'confirmed' && d.kind === 'untransferred')
      .map((d) => d.flagId),
  );

  for (const r of input.penaltyCases) {
    const transfer = transfersByCase.get(caseKey(r.agencyDepartmentId, r.caseNo));
    const crossed = crossing(r, input.thresholds);
    const untransferredId = crossed ? untransferredFlagId(r, crossed) : undefined;
    // 有案不移: the facts cross a threshold and no transfer case exists at all.
    if (crossed && !transfer && untransferredId) {
      flags.push({
        id: untransferredId,
        kind: 'untransferred',
        kindName: FLAG_KIND_NAMES.untransferred,
        agencyDepartmentId: r.agencyDepartmentId,
        caseNo: r.caseNo,
        partyName: r.partyName,
        explanation: `${METRICS[crossed.metric]} ${formatAmount(crossed.value)} ≥ 阈值 ${formatAmount(crossed.atLeastFen)}（${crossed.threshold.offence}），依据 ${crossed.threshold.source}；${ART_3}；未移送${crossed.threshold.verified ? '' : '（该标准尚待本地确认）'}`,
        threshold: {
          id: crossed.threshold.id,
          version: crossed.threshold.version,
          verified: crossed.threshold.verified,
        },
      });
    }
    // 以罚代刑: a penalty decided on a case flagged as a suspected crime, with no transfer made.
    if (!wasTransferred(transfer)) {
      const why = transfer
        ? transfer.status === 'refused'
          ? '移送报告未获负责人批准'
          : '已提出移送报告但尚未移送'
        : r.suspectedCrime
          ? '执法机关认定涉嫌犯罪'
          : untransferredId && confirmed.has(untransferredId)
            ? '已确认有案不移'
            : undefined;
      if (why) {
        const basis = transfer
          ? `transfer:${transfer.id}:${transfer.status}`
          : r.suspectedCrime
            ? 'agency'
            : `flag:${untransferredId}`;
        flags.push({
          id: hash({
            kind: 'penalty-instead',
            agency: r.agencyDepartmentId,
            caseNo: r.caseNo,
            decisionNo: r.decisionNo,
            decidedOn: r.decidedOn,
            penaltyCategories: [...r.penaltyCategories].sort(),
            fineFen: r.fineFen,
            confiscatedFen: r.confiscatedFen,
            basis,
          }),
          kind: 'penalty-instead',
          kindName: FLAG_KIND_NAMES['penalty-instead'],
          agencyDepartmentId: r.agencyDepartmentId,
          caseNo: r.caseNo,
          ...(transfer ? { transferCaseId: transfer.id } : {}),
          partyName: r.partyName,
          explanation: `${r.decidedOn} 作出行政处罚（${r.decisionNo}，${penaltyText(r)}）；${why}；未移送公安机关，依据 ${ART_11}`,
        });
      }
    }
  }

  for (const t of input.transfers) {
    const reasons = stalledReasons(t);
    if (reasons.length === 0) continue;
    flags.push({
      id: hash({ kind: 'stalled', caseId: t.id, reasons: reasons.map((x) => x.code) }),
      kind: 'stalled',
      kindName: FLAG_KIND_NAMES.stalled,
      agencyDepartmentId: t.agencyDepartmentId,
      caseNo: t.enforcementCaseNo,
      transferCaseId: t.id,
      partyName: t.party.name,
      explanation: reasons.map((x) => x.text).join('；'),
    });
  }
  const order: FlagKind[] = ['untransferred', 'penalty-instead', 'stalled'];
  return flags.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      cmp(a.agencyDepartmentId, b.agencyDepartmentId) ||
      cmp(a.caseNo ?? '', b.caseNo ?? '') ||
      cmp(a.id, b.id),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function untransferredFlagId(r: PenaltyCaseRecord, c: Crossing): string {
  return hash({
    kind: 'untransferred',
    agency: r.agencyDepartmentId,
    caseNo: r.caseNo,
    offenceCategory: r.offenceCategory,
    partyKind: r.partyKind,
    amounts: r.amounts ?? {},
    fineFen: r.fineFen,
    confiscatedFen: r.confiscatedFen,
    threshold: { id: c.threshold.id, version: c.threshold.version },
  });
}

function penaltyText(r: PenaltyCaseRecord): string {
  const parts = [...r.penaltyCategories];
  if (r.fineFen > 0) parts.push(`罚款 ${formatAmount(r.fineFen)}`);
  if (r.confiscatedFen > 0) parts.push(`没收 ${formatAmount(r.confiscatedFen)}`);
  return [...new Set(parts)].join('、');
}

/** Why a transfer is stalled at or refused on its way to public security (有案难移). */
export function stalledReasons(t: TransferCase): { code: string; text: string }[] {
  const out: { code: string; text: string }[] = [];
  if (t.status === 'refused')
    out.push({ code: 'head-refused', text: `行政执法机关负责人不批准移送（理由：${t.approval?.reasons ?? ''}）` });
  if (t.filing?.filed === false) {
    out.push({ code: 'not-filed', text: `公安机关决定不予立案（${t.filing.documentNo}）` });
    if (t.reconsideration?.filed === false) out.push({ code: 'reconsideration-upheld', text: '复议维持不予立案' });
  }
  for (const [key, clock] of Object.entries(t.clocks)) {
    const step = POLICE_STEPS[stepOfKey(key)];
    if (step && clock?.breachedAt !== undefined) out.push({ code: `overdue:${key}`, text: `公安机关${step}超期` });
  }
  return out;
}

/**
 * A person's decision on a flag: confirm, or dismiss with a reason. The decision keeps the flag's
 * threshold and version, so it can be read against the rule the case was judged by.
 * @throws DomainError `dismiss-reason-required`
 */
export function decideFlag(
  flag: Flag,
  decision: { decision: 'confirmed' | 'dismissed'; reason?: string; by: string },
  now: number,
): FlagDecision {
  if (decision.decision === 'dismissed' && !decision.reason?.trim())
    throw new DomainError('dismiss-reason-required', 'invalid', '排除线索须说明理由', [
      issue('reason', 'required', '请填写排除理由'),
    ]);
  return {
    flagId: flag.id,
    kind: flag.kind,
    decision: decision.decision,
    ...(decision.reason?.trim() ? { reason: decision.reason.trim() } : {}),
    by: decision.by,
    at: now,
    ...(flag.threshold ? { threshold: { id: flag.threshold.id, version: flag.threshold.version } } : {}),
  };
}

/** The flags no one has decided yet: a decided flag's id stays decided while its case is unchanged. */
export function openFlags(flags: readonly Flag[], decisions: readonly FlagDecision[]): Flag[] {
  const decided = new Set(decisions.map((d) => d.flagId));
  return flags.filter((f) => !decided.has(f.id));
}
