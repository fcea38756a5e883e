// The transfers vocabulary (statuses, steps, categories, the Art. 6 documents) as the i18n messages
// name it, and which party of a case the signed-in department is. A code the messages do not know
// is shown as the server's Chinese name where there is one, never as the code on a Chinese page.
import type { Session } from '../auth/session';
import { hasRole } from '../auth/session';
import { isMessageKey, type Translate } from '../i18n/i18n';
import type { TransferSummary } from './transfers-api';

export const TRANSFER_STATUSES = [
  'reported',
  'refused',
  'approved',
  'transferred',
  'under-review',
  'passed-on',
  'not-filed',
  'reconsideration',
  'reconsideration-upheld',
  'supervision',
  'supervision-explained',
  'supervision-upheld',
  'supervision-filing',
  'filed',
  'prosecuting',
  'in-court',
  'non-prosecuted',
  'reverse-referred',
  'reverse-review',
  'returned-to-agency',
  'closed',
] as const;

export const OFFENCE_CATEGORIES = [
  'fake-products',
  'food-safety',
  'illegal-business',
  'ip-trademark',
  'ip-trademark-sale',
  'ip-copyright',
] as const;

/** The thresholds the domain ships (packages/domain/src/transfers/thresholds.ts), by category. */
export const THRESHOLDS: readonly { id: string; version: number; category: string }[] = [
  { id: 'fake-products.sales', version: 1, category: 'fake-products' },
  { id: 'food-safety.sales', version: 1, category: 'food-safety' },
  { id: 'illegal-business.amount', version: 1, category: 'illegal-business' },
  { id: 'ip-trademark.counterfeit', version: 1, category: 'ip-trademark' },
  { id: 'ip-trademark-sale.sales', version: 1, category: 'ip-trademark-sale' },
  { id: 'ip-copyright.amount', version: 1, category: 'ip-copyright' },
];

/** 《行政执法机关移送涉嫌犯罪案件的规定》第六条: the five materials of a transfer. */
export const DOCUMENT_KINDS = [
  'transfer-letter',
  'investigation-report',
  'seized-items-list',
  'inspection-report',
  'other-materials',
] as const;

/** The message of `prefix.code`, else `fallback` (the server's Chinese), else '—'. */
export function wordOf(t: Translate, prefix: string, code: string, fallback?: string): string {
  const key = `transfers.${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : (fallback ?? '—');
}

export const statusWord = (t: Translate, c: Pick<TransferSummary, 'status' | 'statusName'>) =>
  wordOf(t, 'status', c.status, c.statusName);

export type TransferParty = 'agency' | 'police' | 'procuratorate';

/** The department kinds that take part in transfers (the nav shows the pages to them and admins). */
const TAKING_PART = ['enforcement', 'public-security', 'procuratorate'];

export function takesPartInTransfers(session: Session): boolean {
  return hasRole(session, 'admin') || (session.user.departmentKinds ?? []).some((kind) => TAKING_PART.includes(kind));
}

/** Sees every transfer of the deployment: the procuratorate (supervision) and admins. */
export function supervises(session: Session): boolean {
  return hasRole(session, 'admin') || (session.user.departmentKinds ?? []).includes('procuratorate');
}

export const isAgency = (session: Session): boolean => (session.user.departmentKinds ?? []).includes('enforcement');

/** Which party of this case the signed-in department is, if any. */
export function partyOf(c: TransferSummary, session: Session): TransferParty | undefined {
  const dept = session.user.departmentId;
  if (c.agencyDepartmentId === dept) return 'agency';
  if (c.policeDepartmentId === dept) return 'police';
  if ((session.user.departmentKinds ?? []).includes('procuratorate')) return 'procuratorate';
  return undefined;
}
