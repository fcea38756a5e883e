// The names people are called by (the person directory's displayName), for the usernames an alert
// names: its recipients and who acknowledged it. A page shows 王建国, not propaganda.duty; a
// username the directory does not know is shown as it is.
import type { PlatformDeps } from '@fazhi/platform/deps';
import { departmentPeople, findPerson } from '@fazhi/platform/repos/people';

export type NameOf = (username: string) => string;

/** One query for the department's people, one lookup for each other username (a deputy, a leader). */
export async function personNames(d: PlatformDeps, departmentId: string, usernames: Iterable<string>): Promise<NameOf> {
  const names = new Map<string, string>();
  for (const [u, p] of await departmentPeople(d, departmentId)) names.set(u, p.displayName);
  const others = [...new Set(usernames)].filter((u) => !names.has(u));
  const found = await Promise.all(others.map((u) => findPerson(d, u)));
  found.forEach((p, i) => {
    if (p) names.set(others[i]!, p.displayName);
  });
  return (u) => names.get(u) ?? u;
}
