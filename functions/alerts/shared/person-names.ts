// The names people are called by (the person directory's displayName), for the usernames an alert
// names: its recipients and who acknowledged it. A page shows 王建国, not propaganda.duty; a
// username the directory does not know is shown as it is.
import type { PlatformDeps } from '@fazhi/platform/deps';
import { displayNames } from '@fazhi/platform/repos/people';

export type NameOf = (username: string) => string;

/** One query for the department's people, one lookup for each other username (a deputy, a leader). */
export async function personNames(d: PlatformDeps, departmentId: string, usernames: Iterable<string>): Promise<NameOf> {
  const names = await displayNames(d, [departmentId], usernames);
  return (u) => names.get(u) ?? u;
}
