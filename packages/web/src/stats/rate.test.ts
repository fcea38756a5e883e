import { describe, expect, it } from 'vitest';
import type { OnTimeStat } from '../api/types';
import { percentOf, rateText } from './rate';

const stat = (over: Partial<OnTimeStat>): OnTimeStat => ({
  departmentId: 'd',
  departmentName: '部门',
  total: 10,
  onTime: 9,
  late: 1,
  open: 0,
  pending: 0,
  rate: 0.9,
  ...over,
});

describe('percentOf', () => {
  it('reads a 0–1 rate as a fraction and a larger one as a percentage', () => {
    expect(percentOf(stat({ rate: 0.9 }))).toBeCloseTo(90);
    expect(percentOf(stat({ rate: 92.5 }))).toBe(92.5);
  });

  it('computes the rate from the counts when the server sent none', () => {
    expect(percentOf(stat({ rate: Number.NaN, onTime: 3, late: 1 }))).toBe(75);
  });

  it('has no rate when nothing came due, and says so with a dash rather than 0.0%', () => {
    const quiet = stat({ rate: null, total: 0, onTime: 0, late: 0, pending: 2 });
    expect(percentOf(quiet)).toBeUndefined();
    expect(rateText(quiet)).toBe('—');
    expect(rateText(stat({ rate: 0, onTime: 0, late: 1 }))).toBe('0.0%');
  });
});
