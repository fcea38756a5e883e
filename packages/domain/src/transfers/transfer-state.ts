import { CaseDraft } from '../clocks/case-draft';
import { DomainError, type DomainIssue, issue } from '../domain-error';
import { checkTransferDocuments, type TransferDocument } from './documents';
import { TRANSFER_POLICY_IDS as P, ROUND_CLOCKS, type RoundClock, type TransferClockKey } from './transfer-clocks';
import {
  type Actor,
  FINAL_STATUSES,
  isIntellectualProperty,
  type Party,
  STATUS_NAMES,
  type TransferCase,
  type TransferDecision,
  type TransferEvent,
  type TransferEventType,
  type TransferReportFacts,
  type TransferStatus,
} from './transfer-types';

// The transfer case's state machine (DOMAIN.md §4 steps 1–9, docs/TRANSFERS.md). One entry point:
// `decide(state, command, now)` returns the next state (version + 1), the events and the clock
// intents, or throws a DomainError; it never reads the wall clock. Each command names the party
// that posts it (COMMAND_PARTY) and is refused (`not-your-step`, forbidden) from anyone else.
// A command that repeats what is already recorded throws `already-recorded`.

/** Reasons the reverse-connection review may be suspended (policy transfer.reverse-review). */
export const REVERSE_PAUSE_REASONS = [
  'consulting-procuratorate',
  'reconsideration',
  'victim-petition',
  'suspect-petition',
] as const;
export type ReversePauseReason = (typeof REVERSE_PAUSE_REASONS)[number];

export type TransferCommand =
  // ── the agency ──
  | ({ type: 'Report'; id: string } & TransferReportFacts)
  | { type: 'DecideApproval'; approved: boolean; reasons?: string }
  | { type: 'Transfer'; policeDepartmentId: string; procuratorateDepartmentId: string; documents: TransferDocument[] }
  | { type: 'CompleteMaterials'; documents: TransferDocument[]; note?: string }
  | { type: 'RequestReconsideration'; documentNo: string }
  | { type: 'RequestSupervision'; documentNo: string }
  | { type: 'AcceptNotFiled'; note?: string }
  | { type: 'HandOver'; note?: string }
  | { type: 'DecidePenalty'; decided: true; decisionNo: string }
  | { type: 'DecidePenalty'; decided: false; reason: string }
  // ── public security ──
  | { type: 'Receive' }
  | { type: 'PassOn'; toDepartmentId: string; toKind: 'police' | 'other'; reason: string }
  | { type: 'NotifyIncomplete'; missing: string[]; note?: string }
  | { type: 'DeclareComplex'; approvedBy: string; documentNo: string }
  | { type: 'ExtendFilingReview'; approvedBy: string; documentNo: string; reason: string }
  | { type: 'DecideFiling'; filed: boolean; documentNo: string; reasons?: string }
  | { type: 'DecideReconsideration'; filed: boolean; documentNo: string; reasons?: string }
  | { type: 'ExplainNotFiling'; documentNo: string; reasons: string }
  | { type: 'ConcludeInvestigation'; outcome: 'prosecution' | 'withdrawn' }
  | { type: 'ReverseTransfer'; reason: string }
  // ── the procuratorate ──
  | { type: 'RequireExplanation'; documentNo: string }
  | { type: 'ReviewExplanation'; reasonsStand: boolean; documentNo: string }
  | { type: 'NotifySupervisionResult'; documentNo: string }
  | { type: 'DecideProsecution'; prosecuted: boolean; documentNo: string; courtDepartmentId?: string }
  | { type: 'ReferReverse' }
  | { type: 'RegisterReverse' }
  | { type: 'SuspendReverseReview'; reason: ReversePauseReason; documentNo?: string }
  | { type: 'ResumeReverseReview'; reason: ReversePauseReason }
  | { type: 'ExtendReverseReview'; duration: string; approvedBy: string; reason: string }
  | { type: 'ConcludeReverseReview'; penaltyAdvised: boolean; documentNo: string }
  // ── the court ──
  | { type: 'RecordJudgment'; documentNo: string; summary: string }
  // ── any party of the case ──
  | {
      type: 'ReferDutyCrimeClue';
      toDepartmentId: string;
      toKind: 'supervisory-commission' | 'procuratorate';
      summary: string;
    }
  // ── the clock service, when a case clock breaches ──
  | { type: 'RecordClockBreach'; key: string };

export type TransferCommandType = TransferCommand['type'];

/** Who posts each command. `any`: a party of the case; `system`: the clock service. */
export const COMMAND_PARTY: Record<TransferCommandType, Party | 'any' | 'system'> = {
  Report: 'agency',
  DecideApproval: 'agency',
  Transfer: 'agency',
  CompleteMaterials: 'agency',
  RequestReconsideration: 'agency',
  RequestSupervision: 'agency',
  AcceptNotFiled: 'agency',
  HandOver: 'agency',
  DecidePenalty: 'agency',
  Receive: 'police',
  PassOn: 'police',
  NotifyIncomplete: 'police',
  DeclareComplex: 'police',
  ExtendFilingReview: 'police',
  DecideFiling: 'police',
  DecideReconsideration: 'police',
  ExplainNotFiling: 'police',
  ConcludeInvestigation: 'police',
  ReverseTransfer: 'police',
  RequireExplanation: 'procuratorate',
  ReviewExplanation: 'procuratorate',
  NotifySupervisionResult: 'procuratorate',
  DecideProsecution: 'procuratorate',
  ReferReverse: 'procuratorate',
  RegisterReverse: 'procuratorate',
  SuspendReverseReview: 'procuratorate',
  ResumeReverseReview: 'procuratorate',
  ExtendReverseReview: 'procuratorate',
  ConcludeReverseReview: 'procuratorate',
  RecordJudgment: 'court',
  ReferDutyCrimeClue: 'any',
  RecordClockBreach: 'system',
};

/** The department that is `party` of this case, if it is known yet. */
export function departmentOf(c: TransferCase, party: Party): string | undefined {
  if (party === 'agency') return c.agencyDepartmentId;
  if (party === 'police') return c.policeDepartmentId;
  if (party === 'procuratorate') return c.procuratorateDepartmentId;
  return c.prosecution?.courtDepartmentId;
}

/** The parties `departmentId` is in this case (empty when it is none). */
export function partiesOf(c: TransferCase, departmentId: string): Party[] {
  return (['agency', 'police', 'procuratorate', 'court'] as const).filter((p) => departmentOf(c, p) === departmentId);
}

// ── errors ─────────────────────────────────────────────────────────────────────────────────────

function refuse(c: TransferCase, action: string): never {
  throw new DomainError(
    'transfer-transition-invalid',
    'conflict',
    `案件当前状态（${STATUS_NAMES[c.status]}）不能${action}`,
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

// ── the draft of one decision ──────────────────────────────────────────────────────────────────

class Draft extends CaseDraft<TransferCase, TransferClockKey, TransferEventType, TransferEvent> {
  protected eventOf(type: TransferEventType, data: Record<string, unknown>): TransferEvent {
    return {
      type,
      data: {
        caseId: this.state.id,
        version: this.state.version,
        at: this.now,
        by: this.by,
        agencyDepartmentId: this.state.agencyDepartmentId,
        status: this.state.status,
        ...data,
      },
    };
  }
  status(s: TransferStatus): void {
    this.state.status = s;
  }
  done(): TransferDecision {
    return { state: this.state, events: this.events, clocks: this.clocks };
  }
}

const roundKey = (c: TransferCase, name: RoundClock): TransferClockKey => `${name}-${c.round}`;

function inStatus(c: TransferCase, action: string, ...allowed: TransferStatus[]): void {
  if (!allowed.includes(c.status)) refuse(c, action);
}

function authorise(c: TransferCase, command: TransferCommand, actor: Actor): void {
  const party = COMMAND_PARTY[command.type];
  if (party === 'system') return;
  if (party === 'any') {
    if (partiesOf(c, actor.departmentId).length === 0)
      throw new DomainError('not-your-case', 'forbidden', '本单位不是该案件的当事机关');
    return;
  }
  if (departmentOf(c, party) !== actor.departmentId)
    throw new DomainError('not-your-step', 'forbidden', `该步骤应由${PARTY_NAMES[party]}办理`);
}

export const PARTY_NAMES: Record<Party, string> = {
  agency: '移送案件的行政执法机关',
  police: '接受移送的公安机关',
  procuratorate: '人民检察院',
  court: '人民法院',
};

// ── decide ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The one entry point. `state` is undefined only for `Report`, which creates the case.
 * @throws DomainError (invalid | forbidden | conflict)
 */
export function decide(
  state: TransferCase | undefined,
  command: TransferCommand,
  actor: Actor,
  now: number,
): TransferDecision {
  if (command.type === 'Report') {
    if (state) already('移送报告已经提交');
    return report(command, actor, now);
  }
  if (!state) throw new DomainError('transfer-not-found', 'not-found', '移送案件不存在');
  authorise(state, command, actor);
  const d = new Draft(state, now, actor.userId);
  const c = state;
  switch (command.type) {
    case 'DecideApproval': {
      if (c.approval) already(c.approval.approved ? '已经批准移送' : '已经决定不批准移送');
      inStatus(c, '审批移送', 'reported');
      d.stop('head-approval', 'meet');
      if (!command.approved) {
        required('reasons', command.reasons, '不批准移送的，应当将理由记录在案（第五条）');
        d.state.approval = { approved: false, at: now, by: actor.userId, reasons: command.reasons };
        d.status('refused');
        d.state.closedAt = now;
        d.emit('TransferCase.Refused', { reasons: command.reasons }, command.reasons);
        return d.done();
      }
      d.state.approval = { approved: true, at: now, by: actor.userId };
      d.status('approved');
      d.emit('TransferCase.Approved');
      d.start('to-police', P.toPolice);
      return d.done();
    }
    case 'Transfer': {
      if (c.transferredAt !== undefined) already('案件已经移送');
      inStatus(c, '移送', 'approved');
      required('policeDepartmentId', command.policeDepartmentId, '请选择接受移送的公安机关');
      required('procuratorateDepartmentId', command.procuratorateDepartmentId, '请选择抄送的人民检察院');
      const check = checkTransferDocuments(command.documents);
      d.state.attempts = [
        ...c.attempts,
        {
          at: now,
          by: actor.userId,
          documents: command.documents,
          complete: check.complete,
          missing: check.missing.map((m) => m.kind),
          explanation: check.explanation,
        },
      ];
      if (!check.complete) {
        // Recorded, but the 24-hour clock keeps running: only a complete transfer meets it.
        d.emit(
          'TransferCase.TransferIncomplete',
          {
            missing: check.missing.map((m) => ({ kind: m.kind, name: m.name, article: m.article, problem: m.problem })),
          },
          check.explanation,
        );
        return d.done();
      }
      d.state.transferredAt = now;
      d.state.policeDepartmentId = command.policeDepartmentId;
      d.state.procuratorateDepartmentId = command.procuratorateDepartmentId;
      d.state.copiedToProcuratorateAt = now;
      d.status('transferred');
      d.stop('to-police', 'meet');
      d.emit('TransferCase.Transferred', {
        policeDepartmentId: command.policeDepartmentId,
        procuratorateDepartmentId: command.procuratorateDepartmentId,
        documents: command.documents.map((x) => x.kind),
      });
      return d.done();
    }
    case 'Receive': {
      inStatus(c, '接受移送', 'transferred');
      d.state.round = c.round + 1;
      d.state.receivedAt = now;
      d.status('under-review');
      d.emit('TransferCase.Received', { round: d.state.round, economic: c.economic });
      d.start(roundKey(d.state, 'filing'), c.economic ? P.filingEconomic : P.filing);
      return d.done();
    }
    case 'PassOn': {
      inStatus(c, '转送', 'under-review');
      required('toDepartmentId', command.toDepartmentId, '请填写有管辖权的机关');
      required('reason', command.reason, '请说明不属于本机关管辖的理由');
      if (command.toDepartmentId === c.policeDepartmentId)
        invalid('pass-on-to-self', '不能转送本机关', [issue('toDepartmentId', 'self', '不能转送本机关')]);
      const from = c.policeDepartmentId as string;
      d.startMet(roundKey(c, 'pass-on'), P.passOn, c.receivedAt as number);
      d.stopAll('不属于本机关管辖，已转送');
      d.state.passedOn = [
        ...c.passedOn,
        { at: now, from, to: command.toDepartmentId, toKind: command.toKind, reason: command.reason },
      ];
      if (command.toKind === 'police') {
        d.state.policeDepartmentId = command.toDepartmentId;
        d.status('transferred');
      } else {
        d.status('passed-on');
        d.state.closedAt = now;
      }
      d.emit('TransferCase.PassedOn', { from, to: command.toDepartmentId, toKind: command.toKind }, command.reason);
      return d.done();
    }
    case 'NotifyIncomplete': {
      inStatus(c, '通知补正材料', 'under-review');
      if (command.missing.length === 0 || command.missing.some((m) => !m.trim()))
        invalid('missing-required', '请列明需要补正的材料', [issue('missing', 'required', '请列明需要补正的材料')]);
      if (c.materialRequests.some((r) => r.completedAt === undefined)) already('补正通知已经发出，待移送机关补正');
      const n = c.materialRequests.length + 1;
      d.state.materialRequests = [
        ...c.materialRequests,
        { n, at: now, missing: command.missing, ...(command.note ? { note: command.note } : {}) },
      ];
      // Only the first notice of a round is bound by the 24 hours from acceptance (程序规定第一百八十条).
      if (!c.materialRequests.some((r) => r.at >= (c.receivedAt as number)))
        d.startMet(`notify-incomplete-${n}`, P.notifyIncomplete, c.receivedAt as number);
      d.start(`complete-materials-${n}`, P.completeMaterials);
      d.emit('TransferCase.MaterialsRequested', { request: n, missing: command.missing }, command.note);
      return d.done();
    }
    case 'CompleteMaterials': {
      const open = c.materialRequests.find((r) => r.completedAt === undefined);
      if (!open) {
        if (c.materialRequests.length > 0) already('材料已经补正');
        refuse(c, '补正材料');
      }
      if (command.documents.length === 0)
        invalid('documents-required', '请附补正的材料', [issue('documents', 'required', '请附补正的材料')]);
      d.state.materialRequests = c.materialRequests.map((r) => (r === open ? { ...r, completedAt: now } : r));
      d.state.attempts = [
        ...c.attempts,
        {
          at: now,
          by: actor.userId,
          documents: command.documents,
          complete: true,
          missing: [],
          explanation: '补正材料',
        },
      ];
      d.stop(`complete-materials-${open.n}`, 'meet');
      d.emit(
        'TransferCase.MaterialsCompleted',
        { request: open.n, documents: command.documents.map((x) => x.kind) },
        command.note,
      );
      return d.done();
    }
    case 'DeclareComplex': {
      if (c.clocks[roundKey(c, 'filing-complex')]) already('已经按重大、疑难、复杂案件审查');
      inStatus(c, '延长立案审查期限', 'under-review');
      if (!c.economic)
        throw new DomainError('not-economic', 'conflict', '只有经济犯罪案件可以延长立案审查期限（2017年规定第十六条）');
      required('approvedBy', command.approvedBy, '须经县级以上公安机关负责人批准');
      required('documentNo', command.documentNo, '请填写批准文书文号');
      d.stop(roundKey(c, 'filing'), 'cancel', '案情重大、疑难、复杂，改按三十日审查');
      d.start(roundKey(c, 'filing-complex'), P.filingEconomicComplex, c.receivedAt as number);
      d.state.complex = { at: now, approvedBy: command.approvedBy, documentNo: command.documentNo };
      d.emit('TransferCase.DeclaredComplex', { approvedBy: command.approvedBy, documentNo: command.documentNo });
      return d.done();
    }
    case 'ExtendFilingReview': {
      inStatus(c, '再延长立案审查期限', 'under-review');
      if (!d.running(roundKey(c, 'filing-complex')))
        throw new DomainError('not-complex', 'conflict', '须先经批准按重大、疑难、复杂案件审查，才能再延长三十日');
      required('approvedBy', command.approvedBy, '须经上一级公安机关负责人批准');
      required('reason', command.reason, '请说明特殊情况');
      d.clocks.push({
        kind: 'extend',
        key: roundKey(c, 'filing-complex'),
        at: now,
        by: 'P30D',
        decidedBy: command.approvedBy,
        role: 'police-higher-head',
        reason: command.reason,
        documentNo: command.documentNo,
      });
      d.emit(
        'TransferCase.FilingReviewExtended',
        { approvedBy: command.approvedBy, documentNo: command.documentNo },
        command.reason,
      );
      return d.done();
    }
    case 'DecideFiling': {
      if (
        c.filing &&
        c.filing.filed === command.filed &&
        c.status !== 'under-review' &&
        c.status !== 'supervision-filing'
      )
        already(command.filed ? '已经立案' : '已经决定不予立案');
      inStatus(c, '作出立案决定', 'under-review', 'supervision-filing');
      required('documentNo', command.documentNo, command.filed ? '请填写立案决定书文号' : '请填写不予立案通知书文号');
      if (c.status === 'supervision-filing') {
        if (!command.filed)
          throw new DomainError('filing-required', 'conflict', '人民检察院已通知立案，公安机关应当在十五日以内立案');
        d.stop(roundKey(c, 'supervision-filing'), 'meet');
        return filed(d, command.documentNo, 'supervision');
      }
      d.stop(roundKey(c, 'filing'), 'meet');
      d.stop(roundKey(c, 'filing-complex'), 'meet');
      if (command.filed) return filed(d, command.documentNo, 'review');
      required('reasons', command.reasons, '不予立案的，应当说明理由（第八条）');
      return notFiled(d, command.documentNo, command.reasons as string);
    }
    case 'RequestReconsideration': {
      if (c.reconsideration && c.status === 'reconsideration') already('复议申请已经提出');
      inStatus(c, '提请复议', 'not-filed');
      required('documentNo', command.documentNo, '请填写提请复议文书文号');
      d.stop(roundKey(c, 'reconsideration-request'), 'meet');
      d.state.reconsideration = { requestedAt: now };
      d.status('reconsideration');
      d.start(roundKey(c, 'reconsideration-decision'), P.reconsiderationDecision);
      d.emit('TransferCase.ReconsiderationRequested', { documentNo: command.documentNo });
      return d.done();
    }
    case 'DecideReconsideration': {
      inStatus(c, '作出复议决定', 'reconsideration');
      required('documentNo', command.documentNo, '请填写复议决定书文号');
      d.stop(roundKey(c, 'reconsideration-decision'), 'meet');
      d.state.reconsideration = {
        ...(c.reconsideration as { requestedAt: number }),
        decidedAt: now,
        filed: command.filed,
      };
      d.emit(
        'TransferCase.ReconsiderationDecided',
        { filed: command.filed, documentNo: command.documentNo },
        command.reasons,
      );
      if (command.filed) return filed(d, command.documentNo, 'reconsideration');
      required('reasons', command.reasons, '维持不予立案的，应当说明理由');
      d.status('reconsideration-upheld');
      d.start(roundKey(c, 'supervision-request'), P.supervisionRequest);
      return d.done();
    }
    case 'RequestSupervision': {
      if (c.supervision) already('已经建议立案监督');
      inStatus(c, '建议立案监督', 'not-filed', 'reconsideration-upheld');
      required('documentNo', command.documentNo, '请填写建议立案监督文书文号');
      // Art. 9: the agency may go to the procuratorate at once instead of asking for reconsideration.
      d.stop(roundKey(c, 'reconsideration-request'), 'cancel', '直接建议人民检察院立案监督');
      d.stop(roundKey(c, 'supervision-request'), 'meet');
      d.state.supervision = { startedBy: 'agency', requestedAt: now };
      d.status('supervision');
      d.emit('TransferCase.SupervisionRequested', { documentNo: command.documentNo });
      return d.done();
    }
    case 'AcceptNotFiled': {
      inStatus(c, '接受不予立案决定', 'not-filed', 'reconsideration-upheld');
      d.stop(roundKey(c, 'reconsideration-request'), 'cancel', '移送机关接受不予立案决定');
      d.stop(roundKey(c, 'supervision-request'), 'cancel', '移送机关接受不予立案决定');
      d.emit('TransferCase.NotFiledAccepted', {}, command.note);
      return returnToAgency(d);
    }
    case 'RequireExplanation': {
      if (c.supervision?.explanationRequiredAt !== undefined) already('已经要求公安机关说明不立案理由');
      inStatus(c, '要求说明不立案理由', 'not-filed', 'reconsideration-upheld', 'supervision');
      required('documentNo', command.documentNo, '请填写要求说明不立案理由通知书文号');
      d.stop(roundKey(c, 'reconsideration-request'), 'cancel', '人民检察院依职权开展立案监督');
      d.stop(roundKey(c, 'supervision-request'), 'cancel', '人民检察院依职权开展立案监督');
      d.state.supervision = {
        ...(c.supervision ?? { startedBy: 'procuratorate', requestedAt: now }),
        explanationRequiredAt: now,
      };
      d.status('supervision');
      d.start(roundKey(c, 'supervision-explanation'), P.supervisionExplanation);
      d.emit('TransferCase.ExplanationRequired', {
        documentNo: command.documentNo,
        startedBy: d.state.supervision.startedBy,
      });
      return d.done();
    }
    case 'ExplainNotFiling': {
      if (c.supervision?.explainedAt !== undefined) already('已经说明不立案理由');
      if (c.status !== 'supervision' || c.supervision?.explanationRequiredAt === undefined) refuse(c, '说明不立案理由');
      required('reasons', command.reasons, '请说明不立案的理由');
      d.stop(roundKey(c, 'supervision-explanation'), 'meet');
      d.state.supervision = { ...c.supervision, explainedAt: now };
      d.status('supervision-explained');
      d.emit('TransferCase.ExplanationGiven', { documentNo: command.documentNo }, command.reasons);
      return d.done();
    }
    case 'ReviewExplanation': {
      inStatus(c, '审查不立案理由', 'supervision-explained');
      required(
        'documentNo',
        command.documentNo,
        command.reasonsStand ? '请填写审查结论文书文号' : '请填写通知立案书文号',
      );
      d.state.supervision = {
        ...(c.supervision as NonNullable<TransferCase['supervision']>),
        reasonsStand: command.reasonsStand,
        reviewedAt: now,
      };
      d.emit('TransferCase.ExplanationReviewed', {
        reasonsStand: command.reasonsStand,
        documentNo: command.documentNo,
      });
      if (command.reasonsStand) {
        d.status('supervision-upheld');
        d.start(roundKey(c, 'supervision-notice'), P.supervisionNotice);
      } else {
        d.status('supervision-filing');
        d.start(roundKey(c, 'supervision-filing'), P.supervisionFiling);
      }
      return d.done();
    }
    case 'NotifySupervisionResult': {
      inStatus(c, '告知移送机关审查结论', 'supervision-upheld');
      d.stop(roundKey(c, 'supervision-notice'), 'meet');
      d.state.supervision = { ...(c.supervision as NonNullable<TransferCase['supervision']>), agencyNotifiedAt: now };
      d.emit('TransferCase.SupervisionResultNotified', { documentNo: command.documentNo });
      return returnToAgency(d);
    }
    case 'HandOver': {
      if (c.handedOverAt !== undefined) already('涉案物品和材料已经移交');
      if (!c.filing?.filed || !d.running(roundKey(c, 'handover'))) refuse(c, '移交涉案物品');
      d.stop(roundKey(c, 'handover'), 'meet');
      d.state.handedOverAt = now;
      d.emit('TransferCase.HandedOver', {}, command.note);
      return d.done();
    }
    case 'ConcludeInvestigation': {
      if (c.investigation) already('侦查已经终结');
      inStatus(c, '侦查终结', 'filed');
      d.stop(roundKey(c, 'urging'), 'meet');
      d.state.investigation = { at: now, outcome: command.outcome };
      d.emit('TransferCase.InvestigationConcluded', { outcome: command.outcome });
      if (command.outcome === 'prosecution') d.status('prosecuting');
      return d.done();
    }
    case 'ReverseTransfer': {
      if (c.reverse) already('案件已经反向移送');
      // Art. 13: no crime, or facts too minor for criminal liability, but administrative liability is due.
      const withdrawn = c.status === 'filed' && c.investigation?.outcome === 'withdrawn';
      if (c.status !== 'under-review' && !withdrawn) refuse(c, '移送行政执法机关');
      required('reason', command.reason, '请说明不需要追究刑事责任但应当追究行政责任的理由');
      d.stop(roundKey(c, 'filing'), 'meet');
      d.stop(roundKey(c, 'filing-complex'), 'meet');
      d.stop(roundKey(c, 'urging'), 'cancel', '案件已撤销');
      d.stop(roundKey(c, 'handover'), 'cancel', '案件已撤销');
      d.state.reverse = { from: 'police', reason: command.reason };
      d.emit('TransferCase.ReverseTransferred', { from: 'police' }, command.reason);
      return returnToAgency(d);
    }
    case 'DecideProsecution': {
      if (c.prosecution) already('已经作出起诉决定');
      inStatus(c, '作出起诉决定', 'prosecuting');
      required('documentNo', command.documentNo, '请填写起诉书或者不起诉决定书文号');
      if (command.prosecuted) {
        required('courtDepartmentId', command.courtDepartmentId, '请选择受理的人民法院');
        d.state.prosecution = {
          at: now,
          prosecuted: true,
          courtDepartmentId: command.courtDepartmentId,
          documentNo: command.documentNo,
        };
        d.status('in-court');
        d.emit('TransferCase.ProsecutionDecided', { prosecuted: true, courtDepartmentId: command.courtDepartmentId });
        return d.done();
      }
      d.state.prosecution = { at: now, prosecuted: false, documentNo: command.documentNo };
      d.status('non-prosecuted');
      d.start('reverse-referral', P.reverseReferral);
      d.emit('TransferCase.ProsecutionDecided', { prosecuted: false, documentNo: command.documentNo });
      return d.done();
    }
    case 'ReferReverse': {
      inStatus(c, '移送行政检察部门', 'non-prosecuted');
      d.stop('reverse-referral', 'meet');
      d.state.reverse = { from: 'procuratorate', referredAt: now };
      d.status('reverse-referred');
      d.emit('TransferCase.ReverseReferred');
      return d.done();
    }
    case 'RegisterReverse': {
      inStatus(c, '登记受理', 'reverse-referred');
      d.state.reverse = { ...(c.reverse as NonNullable<TransferCase['reverse']>), registeredAt: now };
      d.status('reverse-review');
      d.start('reverse-review', P.reverseReview);
      d.emit('TransferCase.ReverseRegistered');
      return d.done();
    }
    case 'SuspendReverseReview':
    case 'ResumeReverseReview': {
      inStatus(c, command.type === 'SuspendReverseReview' ? '中止审查' : '恢复审查', 'reverse-review');
      if (!REVERSE_PAUSE_REASONS.includes(command.reason))
        invalid('pause-reason-unknown', '中止事由不在规定之列', [
          issue('reason', 'not-accepted', `可选：${REVERSE_PAUSE_REASONS.join('、')}`),
        ]);
      const reverse = c.reverse as NonNullable<TransferCase['reverse']>;
      const open = reverse.openPauses ?? [];
      if (command.type === 'SuspendReverseReview') {
        if (open.includes(command.reason)) already('该中止事由已经登记');
        d.state.reverse = { ...reverse, openPauses: [...open, command.reason] };
        d.clocks.push({
          kind: 'pause',
          key: 'reverse-review',
          at: now,
          reason: command.reason,
          by: actor.userId,
          ...(command.documentNo ? { documentNo: command.documentNo } : {}),
        });
        d.emit('TransferCase.ReverseReviewSuspended', { reason: command.reason, documentNo: command.documentNo });
      } else {
        if (!open.includes(command.reason))
          throw new DomainError('no-open-pause', 'conflict', '没有以该事由中止的审查');
        d.state.reverse = { ...reverse, openPauses: open.filter((r) => r !== command.reason) };
        d.clocks.push({ kind: 'resume', key: 'reverse-review', at: now, by: actor.userId, reason: command.reason });
        d.emit('TransferCase.ReverseReviewResumed', { reason: command.reason });
      }
      return d.done();
    }
    case 'ExtendReverseReview': {
      inStatus(c, '延长审查期限', 'reverse-review');
      required('approvedBy', command.approvedBy, '须报请检察长批准');
      required('reason', command.reason, '请说明延长理由');
      d.clocks.push({
        kind: 'extend',
        key: 'reverse-review',
        at: now,
        by: command.duration,
        decidedBy: command.approvedBy,
        role: 'procurator-general',
        reason: command.reason,
      });
      d.emit(
        'TransferCase.ReverseReviewExtended',
        { duration: command.duration, approvedBy: command.approvedBy },
        command.reason,
      );
      return d.done();
    }
    case 'ConcludeReverseReview': {
      inStatus(c, '审查终结', 'reverse-review');
      required('documentNo', command.documentNo, '请填写检察意见书或者审查结论文号');
      d.stop('reverse-review', 'meet');
      d.state.reverse = {
        ...(c.reverse as NonNullable<TransferCase['reverse']>),
        concludedAt: now,
        penaltyAdvised: command.penaltyAdvised,
      };
      d.emit('TransferCase.ReverseReviewConcluded', {
        penaltyAdvised: command.penaltyAdvised,
        documentNo: command.documentNo,
      });
      if (command.penaltyAdvised) return returnToAgency(d);
      return close(d);
    }
    case 'DecidePenalty': {
      if (c.penalty) already('行政处理已经登记');
      inStatus(c, '作出行政处罚决定', 'returned-to-agency');
      if (command.decided) required('decisionNo', command.decisionNo, '请填写行政处罚决定书文号');
      else required('reason', command.reason, '不予行政处罚的，请说明理由');
      d.stop('penalty', 'meet');
      d.state.penalty = command.decided
        ? { at: now, decided: true, decisionNo: command.decisionNo }
        : { at: now, decided: false, reason: command.reason };
      d.emit('TransferCase.PenaltyDecided', {
        decided: command.decided,
        ...(command.decided ? { decisionNo: command.decisionNo } : {}),
      });
      return close(d);
    }
    case 'RecordJudgment': {
      if (c.judgment) already('判决已经登记');
      inStatus(c, '登记判决', 'in-court');
      required('documentNo', command.documentNo, '请填写判决书文号');
      d.state.judgment = { at: now, documentNo: command.documentNo, summary: command.summary };
      d.emit('TransferCase.JudgmentRecorded', { documentNo: command.documentNo }, command.summary);
      return close(d);
    }
    case 'ReferDutyCrimeClue': {
      required('toDepartmentId', command.toDepartmentId, '请选择监察机关或者人民检察院');
      required('summary', command.summary, '请填写职务犯罪线索摘要');
      d.state.dutyCrimeClues = [
        ...c.dutyCrimeClues,
        { at: now, by: actor.userId, to: command.toDepartmentId, toKind: command.toKind, summary: command.summary },
      ];
      d.emit('TransferCase.DutyCrimeClueReferred', { to: command.toDepartmentId, toKind: command.toKind });
      return d.done();
    }
    case 'RecordClockBreach': {
      const clock = c.clocks[command.key];
      if (!clock) throw new DomainError('clock-unknown', 'not-found', '本案没有该时限');
      if (clock.breachedAt !== undefined) already('超期已经登记');
      d.state.clocks = { ...c.clocks, [command.key]: { ...clock, breachedAt: now } };
      d.emit('TransferCase.ClockBreached', { key: command.key, policyId: clock.policyId });
      return d.done();
    }
  }
}

function close(d: Draft): TransferDecision {
  d.status('closed');
  d.state.closedAt = d.now;
  d.stopAll('案件已办结');
  return d.done();
}

function report(cmd: Extract<TransferCommand, { type: 'Report' }>, actor: Actor, now: number): TransferDecision {
  const problems: DomainIssue[] = [];
  const team = [...new Set(cmd.team.map((t) => t.trim()).filter(Boolean))];
  if (team.length < 2) problems.push(issue('team', 'too-few', '专案组应当由2名或者2名以上行政执法人员组成（第五条）'));
  if (cmd.reportedAt > now) problems.push(issue('reportedAt', 'in-future', '报告时间不能晚于当前时间'));
  if (cmd.basis === 'reasonable-suspicion' && !isIntellectualProperty(cmd.offenceCategory))
    problems.push(issue('basis', 'ip-only', '只有知识产权领域的违法案件可以按犯罪的合理嫌疑移送（第三条第二款）'));
  if (cmd.basis === 'threshold' && !cmd.threshold)
    problems.push(issue('threshold', 'required', '请注明达到的立案追诉标准'));
  for (const [field, value] of [
    ['id', cmd.id],
    ['enforcementCaseNo', cmd.enforcementCaseNo],
    ['title', cmd.title],
    ['offenceCategory', cmd.offenceCategory],
    ['party.name', cmd.party.name],
  ] as const)
    if (!value.trim()) problems.push(issue(field, 'required', '必填'));
  if (problems.length > 0) invalid('transfer-report-invalid', '移送报告信息不完整', problems);
  const state: TransferCase = {
    id: cmd.id,
    version: 0,
    status: 'reported',
    agencyDepartmentId: actor.departmentId,
    enforcementCaseNo: cmd.enforcementCaseNo,
    title: cmd.title,
    summary: cmd.summary,
    offenceCategory: cmd.offenceCategory,
    basis: cmd.basis,
    ...(cmd.threshold ? { threshold: cmd.threshold } : {}),
    economic: cmd.economic,
    team,
    regionCode: cmd.regionCode,
    party: cmd.party,
    reportedAt: cmd.reportedAt,
    attempts: [],
    round: 0,
    passedOn: [],
    materialRequests: [],
    dutyCrimeClues: [],
    clocks: {},
    timeline: [],
  };
  const d = new Draft(state, now, actor.userId);
  d.emit('TransferCase.Reported', {
    enforcementCaseNo: cmd.enforcementCaseNo,
    offenceCategory: cmd.offenceCategory,
    basis: cmd.basis,
    team: team.length,
  });
  d.start('head-approval', P.headApproval, cmd.reportedAt);
  return d.done();
}

function filed(d: Draft, documentNo: string, stage: 'review' | 'reconsideration' | 'supervision'): TransferDecision {
  d.state.filing = { filed: true, at: d.now, documentNo, stage };
  d.status('filed');
  d.emit('TransferCase.Filed', { documentNo, stage });
  d.start(roundKey(d.state, 'handover'), P.handover);
  // 刑诉规则: a case filed on the procuratorate's notice and not concluded in 3 months gets an urging letter.
  if (stage === 'supervision') d.start(roundKey(d.state, 'urging'), P.urging);
  return d.done();
}

function notFiled(d: Draft, documentNo: string, reasons: string): TransferDecision {
  d.state.filing = { filed: false, at: d.now, documentNo, reasons, stage: 'review' };
  d.status('not-filed');
  d.emit('TransferCase.NotFiled', { documentNo }, reasons);
  d.start(roundKey(d.state, 'reconsideration-request'), P.reconsiderationRequest);
  return d.done();
}

/** Art. 10, 13: the case goes back to the agency, which must decide the administrative penalty. */
function returnToAgency(d: Draft): TransferDecision {
  d.state.returnedToAgencyAt = d.now;
  d.status('returned-to-agency');
  d.start('penalty', P.penalty);
  return d.done();
}

// ── invariants (the property tests hold every reachable state to these) ─────────────────────

/** What must hold of any state `decide` returns; an empty list when it does. */
export function invariantViolations(c: TransferCase): string[] {
  const v: string[] = [];
  const after = (s: TransferStatus[]) => s.includes(c.status);
  if (c.team.length < 2) v.push('team below two');
  if (after(['refused']) && (c.approval?.approved !== false || !c.approval.reasons)) v.push('refusal without reasons');
  const transferred: TransferStatus[] = [
    'transferred',
    'under-review',
    'not-filed',
    'reconsideration',
    'reconsideration-upheld',
    'supervision',
    'supervision-explained',
    'supervision-upheld',
    'supervision-filing',
    'filed',
    'prosecuting',
    'in-court',
    'non-prosecuted',
    'reverse-referred',
    'reverse-review',
    'passed-on',
  ];
  if (after(transferred) && !c.attempts.some((a) => a.complete)) v.push('transferred without a complete transfer');
  if (after(transferred) && c.approval?.approved !== true) v.push('transferred without approval');
  if (after(['filed', 'prosecuting', 'in-court', 'non-prosecuted']) && c.filing?.filed !== true)
    v.push('filed without a filing');
  if (after(['not-filed']) && c.filing?.filed !== false) v.push('not-filed without a refusal');
  if (FINAL_STATUSES.includes(c.status)) {
    if (c.closedAt === undefined) v.push('final without closedAt');
    if (Object.values(c.clocks).some((k) => k?.running)) v.push('final with a running clock');
  }
  for (const key of Object.keys(c.clocks)) {
    const m = /^(.*)-(\d+)$/.exec(key);
    if (m && (ROUND_CLOCKS as readonly string[]).includes(m[1] as string) && Number(m[2]) > c.round)
      v.push(`clock ${key} of a future round`);
  }
  if (c.timeline.length < c.version) v.push('an accepted command left no timeline entry');
  if (c.status === 'reverse-review' && c.reverse?.registeredAt === undefined) v.push('review before registration');
  return v;
}
