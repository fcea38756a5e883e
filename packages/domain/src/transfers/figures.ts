import { stepOfKey } from './transfer-clocks';
import type { TransferCase } from './transfer-types';

// The procuratorate's supervision figures (issue 10 item 4), as pure reducers over transfer cases:
// transfers by agency, the on-time rate per step, cases returned, reverse transfers decided.
//
// What counts:
//   reported          every case (its 移送报告), by the agency
//   refused           the head did not approve (第五条)
//   transferred       a complete transfer reached public security (第六条 documents all present)
//   incompleteAttempts transfers recorded as incomplete (missing documents)
//   filed / notFiled  the latest filing decision of the case
//   returnedForCompletion cases public security asked to complete (补正, 程序规定第一百八十条)
//   reverse           cases sent back to the agency (police, Art. 13) or reviewed by the
//                     procuratorate after non-prosecution (反向衔接)
//   step on-time      per clock step (`filing`, `to-police`, …): a step is judged once its clock was
//                     met or breached; on time when met and never breached. Cancelled clocks (the act
//                     became moot) and clocks still running on time are not judged.

export interface AgencyFigures {
  agencyDepartmentId: string;
  reported: number;
  refused: number;
  transferred: number;
  incompleteAttempts: number;
  filed: number;
  notFiled: number;
  returnedForCompletion: number;
  reverse: number;
  penaltiesDecided: number;
}

export interface StepFigures {
  step: string;
  policyId: string;
  judged: number;
  onTime: number;
  /** onTime ÷ judged; null when nothing was judged. */
  rate: number | null;
}

export interface TransferFigures {
  byAgency: AgencyFigures[];
  steps: StepFigures[];
  returned: { forCompletion: number; notFiled: number };
  reverse: {
    fromPolice: number;
    fromProcuratorate: number;
    reviewsConcluded: number;
    penaltyAdvised: number;
    penaltiesDecided: number;
    noPenalty: number;
  };
}

export interface FigureFilter {
  /** Cases reported in [from, to) (epoch ms). */
  from?: number;
  to?: number;
  agencyDepartmentId?: string;
  offenceCategory?: string;
}

export function emptyFigures(): TransferFigures {
  return {
    byAgency: [],
    steps: [],
    returned: { forCompletion: 0, notFiled: 0 },
    reverse: {
      fromPolice: 0,
      fromProcuratorate: 0,
      reviewsConcluded: 0,
      penaltyAdvised: 0,
      penaltiesDecided: 0,
      noPenalty: 0,
    },
  };
}

function agencyRow(f: TransferFigures, id: string): AgencyFigures {
  let row = f.byAgency.find((r) => r.agencyDepartmentId === id);
  if (!row) {
    row = {
      agencyDepartmentId: id,
      reported: 0,
      refused: 0,
      transferred: 0,
      incompleteAttempts: 0,
      filed: 0,
      notFiled: 0,
      returnedForCompletion: 0,
      reverse: 0,
      penaltiesDecided: 0,
    };
    f.byAgency = [...f.byAgency, row].sort((a, b) => (a.agencyDepartmentId < b.agencyDepartmentId ? -1 : 1));
  }
  return row;
}

function stepRow(f: TransferFigures, step: string, policyId: string): StepFigures {
  let row = f.steps.find((r) => r.step === step);
  if (!row) {
    row = { step, policyId, judged: 0, onTime: 0, rate: null };
    f.steps = [...f.steps, row].sort((a, b) => (a.step < b.step ? -1 : 1));
  }
  return row;
}

/** Adds one case to the figures (a new object; the input is not changed). */
export function addToFigures(figures: TransferFigures, c: TransferCase): TransferFigures {
  const f: TransferFigures = structuredClone(figures);
  const a = agencyRow(f, c.agencyDepartmentId);
  a.reported += 1;
  if (c.status === 'refused') a.refused += 1;
  if (c.transferredAt !== undefined) a.transferred += 1;
  a.incompleteAttempts += c.attempts.filter((x) => !x.complete).length;
  if (c.filing?.filed === true) a.filed += 1;
  if (c.filing?.filed === false) {
    a.notFiled += 1;
    f.returned.notFiled += 1;
  }
  if (c.materialRequests.length > 0) {
    a.returnedForCompletion += 1;
    f.returned.forCompletion += 1;
  }
  if (c.reverse) {
    a.reverse += 1;
    if (c.reverse.from === 'police') f.reverse.fromPolice += 1;
    else f.reverse.fromProcuratorate += 1;
    if (c.reverse.concludedAt !== undefined) f.reverse.reviewsConcluded += 1;
    if (c.reverse.penaltyAdvised) f.reverse.penaltyAdvised += 1;
  }
  if (c.penalty) {
    if (c.penalty.decided) {
      a.penaltiesDecided += 1;
      f.reverse.penaltiesDecided += 1;
    } else f.reverse.noPenalty += 1;
  }
  for (const [key, clock] of Object.entries(c.clocks)) {
    if (!clock) continue;
    const breached = clock.breachedAt !== undefined;
    if (clock.ended !== 'met' && !breached) continue;
    const row = stepRow(f, stepOfKey(key), clock.policyId);
    row.judged += 1;
    if (clock.ended === 'met' && !breached) row.onTime += 1;
    row.rate = row.onTime / row.judged;
  }
  return f;
}

function matches(c: TransferCase, filter: FigureFilter): boolean {
  if (filter.from !== undefined && c.reportedAt < filter.from) return false;
  if (filter.to !== undefined && c.reportedAt >= filter.to) return false;
  if (filter.agencyDepartmentId !== undefined && c.agencyDepartmentId !== filter.agencyDepartmentId) return false;
  if (filter.offenceCategory !== undefined && c.offenceCategory !== filter.offenceCategory) return false;
  return true;
}

/** The figures of the cases the filter keeps. */
export function transferFigures(cases: readonly TransferCase[], filter: FigureFilter = {}): TransferFigures {
  return cases.filter((c) => matches(c, filter)).reduce(addToFigures, emptyFigures());
}

/** The clocks of a case still running, for the supervision list (the service adds their dues). */
export function runningClocks(c: TransferCase): { key: string; policyId: string; breached: boolean }[] {
  return Object.entries(c.clocks).flatMap(([key, k]) =>
    k?.running ? [{ key, policyId: k.policyId, breached: k.breachedAt !== undefined }] : [],
  );
}
