import { cityDayOf, isoDateOfDay } from '@fazhi/domain/clocks/index';
import { onTimeTotals } from '@fazhi/platform/clocks/on-time';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { listDepartments } from '@fazhi/platform/repos/departments';
import { onTimeStatsWiring } from './wiring';

const dayOf = (s: string) => (s.length === 10 ? s : isoDateOfDay(cityDayOf(Date.parse(s))));
const MAX_DAYS = 366;

export const handler = httpRoute(onTimeStatsWiring.routes![0]!, async ({ query, deps: d }) => {
  const today = cityDayOf(d.clock.now());
  const from = query.from ? dayOf(query.from) : isoDateOfDay(today - 29);
  const to = query.to ? dayOf(query.to) : isoDateOfDay(today);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(span >= 0 && span < MAX_DAYS))
    throw new ValidationError('from must not be after to, and the range at most a year.', [
      { path: 'from', message: `${from} … ${to}` },
    ]);
  const [totals, departments] = await Promise.all([onTimeTotals(d, from, to), listDepartments(d)]);
  const items = departments.map((dept) => {
    const t = totals.get(dept.id) ?? { open: 0, onTime: 0, late: 0 };
    const closed = t.onTime + t.late;
    return {
      departmentId: dept.id,
      departmentName: dept.name,
      total: closed + t.open,
      onTime: t.onTime,
      late: t.late,
      open: t.open,
      rate: closed > 0 ? t.onTime / closed : null,
    };
  });
  return { status: 200, body: { items } };
});
