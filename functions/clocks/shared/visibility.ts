// Who sees which department's clocks and alerts: its own people and systems, admins, and the
// government office (政府办), which coordinates duty across departments.
import type { Principal } from '@fazhi/platform/auth/principal';
import { hasRole } from '@fazhi/platform/auth/principal';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ForbiddenError } from '@fazhi/platform/errors';
import { getDepartment } from '@fazhi/platform/repos/departments';

export async function requireDepartmentView(d: PlatformDeps, p: Principal, departmentId: string): Promise<void> {
  if (p.departmentId === departmentId || hasRole(p, 'admin')) return;
  const own = await getDepartment(d, p.departmentId);
  if (own?.kinds.includes('government-office')) return;
  throw new ForbiddenError(`You may see only your own department's clocks and alerts, not ${departmentId}'s.`);
}
