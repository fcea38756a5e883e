// Who sees and works transfer cases (issue 10, access): an agency its own transfers; public security
// what was transferred to it (also after passing it on); the court the cases prosecuted before it;
// the procuratorate everything in its region — a deployment is one city or county and departments
// carry no region, so every case of the deployment; admins everything. A case the caller may not see
// answers 404 (it does not exist for them). Which party posts a command is the domain's
// (COMMAND_PARTY, refused with 403 `not-your-step`); roles inside a department are checked here.
import type { TransferCase } from '@fazhi/domain/transfers/transfer-types';
import { hasRole, type Principal } from '@fazhi/platform/auth/principal';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ForbiddenError, NotFoundError } from '@fazhi/platform/errors';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { departmentsOf } from './case-store';

/** The agency head (负责人) decides on the transfer report (Art. 5); the demo city's heads carry it. */
export const HEAD_ROLE = 'dept-head';

export interface Caller {
  principal: Principal;
  /** The username, or `dept.<id>` for a department system. */
  actor: string;
  departmentId: string;
  kinds: readonly string[];
  /** Sees every case: admins, and procuratorates. */
  seesAll: boolean;
}

export async function callerOf(d: PlatformDeps, p: Principal): Promise<Caller> {
  const dept = await getDepartment(d, p.departmentId);
  const kinds = dept?.kinds ?? [];
  return {
    principal: p,
    actor: p.kind === 'user' ? p.username : `dept.${p.departmentId}`,
    departmentId: p.departmentId,
    kinds,
    seesAll: hasRole(p, 'admin') || kinds.includes('procuratorate'),
  };
}

export function mayRead(c: Caller, tc: TransferCase): boolean {
  return c.seesAll || departmentsOf(tc).includes(c.departmentId);
}

export function requireRead(c: Caller, tc: TransferCase): void {
  if (!mayRead(c, tc)) throw new NotFoundError(`Transfer case ${tc.id}`);
}

/** Only an enforcement agency reports a suspected crime for transfer. */
export function requireAgency(c: Caller): void {
  if (!c.kinds.includes('enforcement')) throw new ForbiddenError('只有行政执法机关可以报告移送涉嫌犯罪案件。');
}

/** The head decides; the agency's own system may record the head's decision made in it. */
export function requireHead(c: Caller): void {
  if (c.principal.kind === 'user' && !hasRole(c.principal, HEAD_ROLE))
    throw new ForbiddenError('移送审批应由行政执法机关负责人作出。', 'head-required');
}
