// Who may stand on a department's roster: its own people (the duty directory, platform/repos/people)
// and the deputies from other departments the city names on the department record.
import {
  assertRosterPeople,
  type RosterInput,
  type RosterPersonStanding,
  rosterUsernames,
} from '@fazhi/domain/alerts/roster';
import type { PlatformDeps } from '@fazhi/platform/deps';
import type { DepartmentRecord } from '@fazhi/platform/repos/departments';
import { departmentPeople, departmentsOfPerson } from '@fazhi/platform/repos/people';

/** Outsiders looked up one by one to tell "another department's" from "nobody's"; beyond, "unknown". */
const MAX_LOOKUPS = 50;

export async function checkRosterPeople(
  d: PlatformDeps,
  department: DepartmentRecord,
  input: Pick<RosterInput, 'head' | 'shifts'>,
): Promise<void> {
  const members = await departmentPeople(d, department.id);
  const deputies = new Set(department.rosterDeputies ?? []);
  const outsiders = rosterUsernames(input).filter((u) => !members.has(u));
  const homes = new Map(
    await Promise.all(outsiders.slice(0, MAX_LOOKUPS).map(async (u) => [u, await departmentsOfPerson(d, u)] as const)),
  );
  const standing = (u: string): RosterPersonStanding => {
    if (members.has(u)) return 'member';
    const home = homes.get(u) ?? [];
    if (home.length === 0) return 'unknown';
    return deputies.has(u) ? 'deputy' : 'foreign';
  };
  assertRosterPeople(input, department.id, standing);
}
