// The words of the "1+4+N" caseflow (DOMAIN.md §3): the national dispute-type statistics, where a
// case came from, how hard it is, and the routes a party is told of when mediation fails. Codes are
// the API contract; the Chinese names are what pages and reports print.

/** Dispute types of the national people's-mediation statistics, in their printed order. */
export const DISPUTE_TYPES = {
  marriage_family: '婚姻家庭',
  neighbourhood: '邻里',
  housing_homestead: '房屋宅基地',
  contract: '合同',
  business: '生产经营',
  damages: '损害赔偿',
  forest_land: '山林土地',
  land_acquisition: '征地拆迁',
  environment: '环境污染',
  labour: '劳动争议',
  consumer: '消费',
  medical: '医疗',
  traffic: '道路交通事故',
  property_management: '物业',
  other: '其他',
} as const;
export type DisputeType = keyof typeof DISPUTE_TYPES;
export const DISPUTE_TYPE_CODES = Object.keys(DISPUTE_TYPES) as DisputeType[];

/**
 * Where a case came from. The ministry's statistics group them as 主动调解 (screening), 申请调解
 * (a party applied) and 接受委托移送 (a referral from a court, the police or the petition office).
 */
export const INTAKE_SOURCES = {
  window: { name: '窗口受理', group: 'applied' },
  hotline: { name: '12345热线', group: 'applied' },
  online: { name: '网上申请', group: 'applied' },
  'court-delegation': { name: '法院诉前委派', group: 'referred' },
  'court-entrustment': { name: '法院诉中委托', group: 'referred' },
  police: { name: '警调对接', group: 'referred' },
  petition: { name: '访调对接', group: 'referred' },
  screening: { name: '排查发现', group: 'proactive' },
} as const;
export type IntakeSource = keyof typeof INTAKE_SOURCES;
export const INTAKE_SOURCE_CODES = Object.keys(INTAKE_SOURCES) as IntakeSource[];
export const INTAKE_GROUP_NAMES = { applied: '申请调解', referred: '接受委托移送', proactive: '主动调解' } as const;

/** Sources whose referring department keeps the right to see the case (DOMAIN.md §3, access). */
export function isReferral(source: IntakeSource): boolean {
  return INTAKE_SOURCES[source].group === 'referred';
}

/** Tiered handling (Wulong item 50): on the spot, a special team, or a responsible leader. */
export const TIERS = {
  ordinary: '一般纠纷（就地化解）',
  difficult: '疑难纠纷（专班攻坚）',
  major: '重大纠纷（领导包案）',
} as const;
export type Tier = keyof typeof TIERS;

export const RISK_LEVELS = { low: '低', medium: '中', high: '高' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;

/** Risks reported to public security at once (人民调解法 Art. 25). */
export const RISK_KINDS = {
  violence: '可能激化为暴力事件',
  'civil-to-criminal': '可能民转刑',
  'group-petition': '可能引发群体性上访',
} as const;
export type RiskKind = keyof typeof RISK_KINDS;

/** The other routes a party is told of when mediation fails (人民调解法 Art. 26). */
export const OTHER_ROUTES = { arbitration: '仲裁', 'administrative-ruling': '行政裁决', litigation: '诉讼' } as const;
export type OtherRoute = keyof typeof OTHER_ROUTES;

export const PARTY_ROLES = { applicant: '申请人', respondent: '被申请人', agent: '代理人' } as const;
export type PartyRole = keyof typeof PARTY_ROLES;
