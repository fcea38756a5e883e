import { cityDayOf, isoDateOfDay } from '@fazhi/domain/clocks/index';
import { onTimeCounters } from '@fazhi/platform/clocks/on-time';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { listDepartments } from '@fazhi/platform/repos/departments';
import { NOTHING_DUE, summarise } from './summary';
import { onTimeStatsWiring } from './wiring';

const dayOf = (s: string) => (s.length === 10 ? s : isoDateOfDay(cityDayOf(Date.parse(s))));
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export const handler = httpRoute(onTimeStatsWiring.routes![0]!, async ({ query, deps: d }) => {
  const today = cityDayOf(d.clock.now());
  const from = query.from ? dayOf(query.from) : isoDateOfDay(today - 29);
  const to = query.to ? dayOf(query.to) : isoDateOfDay(today);
  const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (!(span >= 0 && span < MAX_DAYS))
    throw new ValidationError('from must not be after to, and the range at most a year.', [
      { path: 'from', message: `${from} … ${to}` },
    ]);
  const days = Array.from({ length: span + 1 }, (_, i) =>
    new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10),
  );
  const [counters, departments] = await Promise.all([onTimeCounters(d, from, to), listDepartments(d)]);
  const summary = summarise(counters, days, isoDateOfDay(today));
  const items = departments.map((dept) => ({
    departmentId: dept.id,
    departmentName: dept.name,
    ...(summary.byDepartment.get(dept.id) ?? NOTHING_DUE),
  }));
  return { status: 200, body: { from, to, items, trend: summary.trend, byKind: summary.byKind } };
});
