// The monthly mediation report recomputed from the stored cases, read directly from the table (not
// through the API under test): every counter of every row, month by month. Used on a handful of
// scripted cases (monthly-report.test.ts) and on the demo city's generated history
// (demo-history-report.test.ts). The ministry's intake groups are written out here rather than
// taken from the code under test; an organisation's channel is the city's configuration, read from
// the structure the hub sees.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../../packages/local/src/runtime';

const CITY = 8 * 3_600_000;

export interface StoredState {
  id: string;
  source: string;
  disputeType: string;
  regionCode: string;
  organisationId?: string;
  receivedAt: number;
  dispatches: { organisationId: string; answer?: { accepted: boolean; at: number } }[];
  agreement?: { at: number; amountFen: number };
  failure?: { at: number };
  closedAt?: number;
  prevented: { civilToCriminal?: { people: number }; groupPetition?: { people: number } };
  satisfaction: { score: number; at: number }[];
  timeline: { at: number; what: string }[];
}

export interface StoredCase {
  state: StoredState;
  /** The case's clocks whose breach the case recorded (`limit` is the report's overdue). */
  breached: string[];
}

/** 申请调解 / 接受委托移送 / 主动调解, as the ministry's statistics group the sources. */
const GROUP: Record<string, string> = {
  window: 'applied',
  hotline: 'applied',
  online: 'applied',
  'court-delegation': 'referred',
  'court-entrustment': 'referred',
  police: 'referred',
  petition: 'referred',
  screening: 'proactive',
};

export const monthOf = (ms: number) => new Date(ms + CITY).toISOString().slice(0, 7);

export type Tally = Record<string, number>;

export const FIELDS = [
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

/**
 * The report recomputed: month → row key (`all`, `type#…`, `organisation#…`, …) → counters, zero
 * counters left out. `limitBreachedAt` is when each overdue case's time limit breached.
 */
export function recount(
  cases: readonly StoredCase[],
  limitBreachedAt: ReadonlyMap<string, number>,
  channelOf: (organisationId: string) => string | undefined,
): Map<string, Map<string, Tally>> {
  const out = new Map<string, Map<string, Tally>>();
  const add = (ms: number, keys: string[], field: string, n = 1) => {
    if (n === 0) return;
    const month = out.get(monthOf(ms)) ?? new Map<string, Tally>();
    out.set(monthOf(ms), month);
    for (const k of keys) {
      const row = month.get(k) ?? {};
      row[field] = (row[field] ?? 0) + n;
      month.set(k, row);
    }
  };
  for (const { state: c, breached } of cases) {
    const own = ['all', `type#${c.disputeType}`, `locality#${c.regionCode}`, `source#${GROUP[c.source]}`];
    const accepted = c.dispatches.find((x) => x.answer?.accepted);
    const channel = accepted ? channelOf(accepted.organisationId) : undefined;
    const org = accepted ? [`organisation#${accepted.organisationId}`, ...(channel ? [`channel#${channel}`] : [])] : [];
    add(c.receivedAt, own, 'received');
    if (accepted) add(accepted.answer!.at, org, 'received');
    if (c.agreement) {
      add(c.agreement.at, [...own, ...org], 'resolved');
      add(c.agreement.at, [...own, ...org], 'amountFen', c.agreement.amountFen);
      const p = c.prevented;
      if (p.civilToCriminal) {
        add(c.agreement.at, [...own, ...org], 'civilToCriminalCases');
        add(c.agreement.at, [...own, ...org], 'civilToCriminalPeople', p.civilToCriminal.people);
      }
      if (p.groupPetition) {
        add(c.agreement.at, [...own, ...org], 'groupPetitionCases');
        add(c.agreement.at, [...own, ...org], 'groupPetitionPeople', p.groupPetition.people);
      }
    }
    if (c.failure) add(c.failure.at, [...own, ...org], 'failed');
    if (c.closedAt) add(c.closedAt, [...own, ...org], 'closed');
    for (const s of c.satisfaction) {
      add(s.at, [...own, ...org], 'satisfactionCount');
      if (s.score >= 4) add(s.at, [...own, ...org], 'satisfied');
    }
    if (breached.includes('limit')) add(limitBreachedAt.get(c.id)!, [...own, ...org], 'overdue');
  }
  return out;
}

export interface ReportLine {
  value: string;
  [field: string]: unknown;
}
export interface ReportJson {
  month: string;
  totals: Tally & { resolutionRate: number | null; satisfactionRate: number | null };
  breakdowns: Record<string, ReportLine[]>;
  trend: (Tally & { month: string })[];
  satisfaction: { target: number; lines: { organisationId: string; rate: number | null; meets?: boolean }[] };
  staffing: { lines: { organisationId: string; fullTime: number; target?: number; meets?: boolean }[] };
}

/** The report's rows in the recount's shape (zero counters left out). */
export function rowsOf(r: ReportJson): Map<string, Tally> {
  const rows = new Map<string, Tally>();
  const pick = (x: Record<string, unknown>) =>
    Object.fromEntries(FIELDS.filter((f) => (x[f] as number) !== 0).map((f) => [f, x[f] as number]));
  if (FIELDS.some((f) => r.totals[f] !== 0)) rows.set('all', pick(r.totals));
  for (const [dim, lines] of Object.entries(r.breakdowns))
    for (const l of lines) {
      const row = pick(l);
      if (Object.keys(row).length > 0) rows.set(`${dim}#${l.value}`, row);
    }
  return rows;
}

/** The cases as the table holds them. */
export async function storedCases(rt: LocalRuntime, ids: readonly string[]): Promise<StoredCase[]> {
  return Promise.all(
    ids.map(async (id) => {
      const got = await rt.deps.ddb.send(
        new GetCommand({ TableName: rt.tableName, Key: { pk: `MEDCASE#${id}`, sk: 'CASE' }, ConsistentRead: true }),
      );
      return { state: got.Item!.state as StoredState, breached: (got.Item!.breached ?? []) as string[] };
    }),
  );
}

/** When each case's mediation time limit breached, from its stored clock (`<caseId>.limit`). */
export async function limitBreaches(rt: LocalRuntime, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await Promise.all(
    ids.map(async (id) => {
      const got = await rt.deps.ddb.send(
        new GetCommand({
          TableName: rt.tableName,
          Key: { pk: `CLOCK#${id}.limit`, sk: 'CLOCK' },
          ConsistentRead: true,
        }),
      );
      const at = got.Item?.breachedAt;
      if (typeof at === 'number') out.set(id, at);
    }),
  );
  return out;
}
