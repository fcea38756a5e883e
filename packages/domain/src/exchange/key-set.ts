// A department's set of live API keys and what a rotation does to it. Pure: the platform reads the
// set (one head item per department), asks this what the rotation changes, and writes the new head,
// the new key and only the keys whose expiry changes — a handful of items whatever the history.
//
// Rules (README, "API keys"):
// - at most MAX_LIVE_KEYS keys are live at once: the current key and the one it replaced, still in
//   a grace period (issue 7: concurrent rotations leave one new key live, plus the previous one only
//   when a grace was asked; a third key would be a leaked key's way to outlive two rotations);
// - a rotation with a grace makes the current key expire after the grace (a key already due to
//   expire sooner keeps its earlier instant) and revokes at once a key already in its grace;
// - `graceMs = 0` revokes every other key at once;
// - keys whose expiry has passed are dropped from the set (their items are deleted by TTL).

export const MAX_LIVE_KEYS = 2;

export interface KeyEntry {
  keyId: string;
  createdAt: number;
  /** Absent for the current key; the instant the key stops working otherwise. */
  expiresAt?: number;
}

export interface KeyRotation {
  /** The live keys after the rotation, newest first; the first is the new key. */
  keys: KeyEntry[];
  /** Keys that were live and now expire at a new instant (`now` for a revocation). */
  changed: KeyEntry[];
  /** Keys whose expiry had passed before the rotation: dropped from the set, nothing to write. */
  pruned: string[];
}

export function isLive(k: KeyEntry, now: number): boolean {
  return k.expiresAt === undefined || k.expiresAt > now;
}

export function planKeyRotation(
  current: readonly KeyEntry[],
  fresh: KeyEntry,
  now: number,
  graceMs: number,
  max = MAX_LIVE_KEYS,
): KeyRotation {
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError(`grace must be a non-negative number: ${graceMs}`);
  if (max < 1) throw new RangeError(`at least one key must stay live: ${max}`);
  const live = current
    .filter((k) => isLive(k, now))
    .sort((a, b) => b.createdAt - a.createdAt || (a.keyId < b.keyId ? 1 : -1));
  const pruned = current.filter((k) => !isLive(k, now)).map((k) => k.keyId);
  const until = now + graceMs;
  const kept: KeyEntry[] = [];
  const changed: KeyEntry[] = [];
  live.forEach((k, i) => {
    const keep = graceMs > 0 && i < max - 1;
    const expiresAt = keep ? Math.min(k.expiresAt ?? until, until) : now;
    if (keep) kept.push({ ...k, expiresAt });
    if (expiresAt !== k.expiresAt) changed.push({ ...k, expiresAt });
  });
  return { keys: [{ keyId: fresh.keyId, createdAt: fresh.createdAt }, ...kept], changed, pruned };
}
