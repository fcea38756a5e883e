// Where clocks live in the one table (table-definition.ts):
//   pk CLOCK#<id>, sk CLOCK                     the clock's state
//   gsi2 CLOCKDUE#<shard> / <next due>#<id>     sparse due index: only clocks with something pending
//   gsi1 DEPTCLOCKS#<dept> / <status>#<due>#<id> the department's board, by status then due instant
// The due index is split in 16 shards so a city's clocks never crowd one partition; the sweeper
// asks every shard only for what is due, so its cost follows the clocks due, not the clocks alive.
import type { ClockStatus } from '@fazhi/domain/clocks/index';

export const CLOCK_SHARDS = 16;

export const clockKey = (id: string) => ({ pk: `CLOCK#${id}`, sk: 'CLOCK' });

/** Epoch ms as a sortable 15-digit string (good until the year 33658). */
export function padMs(ms: number): string {
  return String(Math.max(0, Math.trunc(ms))).padStart(15, '0');
}

export function clockShardOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % CLOCK_SHARDS;
}

export const dueShardKey = (shard: number) => `CLOCKDUE#${shard}`;

export function dueIndexKey(id: string, instant: number) {
  return { gsi2pk: dueShardKey(clockShardOf(id)), gsi2sk: `${padMs(instant)}#${id}` };
}

/** Upper bound of a due query: every entry due at or before `now`. */
export const dueBound = (now: number) => `${padMs(now)}#~`;

export const boardPartition = (departmentId: string) => `DEPTCLOCKS#${departmentId}`;

export function boardIndexKey(departmentId: string, status: ClockStatus, dueAt: number, id: string) {
  return { gsi1pk: boardPartition(departmentId), gsi1sk: `${status}#${padMs(dueAt)}#${id}` };
}
