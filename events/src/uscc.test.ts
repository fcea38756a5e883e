import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, USCC_CHARSET, usccCheckChar, usccSchema } from './uscc';

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''));
const first17 = fc.array(charsetChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
const validCode = first17.map((head) => `${head}${usccCheckChar(head)}`);

describe('usccSchema (GB 32100-2015)', () => {
  it('accepts codes printed on real business licences (check characters verified by hand)', () => {
    // Prepare
    const codes = [
      '91350100M000100Y43',
      '914403001922038216',
      '9144030071526726XG',
      '91110108551385082Q',
      '91330100716105852F',
    ];
    // Act
    const results = codes.map((code) => usccSchema.safeParse(code).success);
    // Assess
    expect(results).toEqual(codes.map(() => true));
  });

  it('computes the check character of the GB 32100 example by the weights', () => {
    // Prepare: Σ value×weight over 91350100M000100Y4 is 1640; 1640 mod 31 = 28; 31 − 28 = 3
    const head = '91350100M000100Y4';
    // Act
    const check = usccCheckChar(head);
    // Assess
    expect(check).toBe('3');
  });

  it('maps a check value of 31 to 0', () => {
    // Prepare: all zeros sums to 0, so 31 − 0 = 31 → '0'
    const head = '00000000000000000';
    // Act
    const check = usccCheckChar(head);
    // Assess
    expect(check).toBe('0');
  });

  it('rejects wrong length, lower case and letters outside the charset', () => {
    // Prepare
    const bad = ['91350100M000100Y4', '91350100M000100Y433', '91350100m000100y43', '91350100I000100Y43', ''];
    // Act
    const results = bad.map((code) => usccSchema.safeParse(code).success);
    // Assess
    expect(results).toEqual(bad.map(() => false));
  });

  it('reports one clear issue for a bad check character', () => {
    // Prepare
    const code = '91350100M000100Y44';
    // Act
    const result = usccSchema.safeParse(code);
    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toContain('check character');
  });

  it('accepts every code whose check character is computed by the weights', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        // Act / Assess
        expect(usccSchema.safeParse(code).success).toBe(true);
      }),
    );
  });

  it('rejects every code with exactly one character changed', () => {
    const anyReplacement = fc.oneof(charsetChar, fc.constantFrom('I', 'O', 'S', 'V', 'Z', 'a', '-', ' ', '０'));
    fc.assert(
      fc.property(validCode, fc.nat({ max: 17 }), anyReplacement, (code, index, replacement) => {
        // Prepare
        fc.pre(code.charAt(index) !== replacement);
        const changed = code.slice(0, index) + replacement + code.slice(index + 1);
        // Act / Assess
        expect(isValidUscc(changed)).toBe(false);
        expect(usccSchema.safeParse(changed).success).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects arbitrary strings that are not 18 charset characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        fc.pre(!/^[0-9A-HJ-NP-RT-UW-Y]{18}$/.test(text));
        expect(usccSchema.safeParse(text).success).toBe(false);
      }),
    );
  });
});
