import * as z from 'zod';
import { defineEntry } from '../catalog-entry';
import { aggregateIdSchema, departmentIdSchema, isoDateTimeSchema, textSchema } from '../fields';
import { mediationReferralPublishers, mediationReferralSubscribers, referralShape } from '../parts/mediation';

// Referrals into the "1+4+N" caseflow (DOMAIN.md §3, intake): the court's pre-filing delegation
// (委派, 30 days) and post-filing entrustment (委托, 15 days ordinary / 7 days summary procedure;
// 法发〔2016〕14号 Art. 27), the police (警调对接) and the petition office (访调对接). The hub turns each
// into a case in its intake queue; the referring department keeps the right to see it.

const parties = [
  { id: 'p1', role: 'applicant', name: '张某', idNumber: '340202199001011234', phone: '13800000001' },
  { id: 'p2', role: 'respondent', name: '某建筑劳务有限公司', idNumber: '91340200MA2T8XLX4K' },
] as const;

export const mediationReferralDelegatedDataSchema = z.strictObject(referralShape);
export const mediationReferralDelegatedV1 = defineEntry({
  detailType: 'MediationReferral.Delegated',
  version: 1,
  title: '法院诉前委派调解',
  titleEn: 'Court delegates a dispute to mediation before filing',
  description: '人民法院在立案前将纠纷委派调解组织调解，调解期限30日，自委派之日起算。',
  descriptionEn: 'A court delegates a dispute before filing; the mediation period is 30 days from the delegation.',
  data: mediationReferralDelegatedDataSchema,
  publishers: mediationReferralPublishers('court'),
  subscribers: mediationReferralSubscribers,
  example: {
    meta: {
      eventId: '01KJMED0000000000000000D01',
      occurredAt: '2026-03-02T09:00:00+08:00',
      correlationId: 'FY-SQ-2026-0123',
      schemaVersion: 1,
    },
    data: {
      referenceNo: '（2026）皖0202民诉前调123号',
      title: '张某与某建筑劳务有限公司劳务费纠纷',
      summary: '申请人称被拖欠劳务费3.2万元，经法院引导同意先行调解。',
      disputeType: 'labour',
      regionCode: '340202001',
      amountFen: 3_200_000,
      peopleInvolved: 2,
      risk: 'medium',
      parties: [...parties],
      referredAt: '2026-03-02T09:00:00+08:00',
    },
  },
});

export const mediationReferralEntrustedDataSchema = z.strictObject({
  ...referralShape,
  procedure: z.enum(['ordinary', 'summary']).describe('ordinary: 15 days; summary procedure: 7 days'),
});
export const mediationReferralEntrustedV1 = defineEntry({
  detailType: 'MediationReferral.Entrusted',
  version: 1,
  title: '法院诉中委托调解',
  titleEn: 'Court entrusts a filed case to mediation',
  description: '人民法院立案后委托调解组织调解，普通程序15日、简易程序7日，自委托之日起算。',
  descriptionEn: 'A court entrusts a filed case to mediation: 15 days (ordinary) or 7 days (summary procedure).',
  data: mediationReferralEntrustedDataSchema,
  publishers: mediationReferralPublishers('court'),
  subscribers: mediationReferralSubscribers,
  example: {
    meta: {
      eventId: '01KJMED0000000000000000E01',
      occurredAt: '2026-03-03T10:00:00+08:00',
      correlationId: 'FY-MC-2026-0456',
      schemaVersion: 1,
    },
    data: {
      referenceNo: '（2026）皖0202民初456号',
      title: '李某与王某民间借贷纠纷',
      summary: '原告诉请被告返还借款5万元，承办法官委托调解。',
      disputeType: 'contract',
      regionCode: '340202002',
      amountFen: 5_000_000,
      peopleInvolved: 2,
      parties: [
        { id: 'p1', role: 'applicant', name: '李某', phone: '13800000011' },
        { id: 'p2', role: 'respondent', name: '王某', phone: '13800000012' },
      ],
      referredAt: '2026-03-03T10:00:00+08:00',
      procedure: 'summary',
    },
  },
});

export const mediationReferralPoliceReferredDataSchema = z.strictObject({
  ...referralShape,
  incidentNo: z.string().max(100).regex(/\S/).optional().describe('接处警编号'),
});
export const mediationReferralPoliceReferredV1 = defineEntry({
  detailType: 'MediationReferral.PoliceReferred',
  version: 1,
  title: '警调对接移送调解',
  titleEn: 'Police refer a dispute to mediation',
  description: '公安机关在接处警中发现适宜调解的民间纠纷，移送调解组织调解。',
  descriptionEn: 'Public security refers a civil dispute found on a call-out to mediation.',
  data: mediationReferralPoliceReferredDataSchema,
  publishers: mediationReferralPublishers('public-security'),
  subscribers: mediationReferralSubscribers,
  example: {
    meta: {
      eventId: '01KJMED0000000000000000P01',
      occurredAt: '2026-03-04T21:30:00+08:00',
      correlationId: 'JJ-2026-0304-0087',
      schemaVersion: 1,
    },
    data: {
      referenceNo: '镜公（城）调移字〔2026〕12号',
      title: '两户村民宅基地边界纠纷',
      summary: '双方因宅基地边界争执引发推搡，民警出警后移送调解。',
      disputeType: 'housing_homestead',
      regionCode: '340202003001',
      peopleInvolved: 5,
      risk: 'high',
      parties: [
        { id: 'p1', role: 'applicant', name: '陈某', phone: '13800000021' },
        { id: 'p2', role: 'respondent', name: '刘某', phone: '13800000022' },
      ],
      referredAt: '2026-03-04T21:30:00+08:00',
      incidentNo: 'JJ-2026-0304-0087',
    },
  },
});

export const mediationReferralPetitionReferredDataSchema = z.strictObject({
  ...referralShape,
  petitionNo: z.string().max(100).regex(/\S/).optional().describe('信访件编号'),
});
export const mediationReferralPetitionReferredV1 = defineEntry({
  detailType: 'MediationReferral.PetitionReferred',
  version: 1,
  title: '访调对接移送调解',
  titleEn: 'The petition office refers a dispute to mediation',
  description: '信访部门将适宜调解的信访事项移送调解组织调解。',
  descriptionEn: 'The letters-and-visits office refers a petition suitable for mediation.',
  data: mediationReferralPetitionReferredDataSchema,
  publishers: mediationReferralPublishers('petition'),
  subscribers: mediationReferralSubscribers,
  example: {
    meta: {
      eventId: '01KJMED0000000000000000F01',
      occurredAt: '2026-03-05T15:00:00+08:00',
      correlationId: 'XF-2026-0211',
      schemaVersion: 1,
    },
    data: {
      referenceNo: '镜信转〔2026〕21号',
      title: '小区业主与物业公司服务费纠纷',
      summary: '三十余户业主联名信访，反映物业服务不到位、拒交物业费。',
      disputeType: 'property_management',
      regionCode: '340202001',
      amountFen: 18_000_000,
      peopleInvolved: 34,
      risk: 'medium',
      parties: [
        { id: 'p1', role: 'applicant', name: '业主代表赵某', phone: '13800000031' },
        { id: 'p2', role: 'respondent', name: '某物业服务有限公司', idNumber: '91340200MA2NQ0LK1Q' },
      ],
      referredAt: '2026-03-05T15:00:00+08:00',
      petitionNo: 'XF-2026-0211',
    },
  },
});

// A referral the hub cannot take as sent (the catalog's schema admitted it; the caseflow's rules
// did not, e.g. an agent acting for no party of the case) is answered to the department that sent
// it, so that its system learns why and may send a corrected referral; nothing else happens.
export const mediationReferralRefusedDataSchema = z.strictObject({
  referralEventId: aggregateIdSchema.describe('the eventId of the refused referral'),
  referralDetailType: z.enum([
    'MediationReferral.Delegated',
    'MediationReferral.Entrusted',
    'MediationReferral.PoliceReferred',
    'MediationReferral.PetitionReferred',
  ]),
  referenceNo: textSchema(100),
  referringDepartmentId: departmentIdSchema,
  code: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .describe('the stable code of the refusal, e.g. mediation-case-invalid'),
  reason: textSchema(500).describe('the refusal in Chinese'),
  issues: z
    .array(z.strictObject({ path: z.string().max(200), code: z.string().max(64), message: textSchema(300) }))
    .max(50),
  refusedAt: isoDateTimeSchema,
});
export const mediationReferralRefusedV1 = defineEntry({
  detailType: 'MediationReferral.Refused',
  version: 1,
  title: '移送调解不予接收',
  titleEn: 'A referral to mediation could not be taken as sent',
  description: '调处中心无法按所送内容接收的委派、委托或移送，告知移送单位原因，便于更正后重新移送。',
  descriptionEn:
    'The hub could not take a referral as sent; the referring department is told why, so that it may send a corrected one.',
  data: mediationReferralRefusedDataSchema,
  publishers: { platform: true },
  subscribers: { fromData: ['referringDepartmentId'] },
  example: {
    meta: {
      eventId: '01KJMED0000000000000000R01',
      occurredAt: '2026-03-02T09:00:05+08:00',
      correlationId: '01KJMED0000000000000000D01',
      schemaVersion: 1,
    },
    data: {
      referralEventId: '01KJMED0000000000000000D01',
      referralDetailType: 'MediationReferral.Delegated',
      referenceNo: '（2026）皖0202民诉前调123号',
      referringDepartmentId: 'court',
      code: 'mediation-case-invalid',
      reason: '案件信息不完整',
      issues: [{ path: 'parties.2.actsFor', code: 'unknown-party', message: '代理人须代理本案的一方当事人' }],
      refusedAt: '2026-03-02T09:00:05+08:00',
    },
  },
});
