import * as z from 'zod';
import type { Audience } from '../catalog-entry';
import { defineEntry } from '../catalog-entry';
import { departmentIdSchema, isoDateTimeSchema, isoDurationSchema, textSchema } from '../fields';
import {
  documentNoSchema,
  transferCasePublishers,
  transferCaseSubscribers,
  transferDocumentKindSchema,
  transferHeadShape,
  type transferStatusSchema,
} from '../parts/transfer';

// What the transfers service announces at each step of a transfer case (行刑衔接, DOMAIN.md §4), so
// the agency, public security, the procuratorate and (once prosecuted) the court share every step
// through the exchange. Each event carries the case's head (parts/transfer.ts) and the step's own
// fields; personal data (the party's name and credit code, the summary, the team's names) is never
// in them.

const head = {
  caseId: '01JTRANSFER0000000000000A',
  title: '某商贸有限公司销售伪劣产品案',
  enforcementCaseNo: '芜市监处〔2026〕118号',
  offenceCategory: 'fake-products',
  regionCode: '340202',
  agencyDepartmentId: 'samr',
  by: 'samr.duty',
} as const;
const transferred = { policeDepartmentId: 'psb', procuratorateDepartmentId: 'procuratorate' } as const;

let serial = 0;
function caseEntry<S extends z.ZodRawShape>(spec: {
  verb: string;
  title: string;
  titleEn: string;
  description: string;
  shape: S;
  status: z.infer<typeof transferStatusSchema>;
  example: z.input<z.ZodObject<S>> & Partial<Record<keyof typeof transferHeadShape, string>>;
  subscribers?: Audience;
}) {
  serial++;
  const data = z.strictObject({ ...transferHeadShape, ...spec.shape });
  return defineEntry({
    detailType: `TransferCase.${spec.verb}`,
    version: 1,
    title: spec.title,
    titleEn: spec.titleEn,
    description: spec.description,
    data,
    publishers: transferCasePublishers,
    subscribers: spec.subscribers ?? transferCaseSubscribers(),
    example: {
      meta: {
        eventId: `01KJTRANSFER0000000000${String(serial).padStart(2, '0')}EV`,
        occurredAt: '2026-03-02T10:00:00+08:00',
        correlationId: head.caseId,
        schemaVersion: 1,
      },
      data: {
        ...head,
        ...(['reported', 'approved', 'refused'].includes(spec.status) ? {} : transferred),
        version: serial,
        at: '2026-03-02T10:00:00+08:00',
        status: spec.status,
        ...spec.example,
      } as z.input<typeof data>,
    },
  });
}

const kinds = z.array(transferDocumentKindSchema).max(50);
const round = z.number().int().min(1);
const reasons = textSchema(2000);

export const transferCaseReportedV1 = caseEntry({
  verb: 'Reported',
  title: '移送涉嫌犯罪案件报告',
  titleEn: 'Transfer reported to the agency head',
  description: '行政执法机关专案组向本机关负责人提交移送涉嫌犯罪案件的书面报告（第五条），负责人应在3日内作出决定。',
  status: 'reported',
  shape: {
    basis: z.enum(['threshold', 'reasonable-suspicion']).describe('threshold crossed, or IP reasonable suspicion'),
    threshold: z.strictObject({ id: textSchema(100), version: z.number().int().min(1) }).optional(),
    economic: z.boolean(),
    team: z.number().int().min(2).describe('how many officers the special team has (names stay on the platform)'),
    reportedAt: isoDateTimeSchema.describe('when the written report reached the head; the 3 days count from it'),
  },
  example: {
    basis: 'threshold',
    threshold: { id: 'fake-products', version: 1 },
    economic: false,
    team: 2,
    reportedAt: '2026-03-02T09:30:00+08:00',
  },
});
export const transferCaseApprovedV1 = caseEntry({
  verb: 'Approved',
  title: '批准移送',
  titleEn: 'Head approves the transfer',
  description: '负责人批准移送，须在24小时内向同级公安机关移送（第五条）。',
  status: 'approved',
  shape: {},
  example: {},
});
export const transferCaseRefusedV1 = caseEntry({
  verb: 'Refused',
  title: '不批准移送',
  titleEn: 'Head refuses the transfer',
  description: '负责人不批准移送，理由记录在案（第五条）。',
  status: 'refused',
  shape: { reasons },
  example: { by: 'samr.head', reasons: '涉案金额未达到立案追诉标准' },
});
export const transferCaseTransferIncompleteV1 = caseEntry({
  verb: 'TransferIncomplete',
  title: '移送材料不全',
  titleEn: 'Transfer recorded as incomplete',
  description: '移送时未附齐第六条规定的材料，记录缺少的材料；24小时移送时限继续计算。',
  status: 'approved',
  shape: {
    missing: z
      .array(
        z.strictObject({
          kind: transferDocumentKindSchema,
          name: textSchema(100),
          article: textSchema(50),
          problem: textSchema(50),
        }),
      )
      .min(1)
      .max(5),
  },
  example: {
    missing: [{ kind: 'seized-items-list', name: '涉案物品清单', article: '第六条第（三）项', problem: '未附' }],
  },
});
export const transferCaseTransferredV1 = caseEntry({
  verb: 'Transferred',
  title: '移送公安机关并抄送检察院',
  titleEn: 'Transferred to public security, copied to the procuratorate',
  description: '附齐第六条规定的材料移送公安机关，同时抄送人民检察院。',
  status: 'transferred',
  shape: { documents: kinds },
  example: {
    documents: ['transfer-letter', 'investigation-report', 'seized-items-list', 'inspection-report', 'other-materials'],
  },
});
export const transferCaseReceivedV1 = caseEntry({
  verb: 'Received',
  title: '公安机关接受移送',
  titleEn: 'Public security accepts the transfer',
  description: '公安机关接受移送，应在3日内（经济犯罪10日）作出立案或者不予立案的决定（第八条）。',
  status: 'under-review',
  shape: { round, economic: z.boolean() },
  example: { by: 'psb.duty', round: 1, economic: false },
});
export const transferCasePassedOnV1 = caseEntry({
  verb: 'PassedOn',
  title: '转送有管辖权的机关',
  titleEn: 'Passed on to the organ with jurisdiction',
  description: '不属于本机关管辖的，在24小时内转送有管辖权的机关并书面告知移送机关（第七条）。',
  status: 'transferred',
  shape: {
    from: departmentIdSchema,
    to: departmentIdSchema,
    toKind: z.enum(['police', 'other']),
    reason: reasons,
  },
  example: { by: 'psb.duty', from: 'psb', to: 'psb-east', toKind: 'police', reason: '案发地不在本辖区' },
  subscribers: transferCaseSubscribers(['from', 'to']),
});
export const transferCaseMaterialsRequestedV1 = caseEntry({
  verb: 'MaterialsRequested',
  title: '通知补正材料',
  titleEn: 'Public security asks for missing materials',
  description: '公安机关认为材料不全，通知移送机关在3日内补正（程序规定第一百八十条）。',
  status: 'under-review',
  shape: { request: round, missing: z.array(textSchema(200)).min(1).max(50) },
  example: { by: 'psb.duty', request: 1, missing: ['涉案物品的检验报告'] },
});
export const transferCaseMaterialsCompletedV1 = caseEntry({
  verb: 'MaterialsCompleted',
  title: '补正材料',
  titleEn: 'Agency completes the materials',
  description: '移送机关按通知补正材料。',
  status: 'under-review',
  shape: { request: round, documents: kinds },
  example: { request: 1, documents: ['inspection-report'] },
});
export const transferCaseDeclaredComplexV1 = caseEntry({
  verb: 'DeclaredComplex',
  title: '经济犯罪案件延长立案审查',
  titleEn: 'Economic case declared complex (30 days)',
  description:
    '案情重大、疑难、复杂的经济犯罪案件，经县级以上公安机关负责人批准，立案审查期限延长至30日（2017年规定第十六条）。',
  status: 'under-review',
  shape: { approvedBy: textSchema(100), documentNo: documentNoSchema },
  example: { by: 'psb.duty', approvedBy: 'psb.head', documentNo: '芜公经延〔2026〕3号' },
});
export const transferCaseFilingReviewExtendedV1 = caseEntry({
  verb: 'FilingReviewExtended',
  title: '再延长立案审查期限',
  titleEn: 'Filing review extended by 30 days',
  description: '特殊情况下，经上一级公安机关负责人批准，再延长30日（2017年规定第十六条）。',
  status: 'under-review',
  shape: { approvedBy: textSchema(100), documentNo: documentNoSchema },
  example: { by: 'psb.duty', approvedBy: '省公安厅经侦总队负责人', documentNo: '皖公经延〔2026〕1号' },
});
export const transferCaseFiledV1 = caseEntry({
  verb: 'Filed',
  title: '立案',
  titleEn: 'Case filed',
  description: '公安机关决定立案；移送机关应在3日内移交涉案物品和材料（第十二条）。',
  status: 'filed',
  shape: { documentNo: documentNoSchema, stage: z.enum(['review', 'reconsideration', 'supervision']) },
  example: { by: 'psb.duty', documentNo: '芜公立字〔2026〕45号', stage: 'review' },
});
export const transferCaseNotFiledV1 = caseEntry({
  verb: 'NotFiled',
  title: '不予立案',
  titleEn: 'Public security decides not to file',
  description: '公安机关决定不予立案并说明理由；移送机关可在3日内提请复议（第九条）。',
  status: 'not-filed',
  shape: { documentNo: documentNoSchema, reasons },
  example: { by: 'psb.duty', documentNo: '芜公不立字〔2026〕7号', reasons: '没有犯罪事实' },
});
export const transferCaseReconsiderationRequestedV1 = caseEntry({
  verb: 'ReconsiderationRequested',
  title: '提请复议',
  titleEn: 'Agency asks for reconsideration',
  description: '移送机关对不予立案决定提请复议，公安机关应在3日内作出复议决定（第九条）。',
  status: 'reconsideration',
  shape: { documentNo: documentNoSchema },
  example: { documentNo: '芜市监复〔2026〕2号' },
});
export const transferCaseReconsiderationDecidedV1 = caseEntry({
  verb: 'ReconsiderationDecided',
  title: '复议决定',
  titleEn: 'Reconsideration decided',
  description: '公安机关作出复议决定：立案，或者维持不予立案（移送机关可在3日内建议检察院立案监督）。',
  status: 'reconsideration-upheld',
  shape: { filed: z.boolean(), documentNo: documentNoSchema },
  example: { by: 'psb.duty', filed: false, documentNo: '芜公复字〔2026〕2号' },
});
export const transferCaseSupervisionRequestedV1 = caseEntry({
  verb: 'SupervisionRequested',
  title: '建议立案监督',
  titleEn: 'Agency asks the procuratorate for filing supervision',
  description: '移送机关建议人民检察院依法进行立案监督（第九条）。',
  status: 'supervision',
  shape: { documentNo: documentNoSchema },
  example: { documentNo: '芜市监监〔2026〕1号' },
});
export const transferCaseExplanationRequiredV1 = caseEntry({
  verb: 'ExplanationRequired',
  title: '要求说明不立案理由',
  titleEn: 'Procuratorate requires the reasons for not filing',
  description: '人民检察院要求公安机关在7日内说明不立案理由（刑诉规则第五百六十条以下）。',
  status: 'supervision',
  shape: { documentNo: documentNoSchema, startedBy: z.enum(['agency', 'procuratorate']) },
  example: { by: 'procuratorate.duty', documentNo: '芜检要说〔2026〕1号', startedBy: 'agency' },
});
export const transferCaseExplanationGivenV1 = caseEntry({
  verb: 'ExplanationGiven',
  title: '说明不立案理由',
  titleEn: 'Public security explains why it did not file',
  description: '公安机关书面说明不立案的理由。',
  status: 'supervision-explained',
  shape: { documentNo: documentNoSchema },
  example: { by: 'psb.duty', documentNo: '芜公说〔2026〕1号' },
});
export const transferCaseExplanationReviewedV1 = caseEntry({
  verb: 'ExplanationReviewed',
  title: '审查不立案理由',
  titleEn: 'Procuratorate reviews the explanation',
  description: '理由成立的，10日内告知移送机关；理由不成立的，通知公安机关15日内立案。',
  status: 'supervision-filing',
  shape: { reasonsStand: z.boolean(), documentNo: documentNoSchema },
  example: { by: 'procuratorate.duty', reasonsStand: false, documentNo: '芜检通立〔2026〕1号' },
});
export const transferCaseSupervisionResultNotifiedV1 = caseEntry({
  verb: 'SupervisionResultNotified',
  title: '告知立案监督结论',
  titleEn: 'Procuratorate tells the agency its conclusion',
  description: '不立案理由成立的，人民检察院告知移送机关；案件退回移送机关依法作出行政处理。',
  status: 'returned-to-agency',
  shape: { documentNo: documentNoSchema },
  example: { by: 'procuratorate.duty', documentNo: '芜检告〔2026〕1号' },
});
export const transferCaseNotFiledAcceptedV1 = caseEntry({
  verb: 'NotFiledAccepted',
  title: '接受不予立案决定',
  titleEn: 'Agency accepts the decision not to file',
  description: '移送机关接受不予立案决定，案件退回移送机关依法作出行政处理。',
  status: 'returned-to-agency',
  shape: {},
  example: {},
});
export const transferCaseHandedOverV1 = caseEntry({
  verb: 'HandedOver',
  title: '移交涉案物品和材料',
  titleEn: 'Seized items and materials handed over',
  description: '移送机关自接到立案通知书之日起3日内移交涉案物品和有关材料（第十二条）。',
  status: 'filed',
  shape: {},
  example: {},
});
export const transferCaseInvestigationConcludedV1 = caseEntry({
  verb: 'InvestigationConcluded',
  title: '侦查终结',
  titleEn: 'Investigation concluded',
  description: '公安机关侦查终结：移送审查起诉，或者撤销案件。',
  status: 'prosecuting',
  shape: { outcome: z.enum(['prosecution', 'withdrawn']) },
  example: { by: 'psb.duty', outcome: 'prosecution' },
});
export const transferCaseReverseTransferredV1 = caseEntry({
  verb: 'ReverseTransferred',
  title: '反向移送行政执法机关',
  titleEn: 'Returned to the agency for administrative liability',
  description: '不需要追究刑事责任但应当追究行政责任的，移送行政执法机关依法处理（第十条、第十三条）。',
  status: 'returned-to-agency',
  shape: { from: z.enum(['police', 'procuratorate']) },
  example: { by: 'psb.duty', from: 'police' },
});
export const transferCaseProsecutionDecidedV1 = caseEntry({
  verb: 'ProsecutionDecided',
  title: '起诉决定',
  titleEn: 'Procuratorate decides on prosecution',
  description: '人民检察院决定起诉（案件进入审判）或者不起诉（3个工作日内移送行政检察部门）。',
  status: 'in-court',
  shape: { prosecuted: z.boolean(), documentNo: documentNoSchema.optional() },
  example: { by: 'procuratorate.duty', prosecuted: true, courtDepartmentId: 'court' },
});
export const transferCaseReverseReferredV1 = caseEntry({
  verb: 'ReverseReferred',
  title: '移送行政检察部门',
  titleEn: 'Referred to the administrative procuratorial department',
  description: '不起诉后3个工作日内移送本院行政检察部门（指引第十二条）。',
  status: 'reverse-referred',
  shape: {},
  example: {},
});
export const transferCaseReverseRegisteredV1 = caseEntry({
  verb: 'ReverseRegistered',
  title: '行政检察部门登记受理',
  titleEn: 'Registered by the administrative procuratorial department',
  description: '行政检察部门登记受理，10个工作日内审查终结（指引第十二条）。',
  status: 'reverse-review',
  shape: {},
  example: {},
});
const pauseReason = z.enum(['consulting-procuratorate', 'reconsideration', 'victim-petition', 'suspect-petition']);
export const transferCaseReverseReviewSuspendedV1 = caseEntry({
  verb: 'ReverseReviewSuspended',
  title: '反向衔接审查中止',
  titleEn: 'Reverse-connection review suspended',
  description: '因复议、复核、申诉或者征求其他检察院意见，审查期限中止计算（指引第十三条）。',
  status: 'reverse-review',
  shape: { reason: pauseReason, documentNo: documentNoSchema.optional() },
  example: { by: 'procuratorate.duty', reason: 'victim-petition' },
});
export const transferCaseReverseReviewResumedV1 = caseEntry({
  verb: 'ReverseReviewResumed',
  title: '反向衔接审查恢复',
  titleEn: 'Reverse-connection review resumed',
  description: '中止事由消除，审查期限恢复计算。',
  status: 'reverse-review',
  shape: { reason: pauseReason },
  example: { by: 'procuratorate.duty', reason: 'victim-petition' },
});
export const transferCaseReverseReviewExtendedV1 = caseEntry({
  verb: 'ReverseReviewExtended',
  title: '反向衔接审查延长',
  titleEn: 'Reverse-connection review extended',
  description: '经检察长批准延长审查期限。',
  status: 'reverse-review',
  shape: { duration: isoDurationSchema, approvedBy: textSchema(100) },
  example: { by: 'procuratorate.duty', duration: 'P5D', approvedBy: 'procuratorate.head' },
});
export const transferCaseReverseReviewConcludedV1 = caseEntry({
  verb: 'ReverseReviewConcluded',
  title: '反向衔接审查终结',
  titleEn: 'Reverse-connection review concluded',
  description: '审查终结：需要给予行政处罚的，提出检察意见移送行政执法机关；否则结案。',
  status: 'returned-to-agency',
  shape: { penaltyAdvised: z.boolean(), documentNo: documentNoSchema },
  example: { by: 'procuratorate.duty', penaltyAdvised: true, documentNo: '芜检行意〔2026〕2号' },
});
export const transferCasePenaltyDecidedV1 = caseEntry({
  verb: 'PenaltyDecided',
  title: '行政处理决定',
  titleEn: 'Agency decides the administrative penalty',
  description: '退回的案件，行政执法机关作出行政处罚决定，或者说明不予处罚的理由。',
  status: 'closed',
  shape: { decided: z.boolean(), decisionNo: documentNoSchema.optional() },
  example: { decided: true, decisionNo: '芜市监罚〔2026〕301号' },
});
export const transferCaseJudgmentRecordedV1 = caseEntry({
  verb: 'JudgmentRecorded',
  title: '登记判决',
  titleEn: 'Judgment recorded',
  description: '人民法院登记判决，案件办结。',
  status: 'closed',
  shape: { documentNo: documentNoSchema },
  example: { by: 'court.duty', courtDepartmentId: 'court', documentNo: '（2026）皖02刑初45号' },
});
export const transferCaseDutyCrimeClueReferredV1 = caseEntry({
  verb: 'DutyCrimeClueReferred',
  title: '移送职务犯罪线索',
  titleEn: 'Duty-crime clue referred',
  description: '发现公职人员职务违法、职务犯罪线索的，移送监察机关或者人民检察院（第十九条）。',
  status: 'under-review',
  shape: { to: departmentIdSchema, toKind: z.enum(['supervisory-commission', 'procuratorate']) },
  example: { to: 'procuratorate', toKind: 'procuratorate' },
  subscribers: transferCaseSubscribers(['to']),
});
export const transferCaseClockBreachedV1 = caseEntry({
  verb: 'ClockBreached',
  title: '移送时限超期',
  titleEn: 'A time limit of the case breached',
  description: '案件的一项法定时限已超期，记入案件（有案难移的依据之一）。',
  status: 'under-review',
  shape: {
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,62}$/)
      .describe('the clock’s key in the case, e.g. filing-1'),
    policyId: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,127}$/),
  },
  example: { by: 'platform', key: 'filing-1', policyId: 'transfer.filing-decision' },
});

export const TRANSFER_CASE_ENTRIES = [
  transferCaseReportedV1,
  transferCaseApprovedV1,
  transferCaseRefusedV1,
  transferCaseTransferIncompleteV1,
  transferCaseTransferredV1,
  transferCaseReceivedV1,
  transferCasePassedOnV1,
  transferCaseMaterialsRequestedV1,
  transferCaseMaterialsCompletedV1,
  transferCaseDeclaredComplexV1,
  transferCaseFilingReviewExtendedV1,
  transferCaseFiledV1,
  transferCaseNotFiledV1,
  transferCaseReconsiderationRequestedV1,
  transferCaseReconsiderationDecidedV1,
  transferCaseSupervisionRequestedV1,
  transferCaseExplanationRequiredV1,
  transferCaseExplanationGivenV1,
  transferCaseExplanationReviewedV1,
  transferCaseSupervisionResultNotifiedV1,
  transferCaseNotFiledAcceptedV1,
  transferCaseHandedOverV1,
  transferCaseInvestigationConcludedV1,
  transferCaseReverseTransferredV1,
  transferCaseProsecutionDecidedV1,
  transferCaseReverseReferredV1,
  transferCaseReverseRegisteredV1,
  transferCaseReverseReviewSuspendedV1,
  transferCaseReverseReviewResumedV1,
  transferCaseReverseReviewExtendedV1,
  transferCaseReverseReviewConcludedV1,
  transferCasePenaltyDecidedV1,
  transferCaseJudgmentRecordedV1,
  transferCaseDutyCrimeClueReferredV1,
  transferCaseClockBreachedV1,
] as const;
