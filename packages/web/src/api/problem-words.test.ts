// Every field code the clock engine can answer reads as Chinese on a Chinese page: the codes are
// taken from the engine's source, so a code added there without words here fails this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldMessageZh } from './problem-words';

const ENGINE = new URL('../../../domain/src/clocks/clock-state.ts', import.meta.url);
const codes = [...new Set([...readFileSync(ENGINE, 'utf8').matchAll(/code: '([a-z-]+)'/g)].map((m) => m[1]!))];

describe('fieldMessageZh for the clock engine’s codes', () => {
  it('finds the engine’s codes', () => {
    expect(codes).toEqual(expect.arrayContaining(['out-of-bounds', 'not-accepted']));
  });

  it.each(codes)('words %s in Chinese, without the English message', (code) => {
    // Act
    const text = fieldMessageZh({ path: 'period.duration', code, message: 'must be at most P60D' });
    // Assess
    expect(text).not.toBe('此项填写有误');
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(text).not.toMatch(/[A-Za-z]/);
  });
});
