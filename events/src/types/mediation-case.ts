import * as z from 'zod';
import type { Audience } from '../catalog-entry';
import { defineEntry } from '../catalog-entry';
import { departmentIdSchema, isoDateTimeSchema, isoDurationSchema, textSchema, usernameSchema } from '../fields';
import {
  amountFenSchema,
  caseHeadShape,
  mediationCasePublishers,
  mediationCaseSubscribers,
  otherRouteSchema,
  partiesSchema,
  riskKindSchema,
  riskLevelSchema,
  tierSchema,
} from '../parts/mediation';

// What the mediation service announces at each step of a case (DOMAIN.md §3). Every event carries
// the case's head (id, source, type, locality, status, hub, organisation, referring department), so
// the justice department, the referring court / police / petition office and the report counters
// need no lookup. Personal data (parties' 身份证号, phones) is masked on delivery to departments whose
// work does not need it (packages/domain/src/exchange/personal-data.ts).

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const head = {
  caseId: '01JMEDCASE000000000000000A',
  title: '张某与某建筑劳务有限公司劳务费纠纷',
  source: 'court-delegation',
  disputeType: 'labour',
  regionCode: '340202001',
  hubDepartmentId: 'justice',
  referringDepartmentId: 'court',
  by: 'fanluoshan.mediator1',
} as const;

let serial = 0;
function caseEntry<S extends z.ZodRawShape>(spec: {
  verb: string;
  title: string;
  titleEn: string;
  description: string;
  shape: S;
  status: z.infer<typeof caseHeadShape.status>;
  example: z.input<z.ZodObject<S>> & { by?: string; organisationId?: string };
  subscribers?: Audience;
}) {
  serial++;
  const data = z.strictObject({ ...caseHeadShape, ...spec.shape });
  return defineEntry({
    detailType: `MediationCase.${spec.verb}`,
    version: 1,
    title: spec.title,
    titleEn: spec.titleEn,
    description: spec.description,
    data,
    publishers: mediationCasePublishers,
    subscribers: spec.subscribers ?? mediationCaseSubscribers,
    example: {
      meta: {
        eventId: `01KJMEDCASE00000000000${String(serial).padStart(2, '0')}EV`,
        occurredAt: '2026-03-02T10:00:00+08:00',
        correlationId: head.caseId,
        schemaVersion: 1,
      },
      data: {
        ...head,
        version: serial,
        at: '2026-03-02T10:00:00+08:00',
        status: spec.status,
        ...(spec.status === 'queued' ? {} : { organisationId: 'fanluoshan-labour' }),
        ...spec.example,
      } as z.input<typeof data>,
    },
  });
}

const preventedSchema = z.strictObject({
  civilToCriminal: z.strictObject({ people: z.number().int().min(1) }).optional(),
  groupPetition: z.strictObject({ people: z.number().int().min(1) }).optional(),
});

export const mediationCaseReceivedV1 = caseEntry({
  verb: 'Received',
  title: '纠纷受理登记',
  titleEn: 'Dispute received',
  description: '调处中心登记一起纠纷（窗口、热线、网上、排查或委派、委托、移送），进入待分派队列。',
  status: 'queued',
  shape: {
    summary: textSchema(2000),
    amountFen: amountFenSchema,
    peopleInvolved: z.number().int().min(1),
    risk: riskLevelSchema,
    parties: partiesSchema,
    referenceNo: textSchema(100).optional(),
    receivedAt: isoDateTimeSchema
      .optional()
      .describe('when the party came, called or was referred (may precede `at`, when it was registered)'),
  },
  example: {
    by: 'dept.court',
    receivedAt: '2026-03-02T09:30:00+08:00',
    summary: '申请人称被拖欠劳务费3.2万元。',
    amountFen: 3_200_000,
    peopleInvolved: 2,
    risk: 'medium',
    parties: [
      { id: 'p1', role: 'applicant', name: '张某', idNumber: '340202199001011234', phone: '13800000001' },
      { id: 'p2', role: 'respondent', name: '某建筑劳务有限公司', idNumber: '91340200MA2T8XLX4K' },
    ],
    referenceNo: '（2026）皖0202民诉前调123号',
  },
});
export const mediationCaseConsentRecordedV1 = caseEntry({
  verb: 'ConsentRecorded',
  title: '当事人调解意愿登记',
  titleEn: 'A party’s consent to mediation recorded',
  description: '记录一方当事人是否同意调解（人民调解法第十七条）；不同意的，调解终止。',
  status: 'accepted',
  shape: {
    partyId: slug,
    given: z.boolean(),
    via: z.enum(['signed', 'phone', 'online']),
    consentTextVersion: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
      .optional()
      .describe('online applications: the version of the consent text the applicant agreed to'),
  },
  example: { partyId: 'p2', given: true, via: 'phone' },
});
export const mediationCaseDispatchedV1 = caseEntry({
  verb: 'Dispatched',
  title: '案件分派',
  titleEn: 'Case dispatched to an organisation',
  description: '调处中心将案件分派给调解组织（可联合调解），组织须在期限内接收或退回。',
  status: 'dispatched',
  shape: { jointWith: z.array(slug).max(20), attempt: z.number().int().min(1), suggested: slug.optional() },
  example: { jointWith: [], attempt: 1, suggested: 'fanluoshan-labour' },
});
export const mediationCaseAcceptedV1 = caseEntry({
  verb: 'Accepted',
  title: '调解组织受理',
  titleEn: 'Organisation accepts the case',
  description: '调解组织接收分派的案件，开始调解。',
  status: 'accepted',
  shape: { jointWith: z.array(slug).max(20) },
  example: { jointWith: [] },
});
export const mediationCaseReturnedV1 = caseEntry({
  verb: 'Returned',
  title: '调解组织退回',
  titleEn: 'Organisation returns the case',
  description: '调解组织说明理由退回分派的案件，由调处中心重新分派。',
  status: 'queued',
  shape: { reason: textSchema(500) },
  example: { organisationId: 'fanluoshan', reason: '本案系劳动争议，建议分派劳动争议调委会' },
});
export const mediationCaseMediatorsAssignedV1 = caseEntry({
  verb: 'MediatorsAssigned',
  title: '指定调解员',
  titleEn: 'Mediators assigned',
  description: '调解组织指定调解员，或由当事人选择调解员。',
  status: 'accepted',
  shape: { mediatorIds: z.array(slug).min(1).max(20), chosenByParties: z.boolean() },
  example: { mediatorIds: ['m-wang'], chosenByParties: false },
});
export const mediationCaseTierSetV1 = caseEntry({
  verb: 'TierSet',
  title: '纠纷分级',
  titleEn: 'Handling tier set',
  description: '一般纠纷就地化解、疑难纠纷专班攻坚、重大纠纷领导包案。',
  status: 'accepted',
  shape: { tier: tierSchema, responsibleLeader: usernameSchema.optional() },
  example: { tier: 'major', responsibleLeader: 'justice.leader' },
});
export const mediationCaseSessionRecordedV1 = caseEntry({
  verb: 'SessionRecorded',
  title: '调解过程记录',
  titleEn: 'Mediation session recorded',
  description: '记录一次调解的时间、地点、参加人数。',
  status: 'mediating',
  shape: { sessionAt: isoDateTimeSchema, place: textSchema(200), participants: z.number().int().min(0) },
  example: { sessionAt: '2026-03-03T14:00:00+08:00', place: '范罗山街道调解室', participants: 3 },
});
export const mediationCaseExtendedV1 = caseEntry({
  verb: 'Extended',
  title: '调解期限延长',
  titleEn: 'Mediation time limit extended',
  description: '经双方当事人同意延长调解期限。',
  status: 'mediating',
  shape: { duration: isoDurationSchema, consentOf: z.array(slug).max(50) },
  example: { duration: 'P15D', consentOf: ['p1', 'p2'] },
});
export const mediationCasePausedV1 = caseEntry({
  verb: 'Paused',
  title: '调解中止',
  titleEn: 'Mediation paused',
  description: '调解期限中止计算，并记录理由。',
  status: 'mediating',
  shape: { reason: textSchema(200) },
  example: { reason: 'awaiting-materials' },
});
export const mediationCaseResumedV1 = caseEntry({
  verb: 'Resumed',
  title: '调解恢复',
  titleEn: 'Mediation resumed',
  description: '中止的调解期限恢复计算。',
  status: 'mediating',
  shape: { reason: textSchema(200).optional() },
  example: { reason: '材料已补齐' },
});
export const mediationCaseRiskReportedV1 = caseEntry({
  verb: 'RiskReported',
  title: '矛盾激化风险报告',
  titleEn: 'Escalation risk reported to public security',
  description: '纠纷可能激化为暴力事件、民转刑或群体性上访的，立即报告公安机关（人民调解法第二十五条）。',
  status: 'mediating',
  shape: {
    kind: riskKindSchema,
    note: textSchema(1000),
    peopleInvolved: z.number().int().min(1),
    report: z.number().int().min(1),
  },
  example: { kind: 'civil-to-criminal', note: '被申请人扬言报复，情绪激动', peopleInvolved: 2, report: 1 },
  subscribers: { kinds: ['justice', 'public-security'], fromData: ['referringDepartmentId'] },
});
export const mediationCaseRiskReceivedV1 = caseEntry({
  verb: 'RiskReceived',
  title: '公安机关签收风险报告',
  titleEn: 'Public security acknowledges a reported risk',
  description: '公安机关签收调解组织报告的矛盾激化风险。',
  status: 'mediating',
  shape: { reports: z.array(z.number().int().min(1)).min(1) },
  example: { by: 'psb.duty', reports: [1] },
  subscribers: { kinds: ['justice', 'public-security'], fromData: ['referringDepartmentId'] },
});
export const mediationCaseAgreedV1 = caseEntry({
  verb: 'Agreed',
  title: '达成调解协议',
  titleEn: 'Mediation agreement reached',
  description: '当事人达成人民调解协议（人民调解法第二十九条），开始跟踪履行和司法确认申请期限。',
  status: 'agreed',
  shape: {
    documentNo: textSchema(100),
    amountFen: amountFenSchema,
    performanceDueAt: isoDateTimeSchema,
    prevented: preventedSchema,
  },
  example: {
    documentNo: '范调〔2026〕15号',
    amountFen: 2_800_000,
    performanceDueAt: '2026-03-31T23:59:59+08:00',
    prevented: { civilToCriminal: { people: 2 } },
  },
});
export const mediationCaseFailedV1 = caseEntry({
  verb: 'Failed',
  title: '调解不成终止',
  titleEn: 'Mediation failed',
  description: '调解不成终止调解，并告知当事人仲裁、行政裁决或诉讼等途径（人民调解法第二十六条）。',
  status: 'failed',
  shape: { reason: textSchema(500), routesTold: z.array(otherRouteSchema).max(3) },
  example: { reason: '双方对赔偿数额分歧较大', routesTold: ['litigation'] },
});
export const mediationCaseConfirmationAppliedV1 = caseEntry({
  verb: 'ConfirmationApplied',
  title: '申请司法确认',
  titleEn: 'Judicial confirmation applied for',
  description: '双方当事人向人民法院共同申请确认调解协议效力；法院3日内决定是否受理。',
  status: 'agreed',
  shape: { courtDepartmentId: departmentIdSchema, documentNo: textSchema(100).optional() },
  example: { courtDepartmentId: 'court', documentNo: '范调〔2026〕15号' },
  subscribers: { kinds: ['justice'], fromData: ['referringDepartmentId', 'courtDepartmentId'] },
});
export const mediationCaseConfirmationAcceptedV1 = caseEntry({
  verb: 'ConfirmationAccepted',
  title: '司法确认已受理',
  titleEn: 'Judicial confirmation accepted by the court',
  description: '人民法院受理司法确认申请，15日内作出决定。',
  status: 'agreed',
  shape: { courtDepartmentId: departmentIdSchema },
  example: { by: 'dept.court', courtDepartmentId: 'court' },
  subscribers: { kinds: ['justice'], fromData: ['referringDepartmentId', 'courtDepartmentId'] },
});
export const mediationCaseConfirmationDecidedV1 = caseEntry({
  verb: 'ConfirmationDecided',
  title: '司法确认已决定',
  titleEn: 'Judicial confirmation decided',
  description: '人民法院裁定确认调解协议有效或驳回申请。',
  status: 'agreed',
  shape: { courtDepartmentId: departmentIdSchema, confirmed: z.boolean() },
  example: { by: 'dept.court', courtDepartmentId: 'court', confirmed: true },
  subscribers: { kinds: ['justice'], fromData: ['referringDepartmentId', 'courtDepartmentId'] },
});
export const mediationCasePerformanceRecordedV1 = caseEntry({
  verb: 'PerformanceRecorded',
  title: '协议履行情况登记',
  titleEn: 'Performance of the agreement recorded',
  description: '履行回访：调解协议是否按期履行。',
  status: 'agreed',
  shape: { honoured: z.enum(['full', 'partial', 'none']), onTime: z.boolean() },
  example: { honoured: 'full', onTime: true },
});
export const mediationCaseClosedV1 = caseEntry({
  verb: 'Closed',
  title: '结案',
  titleEn: 'Case closed',
  description: '案件结案，开始结案回访期限。',
  status: 'closed',
  shape: { outcome: z.enum(['agreed', 'failed']) },
  example: { outcome: 'agreed' },
});
export const mediationCaseVisitedV1 = caseEntry({
  verb: 'Visited',
  title: '结案回访',
  titleEn: 'Follow-up visit made',
  description: '结案后回访当事人。',
  status: 'closed',
  shape: {},
  example: {},
});
export const mediationCaseSatisfactionRecordedV1 = caseEntry({
  verb: 'SatisfactionRecorded',
  title: '满意度登记',
  titleEn: 'Satisfaction recorded',
  description: '登记一方当事人的满意度（五级评分），目标满意率不低于90%。',
  status: 'closed',
  shape: { partyId: slug, score: z.number().int().min(1).max(5), via: z.enum(['call', 'link']) },
  example: { partyId: 'p1', score: 5, via: 'call' },
});

export const MEDIATION_CASE_ENTRIES = [
  mediationCaseReceivedV1,
  mediationCaseConsentRecordedV1,
  mediationCaseDispatchedV1,
  mediationCaseAcceptedV1,
  mediationCaseReturnedV1,
  mediationCaseMediatorsAssignedV1,
  mediationCaseTierSetV1,
  mediationCaseSessionRecordedV1,
  mediationCaseExtendedV1,
  mediationCasePausedV1,
  mediationCaseResumedV1,
  mediationCaseRiskReportedV1,
  mediationCaseRiskReceivedV1,
  mediationCaseAgreedV1,
  mediationCaseFailedV1,
  mediationCaseConfirmationAppliedV1,
  mediationCaseConfirmationAcceptedV1,
  mediationCaseConfirmationDecidedV1,
  mediationCasePerformanceRecordedV1,
  mediationCaseClosedV1,
  mediationCaseVisitedV1,
  mediationCaseSatisfactionRecordedV1,
] as const;
