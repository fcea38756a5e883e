import { NotFoundError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { requireDepartmentView } from '../../clocks/shared/visibility';
import { getRoster, rosterView } from '../shared/rosters';
import { getRosterWiring } from './wiring';

export const handler = httpRoute(getRosterWiring.routes![0]!, async ({ principal, params, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  await requireDepartmentView(d, principal!, departmentId);
  if (!(await getDepartment(d, departmentId))) throw new NotFoundError(`Department ${departmentId}`);
  const roster = (await getRoster(d, departmentId)) ?? { departmentId, head: '', shifts: [], version: 0 };
  return { status: 200, body: rosterView(roster) };
});
