// Who may open, change and read public-opinion incidents (DOMAIN.md §1 actors): the responsible
// department, and the departments that answer public opinion city-wide — propaganda (宣传部),
// cyberspace (网信办), emergency management (应急局), the government office (政府办) — and admins.
import type { DepartmentKind } from '@fazhi/events/catalog';
import { hasRole, type Principal } from '@fazhi/platform/auth/principal';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ForbiddenError } from '@fazhi/platform/errors';
import { getDepartment } from '@fazhi/platform/repos/departments';

const CITY_WIDE: readonly DepartmentKind[] = ['propaganda', 'cyberspace', 'emergency', 'government-office'];

export interface Caller {
  principal: Principal;
  /** Acts on every incident, not only its own department's. */
  cityWide: boolean;
  /** Name recorded as the actor: the username, or `dept.<id>` for a department system. */
  actor: string;
}

export async function callerOf(d: PlatformDeps, p: Principal): Promise<Caller> {
  const actor = p.kind === 'user' ? p.username : `dept.${p.departmentId}`;
  if (hasRole(p, 'admin')) return { principal: p, cityWide: true, actor };
  const dept = await getDepartment(d, p.departmentId);
  return { principal: p, cityWide: Boolean(dept?.kinds.some((k) => CITY_WIDE.includes(k))), actor };
}

export function mayHandle(c: Caller, responsibleDepartmentId: string): boolean {
  return c.cityWide || c.principal.departmentId === responsibleDepartmentId;
}

export function requireHandle(c: Caller, responsibleDepartmentId: string): void {
  if (!mayHandle(c, responsibleDepartmentId))
    throw new ForbiddenError(
      'Only the responsible department, propaganda, cyberspace, emergency management, the government office or an admin may do this.',
    );
}
