import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_CHARS, toCdkEventPattern } from './event-pattern';

describe('toCdkEventPattern', () => {
  it('renames detail-type and passes every other field through unchanged', () => {
    // Prepare
    const pattern = {
      source: ['fazhi.clocks'],
      'detail-type': [{ prefix: 'Clock.' }],
      detail: { data: { level: [{ numeric: ['>=', 2] }] } },
    };

    // Act
    const out = toCdkEventPattern(pattern, 'test');

    // Assess
    expect(out).toEqual({
      source: ['fazhi.clocks'],
      detailType: [{ prefix: 'Clock.' }],
      detail: { data: { level: [{ numeric: ['>=', 2] }] } },
    });
  });

  it.each([
    [{ detail_type: ['X'] }, /not an EventBridge event field/],
    [{ source: 'fazhi.clocks' }, /must be an array or an object/],
    [{}, /would match every event/],
    [{ 'detail-type': [] }, /empty array/],
    [{ detail: { data: { departmentId: [] } } }, /pattern\.detail\.data\.departmentId is an empty array/],
    [{ 'detail-type': Array.from({ length: 200 }, (_, i) => `Aggregate${i}.Happened`) }, /over EventBridge's 2048/],
  ])('refuses %j at synth', (pattern, message) => {
    // Act
    const act = () => toCdkEventPattern(pattern, 'fx-sub');

    // Assess
    expect(act).toThrow(message);
    expect(act).toThrow(/^fx-sub: /);
  });

  it('accepts a pattern of exactly the size limit', () => {
    // Prepare
    const base = JSON.stringify({ source: [''] }).length;
    const pattern = { source: ['x'.repeat(MAX_PATTERN_CHARS - base)] };

    // Act
    const act = () => toCdkEventPattern(pattern, 'fx-sub');

    // Assess
    expect(JSON.stringify(pattern)).toHaveLength(MAX_PATTERN_CHARS);
    expect(act).not.toThrow();
  });
});
