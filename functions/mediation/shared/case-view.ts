// The HTTP contract's MediationCase: the case with ISO times in the city's offset, each clock as the
// clock service holds it (due, status, pauses, extensions), and the timeline. Parties' identity
// numbers and phones are masked for callers whose work does not need them.
import { maskPersonalData } from '@fazhi/domain/exchange/personal-data';
import type { MediationClockKey } from '@fazhi/domain/mediation/case-clocks';
import type { MediationCase } from '@fazhi/domain/mediation/case-types';
import { caseClockView, caseClockViewSchema } from '@fazhi/platform/clocks/case-clocks';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';
import { type CaseSummary, isReturned, type StoredCase } from './case-store';
import { clockIdOf } from './clock-plan';

/**
 * A party as a caller without a need for personal data sees it: phones and 身份证号 masked by the
 * platform's rule, and an organisation's USCC too (the issue asks for both; the text rule only
 * recognises resident ids).
 */
export function maskedParty(p: MediationCase['parties'][number]) {
  const masked = maskPersonalData(p);
  const id = p.idNumber;
  return id ? { ...masked, idNumber: `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` } : masked;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : toCityIso(ms));

export const caseViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['queued', 'dispatched', 'accepted', 'mediating', 'agreed', 'failed', 'closed']),
    returned: z.boolean(),
    overdue: z.boolean(),
    clocks: z.array(caseClockViewSchema),
    timeline: z.array(z.object({ at: z.string(), what: z.string(), by: z.string(), note: z.string().optional() })),
    version: z.number().int(),
  })
  .catchall(z.unknown());
export type CaseView = z.infer<typeof caseViewSchema>;

export const caseSummaryViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  source: z.string(),
  disputeType: z.string(),
  regionCode: z.string(),
  tier: z.string(),
  risk: z.string(),
  organisationId: z.string().optional(),
  responsibleLeader: z.string().optional(),
  responsibleLeaderName: z.string().optional().describe('the leader’s name from the directory'),
  referringDepartmentId: z.string().optional(),
  returned: z.boolean(),
  receivedAt: z.string(),
  version: z.number().int(),
});

export function summaryView(s: CaseSummary) {
  return { ...s, receivedAt: toCityIso(s.receivedAt) };
}

/** The ids of every clock the case started, to read them in one batch. */
export function clockIdsOf(c: MediationCase): string[] {
  return Object.keys(c.clocks).map((k) => clockIdOf(c.id, k as MediationClockKey));
}

export function caseView(s: StoredCase, clocks: ReadonlyMap<string, ClockRecord>, seesPersonalData: boolean): CaseView {
  const c = s.state;
  const keys = Object.keys(c.clocks) as MediationClockKey[];
  const clockViews = keys.flatMap((k) => {
    const r = clocks.get(clockIdOf(c.id, k));
    return r ? [caseClockView(k, r)] : [];
  });
  const view = {
    ...c,
    parties: seesPersonalData ? c.parties : c.parties.map(maskedParty),
    returned: isReturned(c),
    overdue: s.breached.some((k) => c.clocks[k]?.running),
    receivedAt: toCityIso(c.receivedAt),
    consents: c.consents.map((x) => ({ ...x, at: toCityIso(x.at) })),
    dispatches: c.dispatches.map((x) => ({
      ...x,
      at: toCityIso(x.at),
      ...(x.answer ? { answer: { ...x.answer, at: toCityIso(x.answer.at) } } : {}),
    })),
    sessions: c.sessions.map((x) => ({ ...x, at: toCityIso(x.at) })),
    risksReported: c.risksReported.map((x) => ({ ...x, at: toCityIso(x.at), receivedAt: iso(x.receivedAt) })),
    ...(c.agreement
      ? {
          agreement: {
            ...c.agreement,
            at: toCityIso(c.agreement.at),
            performanceDueAt: toCityIso(c.agreement.performanceDueAt),
          },
        }
      : {}),
    ...(c.failure ? { failure: { ...c.failure, at: toCityIso(c.failure.at) } } : {}),
    ...(c.confirmation
      ? {
          confirmation: {
            ...c.confirmation,
            appliedAt: toCityIso(c.confirmation.appliedAt),
            acceptedAt: iso(c.confirmation.acceptedAt),
            decidedAt: iso(c.confirmation.decidedAt),
          },
        }
      : {}),
    ...(c.performance ? { performance: { ...c.performance, at: toCityIso(c.performance.at) } } : {}),
    closedAt: iso(c.closedAt),
    ...(c.visit ? { visit: { ...c.visit, at: toCityIso(c.visit.at) } } : {}),
    satisfaction: c.satisfaction.map((x) => ({ ...x, at: toCityIso(x.at) })),
    clocks: clockViews,
    timeline: c.timeline.map((t) => ({ ...t, at: toCityIso(t.at) })),
  };
  return JSON.parse(JSON.stringify(view)) as CaseView;
}
