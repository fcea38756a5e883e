// The edge's parsers under fast-check: any target, any header, any parameter is either accepted or
// refused with a 400 BadRequestError — never another exception (which would be a 500).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BadRequestError } from '../errors';
import { classifyAddress } from '../net-address';
import { checkHeaders, checkParams, checkTarget, MAX_PATH_BYTES, ulidParam } from './edge';

const refusedOr = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestError);
    expect((e as BadRequestError).status).toBe(400);
    return 'refused';
  }
};

describe('checkTarget', () => {
  it('accepts or refuses with 400 any target, whatever its bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => {
        refusedOr(() => checkTarget(s));
        refusedOr(() => checkTarget(`/${s}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every escaped string within the bound, and keeps the path raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const path = `/v1/x/${encodeURIComponent(s)}`;
        expect(checkTarget(`${path}?q=${encodeURIComponent(s)}`).path).toBe(path);
      }),
    );
  });

  it.each([
    ['/v1/alerts/%zz/ack'],
    ['/v1/%'],
    ['/v1/%4'],
    ['/v1/%C0%AF'],
    ['/v1/%ED%A0%80'],
    ['/v1/a b'],
    ['/v1/?x=%zz'],
    [`/${'a'.repeat(MAX_PATH_BYTES)}`],
    ['http://evil/v1'],
    ['*'],
  ])('refuses %s', (t) => {
    expect(refusedOr(() => checkTarget(t))).toBe('refused');
  });
});

describe('checkHeaders and checkParams', () => {
  it('refuse with 400, never otherwise', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string({ maxLength: 12_000 })), (h) => {
        refusedOr(() => checkHeaders(h));
        refusedOr(() => checkParams(z.object({ id: ulidParam }), h));
      }),
      { numRuns: 300 },
    );
  });
});

describe('classifyAddress', () => {
  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
  it('classes every IPv4-mapped address as mapped, and every 10/8 address as private', () => {
    fc.assert(
      fc.property(v4, fc.nat(255), fc.nat(255), fc.nat(255), (a, x, y, z) => {
        expect(classifyAddress(`::ffff:${a}`)).toBe('ipv4-mapped');
        expect(classifyAddress(`10.${x}.${y}.${z}`)).toBe('private');
        expect(classifyAddress(`127.${x}.${y}.${z}`)).toBe('loopback');
        expect(classifyAddress(`100.${64 + (x % 64)}.${y}.${z}`)).toBe('cgnat');
      }),
    );
  });
});
