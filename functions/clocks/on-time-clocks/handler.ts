import { cityDayOf, dayOfIsoDate, endOfCityDay, startOfCityDay } from '@fazhi/domain/clocks/index';
import { departmentClocks } from '@fazhi/platform/clocks/clock-store';
import { outcomeOf } from '@fazhi/platform/clocks/on-time';
import { loadClockRegistry } from '@fazhi/platform/clocks/registry';
import { ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { clockView } from '../shared/clock-view';
import { requireDepartmentView } from '../shared/visibility';
import { onTimeClocksWiring } from './wiring';

const MAX_DAYS = 366;
/** Per status; a row past it is a year of a big department, and the answer says it is cut. */
export const MAX_CLOCKS_PER_STATUS = 1000;

// The same reading as the report (on-time-stats/summary.ts): a clock still open on its due day or
// later is pending, one still open after its due day is unfinished.
export const handler = httpRoute(onTimeClocksWiring.routes![0]!, async ({ principal, query, deps: d }) => {
  await requireDepartmentView(d, principal!, query.departmentId);
  const fromDay = dayOfIsoDate(query.from);
  const toDay = dayOfIsoDate(query.to);
  if (!(toDay >= fromDay && toDay - fromDay < MAX_DAYS))
    throw new ValidationError('from must not be after to, and the range at most a year.', [
      { path: 'from', message: `${query.from} … ${query.to}` },
    ]);
  // The report counts a clock on its due day at start (statsDay, clock-record.ts), kept when an
  // extension or a pause moves the due later; read the later dues too and keep the report's days.
  const range = {
    dueFrom: startOfCityDay(fromDay - 31),
    dueTo: endOfCityDay(toDay + MAX_DAYS),
    max: MAX_CLOCKS_PER_STATUS,
  };
  const inRange = (statsDay: string) => statsDay >= query.from && statsDay <= query.to;
  const lists = await Promise.all(
    (['met', 'breached', 'running', 'paused'] as const).map((s) => departmentClocks(d, query.departmentId, s, range)),
  );
  const today = cityDayOf(d.clock.now());
  const registry = await loadClockRegistry(d);
  const items = lists
    .flat()
    .filter((r) => inRange(r.statsDay) && (!query.kind || r.kind === query.kind))
    .sort((a, b) => a.dueAt - b.dueAt)
    .flatMap((r) => {
      const outcome = outcomeOf(r);
      if (!outcome) return [];
      const pending = outcome === 'open' && cityDayOf(r.dueAt) >= today;
      return [{ ...clockView(r, registry), outcome: pending ? ('pending' as const) : outcome }];
    });
  const truncated = lists.some((l) => l.length >= MAX_CLOCKS_PER_STATUS);
  return { status: 200, body: { items, truncated } };
});
