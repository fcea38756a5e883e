import * as z from 'zod';

// 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set (no I, O, S, V, Z). The
// 18th is a check character over the first 17: weights 3^i mod 31, check value 31 − (Σ mod 31),
// where 31 wraps to 0. Because 31 is prime and no weight is 0 mod 31, any single wrong character
// changes the check value — the property the tests rely on.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const USCC_SHAPE = /^[0-9A-HJ-NP-RT-UW-Y]{18}$/;

/** The check character for the first 17 characters, or `undefined` when they are not 17 charset characters. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET.charAt(check === 31 ? 0 : check);
}

/** Upper case only: a lower-case code is a transcription the sender must fix, not guess. */
export function isValidUscc(code: string): boolean {
  return USCC_SHAPE.test(code) && usccCheckChar(code.slice(0, 17)) === code.charAt(17);
}

export const usccSchema = z
  .string()
  .regex(USCC_SHAPE, {
    message: '统一社会信用代码: 18 characters from 0-9 and A-Z without I, O, S, V, Z (upper case)',
    abort: true,
  })
  .refine((code) => isValidUscc(code), { message: '统一社会信用代码: check character does not match (GB 32100-2015)' })
  .describe('统一社会信用代码 (unified social credit code, GB 32100-2015)');
