// What the on-time report says, from the day counters: per department, per day (the trend) and per
// clock kind. A clock not yet due is neither on time nor 未完成: it is `pending`. A clock counted
// `open` on a day already past is unfinished past its due (paused, or not yet swept). A rate is null
// when nothing in its group has come due: "—" on screen, not 0 %.
import type { OnTimeCounter } from '@fazhi/platform/clocks/on-time';

export interface Tally {
  total: number;
  onTime: number;
  late: number;
  open: number;
  pending: number;
  rate: number | null;
}

const empty = (): Omit<Tally, 'rate' | 'total'> => ({ onTime: 0, late: 0, open: 0, pending: 0 });

function finish(t: Omit<Tally, 'rate' | 'total'>): Tally {
  const closed = t.onTime + t.late;
  return { ...t, total: closed + t.open, rate: closed > 0 ? t.onTime / closed : null };
}

function add(into: Omit<Tally, 'rate' | 'total'>, c: OnTimeCounter, today: string): void {
  into.onTime += c.onTime;
  into.late += c.late;
  // Today's still-open clocks are due later today (one due earlier is breached by the next sweep).
  if (c.day < today) into.open += c.open;
  else into.pending += c.open;
}

export interface Summary {
  byDepartment: Map<string, Tally>;
  trend: (Tally & { day: string })[];
  byKind: (Tally & { kind: string; label: string; labelEn: string })[];
}

/** `days` are the range's city days in order; `today` the city day of now. */
export function summarise(counters: readonly OnTimeCounter[], days: readonly string[], today: string): Summary {
  const depts = new Map<string, Omit<Tally, 'rate' | 'total'>>();
  const perDay = new Map(days.map((day) => [day, empty()]));
  const kinds = new Map<string, Omit<Tally, 'rate' | 'total'> & { label: string; labelEn: string }>();
  for (const c of counters) {
    const dept = depts.get(c.departmentId) ?? empty();
    add(dept, c, today);
    depts.set(c.departmentId, dept);
    const day = perDay.get(c.day);
    if (day) add(day, c, today);
    const kind = kinds.get(c.kind) ?? { ...empty(), label: c.label, labelEn: c.labelEn };
    add(kind, c, today);
    kinds.set(c.kind, kind);
  }
  return {
    byDepartment: new Map([...depts].map(([id, t]) => [id, finish(t)])),
    trend: [...perDay].map(([day, t]) => ({ day, ...finish(t) })),
    byKind: [...kinds]
      .map(([kind, { label, labelEn, ...t }]) => ({ kind, label, labelEn, ...finish(t) }))
      .sort((a, b) => b.total + b.pending - (a.total + a.pending)),
  };
}

export const NOTHING_DUE: Tally = finish(empty());
