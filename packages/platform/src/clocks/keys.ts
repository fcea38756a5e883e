// Where clocks live in the one table (table-definition.ts):
//   pk CLOCK#<id>, sk CLOCK                     the clock's state
//   gsi2 CLOCKDUE#<shard> / <next due>#<id>     sparse due index: only clocks with something pending
//   gsi1 DEPTCLOCKS#<dept> / <status>#<due>#<id> the department's board, by status then due instant
// The due index is the shared sparse one (ddb/due-index.ts).
import type { ClockStatus } from '@fazhi/domain/clocks/index';
import { DUE_SHARDS, padMs, shardOf, dueIndexKey as sharedDueIndexKey } from '../ddb/due-index';

export { dueBound, padMs } from '../ddb/due-index';
export const CLOCK_SHARDS = DUE_SHARDS;
export const clockShardOf = shardOf;

export const clockKey = (id: string) => ({ pk: `CLOCK#${id}`, sk: 'CLOCK' });

export const dueShardKey = (shard: number) => `CLOCKDUE#${shard}`;

export const dueIndexKey = (id: string, instant: number) => sharedDueIndexKey('CLOCKDUE', id, instant);

export const boardPartition = (departmentId: string) => `DEPTCLOCKS#${departmentId}`;

export function boardIndexKey(departmentId: string, status: ClockStatus, dueAt: number, id: string) {
  return { gsi1pk: boardPartition(departmentId), gsi1sk: `${status}#${padMs(dueAt)}#${id}` };
}
