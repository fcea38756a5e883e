import type { ReceiveCommand } from './case-state';
import type { MediationStructure } from './structure';

export const DAY = 86_400_000;
/** 2026-03-02 09:00 Beijing time. */
export const T0 = Date.parse('2026-03-02T09:00:00+08:00');

export function courtDelegation(over: Partial<ReceiveCommand> = {}): ReceiveCommand {
  return {
    id: '01JMEDCASE000000000000000A',
    title: '张某与某建筑公司劳务费纠纷',
    summary: '申请人称被拖欠劳务费 3.2 万元',
    source: 'court-delegation',
    referral: { departmentId: 'court', referenceNo: '（2026）皖0202民诉前调123号' },
    disputeType: 'labour',
    regionCode: '340202001',
    amountFen: 3_200_000,
    peopleInvolved: 2,
    risk: 'medium',
    parties: [
      { id: 'p1', role: 'applicant', name: '张某', idNumber: '340202199001011234', phone: '13800000001' },
      { id: 'p2', role: 'respondent', name: '某建筑公司', idNumber: '91340200MA2XXXXX0X' },
      { id: 'p3', role: 'agent', actsFor: 'p2', name: '李律师', phone: '13800000003' },
    ],
    receivedAt: T0,
    by: 'court-system',
    ...over,
  };
}

export const STRUCTURE: MediationStructure = {
  hub: {
    name: '镜湖区矛盾纠纷多元化解中心',
    regionCode: '340202',
    departmentId: 'justice',
    riskReportDepartmentId: 'psb',
  },
  regions: [
    { code: '340202', name: '镜湖区' },
    { code: '340202001', name: '范罗山街道' },
  ],
  channels: [
    { id: 'people', name: '人民调解', active: true },
    { id: 'administrative', name: '行政调解', active: true },
  ],
  organisations: [
    {
      id: 'town-a-labour',
      name: '范罗山街道劳动争议调委会',
      kind: 'professional',
      channelId: 'people',
      regionCode: '340202001',
      disputeTypes: ['labour'],
      mediators: [
        { id: 'm1', name: '王调解', phone: '13900000001', qualifications: ['三级人民调解员'], fullTime: true },
        { id: 'm2', name: '赵调解', phone: '13900000002', qualifications: [], fullTime: true },
      ],
      active: true,
    },
    {
      id: 'town-a',
      name: '范罗山街道人民调解委员会',
      kind: 'township',
      channelId: 'people',
      regionCode: '340202001',
      disputeTypes: ['labour', 'neighbourhood', 'marriage_family', 'other'],
      mediators: [{ id: 'm3', name: '钱调解', phone: '13900000003', qualifications: [], fullTime: true }],
      active: true,
    },
    {
      id: 'village-b',
      name: '某社区人民调解委员会',
      kind: 'village',
      channelId: 'people',
      regionCode: '340202001002',
      disputeTypes: ['neighbourhood', 'marriage_family'],
      mediators: [{ id: 'm4', name: '孙调解', phone: '13900000004', qualifications: [], fullTime: false }],
      active: true,
    },
    {
      id: 'county-medical',
      name: '区医疗纠纷人民调解委员会',
      kind: 'professional',
      channelId: 'people',
      regionCode: '340202',
      disputeTypes: ['medical'],
      mediators: [{ id: 'm5', name: '周调解', phone: '13900000005', qualifications: [], fullTime: true }],
      active: true,
    },
  ],
};
