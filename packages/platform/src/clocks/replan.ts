// Running clocks recomputed on an admin's request — never silently:
// - a policy changed: list the running clocks still under an older version (with the due each
//   would get), then apply the re-plan to the ones the admin names;
// - a calendar year loaded: every clock whose due counted that year provisionally is recomputed,
//   and the answer lists those whose due moved.
// Running clocks are found through each department's board index (one Query per department and
// status, no Scan); an admin operation over a few dozen departments.
import { getClockPolicy } from '@fazhi/domain/clocks/index';
import { commit } from '../ddb/commit';
import type { PlatformDeps } from '../deps';
import { listDepartments } from '../repos/departments';
import { type ClockChange, replanClockChange } from './clock-changes';
import type { ClockRecord } from './clock-record';
import { departmentClocks } from './clock-store';
import { clockWrites } from './clock-writes';
import type { ClockRegistry } from './registry';
import { decideAgainOnConflict } from './transaction-retry';

export interface ReplanItem {
  clockId: string;
  policyId: string;
  departmentId: string;
  subject: ClockRecord['subject'];
  policyVersion: number;
  dueAt: number;
  newPolicyVersion: number;
  newDueAt: number;
}

async function liveClocks(d: PlatformDeps, keep: (r: ClockRecord) => boolean): Promise<ClockRecord[]> {
  const departments = await listDepartments(d, { fresh: true });
  const lists = await Promise.all(
    departments.flatMap((dept) => [departmentClocks(d, dept.id, 'running'), departmentClocks(d, dept.id, 'paused')]),
  );
  return lists.flat().filter(keep);
}

const itemOf = (c: ClockChange): ReplanItem => ({
  clockId: c.after.id,
  policyId: c.after.policyId,
  departmentId: c.after.departmentId,
  subject: c.after.subject,
  policyVersion: c.before?.policyVersion ?? c.after.policyVersion,
  dueAt: c.before?.dueAt ?? c.after.dueAt,
  newPolicyVersion: c.after.policyVersion,
  newDueAt: c.after.dueAt,
});

/** Running clocks of `policyId` under an older version than the one in force, with their new due. */
export async function replanCandidates(
  d: PlatformDeps,
  registry: ClockRegistry,
  policyId: string,
  now: number,
): Promise<ReplanItem[]> {
  const version = getClockPolicy(registry.policies, policyId).version;
  const clocks = await liveClocks(d, (r) => r.policyId === policyId && r.policyVersion < version);
  return clocks.map((r) => itemOf(replanClockChange(r, { at: now, cause: 'policy' }, registry)));
}

/** Re-plans the named clocks (each in its own transaction, re-read on a conflict). */
export async function applyReplans(
  d: PlatformDeps,
  registry: ClockRegistry,
  policyId: string,
  clockIds: readonly string[],
  now: number,
): Promise<ReplanItem[]> {
  const wanted = new Set(clockIds);
  const candidates = await liveClocks(d, (r) => r.policyId === policyId && wanted.has(r.id));
  return commitEach(d, candidates, (r) => replanClockChange(r, { at: now, cause: 'policy' }, registry));
}

/** After a calendar year was loaded: recomputes the clocks that counted it provisionally. */
export async function recomputeProvisional(
  d: PlatformDeps,
  registry: ClockRegistry,
  year: number,
  now: number,
): Promise<ReplanItem[]> {
  const clocks = await liveClocks(d, (r) => (r.provisionalYears ?? []).includes(year));
  const moved = await commitEach(d, clocks, (r) => replanClockChange(r, { at: now, cause: 'calendar' }, registry));
  return moved.filter((m) => m.newDueAt !== m.dueAt);
}

async function commitEach(
  d: PlatformDeps,
  clocks: readonly ClockRecord[],
  decide: (r: ClockRecord) => ClockChange,
): Promise<ReplanItem[]> {
  const out: ReplanItem[] = [];
  for (const clock of clocks) {
    await decideAgainOnConflict(async () => {
      const change = decide(clock);
      if (change.events.length === 0) return;
      const { writes, events } = clockWrites(d, [change]);
      await commit(d, writes, events);
      out.push(itemOf(change));
    });
  }
  return out;
}
