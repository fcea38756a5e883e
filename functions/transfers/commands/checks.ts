// What the service checks before the domain decides: roles inside a department (the head approves),
// and that a department named in a body is of the kind the step needs (a transfer goes to public
// security and is copied to a procuratorate; a prosecution goes before a court).
import type { TransferCommand } from '@fazhi/domain/transfers/transfer-state';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { ValidationError } from '@fazhi/platform/errors';
import { getDepartment } from '@fazhi/platform/repos/departments';
import { type Caller, requireHead } from '../shared/access';

const KIND_NAMES: Record<string, string> = {
  'public-security': '公安机关',
  procuratorate: '人民检察院',
  court: '人民法院',
};

/** The departments the command names, each with the kind it must be. */
function namedDepartments(cmd: TransferCommand): [path: string, id: string, kind: string][] {
  switch (cmd.type) {
    case 'Transfer':
      return [
        ['policeDepartmentId', cmd.policeDepartmentId, 'public-security'],
        ['procuratorateDepartmentId', cmd.procuratorateDepartmentId, 'procuratorate'],
      ];
    case 'PassOn':
      return cmd.toKind === 'police' ? [['toDepartmentId', cmd.toDepartmentId, 'public-security']] : [];
    case 'DecideProsecution':
      return cmd.prosecuted && cmd.courtDepartmentId ? [['courtDepartmentId', cmd.courtDepartmentId, 'court']] : [];
    case 'ReferDutyCrimeClue':
      return cmd.toKind === 'procuratorate' ? [['toDepartmentId', cmd.toDepartmentId, 'procuratorate']] : [];
    default:
      return [];
  }
}

export async function checkCommand(d: PlatformDeps, caller: Caller, cmd: TransferCommand): Promise<void> {
  if (cmd.type === 'DecideApproval') requireHead(caller);
  const wrong: { path: string; code: string; message: string }[] = [];
  for (const [path, id, kind] of namedDepartments(cmd)) {
    const dept = await getDepartment(d, id);
    if (!dept?.kinds.includes(kind as never))
      wrong.push({ path, code: 'wrong-department-kind', message: `${id} 不是${KIND_NAMES[kind]}` });
  }
  if (wrong.length > 0) throw new ValidationError('所选单位不符合该步骤的要求。', wrong);
}
