import type { ClockIntent } from '../clocks/clock-intent';
import { DomainError, issue } from '../domain-error';
import type { Actor, CaseClock } from './transfer-types';

// The procuratorate's advice to transfer (建议移送): sent to an agency about a case it has not
// transferred (often a confirmed 有案不移 flag), with a tracked clock (policy transfer.advised-transfer).
// The agency answers by transferring (its transfer case is linked, and the clock is met) or by
// declining with reasons (the clock is cancelled; the procuratorate decides what follows).

export type AdviceStatus = 'advised' | 'transferred' | 'declined' | 'withdrawn';
export const ADVICE_STATUS_NAMES: Record<AdviceStatus, string> = {
  advised: '已建议移送',
  transferred: '已移送',
  declined: '执法机关说明不移送理由',
  withdrawn: '已撤回',
};
export const ADVICE_POLICY_ID = 'transfer.advised-transfer';

/** What the procuratorate's 建议移送 says (the Advise command), kept on the advice. */
export interface AdviceFacts {
  agencyDepartmentId: string;
  enforcementCaseNo: string;
  partyName: string;
  documentNo: string;
  reasons: string;
  /** The detection flag it follows, if any. */
  flagId?: string;
  deliveredAt: number;
}

export interface TransferAdvice extends AdviceFacts {
  id: string;
  version: number;
  procuratorateDepartmentId: string;
  status: AdviceStatus;
  transferCaseId?: string;
  answer?: { at: number; by: string; reasons?: string };
  clock: CaseClock;
}

export type AdviceCommand =
  | ({ type: 'Advise'; id: string } & AdviceFacts)
  | { type: 'RecordTransfer'; transferCaseId: string }
  | { type: 'Decline'; reasons: string }
  | { type: 'Withdraw'; reason: string }
  | { type: 'RecordClockBreach' };

/** The advice's one clock only starts, is met or is cancelled. */
export type AdviceClockIntent = Extract<ClockIntent<'advice'>, { kind: 'start' | 'meet' | 'cancel' }>;

export interface AdviceDecision {
  state: TransferAdvice;
  events: {
    type: string;
    data: Record<string, unknown> & { adviceId: string; version: number; at: number; by: string };
  }[];
  clocks: AdviceClockIntent[];
}

function conflict(a: TransferAdvice, action: string): never {
  throw new DomainError(
    'advice-transition-invalid',
    'conflict',
    `建议移送当前状态（${ADVICE_STATUS_NAMES[a.status]}）不能${action}`,
  );
}

export function decideAdvice(
  state: TransferAdvice | undefined,
  command: AdviceCommand,
  actor: Actor,
  now: number,
): AdviceDecision {
  if (command.type === 'Advise') {
    if (state) throw new DomainError('already-recorded', 'conflict', '已经建议移送');
    const problems = [
      ...(command.documentNo.trim() ? [] : [issue('documentNo', 'required', '请填写检察意见书文号')]),
      ...(command.reasons.trim() ? [] : [issue('reasons', 'required', '请写明应当移送的理由')]),
      ...(command.enforcementCaseNo.trim() ? [] : [issue('enforcementCaseNo', 'required', '请填写执法案件编号')]),
      ...(command.deliveredAt > now ? [issue('deliveredAt', 'in-future', '送达时间不能晚于当前时间')] : []),
    ];
    if (problems.length > 0) throw new DomainError('advice-invalid', 'invalid', '建议移送信息不完整', problems);
    const a: TransferAdvice = {
      id: command.id,
      version: 1,
      procuratorateDepartmentId: actor.departmentId,
      agencyDepartmentId: command.agencyDepartmentId,
      enforcementCaseNo: command.enforcementCaseNo,
      partyName: command.partyName,
      documentNo: command.documentNo,
      reasons: command.reasons,
      ...(command.flagId ? { flagId: command.flagId } : {}),
      deliveredAt: command.deliveredAt,
      status: 'advised',
      clock: { policyId: ADVICE_POLICY_ID, running: true },
    };
    return {
      state: a,
      events: [
        {
          type: 'TransferAdvice.Advised',
          data: {
            adviceId: a.id,
            version: 1,
            at: now,
            by: actor.userId,
            agencyDepartmentId: a.agencyDepartmentId,
            procuratorateDepartmentId: a.procuratorateDepartmentId,
            enforcementCaseNo: a.enforcementCaseNo,
            documentNo: a.documentNo,
          },
        },
      ],
      clocks: [{ kind: 'start', key: 'advice', policyId: ADVICE_POLICY_ID, startedAt: command.deliveredAt }],
    };
  }
  if (!state) throw new DomainError('advice-not-found', 'not-found', '建议移送记录不存在');
  const byProcuratorate = command.type === 'Withdraw';
  if (command.type !== 'RecordClockBreach') {
    const expected = byProcuratorate ? state.procuratorateDepartmentId : state.agencyDepartmentId;
    if (actor.departmentId !== expected)
      throw new DomainError(
        'not-your-step',
        'forbidden',
        byProcuratorate ? '该步骤应由人民检察院办理' : '该步骤应由被建议的行政执法机关办理',
      );
  }
  const next: TransferAdvice = { ...state, version: state.version + 1 };
  const data = {
    adviceId: state.id,
    version: next.version,
    at: now,
    by: actor.userId,
    agencyDepartmentId: state.agencyDepartmentId,
  };
  const stopped = (how: 'met' | 'cancelled') => ({ ...state.clock, running: false, ended: how });
  switch (command.type) {
    case 'RecordTransfer':
      if (state.status === 'transferred') throw new DomainError('already-recorded', 'conflict', '已经移送');
      if (state.status !== 'advised' && state.status !== 'declined') conflict(state, '登记移送');
      if (!command.transferCaseId.trim())
        throw new DomainError('advice-invalid', 'invalid', '请关联移送案件', [
          issue('transferCaseId', 'required', '请关联移送案件'),
        ]);
      next.status = 'transferred';
      next.transferCaseId = command.transferCaseId;
      next.answer = { at: now, by: actor.userId };
      // Met only while it runs; a transfer after declining is recorded without reopening the clock.
      next.clock = state.clock.running ? stopped('met') : state.clock;
      return {
        state: next,
        events: [{ type: 'TransferAdvice.Transferred', data: { ...data, transferCaseId: command.transferCaseId } }],
        clocks: state.clock.running ? [{ kind: 'meet', key: 'advice', at: now }] : [],
      };
    case 'Decline':
      if (state.status !== 'advised') conflict(state, '说明不移送理由');
      if (!command.reasons.trim())
        throw new DomainError('advice-invalid', 'invalid', '请说明不移送的理由', [
          issue('reasons', 'required', '请说明不移送的理由'),
        ]);
      next.status = 'declined';
      next.answer = { at: now, by: actor.userId, reasons: command.reasons };
      next.clock = stopped('cancelled');
      return {
        state: next,
        events: [{ type: 'TransferAdvice.Declined', data: { ...data, reasons: command.reasons } }],
        clocks: [{ kind: 'cancel', key: 'advice', reason: '行政执法机关说明不移送理由' }],
      };
    case 'Withdraw':
      if (state.status === 'withdrawn') throw new DomainError('already-recorded', 'conflict', '已经撤回');
      if (state.status === 'transferred') conflict(state, '撤回');
      next.status = 'withdrawn';
      next.clock = state.clock.running ? stopped('cancelled') : state.clock;
      return {
        state: next,
        events: [{ type: 'TransferAdvice.Withdrawn', data: { ...data, reason: command.reason } }],
        clocks: state.clock.running ? [{ kind: 'cancel', key: 'advice', reason: '建议已撤回' }] : [],
      };
    case 'RecordClockBreach':
      if (state.clock.breachedAt !== undefined) throw new DomainError('already-recorded', 'conflict', '超期已经登记');
      next.clock = { ...state.clock, breachedAt: now };
      return { state: next, events: [{ type: 'TransferAdvice.ClockBreached', data }], clocks: [] };
  }
}
