import { describe, expect, it } from 'vitest';
import { packagedCalendar } from '../clocks/calendar';
import type { ClockState } from '../clocks/clock-state';
import { applyIntents } from '../transfers/test-fixtures';
import { arrearsCandidate, paymentClockIntent, paymentDueAt, type SmeContract } from './sme-payment';
import { at, COMPANY_CODE, END, iso, SUBJECT_CODE } from './test-fixtures';

const contract = (over: Partial<SmeContract> = {}): SmeContract => ({
  contractNo: 'HT-2026-088',
  payerCode: SUBJECT_CODE,
  payerName: '某区住建委',
  supplierName: '某建材有限公司',
  deliveredAt: at('2026-09-01T15:00'),
  amountFen: 1_000_000,
  ...over,
});

function engineDue(c: SmeContract): number {
  const clocks = new Map<string, ClockState>();
  applyIntents(clocks, [paymentClockIntent(c, '合同')], at('2026-09-01T16:00'), 'c');
  return (clocks.get('payment') as ClockState).dueAt;
}

describe('SME payment clocks (条例 Art. 9)', () => {
  it('30 days from delivery by default; a last day in the National Day holiday rolls', () => {
    // 1 Sep + 30 days = 1 Oct 2026, a holiday: the due rolls to the end of the next working day.
    const due = paymentDueAt(contract(), packagedCalendar);
    expect(due).toBeGreaterThan(at('2026-10-01T23:59:59.999'));
    expect(due).toBe(engineDue(contract()));
    expect(paymentClockIntent(contract(), 'x')).toMatchObject({ policyId: 'integrity.sme-payment' });
  });

  it('a contract term of up to 60 days is a decided period; 61 is refused', () => {
    const c = contract({ paymentTermDays: 60 });
    expect(paymentClockIntent(c, '合同约定')).toMatchObject({
      policyId: 'integrity.sme-payment-contract',
      period: { duration: 'P60D', documentNo: 'HT-2026-088' },
    });
    // 1 Sep + 60 days = Sat 31 Oct 2026: rolls to Mon 2 Nov.
    expect(iso(paymentDueAt(c, packagedCalendar))).toBe(`2026-11-02${END}`);
    expect(engineDue(c)).toBe(paymentDueAt(c, packagedCalendar));
    expect(() => paymentClockIntent(contract({ paymentTermDays: 61 }), 'x')).toThrow(/最长不得超过60日/);
    expect(() => paymentClockIntent(contract({ paymentTermDays: 0 }), 'x')).toThrow(/最长不得超过60日/);
    expect(() => paymentClockIntent(contract({ payerCode: COMPANY_CODE }), 'x')).toThrow(/主体应为机关/);
  });

  it('an overdue unpaid payment is a candidate arrears record from the first instant after the due', () => {
    const c = contract({ paymentTermDays: 60 });
    const due = paymentDueAt(c, packagedCalendar);
    expect(arrearsCandidate(c, 0, due, packagedCalendar)).toBeUndefined();
    const cand = arrearsCandidate(c, 400_000, due + 1, packagedCalendar);
    expect(cand).toMatchObject({
      owedFen: 600_000,
      overdueDays: 1,
      draft: {
        channel: 'payment-monitoring',
        category: 'sme-arrears',
        amounts: { owedFen: 600_000, paidFen: 400_000 },
      },
    });
    expect(arrearsCandidate(c, 1_000_000, due + 1, packagedCalendar)).toBeUndefined();
  });
});
