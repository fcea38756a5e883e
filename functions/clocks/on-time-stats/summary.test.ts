import type { OnTimeCounter } from '@fazhi/platform/clocks/on-time';
import { describe, expect, it } from 'vitest';
import { NOTHING_DUE, summarise } from './summary';

const counter = (over: Partial<OnTimeCounter>): OnTimeCounter => ({
  day: '2026-11-20',
  departmentId: 'propaganda',
  kind: 'release',
  label: '权威信息发布',
  labelEn: 'Authoritative release',
  open: 0,
  onTime: 0,
  late: 0,
  ...over,
});

describe('summarise', () => {
  it('counts a clock not yet due as pending, not as unfinished, and leaves it out of the rate', () => {
    // Prepare: yesterday one met and one late; today and tomorrow two still running
    const counters = [
      counter({ day: '2026-11-21', onTime: 1, late: 1 }),
      counter({ day: '2026-11-22', open: 1 }),
      counter({ day: '2026-11-23', open: 1, kind: 'press-conference', label: '新闻发布会', labelEn: 'Press' }),
    ];
    // Act
    const s = summarise(counters, ['2026-11-21', '2026-11-22', '2026-11-23'], '2026-11-22');
    // Assess
    expect(s.byDepartment.get('propaganda')).toEqual({ total: 2, onTime: 1, late: 1, open: 0, pending: 2, rate: 0.5 });
    expect(s.trend.map((d) => [d.day, d.rate, d.pending])).toEqual([
      ['2026-11-21', 0.5, 0],
      ['2026-11-22', null, 1],
      ['2026-11-23', null, 1],
    ]);
    expect(s.byKind.map((k) => [k.kind, k.label, k.rate])).toEqual([
      ['release', '权威信息发布', 0.5],
      ['press-conference', '新闻发布会', null],
    ]);
  });

  it('counts a clock still open on a past day as unfinished', () => {
    const s = summarise([counter({ day: '2026-11-20', open: 1 })], ['2026-11-20'], '2026-11-22');
    expect(s.byDepartment.get('propaganda')).toMatchObject({ total: 1, open: 1, pending: 0, rate: null });
  });

  it('gives a department with nothing due no rate at all', () => {
    expect(NOTHING_DUE).toEqual({ total: 0, onTime: 0, late: 0, open: 0, pending: 0, rate: null });
  });
});
