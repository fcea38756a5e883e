import { DomainError, type DomainIssue, issue } from '../domain-error';
import {
  limitPolicy,
  limitStartsAtIntake,
  MEDIATION_POLICY_IDS,
  type MediationClockIntent,
  type MediationClockKey,
} from './case-clocks';
import type {
  Agreement,
  CaseDecision,
  CaseStatus,
  Consent,
  MediationCase,
  MediationEvent,
  MediationEventType,
  Party,
  Prevented,
  Referral,
  Satisfaction,
  Session,
} from './case-types';
import {
  type DisputeType,
  type IntakeSource,
  isReferral,
  type OtherRoute,
  type RiskKind,
  type RiskLevel,
  type Tier,
} from './taxonomy';

// The mediation case (DOMAIN.md §3). Commands are pure: they take "now" and return the new state,
// the events and what the clock service must do. A command that would change nothing because it was
// already done (the same answer recorded twice) throws `already-recorded`, so a retry is told what
// happened rather than that the transition is invalid.

const DAY = 86_400_000;

function refuse(c: MediationCase, action: string, issues: DomainIssue[] = []): never {
  throw new DomainError(
    'mediation-transition-invalid',
    'conflict',
    `案件当前状态（${STATUS_NAMES[c.status]}）不能${action}`,
    issues,
  );
}
function invalid(code: string, message: string, issues: DomainIssue[]): never {
  throw new DomainError(code, 'invalid', message, issues);
}
function already(message: string): never {
  throw new DomainError('already-recorded', 'conflict', message);
}

export const STATUS_NAMES: Record<CaseStatus, string> = {
  queued: '待分派',
  dispatched: '已分派待接收',
  accepted: '已受理',
  mediating: '调解中',
  agreed: '调解成功',
  failed: '调解不成',
  closed: '已结案',
};

class Draft {
  readonly events: MediationEvent[] = [];
  readonly clocks: MediationClockIntent[] = [];
  constructor(
    public state: MediationCase,
    readonly now: number,
    readonly by: string,
  ) {
    this.state = { ...state, version: state.version + 1 };
  }
  emit(type: MediationEventType, data: Record<string, unknown> = {}, note?: string): void {
    this.events.push({
      type,
      data: { caseId: this.state.id, version: this.state.version, at: this.now, by: this.by, ...data },
    });
    this.state.timeline = [
      ...this.state.timeline,
      { at: this.now, what: type, by: this.by, ...(note ? { note } : {}) },
    ];
  }
  start(
    key: MediationClockKey,
    policyId: string,
    startedAt: number,
    period?: { duration: string; documentNo: string; decidedBy: string },
  ): void {
    this.clocks.push({ kind: 'start', key, policyId, startedAt, ...(period ? { period } : {}) });
    this.state.clocks = { ...this.state.clocks, [key]: { policyId, running: true } };
  }
  /** Stops a clock if it runs: met when the act it waits for happened, cancelled when it never will. */
  stop(key: MediationClockKey, how: 'meet' | 'cancel', reason = ''): void {
    const c = this.state.clocks[key];
    if (!c?.running) return;
    this.clocks.push(how === 'meet' ? { kind: 'meet', key, at: this.now } : { kind: 'cancel', key, reason });
    this.state.clocks = { ...this.state.clocks, [key]: { ...c, running: false } };
  }
  done(): CaseDecision {
    return { state: this.state, events: this.events, clocks: this.clocks };
  }
}

function inStatus(c: MediationCase, action: string, ...allowed: CaseStatus[]): void {
  if (!allowed.includes(c.status)) refuse(c, action);
}

// ── intake ─────────────────────────────────────────────────────────────────────────────────────

export interface ReceiveCommand {
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
  parties: Party[];
  /** When the referral was made or the party applied; a court's period counts from it. */
  receivedAt: number;
  by: string;
  /** Consents given with the application itself (online: the applicant, with the text version shown). */
  consents?: { partyId: string; textVersion: string }[];
}

export function receiveCase(cmd: ReceiveCommand, now: number): CaseDecision {
  const problems: DomainIssue[] = [];
  if (!cmd.parties.some((p) => p.role === 'applicant'))
    problems.push(issue('parties', 'applicant-missing', '至少需要一名申请人'));
  if (!cmd.parties.some((p) => p.role === 'respondent'))
    problems.push(issue('parties', 'respondent-missing', '至少需要一名被申请人'));
  const ids = new Set(cmd.parties.map((p) => p.id));
  for (const [i, p] of cmd.parties.entries())
    if (p.role === 'agent' && (!p.actsFor || !ids.has(p.actsFor) || p.actsFor === p.id))
      problems.push(issue(['parties', i, 'actsFor'], 'unknown-party', '代理人须代理本案的一方当事人'));
  if (isReferral(cmd.source) && !cmd.referral)
    problems.push(issue('referral', 'required', '委派、委托或移送的案件须注明来源单位和文号'));
  if (!isReferral(cmd.source) && cmd.referral)
    problems.push(issue('referral', 'not-allowed', '非移送案件不填写移送信息'));
  if (cmd.receivedAt > now) problems.push(issue('receivedAt', 'in-future', '受理时间不能晚于当前时间'));
  for (const [i, x] of (cmd.consents ?? []).entries())
    if (!cmd.parties.some((p) => p.id === x.partyId && p.role === 'applicant'))
      problems.push(issue(['consents', i, 'partyId'], 'unknown-party', '只能随申请记录申请人本人的同意'));
  if (problems.length > 0) invalid('mediation-case-invalid', '案件信息不完整', problems);
  const state: MediationCase = {
    id: cmd.id,
    title: cmd.title,
    summary: cmd.summary,
    source: cmd.source,
    ...(cmd.referral ? { referral: cmd.referral } : {}),
    disputeType: cmd.disputeType,
    regionCode: cmd.regionCode,
    amountFen: cmd.amountFen,
    peopleInvolved: cmd.peopleInvolved,
    risk: cmd.risk,
    tier: cmd.risk === 'high' ? 'difficult' : 'ordinary',
    parties: cmd.parties,
    consents: [],
    status: 'queued',
    dispatches: [],
    mediators: { ids: [], chosenByParties: false },
    sessions: [],
    risksReported: [],
    prevented: {},
    satisfaction: [],
    clocks: {},
    timeline: [],
    receivedAt: cmd.receivedAt,
    createdBy: cmd.by,
    version: 0,
  };
  const d = new Draft(state, now, cmd.by);
  d.emit('MediationCase.Received', { source: cmd.source, disputeType: cmd.disputeType, regionCode: cmd.regionCode });
  for (const x of cmd.consents ?? []) {
    d.state.consents = [
      ...d.state.consents,
      { partyId: x.partyId, given: true, at: now, by: cmd.by, via: 'online', textVersion: x.textVersion },
    ];
    d.emit('MediationCase.ConsentRecorded', {
      partyId: x.partyId,
      given: true,
      via: 'online',
      consentTextVersion: x.textVersion,
    });
  }
  if (limitStartsAtIntake(cmd.source))
    d.start('limit', limitPolicy(cmd.source, cmd.referral?.procedure), cmd.receivedAt);
  return d.done();
}

/** 人民调解法 Art. 17: mediation needs both parties' consent; a refusal ends it. */
export function recordConsent(c: MediationCase, consent: Omit<Consent, 'at'>, now: number): CaseDecision {
  inStatus(c, '记录当事人意愿', 'queued', 'dispatched', 'accepted', 'mediating');
  const party = c.parties.find((p) => p.id === consent.partyId);
  if (!party || party.role === 'agent')
    invalid('party-unknown', '当事人不存在', [issue('partyId', 'unknown', '本案没有这名当事人')]);
  const prior = c.consents.find((x) => x.partyId === consent.partyId);
  if (prior && prior.given === consent.given) already(`${party.name}的意愿已经记录`);
  const d = new Draft(c, now, consent.by);
  d.state.consents = [...c.consents.filter((x) => x.partyId !== consent.partyId), { ...consent, at: now }];
  d.emit('MediationCase.ConsentRecorded', { partyId: party.id, given: consent.given, via: consent.via });
  if (party.role === 'respondent') d.stop('respondent', 'meet');
  if (!consent.given)
    return fail(d, {
      reason: `${party.name}不同意调解`,
      routesTold: ['arbitration', 'administrative-ruling', 'litigation'],
    });
  return d.done();
}

export function hasBothConsents(c: MediationCase): boolean {
  const given = (role: Party['role']) =>
    c.parties.filter((p) => p.role === role).every((p) => c.consents.some((x) => x.partyId === p.id && x.given));
  return given('applicant') && given('respondent');
}

// ── dispatch ───────────────────────────────────────────────────────────────────────────────────

export interface DispatchCommand {
  organisationId: string;
  jointWith?: string[];
  suggested?: string;
  by: string;
}

export function dispatchCase(c: MediationCase, cmd: DispatchCommand, now: number): CaseDecision {
  inStatus(c, '分派', 'queued');
  const returnedBy = c.dispatches.filter((x) => x.answer && !x.answer.accepted).map((x) => x.organisationId);
  if (returnedBy.includes(cmd.organisationId))
    invalid('dispatch-returned-before', '该组织已退回过本案', [
      issue('organisationId', 'returned-before', '该组织已退回过本案，请分派给其他组织'),
    ]);
  const jointWith = [...new Set(cmd.jointWith ?? [])].filter((o) => o !== cmd.organisationId);
  const d = new Draft(c, now, cmd.by);
  const n = c.dispatches.length + 1;
  d.state.dispatches = [
    ...c.dispatches,
    {
      organisationId: cmd.organisationId,
      jointWith,
      at: now,
      by: cmd.by,
      ...(cmd.suggested ? { suggested: cmd.suggested } : {}),
    },
  ];
  d.state.status = 'dispatched';
  d.emit('MediationCase.Dispatched', { organisationId: cmd.organisationId, jointWith, attempt: n });
  d.start(`dispatch-${n}`, MEDIATION_POLICY_IDS.dispatchAnswer, now);
  return d.done();
}

export interface AnswerCommand {
  organisationId: string;
  accepted: boolean;
  reason?: string;
  by: string;
}

/** The organisation accepts, or returns the case with a reason; the hub then dispatches again. */
export function answerDispatch(c: MediationCase, cmd: AnswerCommand, now: number): CaseDecision {
  const last = c.dispatches.at(-1);
  if (last?.answer && last.organisationId === cmd.organisationId && last.answer.accepted === cmd.accepted)
    already(cmd.accepted ? '本案已经受理' : '本案已经退回');
  inStatus(c, cmd.accepted ? '受理' : '退回', 'dispatched');
  if (!last || last.organisationId !== cmd.organisationId)
    throw new DomainError('not-dispatched-to-you', 'forbidden', '本案未分派给该组织');
  if (!cmd.accepted && !cmd.reason?.trim())
    invalid('return-reason-required', '退回须说明理由', [issue('reason', 'required', '请填写退回理由')]);
  const d = new Draft(c, now, cmd.by);
  const answer = { accepted: cmd.accepted, at: now, by: cmd.by, ...(cmd.reason ? { reason: cmd.reason } : {}) };
  d.state.dispatches = [...c.dispatches.slice(0, -1), { ...last, answer }];
  d.stop(`dispatch-${c.dispatches.length}`, 'meet');
  if (!cmd.accepted) {
    d.state.status = 'queued';
    d.emit('MediationCase.Returned', { organisationId: cmd.organisationId, reason: cmd.reason }, cmd.reason);
    return d.done();
  }
  d.state.status = 'accepted';
  d.state.organisationId = cmd.organisationId;
  d.emit('MediationCase.Accepted', { organisationId: cmd.organisationId, jointWith: last.jointWith });
  if (!c.clocks.limit) d.start('limit', limitPolicy(c.source, c.referral?.procedure), now);
  const respondents = c.parties.filter((p) => p.role === 'respondent');
  if (respondents.some((p) => !c.consents.some((x) => x.partyId === p.id)))
    d.start('respondent', MEDIATION_POLICY_IDS.respondentAnswer, now);
  return d.done();
}

// ── mediation work ─────────────────────────────────────────────────────────────────────────────

export function assignMediators(
  c: MediationCase,
  ids: string[],
  chosenByParties: boolean,
  by: string,
  now: number,
): CaseDecision {
  inStatus(c, '指派调解员', 'accepted', 'mediating');
  if (ids.length === 0)
    invalid('mediators-required', '至少指派一名调解员', [issue('mediatorIds', 'required', '至少指派一名调解员')]);
  const d = new Draft(c, now, by);
  d.state.mediators = { ids: [...new Set(ids)], chosenByParties };
  d.emit('MediationCase.MediatorsAssigned', { mediatorIds: d.state.mediators.ids, chosenByParties });
  return d.done();
}

/** Tiered handling: a major dispute has a responsible leader (领导包案), who gets its alerts. */
export function setTier(
  c: MediationCase,
  tier: Tier,
  leader: string | undefined,
  by: string,
  now: number,
  leaderName?: string,
): CaseDecision {
  inStatus(c, '调整分级', 'queued', 'dispatched', 'accepted', 'mediating');
  if (tier === 'major' && !leader)
    invalid('leader-required', '重大纠纷须确定包案领导', [issue('responsibleLeader', 'required', '请填写包案领导')]);
  if (c.tier === tier && c.responsibleLeader === leader) already('分级已经是这样');
  const d = new Draft(c, now, by);
  d.state.tier = tier;
  delete d.state.responsibleLeaderName;
  if (tier === 'major' && leader) {
    d.state.responsibleLeader = leader;
    if (leaderName) d.state.responsibleLeaderName = leaderName;
  } else delete d.state.responsibleLeader;
  d.emit('MediationCase.TierSet', { tier, responsibleLeader: leader });
  return d.done();
}

export function recordSession(c: MediationCase, s: Omit<Session, 'recordedBy'>, by: string, now: number): CaseDecision {
  inStatus(c, '记录调解过程', 'accepted', 'mediating');
  if (!hasBothConsents(c))
    throw new DomainError('consent-missing', 'conflict', '双方当事人都同意调解后才能开始调解（人民调解法第十七条）');
  if (s.at > now)
    invalid('session-in-future', '调解时间不能晚于当前时间', [issue('at', 'in-future', '调解时间不能晚于当前时间')]);
  const d = new Draft(c, now, by);
  d.state.sessions = [...c.sessions, { ...s, recordedBy: by }].sort((a, b) => a.at - b.at);
  d.state.status = 'mediating';
  d.emit(
    'MediationCase.SessionRecorded',
    { sessionAt: s.at, place: s.place, participants: s.participants.length },
    s.nextStep,
  );
  return d.done();
}

export interface ExtendCommand {
  by: string;
  role: string;
  duration: string;
  reason: string;
  consentOf: string[];
  documentNo?: string;
}

/** Extends the time limit; the clock policy decides who may, how often and whether consent lifts the limits. */
export function extendLimit(c: MediationCase, cmd: ExtendCommand, now: number): CaseDecision {
  inStatus(c, '延长调解期限', 'accepted', 'mediating');
  if (!c.clocks.limit?.running) refuse(c, '延长调解期限');
  const unknown = cmd.consentOf.filter((id) => !c.parties.some((p) => p.id === id && p.role !== 'agent'));
  if (unknown.length > 0)
    invalid('party-unknown', '同意延期的当事人不存在', [
      issue('consentOf', 'unknown', `本案没有当事人 ${unknown.join('、')}`),
    ]);
  const d = new Draft(c, now, cmd.by);
  const consent =
    cmd.consentOf.length > 0
      ? { parties: cmd.consentOf, ...(cmd.documentNo ? { documentNo: cmd.documentNo } : {}) }
      : undefined;
  d.clocks.push({
    kind: 'extend',
    key: 'limit',
    at: now,
    by: cmd.duration,
    decidedBy: cmd.by,
    role: cmd.role,
    reason: cmd.reason,
    ...(consent ? { consent } : {}),
    ...(cmd.documentNo ? { documentNo: cmd.documentNo } : {}),
  });
  d.emit('MediationCase.Extended', { duration: cmd.duration, consentOf: cmd.consentOf }, cmd.reason);
  return d.done();
}

export function pauseLimit(c: MediationCase, reason: string, by: string, now: number): CaseDecision {
  inStatus(c, '中止调解', 'accepted', 'mediating');
  if (!c.clocks.limit?.running) refuse(c, '中止调解');
  const d = new Draft(c, now, by);
  d.clocks.push({ kind: 'pause', key: 'limit', at: now, reason, by });
  d.emit('MediationCase.Paused', { reason });
  return d.done();
}

export function resumeLimit(c: MediationCase, reason: string | undefined, by: string, now: number): CaseDecision {
  inStatus(c, '恢复调解', 'accepted', 'mediating');
  const d = new Draft(c, now, by);
  d.clocks.push({ kind: 'resume', key: 'limit', at: now, by, ...(reason ? { reason } : {}) });
  d.emit('MediationCase.Resumed', { reason });
  return d.done();
}

/** 人民调解法 Art. 25: a risk of violence or of a civil dispute turning criminal goes to public security at once. */
export function reportRisk(c: MediationCase, kind: RiskKind, note: string, by: string, now: number): CaseDecision {
  if (c.status === 'closed') refuse(c, '报告风险');
  const d = new Draft(c, now, by);
  d.state.risksReported = [...c.risksReported, { kind, at: now, by, note }];
  d.state.risk = 'high';
  const n = d.state.risksReported.length;
  d.emit(
    'MediationCase.RiskReported',
    { kind, regionCode: c.regionCode, disputeType: c.disputeType, peopleInvolved: c.peopleInvolved, report: n },
    note,
  );
  // The police's receipt is a clock of its own: it raises the on-duty alert there at once.
  d.start(`risk-${n}`, MEDIATION_POLICY_IDS.riskReceipt, now);
  return d.done();
}

/** Public security confirms it received the reported risks; their receipt clocks are met. */
export function receiveRisk(c: MediationCase, note: string | undefined, by: string, now: number): CaseDecision {
  const open = c.risksReported.flatMap((r, i) => (r.receivedAt === undefined ? [i] : []));
  if (open.length === 0) {
    if (c.risksReported.length > 0) already('风险报告已经签收');
    refuse(c, '签收风险报告');
  }
  const d = new Draft(c, now, by);
  d.state.risksReported = c.risksReported.map((r) =>
    r.receivedAt === undefined ? { ...r, receivedAt: now, receivedBy: by } : r,
  );
  for (const i of open) d.stop(`risk-${i + 1}`, 'meet');
  d.emit('MediationCase.RiskReceived', { reports: open.map((i) => i + 1) }, note);
  return d.done();
}

// ── outcome ────────────────────────────────────────────────────────────────────────────────────

export interface AgreeCommand extends Omit<Agreement, 'at'> {
  prevented?: Prevented;
  by: string;
}

export function recordAgreement(c: MediationCase, cmd: AgreeCommand, now: number): CaseDecision {
  if (c.status === 'agreed' && c.agreement?.documentNo === cmd.documentNo) already('调解协议已经登记');
  inStatus(c, '登记调解协议', 'mediating');
  const problems: DomainIssue[] = [];
  if (cmd.terms.length === 0) problems.push(issue('terms', 'required', '协议至少有一项条款'));
  if (cmd.performanceDueAt <= now) problems.push(issue('performanceDueAt', 'in-past', '履行期限须晚于协议日期'));
  if (cmd.amountFen < 0) problems.push(issue('amountFen', 'negative', '协议金额不能为负'));
  if (problems.length > 0) invalid('agreement-invalid', '调解协议信息有误', problems);
  const { prevented, by, ...agreement } = cmd;
  const d = new Draft(c, now, by);
  d.state.agreement = { ...agreement, at: now };
  d.state.prevented = prevented ?? {};
  d.state.status = 'agreed';
  d.stop('limit', 'meet');
  d.stop('respondent', 'cancel', '调解已经结束');
  d.emit('MediationCase.Agreed', {
    documentNo: cmd.documentNo,
    amountFen: cmd.amountFen,
    performanceDueAt: cmd.performanceDueAt,
    prevented: d.state.prevented,
  });
  if (!cmd.confirmationDeclined) d.start('confirmation-application', MEDIATION_POLICY_IDS.confirmationApplication, now);
  const days = Math.max(1, Math.ceil((cmd.performanceDueAt - now) / DAY));
  d.start('performance', MEDIATION_POLICY_IDS.performance, now, {
    duration: `P${days}D`,
    documentNo: cmd.documentNo,
    decidedBy: by,
  });
  return d.done();
}

function fail(d: Draft, f: { reason: string; routesTold: OtherRoute[] }): CaseDecision {
  d.state.failure = { at: d.now, ...f };
  d.state.status = 'failed';
  d.stop('limit', 'meet');
  d.stop('respondent', 'cancel', '调解已经终止');
  for (const [key, c] of Object.entries(d.state.clocks))
    if (c?.running && key.startsWith('dispatch-')) d.stop(key as MediationClockKey, 'cancel', '调解已经终止');
  d.emit('MediationCase.Failed', { reason: f.reason, routesTold: f.routesTold }, f.reason);
  return d.done();
}

/** Art. 26: a failed mediation ends with the parties told of their other routes. */
export function recordFailure(
  c: MediationCase,
  reason: string,
  routesTold: OtherRoute[],
  by: string,
  now: number,
): CaseDecision {
  if (c.status === 'failed') already('调解终止已经登记');
  inStatus(c, '终止调解', 'queued', 'dispatched', 'accepted', 'mediating');
  if (routesTold.length === 0)
    invalid('routes-required', '须告知当事人其他救济途径', [
      issue('routesTold', 'required', '请选择已告知的仲裁、行政裁决或诉讼途径'),
    ]);
  return fail(new Draft(c, now, by), { reason, routesTold });
}

// ── judicial confirmation, performance ─────────────────────────────────────────────────────────

export function applyConfirmation(c: MediationCase, courtDepartmentId: string, by: string, now: number): CaseDecision {
  if (c.confirmation) already('司法确认申请已经提出');
  inStatus(c, '申请司法确认', 'agreed', 'closed');
  const d = new Draft(c, now, by);
  d.state.confirmation = { courtDepartmentId, appliedAt: now };
  d.stop('confirmation-application', 'meet');
  d.start('confirmation-acceptance', MEDIATION_POLICY_IDS.confirmationAcceptance, now);
  d.emit('MediationCase.ConfirmationApplied', { courtDepartmentId, documentNo: c.agreement?.documentNo });
  return d.done();
}

export function courtAccepts(c: MediationCase, by: string, now: number): CaseDecision {
  if (!c.confirmation) refuse(c, '受理司法确认');
  if (c.confirmation.acceptedAt !== undefined) already('法院已经受理');
  const d = new Draft(c, now, by);
  d.state.confirmation = { ...c.confirmation, acceptedAt: now };
  d.stop('confirmation-acceptance', 'meet');
  d.start('confirmation-decision', MEDIATION_POLICY_IDS.confirmationDecision, now);
  d.emit('MediationCase.ConfirmationAccepted', { courtDepartmentId: c.confirmation.courtDepartmentId });
  return d.done();
}

export function courtDecides(c: MediationCase, confirmed: boolean, by: string, now: number): CaseDecision {
  if (!c.confirmation?.acceptedAt) refuse(c, '作出司法确认决定');
  if (c.confirmation.decidedAt !== undefined) already('法院已经作出决定');
  const d = new Draft(c, now, by);
  d.state.confirmation = { ...c.confirmation, decidedAt: now, confirmed };
  d.stop('confirmation-decision', 'meet');
  d.emit('MediationCase.ConfirmationDecided', { confirmed });
  return d.done();
}

/** 履行回访: was the agreement honoured by its deadline? */
export function recordPerformance(
  c: MediationCase,
  honoured: 'full' | 'partial' | 'none',
  note: string,
  by: string,
  now: number,
): CaseDecision {
  if (c.performance) already('履行情况已经登记');
  inStatus(c, '登记履行情况', 'agreed', 'closed');
  const d = new Draft(c, now, by);
  d.state.performance = { at: now, honoured, note };
  d.stop('performance', 'meet');
  const onTime = c.agreement ? now <= c.agreement.performanceDueAt : false;
  d.emit('MediationCase.PerformanceRecorded', { honoured, onTime }, note);
  return d.done();
}

// ── closure, visit, satisfaction ───────────────────────────────────────────────────────────────

export function closeCase(c: MediationCase, by: string, now: number): CaseDecision {
  if (c.status === 'closed') already('本案已经结案');
  inStatus(c, '结案', 'agreed', 'failed');
  const d = new Draft(c, now, by);
  d.state.status = 'closed';
  d.state.closedAt = now;
  d.emit('MediationCase.Closed', { outcome: c.status, organisationId: c.organisationId });
  d.start('visit', MEDIATION_POLICY_IDS.visit, now);
  return d.done();
}

export function recordVisit(c: MediationCase, note: string, by: string, now: number): CaseDecision {
  if (c.visit) already('回访已经登记');
  inStatus(c, '登记回访', 'closed');
  const d = new Draft(c, now, by);
  d.state.visit = { at: now, note, by };
  d.stop('visit', 'meet');
  d.emit('MediationCase.Visited', {}, note);
  return d.done();
}

export function recordSatisfaction(
  c: MediationCase,
  s: Omit<Satisfaction, 'at'>,
  by: string,
  now: number,
): CaseDecision {
  inStatus(c, '登记满意度', 'agreed', 'failed', 'closed');
  const party = c.parties.find((p) => p.id === s.partyId && p.role !== 'agent');
  if (!party) invalid('party-unknown', '当事人不存在', [issue('partyId', 'unknown', '本案没有这名当事人')]);
  if (c.satisfaction.some((x) => x.partyId === s.partyId)) already(`${party.name}的满意度已经登记`);
  const d = new Draft(c, now, by);
  d.state.satisfaction = [...c.satisfaction, { ...s, at: now }];
  d.emit('MediationCase.SatisfactionRecorded', {
    partyId: s.partyId,
    score: s.score,
    via: s.via,
    organisationId: c.organisationId,
  });
  return d.done();
}

/** Satisfied means 4 or 5 on the five-point scale; the seed's target is 90 %. */
export function isSatisfied(s: Pick<Satisfaction, 'score'>): boolean {
  return s.score >= 4;
}
export const SATISFACTION_TARGET = 0.9;
