// The HTTP contract's TransferCase: the case with ISO times in the city's offset, each clock as the
// clock service holds it (due, status, who answers), and the timeline. Every reader is a party of the
// case or the supervising procuratorate (or an admin), all of whom work with the party's identity,
// so nothing is masked here; the events to departments carry none of it (case-events.ts).
import { STATUS_NAMES, type TransferCase } from '@fazhi/domain/transfers/transfer-types';
import { caseClockView, caseClockViewSchema } from '@fazhi/platform/clocks/case-clocks';
import type { ClockRecord } from '@fazhi/platform/clocks/clock-record';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';
import { type CaseSummary, isOverdue } from './case-store';
import { clockIdOf } from './clock-plan';

export const caseViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    statusName: z.string().describe('the status in Chinese'),
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
  enforcementCaseNo: z.string(),
  offenceCategory: z.string(),
  regionCode: z.string(),
  status: z.string(),
  statusName: z.string(),
  agencyDepartmentId: z.string(),
  policeDepartmentId: z.string().optional(),
  procuratorateDepartmentId: z.string().optional(),
  courtDepartmentId: z.string().optional(),
  overdue: z.boolean(),
  nextDueAt: z.string().optional().describe('the earliest due instant of the running clocks'),
  reportedAt: z.string(),
  version: z.number().int(),
});

export function summaryView(s: CaseSummary) {
  const { nextDueAt, ...rest } = s;
  return {
    ...rest,
    reportedAt: toCityIso(s.reportedAt),
    ...(nextDueAt !== undefined ? { nextDueAt: toCityIso(nextDueAt) } : {}),
  };
}

/** The ids of every clock the case started, to read them in one batch. */
export function clockIdsOf(c: TransferCase): string[] {
  return Object.keys(c.clocks).map((k) => clockIdOf(c.id, k));
}

/** Every epoch-ms instant of the state (`at`, `…At`) as ISO in the city's offset. */
export function isoTimes(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && (key === 'at' || key.endsWith('At'))) return toCityIso(value);
  if (Array.isArray(value)) return value.map((v) => isoTimes(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isoTimes(v, k)]));
  return value;
}

export function caseView(c: TransferCase, clocks: ReadonlyMap<string, ClockRecord>): CaseView {
  const { clocks: keys, ...rest } = c;
  const clockViews = Object.keys(keys).flatMap((k) => {
    const r = clocks.get(clockIdOf(c.id, k));
    return r ? [caseClockView(k, r)] : [];
  });
  const view = { ...(isoTimes(rest) as object), statusName: STATUS_NAMES[c.status], overdue: isOverdue(c) };
  return JSON.parse(JSON.stringify({ ...view, clocks: clockViews })) as CaseView;
}
