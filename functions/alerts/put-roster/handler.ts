import { replaceRoster } from '@fazhi/domain/alerts/roster';
import { hasRole } from '@fazhi/platform/auth/principal';
import { commit, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { ConflictError, ForbiddenError, NotFoundError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { checkRosterPeople } from '../shared/roster-people';
import { getRoster, putRoster, rosterView } from '../shared/rosters';
import { putRosterWiring } from './wiring';

export const handler = httpRoute(putRosterWiring.routes![0]!, async ({ principal, params, body, deps: d }) => {
  const departmentId = params.departmentId ?? '';
  const p = principal!;
  if (!hasRole(p, 'admin') && p.departmentId !== departmentId)
    throw new ForbiddenError('Only an admin or the head of this department may change its roster.');
  const department = await getDepartment(d, departmentId);
  if (!department) throw new NotFoundError(`Department ${departmentId}`);
  const next = replaceRoster(await getRoster(d, departmentId), departmentId, body);
  await checkRosterPeople(d, department, body);
  try {
    await commit(d, [putRoster(d, next)]);
  } catch (e) {
    if (e instanceof TransactionConflict)
      throw new ConflictError('roster-version-conflict', 'The roster was changed meanwhile; reload and retry.', e);
    throw e;
  }
  return { status: 200, body: rosterView(next) };
});
