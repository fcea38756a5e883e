import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextClock } from './clock-pick';
import type { CaseClock } from './mediation-api';

const clock = (key: string, status: CaseClock['status'], dueAt: string, metAt?: string): CaseClock => ({
  key,
  id: key,
  policyId: 'mediation.default',
  label: key,
  departmentId: 'justice',
  status,
  startedAt: '2026-12-01T09:00:00+08:00',
  dueAt,
  provisional: false,
  ...(metAt ? { metAt } : {}),
  extensions: 0,
  pauses: 0,
});

describe('the clock a case row shows', () => {
  it('is the earliest that still asks for action, a breached one included', () => {
    // Prepare
    const clocks = [
      clock('limit', 'running', '2027-01-01T23:59:59+08:00'),
      clock('dispatch-1', 'met', '2026-12-02T23:59:59+08:00', '2026-12-02T10:00:00+08:00'),
      clock('respondent', 'breached', '2026-12-07T23:59:59+08:00'),
      clock('visit', 'cancelled', '2026-12-03T23:59:59+08:00'),
    ];
    // Act / Assess
    expect(nextClock(clocks)?.key).toBe('respondent');
    expect(nextClock(clocks.filter((k) => k.key !== 'respondent'))?.key).toBe('limit');
    expect(nextClock([clocks[1]!, clocks[3]!])).toBeUndefined();
  });

  it('never picks a met or cancelled clock, and never one due later than another that asks (property)', () => {
    const status = fc.constantFrom<CaseClock['status']>('running', 'paused', 'met', 'breached', 'cancelled');
    fc.assert(
      fc.property(fc.array(fc.tuple(status, fc.integer({ min: 0, max: 1e9 })), { maxLength: 8 }), (rows) => {
        const clocks = rows.map(([s, t], i) => clock(`k${i}`, s, new Date(1.8e12 + t * 1000).toISOString()));
        const asking = clocks.filter((k) => k.status !== 'met' && k.status !== 'cancelled');
        const picked = nextClock(clocks);
        if (asking.length === 0) expect(picked).toBeUndefined();
        else {
          expect(asking).toContain(picked);
          for (const k of asking) expect(Date.parse(picked!.dueAt)).toBeLessThanOrEqual(Date.parse(k.dueAt));
        }
      }),
    );
  });
});
