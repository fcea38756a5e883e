import { commit, putVersioned, TransactionConflict } from '@fazhi/platform/ddb/commit';
import { ConflictError, ValidationError } from '@fazhi/platform/errors';
import { httpRoute } from '@fazhi/platform/http/route';
import { departmentItem, getDepartment, invalidateDepartmentCache } from '@fazhi/platform/repos/departments';
import { putDepartmentWiring } from './wiring';

// Department ids appear in event sources (`dept.<id>`) that integrators filter on: keep them plain.
const ID = /^[a-z][a-z0-9-]{0,63}$/;

export const handler = httpRoute(putDepartmentWiring.routes[0], async ({ params, body, principal, deps: d }) => {
  const id = params.departmentId ?? '';
  if (!ID.test(id))
    throw new ValidationError('Department ids are 1–64 lowercase letters, digits or hyphens.', [
      { path: 'departmentId', message: 'invalid id' },
    ]);
  const current = await getDepartment(d, id);
  const next = {
    id,
    name: body.name,
    ...(body.nameEn ? { nameEn: body.nameEn } : {}),
    kinds: body.kinds,
    ...(body.rosterDeputies?.length ? { rosterDeputies: [...new Set(body.rosterDeputies)] } : {}),
    ...(current?.webhook ? { webhook: current.webhook } : {}),
    version: (current?.version ?? 0) + 1,
  };
  try {
    await commit(
      d,
      [putVersioned(d, departmentItem(next) as typeof next)],
      [
        {
          source: 'fazhi.exchange',
          detailType: 'Exchange.DepartmentChanged',
          data: {
            departmentId: id,
            name: body.name,
            kinds: body.kinds,
            by: principal?.kind === 'user' ? principal.username : 'unknown',
          },
        },
      ],
    );
  } catch (e) {
    if (e instanceof TransactionConflict)
      throw new ConflictError('concurrent-change', 'The department was changed meanwhile; retry.', e);
    throw e;
  }
  invalidateDepartmentCache();
  return {
    status: current ? 200 : 201,
    body: {
      id,
      name: next.name,
      ...(next.nameEn ? { nameEn: next.nameEn } : {}),
      kinds: next.kinds,
      ...(next.rosterDeputies ? { rosterDeputies: next.rosterDeputies } : {}),
      version: next.version,
    },
  };
});
