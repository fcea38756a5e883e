import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLive, type KeyEntry, MAX_LIVE_KEYS, planKeyRotation } from './key-set';

const HOUR = 3600_000;

/** Runs rotations in series from an empty set, as the platform applies them. */
function rotateAll(graces: number[]): { keys: KeyEntry[]; now: number } {
  let keys: KeyEntry[] = [];
  let now = 1_000_000;
  graces.forEach((g, i) => {
    now += 60_000;
    keys = planKeyRotation(keys, { keyId: `k${i}`, createdAt: now }, now, g * HOUR).keys;
  });
  return { keys, now };
}

describe('planKeyRotation', () => {
  it('never holds more than MAX_LIVE_KEYS, the new key first and current, the rest expiring', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 24, 168), { minLength: 1, maxLength: 200 }), (graces) => {
        const { keys, now } = rotateAll(graces);
        expect(keys.length).toBeLessThanOrEqual(MAX_LIVE_KEYS);
        expect(keys[0]).toEqual({ keyId: `k${graces.length - 1}`, createdAt: now });
        expect(keys.slice(1).every((k) => k.expiresAt !== undefined && k.expiresAt > now)).toBe(true);
      }),
    );
  });

  it('graceMs 0 revokes every other live key at once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1, 24), { maxLength: 50 }), (graces) => {
        const { keys, now } = rotateAll(graces);
        const r = planKeyRotation(keys, { keyId: 'new', createdAt: now + 1 }, now + 1, 0);
        expect(r.keys).toEqual([{ keyId: 'new', createdAt: now + 1 }]);
        expect(r.changed.map((k) => k.keyId).sort()).toEqual(keys.map((k) => k.keyId).sort());
        expect(r.changed.every((k) => k.expiresAt === now + 1)).toBe(true);
      }),
    );
  });

  it('changes at most the keys that were live, and drops those already expired', () => {
    const now = 10 * HOUR;
    const set: KeyEntry[] = [
      { keyId: 'old', createdAt: 1, expiresAt: now - 1 },
      { keyId: 'graced', createdAt: 2, expiresAt: now + HOUR },
      { keyId: 'current', createdAt: 3 },
    ];
    const r = planKeyRotation(set, { keyId: 'new', createdAt: now }, now, 24 * HOUR);
    expect(r.pruned).toEqual(['old']);
    // The current key gets 24 h; the key already in its grace is revoked now.
    expect(r.changed).toEqual([
      { keyId: 'current', createdAt: 3, expiresAt: now + 24 * HOUR },
      { keyId: 'graced', createdAt: 2, expiresAt: now },
    ]);
    expect(r.keys.map((k) => k.keyId)).toEqual(['new', 'current']);
    expect(r.keys.every((k) => isLive(k, now))).toBe(true);
  });

  it('keeps only the key it replaces in a grace, and revokes the earlier ones at once', () => {
    const now = 10 * HOUR;
    const set: KeyEntry[] = [
      { keyId: 'a', createdAt: 1, expiresAt: now + HOUR },
      { keyId: 'b', createdAt: 2, expiresAt: now + HOUR },
      { keyId: 'c', createdAt: 3 },
    ];
    const r = planKeyRotation(set, { keyId: 'new', createdAt: now }, now, HOUR);
    expect(r.keys.map((k) => k.keyId)).toEqual(['new', 'c']);
    expect(r.changed).toContainEqual({ keyId: 'a', createdAt: 1, expiresAt: now });
    expect(r.changed).toContainEqual({ keyId: 'b', createdAt: 2, expiresAt: now });
  });
});
