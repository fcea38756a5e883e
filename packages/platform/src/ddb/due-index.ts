// The sparse "due" index (gsi2) that the outbox, clocks and alerts share: an item is in it only
// while something about it is pending, under `<PREFIX>#<shard>` / `<instant, 15 digits>#<id>`.
// 16 shards keep a city's items off one hot partition; a sweep asks each shard only for what is
// due, so its cost follows what is due, not what is alive.
export const DUE_SHARDS = 16;

/** Epoch ms as a sortable 15-digit string (good until the year 33658). */
export function padMs(ms: number): string {
  return String(Math.max(0, Math.trunc(ms))).padStart(15, '0');
}

export function shardOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
}

export function dueIndexKey(prefix: string, id: string, instant: number): { gsi2pk: string; gsi2sk: string } {
  return { gsi2pk: `${prefix}#${shardOf(id)}`, gsi2sk: `${padMs(instant)}#${id}` };
}

/** Upper bound of a due query: every entry due at or before `now`. */
export const dueBound = (now: number) => `${padMs(now)}#~`;
