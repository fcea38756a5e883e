// What a transfer decision asks of the clocks, in the platform's terms (ClockCommand), and whose duty
// roster answers for each clock — the alerts of a clock go to its departmentId's people on duty:
// - the agency's own acts: head approval, the 24 h transfer, completing materials, asking for
//   reconsideration or supervision, handing over, the penalty decision;
// - public security's: the filing decision (and its complex / extended forms), passing on (the organ
//   that passes it on), the incomplete-materials notice, the reconsideration decision, the
//   explanation, filing on the procuratorate's notice, concluding in 3 months (urging);
// - the procuratorate's: telling the agency its conclusion, the reverse referral and review.
import { stepOfKey } from '@fazhi/domain/transfers/transfer-clocks';
import type { TransferCase, TransferDecision } from '@fazhi/domain/transfers/transfer-types';
import { caseClockCommand } from '@fazhi/platform/clocks/case-clocks';
import type { ClockCommand } from '@fazhi/platform/clocks/clock-plan';
import { TRANSFER_SUBJECT } from './subject';

export { caseClockId as clockIdOf } from '@fazhi/platform/clocks/case-clocks';

const STEPS: Record<string, [label: string, labelEn: string, answers: 'agency' | 'police' | 'procuratorate']> = {
  'head-approval': ['负责人审批移送', 'Head approves or refuses the transfer', 'agency'],
  'to-police': ['向公安机关移送', 'Transfer to public security', 'agency'],
  'complete-materials': ['补正移送材料', 'Complete the materials', 'agency'],
  'reconsideration-request': ['提请复议', 'Ask for reconsideration', 'agency'],
  'supervision-request': ['建议立案监督', 'Ask for filing supervision', 'agency'],
  handover: ['移交涉案物品和材料', 'Hand over seized items and materials', 'agency'],
  penalty: ['作出行政处理决定', 'Decide the administrative penalty', 'agency'],
  filing: ['立案审查', 'Decide whether to file', 'police'],
  'filing-complex': ['立案审查（重大疑难复杂）', 'Decide whether to file (complex)', 'police'],
  'pass-on': ['转送有管辖权的机关', 'Pass on to the organ with jurisdiction', 'police'],
  'notify-incomplete': ['通知补正材料', 'Notify incomplete materials', 'police'],
  'reconsideration-decision': ['作出复议决定', 'Decide the reconsideration', 'police'],
  'supervision-explanation': ['说明不立案理由', 'Explain why not filed', 'police'],
  'supervision-filing': ['通知立案后立案', 'File on the procuratorate’s notice', 'police'],
  urging: ['立案后侦查终结（催办）', 'Conclude the investigation (urging)', 'police'],
  'supervision-notice': ['告知移送机关审查结论', 'Tell the agency the conclusion', 'procuratorate'],
  'reverse-referral': ['移送行政检察部门', 'Refer to the administrative procuratorial department', 'procuratorate'],
  'reverse-review': ['反向衔接审查', 'Reverse-connection review', 'procuratorate'],
};

export function clockLabel(key: string): { kind: string; label: string; labelEn: string } {
  const step = stepOfKey(key);
  const n = /-(\d+)$/.exec(key)?.[1];
  const [label, labelEn] = STEPS[step] ?? [key, key];
  return { kind: step, label: n ? `${label}（第${n}轮）` : label, labelEn: n ? `${labelEn} #${n}` : labelEn };
}

/** The department whose people on duty answer for the clock. */
export function clockDepartment(key: string, c: TransferCase): string {
  const step = stepOfKey(key);
  const answers = STEPS[step]?.[2] ?? 'agency';
  if (answers === 'procuratorate') return c.procuratorateDepartmentId ?? c.agencyDepartmentId;
  if (answers === 'agency') return c.agencyDepartmentId;
  // Passing on is judged on the organ that passed the case on (round N's), not the one it went to.
  if (step === 'pass-on') return c.passedOn[Number(key.slice('pass-on-'.length)) - 1]?.from ?? c.agencyDepartmentId;
  return c.policeDepartmentId ?? c.agencyDepartmentId;
}

/** In the decision's order; a clock started and met in one decision (a conditional clock) stays in order. */
export function caseClockCommands(decision: TransferDecision): ClockCommand[] {
  const c = decision.state;
  return decision.clocks.map((i) =>
    caseClockCommand(c.id, i, (key) => ({
      subject: { type: TRANSFER_SUBJECT.type, id: c.id, title: c.title },
      departmentId: clockDepartment(key, c),
      labels: clockLabel(key),
    })),
  );
}
