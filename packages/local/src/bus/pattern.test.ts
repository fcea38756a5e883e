import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError } from './pattern';

const ev = (over: Record<string, unknown> = {}) => ({
  source: 'dept.psb',
  'detail-type': 'EnforcementLead.Shared',
  detail: { meta: { eventId: '01' }, data: { level: 'II', score: 7, tags: ['a', 'b'] } },
  ...over,
});

describe('event pattern subset', () => {
  it.each([
    [{ source: ['dept.psb'] }, true],
    [{ source: ['dept.samr'] }, false],
    [{ source: [{ prefix: 'dept.' }] }, true],
    [{ source: [{ prefix: 'fazhi.' }] }, false],
    [{ 'detail-type': [{ 'anything-but': ['Clock.Breached'] }] }, true],
    [{ 'detail-type': [{ 'anything-but': 'EnforcementLead.Shared' }] }, false],
    [{ detail: { data: { level: ['I', 'II'] } } }, true],
    [{ detail: { data: { level: ['III'] } } }, false],
    [{ detail: { data: { tags: ['b'] } } }, true],
    [{ detail: { data: { missing: [{ exists: false }] } } }, true],
    [{ detail: { data: { level: [{ exists: true }] } } }, true],
    [{ detail: { data: { score: [{ numeric: ['>', 5, '<=', 7] }] } } }, true],
    [{ detail: { data: { score: [{ numeric: ['<', 5] }] } } }, false],
    [{ source: ['dept.psb'], detail: { data: { level: ['III'] } } }, false],
  ])('%j matches: %s', (pattern, expected) => {
    expect(compilePattern(pattern)(ev())).toBe(expected);
  });

  it.each([
    [{ source: [{ suffix: '.psb' }] }],
    [{ source: [{ wildcard: 'dept.*' }] }],
    [{ source: [{ 'equals-ignore-case': 'DEPT.PSB' }] }],
    [{ $or: [{ source: ['a'] }, { source: ['b'] }] }],
    [{ source: [{ 'anything-but': { prefix: 'x' } }] }],
    [{ source: [] }],
    [{ source: 'dept.psb' }],
    [{}],
  ])('refuses %j at start', (pattern) => {
    expect(() => compilePattern(pattern as Record<string, unknown>)).toThrow(PatternError);
  });

  it('an exact-value pattern matches exactly the events carrying one of its values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }),
        fc.string(),
        (values, source) => {
          expect(compilePattern({ source: values })(ev({ source }))).toBe(values.includes(source));
        },
      ),
    );
  });

  it('prefix agrees with String.startsWith and anything-but is its negation of exact match', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (prefix, source) => {
        expect(compilePattern({ source: [{ prefix }] })(ev({ source }))).toBe(source.startsWith(prefix));
        expect(compilePattern({ source: [{ 'anything-but': [prefix] }] })(ev({ source }))).toBe(source !== prefix);
      }),
    );
  });
});
