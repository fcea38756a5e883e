// Duty rosters (值班表), one item per department: pk DEPT#<id>, sk ROSTER. A PUT replaces the whole
// roster under its version, so two clerks editing at once cannot overwrite each other.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Roster } from '@fazhi/domain/alerts/roster';
import { putVersioned, type TransactItem } from '@fazhi/platform/ddb/commit';
import type { PlatformDeps } from '@fazhi/platform/deps';
import { toCityIso } from '@fazhi/platform/events/envelope';
import * as z from 'zod';

export const rosterKey = (departmentId: string) => ({ pk: `DEPT#${departmentId}`, sk: 'ROSTER' });

export async function getRoster(d: PlatformDeps, departmentId: string): Promise<Roster | undefined> {
  const got = await d.ddb.send(
    new GetCommand({ TableName: d.tableName, Key: rosterKey(departmentId), ConsistentRead: true }),
  );
  if (!got.Item) return undefined;
  const { departmentId: id, head, shifts, version } = got.Item as unknown as Roster;
  return { departmentId: id, head, shifts, version };
}

/** Writes `next` (version n) only over version n − 1, or as the first roster when n = 1. */
export function putRoster(d: PlatformDeps, next: Roster): TransactItem {
  return putVersioned(d, { ...rosterKey(next.departmentId), type: 'roster', ...next });
}

export const rosterViewSchema = z.object({
  departmentId: z.string(),
  shifts: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      officer: z.string().describe('值班员'),
      leader: z.string().describe('带班领导'),
    }),
  ),
  head: z.string().describe('department head: the end of every escalation; empty when no roster was saved yet'),
  version: z.number().int().describe('send it back unchanged with your PUT; 0 when no roster was saved yet'),
});

export type RosterView = z.infer<typeof rosterViewSchema>;

export function rosterView(r: Roster): RosterView {
  return {
    departmentId: r.departmentId,
    shifts: r.shifts.map((s) => ({
      id: s.id,
      startsAt: toCityIso(s.startsAt),
      endsAt: toCityIso(s.endsAt),
      officer: s.officer,
      leader: s.leader,
    })),
    head: r.head,
    version: r.version,
  };
}
