// Who sees and works mediation cases (issue 9, access): the hub — admins, and users with the
// `mediation-hub` role in the hub's department — sees and works every case; a mediator (a user named
// as a mediator `username` in the structure) the cases of their own organisation; a court the cases
// it delegated or entrusted, and those whose judicial confirmation it handles; the police and the
// petition office what they referred. Everything else is refused (403 problem+json).
import { needsPersonalData } from '@fazhi/domain/exchange/personal-data';
import type { MediationCase } from '@fazhi/domain/mediation/case-types';
import { type MediationStructure, organisationOfUser } from '@fazhi/domain/mediation/structure';
import { hasRole, type Principal } from '@fazhi/platform/auth/principal';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ForbiddenError } from '@fazhi/platform/errors';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { organisationsOf } from './case-store';

export const HUB_ROLE = 'mediation-hub';

export interface Caller {
  principal: Principal;
  /** The username, or `dept.<id>` for a department system. */
  actor: string;
  hub: boolean;
  /** The organisation the user mediates for, if any. */
  organisationId?: string;
  /** Whether the caller's department's work needs parties' identity numbers and phones. */
  seesPersonalData: boolean;
}

export async function callerOf(d: PlatformDeps, p: Principal, s: MediationStructure | undefined): Promise<Caller> {
  const actor = p.kind === 'user' ? p.username : `dept.${p.departmentId}`;
  const inHubDept = s !== undefined && p.departmentId === s.hub.departmentId;
  const hub = hasRole(p, 'admin') || (inHubDept && (p.kind === 'department' || hasRole(p, HUB_ROLE)));
  const org = p.kind === 'user' && s ? organisationOfUser(s, p.username) : undefined;
  const dept = hub || org ? undefined : await getDepartment(d, p.departmentId);
  return {
    principal: p,
    actor,
    hub,
    ...(org ? { organisationId: org.id } : {}),
    seesPersonalData: hub || org !== undefined || (dept !== undefined && needsPersonalData(dept)),
  };
}

/** The mediator's organisation works the case now (dispatched to it, joint with it, or accepted by it). */
export function mayWork(c: Caller, mc: MediationCase): boolean {
  return c.hub || (c.organisationId !== undefined && organisationsOf(mc).includes(c.organisationId));
}

export function mayRead(c: Caller, mc: MediationCase): boolean {
  if (mayWork(c, mc)) return true;
  if (c.organisationId !== undefined && mc.dispatches.some((x) => x.organisationId === c.organisationId)) return true;
  // 领导包案: the responsible leader follows the case.
  if (mc.responsibleLeader !== undefined && mc.responsibleLeader === c.actor) return true;
  const dept = c.principal.departmentId;
  return mc.referral?.departmentId === dept || mc.confirmation?.courtDepartmentId === dept;
}

export function requireHub(c: Caller): void {
  if (!c.hub) throw new ForbiddenError('Only the mediation hub (调处中心) or an admin may do this.');
}
export function requireWork(c: Caller, mc: MediationCase): void {
  if (!mayWork(c, mc))
    throw new ForbiddenError('Only the hub or a mediator of the organisation working this case may do this.');
}
export function requireRead(c: Caller, mc: MediationCase): void {
  if (!mayRead(c, mc)) throw new ForbiddenError('This case is not visible to you.');
}

/** The role the clock policies' extension rules name (default-policies.ts). */
export function extensionRole(c: Caller): string {
  return c.hub ? 'hub-dispatcher' : 'mediator';
}
