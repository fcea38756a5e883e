import { CaseDraft } from '../clocks/case-draft';
import { formatCityInstant } from '../clocks/city-time';
import { DomainError, type DomainIssue, issue } from '../domain-error';
import { type IntegrityClockKey, INTEGRITY_POLICY_IDS as P, publicationPeriods, TIER_RULES } from './integrity-clocks';
import {
  type Actor,
  CATEGORIES,
  CHANNELS,
  COMMITMENT_CATEGORIES,
  FINAL_STATUSES,
  type IntegrityDecision,
  type IntegrityEvent,
  type IntegrityEventType,
  type IntegrityRecord,
  type IntegrityStatus,
  MEASURES,
  type MeasureKind,
  type Party,
  PUBLISHED_STATUSES,
  type ReportFacts,
  STATUS_NAMES,
  type Subject,
  TIERS,
  type Tier,
} from './integrity-types';
import { parseGovernmentSubject } from './subject';

// The record's state machine (DOMAIN.md §5 "Flow", docs/INTEGRITY.md). One entry point:
// `decide(state, command, actor, now)` returns the next state (version + 1), the events and the
// clock intents, or throws a DomainError; it never reads the wall clock. Each command names the
// party that posts it (COMMAND_PARTY) and is refused (`not-your-step`, forbidden) from anyone else.
// A command that repeats what is already recorded throws `already-recorded`.

export type IntegrityCommand =
  // ── the reporting department (a court, the finance bureau, the SME complaint channel, 12345, any department) ──
  | ({
      type: 'Report';
      id: string;
      subject: { creditCode: string; name: string; departmentId?: string; official?: { name: string; post: string } };
    } & ReportFacts)
  | { type: 'Withdraw'; reason: string }
  // ── the superior or competent department ──
  | { type: 'AwaitMaterials'; note?: string }
  | { type: 'ReceiveMaterials'; note?: string }
  | { type: 'Verify'; found: boolean; documentNo: string; reasons?: string }
  | { type: 'DecideObjection'; upheld: boolean; documentNo: string; reasons: string }
  | { type: 'Confirm'; documentNo: string }
  | { type: 'Publish'; tier: Tier; reason?: string }
  | { type: 'RecordRectification'; documentNo: string; summary: string; paidFen?: number }
  | { type: 'RecordLawfulChange'; documentNo: string; compensationFen: number; reason: string }
  // ── the subject ──
  | { type: 'WaiveObjection' }
  | { type: 'RaiseObjection'; grounds: string }
  | { type: 'ApplyRepair'; statement: string }
  // ── the credit authority ──
  | { type: 'NotifyPunishment'; measure: MeasureKind; toDepartmentId: string; documentNo?: string; note?: string }
  | { type: 'DecideRepair'; repaired: boolean; documentNo: string; reasons?: string }
  // ── the department a measure was notified to ──
  | { type: 'AcknowledgePunishment'; n: number }
  // ── the platform: the clock service ──
  | { type: 'EndPublication' }
  | { type: 'RecordClockBreach'; key: string };

export type IntegrityCommandType = IntegrityCommand['type'];

/** Who posts each command. `any`: any department (a new report); `system`: the platform's clock service. */
export const COMMAND_PARTY: Record<IntegrityCommandType, Party | 'any' | 'system'> = {
  Report: 'any',
  Withdraw: 'reporter',
  AwaitMaterials: 'competent',
  ReceiveMaterials: 'competent',
  Verify: 'competent',
  DecideObjection: 'competent',
  Confirm: 'competent',
  Publish: 'competent',
  RecordRectification: 'competent',
  RecordLawfulChange: 'competent',
  WaiveObjection: 'subject',
  RaiseObjection: 'subject',
  ApplyRepair: 'subject',
  NotifyPunishment: 'credit',
  DecideRepair: 'credit',
  AcknowledgePunishment: 'measure',
  EndPublication: 'system',
  RecordClockBreach: 'system',
};

export const PARTY_NAMES: Record<Party, string> = {
  reporter: '报送单位',
  competent: '上级或主管部门',
  subject: '失信主体',
  credit: '信用主管部门',
  measure: '惩戒措施实施部门',
};

/** The department that is `party` of this record (for `measure`: any department a measure went to). */
export function departmentsOf(r: IntegrityRecord, party: Party): string[] {
  switch (party) {
    case 'reporter':
      return [r.reporterDepartmentId];
    case 'competent':
      return [r.competentDepartmentId];
    case 'subject':
      return r.subject.departmentId ? [r.subject.departmentId] : [];
    case 'credit':
      return [r.creditAuthorityDepartmentId];
    case 'measure':
      return [...new Set(r.punishments.map((p) => p.toDepartmentId))];
  }
}

// ── errors ─────────────────────────────────────────────────────────────────────────────────────

function refuse(r: IntegrityRecord, action: string): never {
  throw new DomainError(
    'integrity-transition-invalid',
    'conflict',
    `失信记录当前状态（${STATUS_NAMES[r.status]}）不能${action}`,
  );
}
function invalid(code: string, message: string, issues: DomainIssue[]): never {
  throw new DomainError(code, 'invalid', message, issues);
}
function already(message: string): never {
  throw new DomainError('already-recorded', 'conflict', message);
}
function required(field: string, value: string | undefined, message: string): void {
  if (!value?.trim()) invalid(`${field}-required`, message, [issue(field, 'required', message)]);
}
function fen(field: string, value: number | undefined, positive = false): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0 || (positive && value === 0))
    invalid('amount-invalid', '金额应为以分计的非负整数', [issue(field, 'amount', '金额应为以分计的非负整数')]);
}
const day = (at: number) => formatCityInstant(at).slice(0, 10);

// ── the draft of one decision ──────────────────────────────────────────────────────────────────

class Draft extends CaseDraft<IntegrityRecord, IntegrityClockKey, IntegrityEventType, IntegrityEvent> {
  protected eventOf(type: IntegrityEventType, data: Record<string, unknown>): IntegrityEvent {
    return {
      type,
      data: {
        recordId: this.state.id,
        version: this.state.version,
        at: this.now,
        by: this.by,
        status: this.state.status,
        subjectCode: this.state.subject.creditCode,
        regionCode: this.state.subject.regionCode,
        ...data,
      },
    };
  }
  status(s: IntegrityStatus): void {
    this.state.status = s;
  }
  close(s: IntegrityStatus, reason: string): void {
    if (this.state.awaitingMaterials) {
      const { awaitingMaterials: _, ...rest } = this.state;
      this.state = rest;
    }
    this.status(s);
    this.state.closedAt = this.now;
    this.stopAll(reason);
  }
  done(): IntegrityDecision {
    return { state: this.state, events: this.events, clocks: this.clocks };
  }
}

function inStatus(r: IntegrityRecord, action: string, ...allowed: IntegrityStatus[]): void {
  if (!allowed.includes(r.status)) refuse(r, action);
}

function authorise(r: IntegrityRecord, command: IntegrityCommand, actor: Actor): void {
  const party = COMMAND_PARTY[command.type];
  if (party === 'system' || party === 'any') return;
  if (party === 'measure' && command.type === 'AcknowledgePunishment') {
    const task = r.punishments.find((p) => p.n === command.n);
    if (!task) throw new DomainError('punishment-not-found', 'not-found', '没有该联合惩戒措施通知');
    if (task.toDepartmentId !== actor.departmentId)
      throw new DomainError('not-your-step', 'forbidden', '该惩戒措施应由被通知的实施部门签收');
    return;
  }
  if (!departmentsOf(r, party).includes(actor.departmentId))
    throw new DomainError('not-your-step', 'forbidden', `该步骤应由${PARTY_NAMES[party]}办理`);
}

// ── decide ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The one entry point. `state` is undefined only for `Report`, which creates the record.
 * @throws DomainError (invalid | forbidden | conflict | not-found)
 */
export function decide(
  state: IntegrityRecord | undefined,
  command: IntegrityCommand,
  actor: Actor,
  now: number,
): IntegrityDecision {
  if (command.type === 'Report') {
    if (state) already('失信记录已经报送');
    return report(command, actor, now);
  }
  if (!state) throw new DomainError('integrity-record-not-found', 'not-found', '失信记录不存在');
  authorise(state, command, actor);
  const d = new Draft(state, now, actor.userId);
  const r = state;
  switch (command.type) {
    case 'Withdraw': {
      inStatus(r, '撤回', 'reported');
      required('reason', command.reason, '请说明撤回的理由');
      d.state.withdrawal = { at: now, by: actor.userId, ground: 'reported-in-error', reason: command.reason };
      d.close('withdrawn', '报送单位撤回');
      d.emit('IntegrityRecord.Withdrawn', { ground: 'reported-in-error' }, command.reason);
      return d.done();
    }
    case 'AwaitMaterials': {
      inStatus(r, '要求补充材料', 'reported');
      if (r.awaitingMaterials) already('已经在等待补充材料');
      d.state.awaitingMaterials = { since: now, ...(command.note ? { note: command.note } : {}) };
      d.clocks.push({ kind: 'pause', key: 'verification', at: now, reason: 'awaiting-materials', by: actor.userId });
      d.emit('IntegrityRecord.MaterialsAwaited', {}, command.note);
      return d.done();
    }
    case 'ReceiveMaterials': {
      inStatus(r, '登记收到补充材料', 'reported');
      if (!r.awaitingMaterials) refuse(r, '登记收到补充材料（未要求补充材料）');
      const { awaitingMaterials: _, ...rest } = d.state;
      d.state = rest;
      d.clocks.push({ kind: 'resume', key: 'verification', at: now, by: actor.userId });
      d.emit('IntegrityRecord.MaterialsReceived', {}, command.note);
      return d.done();
    }
    case 'Verify': {
      if (r.verification) already('已经核实');
      inStatus(r, '核实', 'reported');
      required('documentNo', command.documentNo, '请填写核实意见的文号');
      if (r.awaitingMaterials) {
        // Materials arrived with the decision itself: the pause closes at this instant.
        d.clocks.push({ kind: 'resume', key: 'verification', at: now, by: actor.userId });
        const { awaitingMaterials: _, ...rest } = d.state;
        d.state = rest;
      }
      d.stop('verification', 'meet');
      if (!command.found) {
        required('reasons', command.reasons, '核实不属实的，应当说明理由');
        d.state.verification = {
          found: false,
          at: now,
          by: actor.userId,
          documentNo: command.documentNo,
          reasons: command.reasons,
        };
        d.close('dismissed', '核实不属实');
        d.emit('IntegrityRecord.Dismissed', { documentNo: command.documentNo }, command.reasons);
        return d.done();
      }
      d.state.verification = {
        found: true,
        at: now,
        by: actor.userId,
        documentNo: command.documentNo,
        ...(command.reasons ? { reasons: command.reasons } : {}),
      };
      d.status('verified');
      // The subject is told (the service routes this event to the subject's department) and may object.
      d.emit('IntegrityRecord.Verified', {
        documentNo: command.documentNo,
        subjectDepartmentId: r.subject.departmentId,
        category: r.category,
      });
      return d.done();
    }
    case 'WaiveObjection': {
      if (r.objection) already(r.objection.waivedAt !== undefined ? '已经放弃异议' : '已经提出异议');
      inStatus(r, '放弃异议', 'verified');
      d.state.objection = { waivedAt: now };
      d.emit('IntegrityRecord.ObjectionWaived');
      return d.done();
    }
    case 'RaiseObjection': {
      if (r.objection) already(r.objection.waivedAt !== undefined ? '已经放弃异议' : '已经提出异议');
      inStatus(r, '提出异议', 'verified', 'confirmed');
      required('grounds', command.grounds, '请说明异议的事实和理由');
      d.state.objection = { raisedAt: now, grounds: command.grounds };
      d.status('objection');
      d.emit('IntegrityRecord.ObjectionRaised', {}, command.grounds);
      d.start('objection-decision', P.objectionDecision);
      return d.done();
    }
    case 'DecideObjection': {
      inStatus(r, '处理异议', 'objection');
      required('documentNo', command.documentNo, '请填写异议处理决定的文号');
      required('reasons', command.reasons, '请说明异议处理的理由');
      d.stop('objection-decision', 'meet');
      d.state.objection = {
        ...r.objection,
        decidedAt: now,
        upheld: command.upheld,
        documentNo: command.documentNo,
        reasons: command.reasons,
      };
      if (command.upheld) {
        d.close('revoked', '异议成立');
        d.emit('IntegrityRecord.ObjectionDecided', { upheld: true, documentNo: command.documentNo }, command.reasons);
        return d.done();
      }
      d.emit('IntegrityRecord.ObjectionDecided', { upheld: false, documentNo: command.documentNo }, command.reasons);
      if (r.confirmation) {
        d.status('confirmed');
        return d.done();
      }
      return confirm(d, command.documentNo);
    }
    case 'Confirm': {
      if (r.confirmation) already('已经认定');
      inStatus(r, '认定', 'verified');
      required('documentNo', command.documentNo, '请填写认定文书的文号');
      return confirm(d, command.documentNo);
    }
    case 'Publish': {
      if (r.publication) already('已经公示');
      inStatus(r, '公示', 'confirmed');
      if (!(command.tier in TIERS))
        invalid('tier-invalid', '请选择失信程度', [issue('tier', 'invalid', '失信程度应为轻微、一般或严重')]);
      if (command.tier === 'minor')
        required('reason', command.reason, '轻微失信信息原则上不公示；确需公示的，请说明理由');
      const periods = publicationPeriods(command.tier, r.basis.date);
      if (now > periods.endsAt)
        throw new DomainError(
          'publication-period-over',
          'conflict',
          `${TIERS[command.tier]}信息最长公示期限已于${day(periods.endsAt)}届满（自${day(r.basis.date)}文书作出之日起算），不再公示`,
        );
      const rule = TIER_RULES[command.tier];
      d.state.publication = {
        tier: command.tier,
        at: now,
        by: actor.userId,
        endsAt: periods.endsAt,
        ...(periods.repairAllowedFrom !== undefined ? { repairAllowedFrom: periods.repairAllowedFrom } : {}),
        ...(command.reason ? { reason: command.reason } : {}),
      };
      d.status('published');
      d.emit('IntegrityRecord.Published', {
        tier: command.tier,
        tierName: TIERS[command.tier],
        category: r.category,
        categoryName: CATEGORIES[r.category],
        legacy: r.legacy,
        subjectName: r.subject.name,
        documentDate: r.basis.date,
        repairAllowedFrom: periods.repairAllowedFrom,
        endsAt: periods.endsAt,
        creditAuthorityDepartmentId: r.creditAuthorityDepartmentId,
      });
      d.start('publication-end', rule.endPolicyId, r.basis.date);
      if (rule.repairPolicyId) d.start('repair-eligible', rule.repairPolicyId, r.basis.date);
      return d.done();
    }
    case 'NotifyPunishment': {
      inStatus(r, '通知联合惩戒措施', ...PUBLISHED_STATUSES);
      if (!(command.measure in MEASURES))
        invalid('measure-invalid', '请选择惩戒措施', [issue('measure', 'invalid', '未知的惩戒措施')]);
      required('toDepartmentId', command.toDepartmentId, '请选择实施惩戒措施的部门');
      if (r.punishments.some((p) => p.measure === command.measure && p.toDepartmentId === command.toDepartmentId))
        already('该惩戒措施已经通知该部门');
      const n = r.punishments.length + 1;
      d.state.punishments = [
        ...r.punishments,
        {
          n,
          measure: command.measure,
          toDepartmentId: command.toDepartmentId,
          notifiedAt: now,
          ...(command.documentNo ? { documentNo: command.documentNo } : {}),
          ...(command.note ? { note: command.note } : {}),
        },
      ];
      d.emit(
        'IntegrityRecord.PunishmentNotified',
        { n, measure: command.measure, measureName: MEASURES[command.measure], toDepartmentId: command.toDepartmentId },
        command.note,
      );
      d.start(`punishment-ack-${n}`, P.punishmentAck);
      return d.done();
    }
    case 'AcknowledgePunishment': {
      const task = r.punishments.find((p) => p.n === command.n) as IntegrityRecord['punishments'][number];
      if (task.acknowledgedAt !== undefined) already('该惩戒措施已经签收');
      if (FINAL_STATUSES.includes(r.status)) refuse(r, '签收惩戒措施');
      d.state.punishments = r.punishments.map((p) =>
        p.n === command.n ? { ...p, acknowledgedAt: now, acknowledgedBy: actor.userId } : p,
      );
      d.stop(`punishment-ack-${command.n}`, 'meet');
      d.emit('IntegrityRecord.PunishmentAcknowledged', {
        n: command.n,
        measure: task.measure,
        toDepartmentId: task.toDepartmentId,
      });
      return d.done();
    }
    case 'RecordRectification': {
      if (r.rectification) already('整改情况已经登记');
      inStatus(r, '登记整改', 'published');
      required('documentNo', command.documentNo, '请填写整改材料或者验收文书的文号');
      required('summary', command.summary, '请填写整改情况');
      fen('paidFen', command.paidFen);
      d.state.rectification = { at: now, by: actor.userId, documentNo: command.documentNo, summary: command.summary };
      if (command.paidFen !== undefined) d.state.amounts = { ...r.amounts, paidFen: command.paidFen };
      d.status('rectified');
      d.emit(
        'IntegrityRecord.Rectified',
        { documentNo: command.documentNo, paidFen: command.paidFen },
        command.summary,
      );
      return d.done();
    }
    case 'ApplyRepair': {
      inStatus(r, '申请信用修复', 'rectified');
      required('statement', command.statement, '请填写信用修复申请及信用承诺');
      const from = r.publication?.repairAllowedFrom;
      if (from !== undefined && now < from)
        throw new DomainError(
          'repair-too-early',
          'conflict',
          `最短公示期限届满后方可申请信用修复：自${day(from)}起可以申请`,
        );
      d.state.repairApplications = [...r.repairApplications, { at: now, statement: command.statement }];
      d.status('repair-applied');
      d.stop('repair-eligible', 'meet');
      d.emit('IntegrityRecord.RepairApplied', { n: d.state.repairApplications.length }, command.statement);
      return d.done();
    }
    case 'DecideRepair': {
      inStatus(r, '决定信用修复', 'repair-applied');
      required('documentNo', command.documentNo, '请填写信用修复决定的文号');
      if (!command.repaired) required('reasons', command.reasons, '不予修复的，应当说明理由');
      const last = r.repairApplications.length - 1;
      d.state.repairApplications = r.repairApplications.map((a, i) =>
        i === last
          ? {
              ...a,
              decidedAt: now,
              repaired: command.repaired,
              documentNo: command.documentNo,
              ...(command.reasons ? { reasons: command.reasons } : {}),
            }
          : a,
      );
      if (command.repaired) {
        d.close('repaired', '信用修复，停止公示');
        d.emit(
          'IntegrityRecord.Repaired',
          { documentNo: command.documentNo, measures: liftedMeasures(r) },
          command.reasons,
        );
        return d.done();
      }
      d.status('rectified');
      d.emit('IntegrityRecord.RepairRefused', { documentNo: command.documentNo }, command.reasons);
      return d.done();
    }
    case 'EndPublication': {
      inStatus(r, '结束公示', ...PUBLISHED_STATUSES);
      const ends = r.publication?.endsAt as number;
      if (now <= ends)
        throw new DomainError('publication-not-over', 'conflict', `最长公示期限至${day(ends)}届满，尚未到期`);
      // The period ends by itself at its last instant: the clock is met there, never "late".
      d.stop('publication-end', 'meet', '', ends);
      d.close('ended', '公示期满，自动停止公示');
      d.emit('IntegrityRecord.PublicationEnded', { endsAt: ends, measures: liftedMeasures(r) });
      return d.done();
    }
    case 'RecordLawfulChange': {
      inStatus(r, '登记依法变更承诺', 'reported', 'verified', 'objection', 'confirmed');
      if (!COMMITMENT_CATEGORIES.includes(r.category))
        invalid('not-a-commitment', '只有合同、承诺类事项可以依法变更', [
          issue('category', 'not-a-commitment', `${CATEGORIES[r.category]}不是可以依法变更的承诺`),
        ]);
      required('documentNo', command.documentNo, '请填写依法变更和补偿的文书文号');
      required('reason', command.reason, '请说明变更的法定事由');
      fen('compensationFen', command.compensationFen, true);
      d.state.withdrawal = {
        at: now,
        by: actor.userId,
        ground: 'lawful-change',
        reason: command.reason,
        documentNo: command.documentNo,
        compensationFen: command.compensationFen,
      };
      d.close('lawfully-changed', '依法变更承诺并已补偿');
      d.emit(
        'IntegrityRecord.Withdrawn',
        { ground: 'lawful-change', documentNo: command.documentNo, compensationFen: command.compensationFen },
        command.reason,
      );
      return d.done();
    }
    case 'RecordClockBreach': {
      const clock = r.clocks[command.key as IntegrityClockKey];
      if (!clock) throw new DomainError('clock-unknown', 'not-found', '该记录没有该时限');
      if (clock.breachedAt !== undefined) already('超期已经登记');
      d.state.clocks = { ...r.clocks, [command.key]: { ...clock, breachedAt: now } };
      d.emit('IntegrityRecord.ClockBreached', { key: command.key, policyId: clock.policyId });
      return d.done();
    }
  }
}

function confirm(d: Draft, documentNo: string): IntegrityDecision {
  d.state.confirmation = { at: d.now, by: d.by, documentNo };
  d.status('confirmed');
  d.emit('IntegrityRecord.Confirmed', { documentNo, category: d.state.category });
  return d.done();
}

/** Measures the applying departments lift when publication stops. */
function liftedMeasures(r: IntegrityRecord): { n: number; measure: MeasureKind; toDepartmentId: string }[] {
  return r.punishments.map((p) => ({ n: p.n, measure: p.measure, toDepartmentId: p.toDepartmentId }));
}

function report(cmd: Extract<IntegrityCommand, { type: 'Report' }>, actor: Actor, now: number): IntegrityDecision {
  const problems: DomainIssue[] = [];
  let parts: ReturnType<typeof parseGovernmentSubject> | undefined;
  try {
    parts = parseGovernmentSubject(cmd.subject.creditCode);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problems.push(...e.issues);
  }
  if (!(cmd.channel in CHANNELS)) problems.push(issue('channel', 'invalid', '未知的报送渠道'));
  if (!(cmd.category in CATEGORIES)) problems.push(issue('category', 'invalid', '未知的失信类别'));
  if (cmd.defaultGround !== undefined && cmd.category !== 'contract-default')
    problems.push(issue('defaultGround', 'contract-only', '违约毁约的事由只用于违约毁约类'));
  if (cmd.category === 'judgment-non-performance' && cmd.basis.kind !== 'judgment')
    problems.push(issue('basis.kind', 'judgment-required', '拒不履行司法裁判的，应当以生效裁判文书为依据'));
  if (cmd.category === 'review-decision-non-performance' && cmd.basis.kind !== 'review-decision')
    problems.push(
      issue('basis.kind', 'review-decision-required', '拒不履行行政复议决定的，应当以行政复议决定书为依据'),
    );
  if (cmd.category === 'sme-arrears' && !(cmd.amounts.owedFen !== undefined && cmd.amounts.owedFen > 0))
    problems.push(issue('amounts.owedFen', 'required', '拖欠中小企业账款的，请填写拖欠金额'));
  for (const [field, v] of [
    ['amounts.owedFen', cmd.amounts.owedFen],
    ['amounts.paidFen', cmd.amounts.paidFen],
  ] as const)
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 0))
      problems.push(issue(field, 'amount', '金额应为以分计的非负整数'));
  if (!Number.isFinite(cmd.basis.date) || cmd.basis.date > now)
    problems.push(issue('basis.date', 'in-future', '文书日期不能晚于当前时间'));
  for (const [field, value] of [
    ['id', cmd.id],
    ['subject.name', cmd.subject.name],
    ['summary', cmd.summary],
    ['basis.documentNo', cmd.basis.documentNo],
    ['basis.issuer', cmd.basis.issuer],
    ['competentDepartmentId', cmd.competentDepartmentId],
    ['creditAuthorityDepartmentId', cmd.creditAuthorityDepartmentId],
  ] as const)
    if (!value?.trim()) problems.push(issue(field, 'required', '必填'));
  if (cmd.competentDepartmentId === cmd.subject.departmentId)
    problems.push(issue('competentDepartmentId', 'self', '核实部门不能是失信主体本身'));
  if (problems.length > 0 || !parts) invalid('integrity-report-invalid', '失信记录报送信息不完整或有误', problems);
  const subject: Subject = {
    creditCode: parts.code,
    name: cmd.subject.name,
    bodyType: parts.bodyType,
    regionCode: parts.regionCode,
    ...(cmd.subject.departmentId ? { departmentId: cmd.subject.departmentId } : {}),
    ...(cmd.subject.official ? { official: cmd.subject.official } : {}),
  };
  const state: IntegrityRecord = {
    id: cmd.id,
    version: 0,
    status: 'reported',
    subject,
    reporterDepartmentId: actor.departmentId,
    reportedAt: now,
    channel: cmd.channel,
    category: cmd.category,
    ...(cmd.defaultGround ? { defaultGround: cmd.defaultGround } : {}),
    summary: cmd.summary,
    basis: cmd.basis,
    amounts: cmd.amounts,
    legacy: cmd.legacy,
    competentDepartmentId: cmd.competentDepartmentId,
    creditAuthorityDepartmentId: cmd.creditAuthorityDepartmentId,
    punishments: [],
    repairApplications: [],
    clocks: {},
    timeline: [],
  };
  const d = new Draft(state, now, actor.userId);
  d.emit('IntegrityRecord.Reported', {
    channel: cmd.channel,
    category: cmd.category,
    legacy: cmd.legacy,
    bodyType: parts.bodyType,
    competentDepartmentId: cmd.competentDepartmentId,
  });
  d.start('verification', P.verification);
  return d.done();
}

// ── invariants (the property tests hold every reachable state to these) ─────────────────────

/** What must hold of any state `decide` returns; an empty list when it does. */
export function invariantViolations(r: IntegrityRecord): string[] {
  const v: string[] = [];
  const isIn = (s: readonly IntegrityStatus[]) => s.includes(r.status);
  try {
    const parts = parseGovernmentSubject(r.subject.creditCode);
    if (parts.regionCode !== r.subject.regionCode) v.push('subject region does not match its code');
  } catch {
    v.push('subject code invalid or not a public body');
  }
  const verifiedOn: IntegrityStatus[] = [
    'verified',
    'objection',
    'confirmed',
    ...PUBLISHED_STATUSES,
    'revoked',
    'repaired',
    'ended',
  ];
  if (isIn(verifiedOn) && r.verification?.found !== true) v.push('past verification without a finding');
  if (r.status === 'dismissed' && (r.verification?.found !== false || !r.verification.reasons))
    v.push('dismissed without reasons');
  if (r.status === 'objection' && (r.objection?.raisedAt === undefined || r.objection.decidedAt !== undefined))
    v.push('objection status without an open objection');
  if (r.status === 'revoked' && r.objection?.upheld !== true) v.push('revoked without an upheld objection');
  const published: IntegrityStatus[] = [...PUBLISHED_STATUSES, 'repaired', 'ended'];
  if (isIn(['confirmed', ...published]) && !r.confirmation) v.push('confirmed without a confirmation');
  if (r.objection?.raisedAt !== undefined && isIn(published) && r.objection.upheld !== false)
    v.push('published while an objection is open or upheld');
  if (isIn(published)) {
    const p = r.publication;
    if (!p) v.push('published without a publication');
    else {
      const expect = publicationPeriods(p.tier, r.basis.date);
      if (p.endsAt !== expect.endsAt || p.repairAllowedFrom !== expect.repairAllowedFrom)
        v.push('publication periods not those of the tier');
      if (p.at > p.endsAt) v.push('published after the maximum period');
    }
  } else if (r.publication) v.push('a publication on an unpublished record');
  if (isIn(['rectified', 'repair-applied', 'repaired']) && !r.rectification)
    v.push('repair path without rectification');
  if (isIn(['repair-applied', 'repaired'])) {
    const last = r.repairApplications.at(-1);
    if (!last) v.push('repair without an application');
    else if (r.publication?.repairAllowedFrom !== undefined && last.at < r.publication.repairAllowedFrom)
      v.push('repair applied before the minimum period');
  }
  if (r.status === 'repair-applied' && r.repairApplications.at(-1)?.decidedAt !== undefined)
    v.push('repair-applied with the application decided');
  if (r.status === 'repaired' && r.repairApplications.at(-1)?.repaired !== true) v.push('repaired without a decision');
  if (
    r.status === 'ended' &&
    (r.closedAt === undefined || r.closedAt <= (r.publication?.endsAt ?? Number.POSITIVE_INFINITY))
  )
    v.push('ended before the maximum period');
  if (
    r.status === 'lawfully-changed' &&
    (r.withdrawal?.ground !== 'lawful-change' || !(r.withdrawal.compensationFen ?? 0))
  )
    v.push('lawful change without compensation');
  if (r.status === 'lawfully-changed' && !COMMITMENT_CATEGORIES.includes(r.category))
    v.push('lawful change of a non-commitment');
  if (FINAL_STATUSES.includes(r.status)) {
    if (r.closedAt === undefined) v.push('final without closedAt');
    if (Object.values(r.clocks).some((k) => k?.running)) v.push('final with a running clock');
  } else if (r.closedAt !== undefined) v.push('closedAt on an open record');
  if (r.punishments.length > 0 && !isIn(published)) v.push('punishment of an unpublished record');
  r.punishments.forEach((p, i) => {
    if (p.n !== i + 1) v.push('punishment numbers not consecutive');
    if (p.acknowledgedAt !== undefined && p.acknowledgedAt < p.notifiedAt) v.push('acknowledged before notified');
    const clock = r.clocks[`punishment-ack-${p.n}`];
    if (!clock) v.push(`punishment ${p.n} without its clock`);
    else if (p.acknowledgedAt !== undefined && clock.running) v.push(`punishment ${p.n} acknowledged, clock running`);
  });
  if (r.awaitingMaterials && r.status !== 'reported') v.push('awaiting materials after verification');
  if (r.timeline.length < r.version) v.push('an accepted command left no timeline entry');
  return v;
}
