import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { ChainVerifier, extendChain, GENESIS_HASH } from './chain';

const events = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ eventId: `e${i}`, digest: `${i}`.padStart(64, '0') }));

function verify(
  entries: ReturnType<typeof extendChain>,
  digests: Map<string, string>,
  head: { seq: number; hash: string },
) {
  const v = new ChainVerifier();
  for (const e of entries) v.feed(e, digests.get(e.eventId) ?? null);
  return v.finish(head);
}

describe('hash chain', () => {
  it('verifies any untouched chain and names the first tampered entry of any chain', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.constantFrom('alter-entry', 'remove-entry', 'alter-event', 'remove-event'),
        (n, pick, how) => {
          const evs = events(n);
          const chain = extendChain({ seq: 0, hash: GENESIS_HASH }, evs);
          const digests = new Map(evs.map((e) => [e.eventId, e.digest]));
          const head = { seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash };
          expect(verify(chain, digests, head).ok).toBe(true);
          const i = pick % n;
          const copy = chain.map((e) => ({ ...e }));
          if (how === 'alter-entry') copy[i]!.digest = 'x';
          if (how === 'remove-entry') copy.splice(i, 1);
          if (how === 'alter-event') digests.set(evs[i]!.eventId, 'y');
          if (how === 'remove-event') digests.delete(evs[i]!.eventId);
          const report = verify(copy, digests, head);
          expect(report.ok).toBe(false);
          expect(report.problem!.seq).toBe(i + 1);
        },
      ),
    );
  });

  it('continues a chain from its head', () => {
    const a = extendChain({ seq: 0, hash: GENESIS_HASH }, events(3));
    const b = extendChain({ seq: 3, hash: a[2]!.hash }, [{ eventId: 'x', digest: 'd' }]);
    expect(b[0]).toMatchObject({ seq: 4, prevHash: a[2]!.hash });
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});
