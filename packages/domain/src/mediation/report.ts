// The monthly mediation report (Wulong item 50), kept up from the case's events: each event adds
// to counters of its city month, once for the whole city and once per dimension (channel,
// organisation, dispute type, locality, intake group). The report is the counters of a month plus
// the rates computed from them; nothing here scans cases.
//
// What counts where (the month is the city month of the step):
//   received           MediationCase.Received (the month of its receivedAt), for the city, type, locality and intake group; an
//                      organisation (and its channel) counts the cases it accepted (MediationCase.Accepted),
//                      since a case has no organisation before it is dispatched
//   resolved, amount   MediationCase.Agreed (调解成功), with the agreed amount and what it prevented
//   failed             MediationCase.Failed
//   closed             MediationCase.Closed
//   overdue            a breach of the case's mediation time limit (the `limit` clock)
//   satisfaction       each party's MediationCase.SatisfactionRecorded: satisfied when the score is ≥ 4
import { cityDayOf, isoDateOfDay } from '../clocks/city-time';
import { isSatisfied } from './case-state';
import type { Satisfaction } from './case-types';
import { type MediationStructure, type StaffingLine, type StaffingReport, staffingReport } from './structure';
import { DISPUTE_TYPES, INTAKE_GROUP_NAMES, INTAKE_SOURCES, type IntakeSource } from './taxonomy';

export const COUNTER_FIELDS = [
  'received',
  'resolved',
  'failed',
  'closed',
  'overdue',
  'satisfactionCount',
  'satisfied',
  'amountFen',
  'civilToCriminalCases',
  'civilToCriminalPeople',
  'groupPetitionCases',
  'groupPetitionPeople',
] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counters = Record<CounterField, number>;

export const DIMENSIONS = ['channel', 'organisation', 'type', 'locality', 'source'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A counter row: `all`, or `<dimension>#<value>`. */
export type CounterKey = 'all' | `${Dimension}#${string}`;

export interface Increment {
  /** City month, YYYY-MM. */
  month: string;
  keys: CounterKey[];
  add: Partial<Counters>;
}

/** A case event in its wire form (events/src/types/mediation-case.ts). */
export interface CaseEventData {
  at: string;
  /** MediationCase.Received: when the case came in (it counts in that month). */
  receivedAt?: string;
  source: IntakeSource;
  disputeType: string;
  regionCode: string;
  organisationId?: string;
  amountFen?: number;
  /** MediationCase.SatisfactionRecorded: the party's score, 1–5. */
  score?: number;
  prevented?: { civilToCriminal?: { people: number }; groupPetition?: { people: number } };
}

export const REPORTED_TYPES = [
  'MediationCase.Received',
  'MediationCase.Accepted',
  'MediationCase.Agreed',
  'MediationCase.Failed',
  'MediationCase.Closed',
  'MediationCase.SatisfactionRecorded',
] as const;
export type ReportedType = (typeof REPORTED_TYPES)[number] | 'limit-breached';

export const monthOf = (instant: number): string => isoDateOfDay(cityDayOf(instant)).slice(0, 7);

export const zeroCounters = (): Counters =>
  Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Record<CounterField, number>;

function organisationKeys(s: MediationStructure, organisationId: string | undefined): CounterKey[] {
  if (!organisationId) return [];
  const channel = s.organisations.find((o) => o.id === organisationId)?.channelId;
  return [`organisation#${organisationId}`, ...(channel ? [`channel#${channel}` as const] : [])];
}

function caseKeys(e: CaseEventData): CounterKey[] {
  return ['all', `type#${e.disputeType}`, `locality#${e.regionCode}`, `source#${INTAKE_SOURCES[e.source].group}`];
}

/** What one event adds to the report, or nothing. `at` of a breach is the breach instant. */
export function incrementOf(type: ReportedType, e: CaseEventData, s: MediationStructure): Increment | undefined {
  const month = monthOf(Date.parse(type === 'MediationCase.Received' ? (e.receivedAt ?? e.at) : e.at));
  const orgs = organisationKeys(s, e.organisationId);
  const all = [...caseKeys(e), ...orgs];
  switch (type) {
    case 'MediationCase.Received':
      return { month, keys: caseKeys(e), add: { received: 1 } };
    case 'MediationCase.Accepted':
      return orgs.length > 0 ? { month, keys: orgs, add: { received: 1 } } : undefined;
    case 'MediationCase.Agreed': {
      const p = e.prevented ?? {};
      const add: Partial<Counters> = { resolved: 1, amountFen: e.amountFen ?? 0 };
      if (p.civilToCriminal)
        Object.assign(add, { civilToCriminalCases: 1, civilToCriminalPeople: p.civilToCriminal.people });
      if (p.groupPetition) Object.assign(add, { groupPetitionCases: 1, groupPetitionPeople: p.groupPetition.people });
      return { month, keys: all, add };
    }
    case 'MediationCase.Failed':
      return { month, keys: all, add: { failed: 1 } };
    case 'MediationCase.Closed':
      return { month, keys: all, add: { closed: 1 } };
    case 'MediationCase.SatisfactionRecorded':
      return {
        month,
        keys: all,
        add: { satisfactionCount: 1, satisfied: isSatisfied({ score: e.score as Satisfaction['score'] }) ? 1 : 0 },
      };
    case 'limit-breached':
      return { month, keys: all, add: { overdue: 1 } };
  }
}

export const SATISFACTION_TARGET = 0.9;

export interface Figures extends Counters {
  /** resolved / (resolved + failed), 0–1; null when nothing concluded. */
  resolutionRate: number | null;
  /** satisfied / satisfactionCount, 0–1; null when nobody was asked. */
  satisfactionRate: number | null;
}

export function figuresOf(c: Partial<Counters> | undefined): Figures {
  const x = { ...zeroCounters(), ...(c ?? {}) };
  const concluded = x.resolved + x.failed;
  return {
    ...x,
    resolutionRate: concluded === 0 ? null : x.resolved / concluded,
    satisfactionRate: x.satisfactionCount === 0 ? null : x.satisfied / x.satisfactionCount,
  };
}

export interface BreakdownLine extends Figures {
  value: string;
  /** The printed name: the channel's or organisation's, the dispute type's, the intake group's. */
  name: string;
}

/** A month's counter rows as the report's totals and its breakdowns, each ordered by received then value. */
export function monthFigures(
  rows: Map<CounterKey, Partial<Counters>>,
  nameOf: (dim: Dimension, value: string) => string = (_, v) => v,
): {
  totals: Figures;
  breakdowns: Record<Dimension, BreakdownLine[]>;
} {
  const breakdowns = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as BreakdownLine[]])) as Record<
    Dimension,
    BreakdownLine[]
  >;
  for (const [key, c] of rows) {
    if (key === 'all') continue;
    const at = key.indexOf('#');
    const dim = key.slice(0, at) as Dimension;
    const value = key.slice(at + 1);
    breakdowns[dim]?.push({ value, name: nameOf(dim, value), ...figuresOf(c) });
  }
  for (const lines of Object.values(breakdowns))
    lines.sort((a, b) => b.received - a.received || a.value.localeCompare(b.value));
  return { totals: figuresOf(rows.get('all')), breakdowns };
}

/** The `count` months ending with `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

export function namerOf(s: MediationStructure): (dim: Dimension, value: string) => string {
  return (dim, value) => {
    switch (dim) {
      case 'channel':
        return s.channels.find((c) => c.id === value)?.name ?? value;
      case 'organisation':
        return s.organisations.find((o) => o.id === value)?.name ?? value;
      case 'type':
        return DISPUTE_TYPES[value as keyof typeof DISPUTE_TYPES] ?? value;
      case 'source':
        return INTAKE_GROUP_NAMES[value as keyof typeof INTAKE_GROUP_NAMES] ?? value;
      case 'locality':
        // The township committee names its township (范罗山街道人民调解委员会 → 范罗山街道).
        return (
          s.organisations
            .find((o) => o.regionCode === value && o.kind === 'township')
            ?.name.replace(/人民调解委员会$/, '') ?? value
        );
    }
  };
}

export interface SatisfactionLine {
  organisationId: string;
  name: string;
  satisfactionCount: number;
  satisfied: number;
  rate: number | null;
  target: number;
  /** Meets the 90 % target; undefined while nobody was asked. */
  meets?: boolean;
}

export interface MonthlyReport {
  month: string;
  totals: Figures;
  breakdowns: Record<Dimension, BreakdownLine[]>;
  /** The months up to this one, oldest first, for the month-on-month trend. */
  trend: (Figures & { month: string })[];
  /** Month-on-month change of the received and resolved counts (this month − the month before). */
  change: { received: number; resolved: number };
  satisfaction: { target: number; lines: SatisfactionLine[] };
  staffing: StaffingReport;
}

function satisfactionLineOf(organisationId: string, name: string, f: Figures = figuresOf(undefined)): SatisfactionLine {
  return {
    organisationId,
    name,
    satisfactionCount: f.satisfactionCount,
    satisfied: f.satisfied,
    rate: f.satisfactionRate,
    target: SATISFACTION_TARGET,
    ...(f.satisfactionRate === null ? {} : { meets: f.satisfactionRate >= SATISFACTION_TARGET }),
  };
}

/** The report of the last month of `months` (oldest first) from each month's counter rows. */
export function monthlyReport(
  months: { month: string; rows: Map<CounterKey, Partial<Counters>> }[],
  s: MediationStructure,
): MonthlyReport {
  const nameOf = namerOf(s);
  const last = months.at(-1)!;
  const { totals, breakdowns } = monthFigures(last.rows, nameOf);
  const trend = months.map((m) => ({ month: m.month, ...figuresOf(m.rows.get('all')) }));
  const before = trend.at(-2) ?? { ...figuresOf(undefined), month: '' };
  const byOrg = new Map(breakdowns.organisation.map((l) => [l.value, l]));
  const ids = [...new Set([...s.organisations.filter((o) => o.active).map((o) => o.id), ...byOrg.keys()])];
  const lines = ids.map((id) => satisfactionLineOf(id, nameOf('organisation', id), byOrg.get(id)));
  return {
    month: last.month,
    totals,
    breakdowns,
    trend,
    change: { received: totals.received - before.received, resolved: totals.resolved - before.resolved },
    satisfaction: { target: SATISFACTION_TARGET, lines },
    staffing: staffingReport(s),
  };
}

/** One organisation's part of the report: what its head (or the hub) reads for it. */
export interface OrganisationReport {
  month: string;
  organisationId: string;
  name: string;
  totals: Figures;
  trend: (Figures & { month: string })[];
  change: { received: number; resolved: number };
  satisfaction: SatisfactionLine;
  staffing?: StaffingLine;
}

/**
 * The organisation's row of each month's counters (the `organisation#<id>` row the cases' events
 * keep, report-counters), with its satisfaction against the target and its staffing line.
 */
export function organisationReport(
  months: { month: string; rows: Map<CounterKey, Partial<Counters>> }[],
  s: MediationStructure,
  organisationId: string,
): OrganisationReport {
  const key: CounterKey = `organisation#${organisationId}`;
  const trend = months.map((m) => ({ month: m.month, ...figuresOf(m.rows.get(key)) }));
  const totals = trend.at(-1)!;
  const before = trend.at(-2) ?? { ...figuresOf(undefined), month: '' };
  const name = namerOf(s)('organisation', organisationId);
  const staffing = staffingReport(s).lines.find((l) => l.organisationId === organisationId);
  const { month, ...figures } = totals;
  return {
    month,
    organisationId,
    name,
    totals: figures,
    trend,
    change: { received: totals.received - before.received, resolved: totals.resolved - before.resolved },
    satisfaction: satisfactionLineOf(organisationId, name, figures),
    ...(staffing ? { staffing } : {}),
  };
}
