// The Chinese words of the mediation pages: the national dispute types, where a case came from, the
// steps of its timeline, its clocks' policies. The codes are the API's; words.test.ts checks each
// table against the domain's, so a new code cannot reach a page untranslated.

export const DISPUTE_TYPE_NAMES: Record<string, string> = {
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
};

export const SOURCE_NAMES: Record<string, string> = {
  window: '窗口受理',
  hotline: '12345热线',
  online: '网上申请',
  'court-delegation': '法院诉前委派',
  'court-entrustment': '法院诉中委托',
  police: '警调对接',
  petition: '访调对接',
  screening: '排查发现',
};

export const RISK_NAMES: Record<string, string> = { low: '低', medium: '中', high: '高' };

export const TIER_NAMES: Record<string, string> = {
  ordinary: '一般纠纷（就地化解）',
  difficult: '疑难纠纷（专班攻坚）',
  major: '重大纠纷（领导包案）',
};

export const STATUS_NAMES: Record<string, string> = {
  queued: '待分派',
  dispatched: '已分派待接收',
  accepted: '已接收',
  mediating: '调解中',
  agreed: '已达成协议',
  failed: '调解不成',
  closed: '已结案',
};

export const PARTY_ROLE_NAMES: Record<string, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  agent: '代理人',
};

export const ROUTE_NAMES: Record<string, string> = {
  arbitration: '仲裁',
  'administrative-ruling': '行政裁决',
  litigation: '诉讼',
};

export const RISK_KIND_NAMES: Record<string, string> = {
  violence: '可能激化为暴力事件',
  'civil-to-criminal': '可能民转刑',
  'group-petition': '可能引发群体性上访',
};

export const CONSENT_VIA_NAMES: Record<string, string> = { signed: '当面签字', phone: '电话确认', online: '网上确认' };
export const SATISFACTION_VIA_NAMES: Record<string, string> = { call: '电话回访', link: '短信链接' };
export const HONOURED_NAMES: Record<string, string> = { full: '全部履行', partial: '部分履行', none: '未履行' };

/** Every step a case's timeline can hold (MediationCase.* events). */
export const EVENT_NAMES: Record<string, string> = {
  'MediationCase.Received': '受理登记',
  'MediationCase.ConsentRecorded': '记录当事人意愿',
  'MediationCase.Dispatched': '分派调解组织',
  'MediationCase.Accepted': '调解组织接收',
  'MediationCase.Returned': '调解组织退回',
  'MediationCase.MediatorsAssigned': '指定调解员',
  'MediationCase.TierSet': '确定分级处置',
  'MediationCase.SessionRecorded': '记录调解过程',
  'MediationCase.Extended': '经双方同意延长期限',
  'MediationCase.Paused': '中止计时',
  'MediationCase.Resumed': '恢复计时',
  'MediationCase.RiskReported': '向公安机关报告风险',
  'MediationCase.RiskReceived': '公安机关签收风险报告',
  'MediationCase.Agreed': '达成调解协议',
  'MediationCase.Failed': '调解不成，告知其他途径',
  'MediationCase.ConfirmationApplied': '申请司法确认',
  'MediationCase.ConfirmationAccepted': '法院受理司法确认',
  'MediationCase.ConfirmationDecided': '法院作出司法确认决定',
  'MediationCase.PerformanceRecorded': '记录协议履行情况',
  'MediationCase.Closed': '结案',
  'MediationCase.Visited': '回访',
  'MediationCase.SatisfactionRecorded': '记录满意度',
};

/** The Chinese names of the clock policies mediation starts (default-policies.ts). */
export const POLICY_NAMES: Record<string, string> = {
  'mediation.court-delegated': '诉前委派调解期限',
  'mediation.court-entrusted': '诉中委托调解期限（普通程序）',
  'mediation.court-entrusted-summary': '诉中委托调解期限（简易程序）',
  'mediation.default': '人民调解期限',
  'mediation.judicial-confirmation-application': '申请司法确认期限',
  'mediation.judicial-confirmation-acceptance': '司法确认受理期限',
  'mediation.judicial-confirmation-decision': '司法确认审查期限',
  'mediation.dispatch-answer': '调解组织接收或退回分派案件期限',
  'mediation.respondent-answer': '被申请人答复是否同意调解期限',
  'mediation.performance': '调解协议履行期限',
  'mediation.risk-police-receipt': '公安机关签收调解风险报告',
  'mediation.follow-up-visit': '结案回访期限',
};

export const CLOCK_STATUS_NAMES: Record<string, string> = {
  running: '计时中',
  paused: '已中止',
  met: '已按时完成',
  breached: '已超期',
  cancelled: '已撤销',
};

/** A code's Chinese name; an unknown code reads as "其他" rather than leaking the code onto a zh page. */
export const nameOf = (table: Record<string, string>, code: string | undefined): string =>
  (code !== undefined ? table[code] : undefined) ?? '—';

/** 3,200,000 fen → "32,000.00 元". */
export function yuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}
