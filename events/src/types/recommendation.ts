import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema, usernameSchema } from '../fields';

// What the transfers service announces at each stage of a recommendation (检察建议 / 司法建议,
// DOMAIN.md §4 items 10 and 12): issued, replied, implementation reported and verified (反馈与落实),
// withdrawn, a time limit breached. The issuer, the addressed department and every procuratorate
// receive them; the content of the reply and of the implementation report stays on the platform.

const head = {
  recommendationId: aggregateIdSchema,
  version: z.number().int().min(1),
  at: isoDateTimeSchema,
  by: usernameSchema.describe('the user, dept.<id> for a department system, or platform'),
  kind: z.enum(['procuratorial', 'public-interest', 'judicial']),
  status: z.enum(['issued', 'replied', 'not-adopted', 'implementation-reported', 'implemented', 'withdrawn']),
  issuerDepartmentId: departmentIdSchema.describe('the procuratorate or court that issued it'),
  addresseeDepartmentId: departmentIdSchema.describe('the department it is addressed to'),
};
const exampleHead = {
  recommendationId: '01JRECOMMENDATION000000000',
  kind: 'procuratorial' as const,
  issuerDepartmentId: 'procuratorate',
  addresseeDepartmentId: 'samr',
  by: 'procuratorate.duty',
};

let serial = 0;
function recEntry<S extends z.ZodRawShape>(spec: {
  verb: string;
  title: string;
  titleEn: string;
  description: string;
  shape: S;
  /** Checked against the data schema by the catalog test. */
  example: Record<string, unknown> & { status: z.infer<typeof head.status>; by?: string };
}) {
  serial++;
  const data = z.strictObject({ ...head, ...spec.shape });
  return defineEntry({
    detailType: `Recommendation.${spec.verb}`,
    version: 1,
    title: spec.title,
    titleEn: spec.titleEn,
    description: spec.description,
    data,
    publishers: { platform: true },
    subscribers: { kinds: ['procuratorate'], fromData: ['issuerDepartmentId', 'addresseeDepartmentId'] },
    example: {
      meta: {
        eventId: `01KJRECXMM000000000000${String(serial).padStart(2, '0')}EV`,
        occurredAt: '2026-03-02T10:00:00+08:00',
        correlationId: exampleHead.recommendationId,
        schemaVersion: 1,
      },
      data: { ...exampleHead, version: serial, at: '2026-03-02T10:00:00+08:00', ...spec.example } as z.input<
        typeof data
      >,
    },
  });
}

const documentNo = textSchema(100).describe('文书文号');
const round = z.number().int().min(1);

export const recommendationIssuedV1 = recEntry({
  verb: 'Issued',
  title: '发出建议',
  titleEn: 'Recommendation issued',
  description:
    '人民检察院发出检察建议或者人民法院发出司法建议；回复期限自送达之日起计算（检察建议两个月，情况紧急的由建议书确定；司法建议为法院确定的期限）。',
  shape: { urgent: z.boolean(), documentNo, deliveredAt: isoDateTimeSchema, replyDueAt: isoDateTimeSchema.optional() },
  example: {
    status: 'issued',
    urgent: false,
    documentNo: '芜检行建〔2026〕5号',
    deliveredAt: '2026-03-02T09:00:00+08:00',
    replyDueAt: '2026-05-02T23:59:59.999+08:00',
  },
});
export const recommendationRepliedV1 = recEntry({
  verb: 'Replied',
  title: '书面回复建议',
  titleEn: 'Recommendation answered',
  description: '被建议单位书面回复（采纳或者不采纳）；采纳的，进入落实阶段。',
  shape: { adopted: z.boolean(), documentNo },
  example: { status: 'replied', by: 'samr.duty', adopted: true, documentNo: '芜市监函〔2026〕12号' },
});
export const recommendationImplementationReportedV1 = recEntry({
  verb: 'ImplementationReported',
  title: '报告落实情况',
  titleEn: 'Implementation reported',
  description: '被建议单位报告建议的落实情况，待建议机关核实。',
  shape: { round },
  example: { status: 'implementation-reported', by: 'samr.duty', round: 1 },
});
export const recommendationImplementationVerifiedV1 = recEntry({
  verb: 'ImplementationVerified',
  title: '核实落实情况',
  titleEn: 'Implementation verified',
  description: '建议机关核实落实情况：已落实，或者退回继续落实（新一轮落实期限）。',
  shape: { round, verified: z.boolean() },
  example: { status: 'implemented', round: 1, verified: true },
});
export const recommendationWithdrawnV1 = recEntry({
  verb: 'Withdrawn',
  title: '撤回建议',
  titleEn: 'Recommendation withdrawn',
  description: '建议机关撤回建议，未届满的期限取消。',
  shape: {},
  example: { status: 'withdrawn' },
});
export const recommendationClockBreachedV1 = recEntry({
  verb: 'ClockBreached',
  title: '建议回复或者落实超期',
  titleEn: 'A recommendation time limit passed',
  description: '回复或者落实期限届满未办结，记入按期回复率。',
  shape: { key: textSchema(64), policyId: textSchema(100) },
  example: { status: 'issued', by: 'platform', key: 'reply', policyId: 'recommendation.procuratorial-reply' },
});

export const RECOMMENDATION_ENTRIES = [
  recommendationIssuedV1,
  recommendationRepliedV1,
  recommendationImplementationReportedV1,
  recommendationImplementationVerifiedV1,
  recommendationWithdrawnV1,
  recommendationClockBreachedV1,
] as const;
