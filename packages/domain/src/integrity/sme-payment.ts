import type { HolidayCalendar } from '../clocks/calendar';
import { cityDayOf } from '../clocks/city-time';
import type { ClockIntent } from '../clocks/clock-intent';
import { computeDue } from '../clocks/period';
import { DomainError, issue } from '../domain-error';
import { INTEGRITY_POLICY_IDS as P } from './integrity-clocks';
import type { ReportFacts } from './integrity-types';
import { parseGovernmentSubject } from './subject';

// Early warning from SME payment clocks (《保障中小企业款项支付条例》Art. 9): a government body pays
// within 30 days of delivery, or within the term its contract sets, at most 60 days (a decided period,
// policy integrity.sme-payment-contract, max P60D). A payment still owed after its due is a candidate
// arrears record: a draft for a person to report, never a record by itself.

export interface SmeContract {
  contractNo: string;
  /** The paying government body or public institution. */
  payerCode: string;
  payerName: string;
  supplierName: string;
  supplierCreditCode?: string;
  /** When the goods, works or services were delivered (the period counts from this day). */
  deliveredAt: number;
  /** The contract's payment term in days; absent: the statutory 30 days. */
  paymentTermDays?: number;
  amountFen: number;
}

/** Longest term a contract may set (条例 Art. 9). */
export const MAX_PAYMENT_TERM_DAYS = 60;

function checkTerm(contract: SmeContract): void {
  const t = contract.paymentTermDays;
  if (t !== undefined && (!Number.isInteger(t) || t < 1 || t > MAX_PAYMENT_TERM_DAYS))
    throw new DomainError('payment-term-too-long', 'invalid', '合同约定的付款期限最长不得超过60日（条例第九条）', [
      issue('paymentTermDays', 'out-of-bounds', '付款期限应为1至60日'),
    ]);
}

/**
 * The clock the platform runs for a contract's payment (key `payment`).
 * @throws DomainError invalid (`payment-term-too-long`, credit-code problems)
 */
export function paymentClockIntent(contract: SmeContract, decidedBy: string): ClockIntent<'payment'> {
  parseGovernmentSubject(contract.payerCode, 'payerCode');
  checkTerm(contract);
  if (contract.paymentTermDays === undefined)
    return { kind: 'start', key: 'payment', policyId: P.smePayment, startedAt: contract.deliveredAt };
  return {
    kind: 'start',
    key: 'payment',
    policyId: P.smePaymentContract,
    startedAt: contract.deliveredAt,
    period: { duration: `P${contract.paymentTermDays}D`, documentNo: contract.contractNo, decidedBy },
  };
}

/** The last on-time instant of the payment: calendar days, start day not counted, rolls off a holiday. */
export function paymentDueAt(contract: SmeContract, calendar: HolidayCalendar): number {
  checkTerm(contract);
  const days = contract.paymentTermDays ?? 30;
  return computeDue(contract.deliveredAt, { duration: `P${days}D`, counting: 'calendarDays', rolls: true }, calendar);
}

export interface ArrearsCandidate {
  contractNo: string;
  payerCode: string;
  dueAt: number;
  /** Calendar days since the due day. */
  overdueDays: number;
  owedFen: number;
  /** The Report facts a person may send on (after checking), with the channel of payment monitoring. */
  draft: Pick<ReportFacts, 'channel' | 'category' | 'summary' | 'amounts' | 'legacy'> & {
    basis: { kind: 'contract'; documentNo: string; date: number; issuer: string };
  };
}

/** A candidate arrears record when the payment is overdue and not paid in full; otherwise undefined. */
export function arrearsCandidate(
  contract: SmeContract,
  paidFen: number,
  now: number,
  calendar: HolidayCalendar,
): ArrearsCandidate | undefined {
  const dueAt = paymentDueAt(contract, calendar);
  const owedFen = contract.amountFen - paidFen;
  if (now <= dueAt || owedFen <= 0) return undefined;
  return {
    contractNo: contract.contractNo,
    payerCode: contract.payerCode,
    dueAt,
    overdueDays: cityDayOf(now) - cityDayOf(dueAt),
    owedFen,
    draft: {
      channel: 'payment-monitoring',
      category: 'sme-arrears',
      summary: `${contract.payerName}逾期未向${contract.supplierName}支付合同${contract.contractNo}款项`,
      amounts: { owedFen, paidFen },
      legacy: false,
      basis: {
        kind: 'contract',
        documentNo: contract.contractNo,
        date: contract.deliveredAt,
        issuer: contract.payerName,
      },
    },
  };
}
