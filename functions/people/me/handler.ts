import { requireUser } from '@fazhi/platform/auth/principal';
import { httpRoute } from '@fazhi/platform/http/route';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { recordSignedIn } from '@fazhi/platform/repos/people';
import { meWiring } from './wiring';

export const handler = httpRoute(meWiring.routes![0]!, async ({ principal, deps: d }) => {
  const user = requireUser(principal!);
  const [dept] = await Promise.all([getDepartment(d, user.departmentId), recordSignedIn(d, user)]);
  return {
    status: 200,
    body: {
      username: user.username,
      displayName: user.displayName ?? user.username,
      roles: user.roles,
      departmentId: user.departmentId,
      departmentName: dept?.name ?? user.departmentId,
    },
  };
});
