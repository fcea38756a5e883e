import * as z from 'zod';
import type { Audience } from '../catalog-entry';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema, usernameSchema } from '../fields';

// Fields shared by the TransferCase.* detail-types (行刑衔接, DOMAIN.md §4). The codes are the wire
// contract; packages/domain/src/transfers/transfer-types.ts holds the same lists (and their Chinese
// names), and functions/transfers/shared/case-events.test.ts keeps the two equal.

export const transferStatusSchema = z.enum([
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
]);

/** The five documents of Art. 6 (国务院令第310号, revised by 第730号). */
export const transferDocumentKindSchema = z.enum([
  'transfer-letter',
  'investigation-report',
  'seized-items-list',
  'inspection-report',
  'other-materials',
]);

/** Offence category code of the thresholds (`fake-products`, `ip-trademark`, …). */
export const offenceCategorySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'offence category code');
/** GB/T 2260: 6 digits for a county, 9 for a township, 12 for a village. */
const regionCodeSchema = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'region code: 6, 9 or 12 digits');
export const documentNoSchema = textSchema(100).describe('文书文号');

/**
 * Identity of the case, repeated in every TransferCase.* event so no party needs a lookup. It names
 * the departments of the case; the exchange delivers to each of them. No personal data: the
 * party's name and credit code, the summary and the team's names stay on the platform.
 */
export const transferHeadShape = {
  caseId: aggregateIdSchema,
  version: z.number().int().min(1),
  at: isoDateTimeSchema,
  by: usernameSchema.describe('the user, dept.<id> for a department system, or platform'),
  title: textSchema(200),
  enforcementCaseNo: textSchema(100).describe('the agency’s own case number (案件编号)'),
  offenceCategory: offenceCategorySchema,
  regionCode: regionCodeSchema,
  status: transferStatusSchema,
  agencyDepartmentId: departmentIdSchema.describe('the enforcement agency that transfers the case'),
  policeDepartmentId: departmentIdSchema.optional().describe('the public-security organ the case is with'),
  procuratorateDepartmentId: departmentIdSchema.optional().describe('the procuratorate copied on the transfer'),
  courtDepartmentId: departmentIdSchema.optional().describe('the court, once the case is prosecuted'),
};

export const transferCasePublishers: Audience = { platform: true };
/**
 * The parties of the case, and every procuratorate: it supervises all transfers of its region
 * (有案不移、以罚代刑 need the reports and refusals too, before any copy is made).
 */
export const transferCaseSubscribers = (extra: string[] = []): Audience => ({
  kinds: ['procuratorate'],
  fromData: ['agencyDepartmentId', 'policeDepartmentId', 'procuratorateDepartmentId', 'courtDepartmentId', ...extra],
});
