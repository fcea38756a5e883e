// What a case decision asks of the clocks, in the platform's terms (ClockCommand), and whose duty
// roster answers for each clock — the alerts of a clock go to its departmentId's people on duty:
// - dispatch-N (accept or return): the organisation it was dispatched to;
// - limit: the organisation working the case; a court referral's limit starts at intake, before any
//   organisation has it, and stays with the hub, which answers to the court for the period and
//   re-dispatches a returned case;
// - respondent, confirmation-application, performance, visit: the organisation working the case;
// - confirmation-acceptance, confirmation-decision: the court (its own periods);
// - risk-N: the public-security department of the structure (人民调解法 Art. 25).
// An organisation without a department of its own falls back to the hub's.
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import type { CaseDecision, MediationCase } from '@fazhi/domain/mediation/case-types';
import { departmentOfOrganisation, type MediationStructure } from '@fazhi/domain/mediation/structure';
import { caseClockCommand, caseClockId } from '@fazhi/platform/clocks/case-clocks';
import type { ClockCommand } from '@fazhi/platform/clocks/clock-plan';
import { CASE_SUBJECT } from './subject';

export const clockIdOf = (caseId: string, key: MediationClockKey) => caseClockId(caseId, key);

const LABELS: Record<string, [string, string]> = {
  limit: ['调解期限', 'Mediation time limit'],
  respondent: ['被申请人答复是否同意调解', 'Respondent answers'],
  'confirmation-application': ['申请司法确认', 'Apply for judicial confirmation'],
  'confirmation-acceptance': ['法院受理司法确认申请', 'Court accepts the confirmation application'],
  'confirmation-decision': ['法院作出司法确认决定', 'Court decides on confirmation'],
  performance: ['调解协议履行', 'Performance of the agreement'],
  visit: ['结案回访', 'Follow-up visit'],
};

export function clockLabel(key: MediationClockKey): { kind: string; label: string; labelEn: string } {
  const n = /-(\d+)$/.exec(key)?.[1];
  if (key.startsWith('dispatch-'))
    return { kind: 'dispatch', label: `接收或退回分派（第${n}次）`, labelEn: `Answer dispatch #${n}` };
  if (key.startsWith('risk-'))
    return { kind: 'risk-receipt', label: `公安机关签收风险报告（第${n}次）`, labelEn: `Police receipt of risk #${n}` };
  const [label, labelEn] = LABELS[key] ?? [key, key];
  return { kind: key, label, labelEn };
}

export function clockDepartment(key: MediationClockKey, c: MediationCase, s: MediationStructure): string {
  if (key.startsWith('dispatch-')) {
    const n = Number(key.slice('dispatch-'.length));
    return departmentOfOrganisation(s, c.dispatches[n - 1]?.organisationId);
  }
  if (key.startsWith('risk-')) return s.hub.riskReportDepartmentId;
  if (key === 'confirmation-acceptance' || key === 'confirmation-decision')
    return c.confirmation?.courtDepartmentId ?? s.hub.departmentId;
  return departmentOfOrganisation(s, c.organisationId);
}

export function caseClockCommands(decision: CaseDecision, s: MediationStructure): ClockCommand[] {
  const c = decision.state;
  return decision.clocks.map((i) =>
    caseClockCommand(c.id, i, (key) => ({
      subject: { type: CASE_SUBJECT.type, id: c.id, title: c.title },
      departmentId: clockDepartment(key, c, s),
      labels: clockLabel(key),
    })),
  );
}
