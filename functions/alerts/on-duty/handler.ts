import { type Shift, shiftsAround } from '@fazhi/domain/alerts/roster';
import { NotFoundError } from '@fazhi/platform/errors';
import { toCityIso } from '@fazhi/platform/events/envelope';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { departmentPeople, type Person } from '@fazhi/platform/repos/people';
import { requireDepartmentView } from '../../clocks/shared/visibility';
import { getRoster } from '../shared/rosters';
import { onDutyWiring } from './wiring';

export const handler = httpRoute(onDutyWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  await requireDepartmentView(d, principal!, departmentId);
  if (!(await getDepartment(d, departmentId))) throw new NotFoundError(`Department ${departmentId}`);
  const [roster, people] = await Promise.all([getRoster(d, departmentId), departmentPeople(d, departmentId)]);
  const now = d.clock.now();
  const person = (username: string) => {
    const p: Person | undefined = people.get(username);
    return { username, displayName: p?.displayName ?? username, ...(p?.phone ? { phone: p.phone } : {}) };
  };
  const shift = (s: Shift | undefined) =>
    s && {
      startsAt: toCityIso(s.startsAt),
      endsAt: toCityIso(s.endsAt),
      officer: person(s.officer),
      leader: person(s.leader),
    };
  const { current, next } = roster ? shiftsAround(roster, now) : {};
  return {
    status: 200,
    body: {
      departmentId,
      at: toCityIso(now),
      ...(current ? { current: shift(current) } : {}),
      ...(next ? { next: shift(next) } : {}),
      ...(roster?.head ? { head: person(roster.head) } : {}),
    },
  };
});
