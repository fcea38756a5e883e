import type { ClockPolicy, EscalationRule } from './policy-schema';

// The national defaults of every clock in DOMAIN.md §1, §3, §4 and §5. A city tightens them with
// applyPolicyOverrides (policies.ts); it must not loosen a verified statutory limit.
// `verified: false` marks a default that is a city policy, a local practice or a best reading the
// deploying city must confirm. "日" in the transfer rules is counted in calendar days with holiday
// roll-forward (the regulation does not define it; a city may switch to workingDays).

const HOUR_WARNINGS = ['PT2H', 'PT1H', 'PT30M'];
const DAY_WARNINGS = ['P1D', 'PT4H'];
const MONTH_WARNINGS = ['P7D', 'P1D'];
const ESCALATION: EscalationRule = { ackWindow: 'PT10M', remindEvery: 'PT30M' };

const TRANSFER_REGULATION = '《行政执法机关移送涉嫌犯罪案件的规定》(国务院令第310号, 第730号修订)';
const POLICE_PROCEDURE = '公安部《公安机关办理刑事案件程序规定》(2020)';
const PROCURATORATE_RULES = '《人民检察院刑事诉讼规则》(2019)';

type Days = 'calendarDays' | 'workingDays';

function hoursClock(policy: Omit<ClockPolicy, 'counting' | 'warnings' | 'escalation'>): ClockPolicy {
  return { ...policy, counting: 'hours', warnings: HOUR_WARNINGS, escalation: ESCALATION };
}

function daysClock(
  counting: Days,
  policy: Omit<ClockPolicy, 'counting' | 'warnings' | 'escalation' | 'pausable'> & { pausable?: boolean },
): ClockPolicy {
  return { pausable: false, ...policy, counting, warnings: DAY_WARNINGS, escalation: ESCALATION };
}

function monthsClock(
  policy: Omit<ClockPolicy, 'counting' | 'warnings' | 'escalation' | 'pausable'> & { pausable?: boolean },
): ClockPolicy {
  return { pausable: false, ...policy, counting: 'months', warnings: MONTH_WARNINGS, escalation: ESCALATION };
}

export const OPINION_POLICIES: readonly ClockPolicy[] = [
  hoursClock({
    id: 'opinion.release',
    name: '权威信息发布（Ⅰ、Ⅱ级突发事件）',
    nameEn: 'Authoritative release (level I/II emergency)',
    startsOn: '突发事件发生时间（不是报告时间） / the event occurrence time, not the report time',
    duration: 'PT5H',
    pausable: false,
    source:
      '国办发〔2016〕80号 (implementing rules): authoritative information within 5 h of a major emergency; seed 芜湖 item 32',
    verified: true,
  }),
  hoursClock({
    id: 'opinion.press-conference',
    name: '新闻发布会（Ⅰ、Ⅱ级突发事件）',
    nameEn: 'Press conference (level I/II emergency)',
    startsOn: '突发事件发生时间 / the event occurrence time',
    duration: 'PT24H',
    pausable: false,
    source:
      '国办发〔2016〕61号《关于在政务公开工作中进一步做好政务舆情回应的通知》: press conference within 24 h for particularly major and major emergencies',
    verified: true,
  }),
  hoursClock({
    id: 'opinion.timely-release',
    name: '及时发布（Ⅲ、Ⅳ级突发事件）',
    nameEn: 'Timely release (level III/IV emergency)',
    startsOn: '突发事件发生时间 / the event occurrence time',
    duration: 'PT24H',
    pausable: false,
    source: 'City policy; 24 h is a default, no national time limit for level III/IV — confirm locally',
    verified: false,
  }),
  hoursClock({
    id: 'opinion.hot-topic-response',
    name: '政务舆情热点回应',
    nameEn: 'Response to a non-emergency hot topic',
    startsOn: '舆情监测发现时间 / discovery by public-opinion monitoring',
    duration: 'PT48H',
    pausable: false,
    source: '国办发〔2016〕61号: respond to other government public-opinion hot topics within 48 h',
    verified: true,
  }),
];

export const MEDIATION_POLICIES: readonly ClockPolicy[] = [
  daysClock('calendarDays', {
    id: 'mediation.court-delegated',
    name: '诉前委派调解期限',
    nameEn: 'Court pre-filing delegated mediation',
    startsOn: '人民法院委派之日 / the day the court delegates the dispute',
    duration: 'P30D',
    pausable: true,
    source:
      '法释〔2016〕14号 Art. 27 (as cited in DOMAIN.md; the SPC opinion is usually numbered 法发〔2016〕14号): pre-filing delegation 30 days',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'mediation.court-entrusted',
    name: '诉中委托调解期限（普通程序）',
    nameEn: 'Court post-filing entrusted mediation (ordinary procedure)',
    startsOn: '人民法院委托之日 / the day the court entrusts the dispute',
    duration: 'P15D',
    source: '法释〔2016〕14号 Art. 27: post-filing entrustment 15 days',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'mediation.court-entrusted-summary',
    name: '诉中委托调解期限（简易程序）',
    nameEn: 'Court post-filing entrusted mediation (summary procedure)',
    startsOn: '人民法院委托之日 / the day the court entrusts the dispute',
    duration: 'P7D',
    source: '法释〔2016〕14号 Art. 27: post-filing entrustment under summary procedure 7 days',
    verified: true,
  }),
  monthsClock({
    id: 'mediation.default',
    name: '人民调解期限',
    nameEn: "People's mediation time limit",
    startsOn: '调解组织受理纠纷之日 / the day the mediation organisation accepts the dispute',
    duration: 'P1M',
    pausable: true,
    extension: { allowedRoles: ['mediator', 'hub-dispatcher'], maxTimes: 1, maxTotal: 'P1M' },
    source:
      '司法部《人民调解工作若干规定》第33条: 一般在一个月内调结; extension with both parties\u2019 consent ' +
      '(limits of one extension of at most one month are a city default)',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'mediation.judicial-confirmation-application',
    name: '申请司法确认期限',
    nameEn: 'Joint application for judicial confirmation',
    startsOn: '调解协议生效之日 / the day the mediation agreement takes effect',
    duration: 'P30D',
    source:
      '《人民调解法》Art. 33; 《民事诉讼法》Art. 205: joint application within 30 days of the agreement taking effect',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'mediation.judicial-confirmation-acceptance',
    name: '司法确认受理期限',
    nameEn: 'Court accepts a judicial-confirmation application',
    startsOn: '人民法院收到申请之日 / the day the court receives the application',
    duration: 'P3D',
    source: 'DOMAIN.md (no provision named): court accepts within 3 days; presumably 法释〔2011〕5号 — confirm',
    verified: false,
  }),
  daysClock('calendarDays', {
    id: 'mediation.judicial-confirmation-decision',
    name: '司法确认审查期限',
    nameEn: 'Court decides on judicial confirmation',
    startsOn: '人民法院受理之日 / the day the court accepts the application',
    duration: 'P15D',
    extension: { allowedRoles: ['court-president'], maxTimes: 1, maxTotal: 'P10D' },
    source:
      'DOMAIN.md (no provision named): decision within 15 days, +10 days with approval; presumably 法释〔2011〕5号 — confirm',
    verified: false,
  }),
];

export const TRANSFER_POLICIES: readonly ClockPolicy[] = [
  daysClock('calendarDays', {
    id: 'transfer.head-approval',
    name: '移送审批',
    nameEn: 'Agency head approves or refuses the transfer',
    startsOn: '专案组提交移送书面报告之日 / the day the written transfer report reaches the agency head',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 5: approve or refuse within 3 days of the report`,
    verified: true,
  }),
  hoursClock({
    id: 'transfer.to-police',
    name: '向公安机关移送',
    nameEn: 'Transfer to public security',
    startsOn: '负责人批准移送时 / the head approves the transfer',
    duration: 'PT24H',
    pausable: false,
    source: `${TRANSFER_REGULATION} Art. 5: once approved, transfer to public security of the same level within 24 h`,
    verified: true,
  }),
  hoursClock({
    id: 'transfer.police-pass-on',
    name: '非本机关管辖的转送',
    nameEn: 'Public security passes on a case outside its jurisdiction',
    startsOn: '公安机关接受移送时 / public security receives the transfer',
    duration: 'PT24H',
    pausable: false,
    source: `${TRANSFER_REGULATION} Art. 7: not its jurisdiction — pass on within 24 h and tell the agency`,
    verified: true,
  }),
  hoursClock({
    id: 'transfer.police-notify-incomplete',
    name: '材料不全的补正告知',
    nameEn: 'Public security notifies incomplete materials',
    startsOn: '公安机关接受移送时 / public security receives the transfer',
    duration: 'PT24H',
    pausable: false,
    source: `${POLICE_PROCEDURE} Art. 180: materials incomplete — notify the agency within 24 h`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.agency-complete-materials',
    name: '移送机关补正材料',
    nameEn: 'Agency completes the materials',
    startsOn: '收到补正告知之日 / the day the agency receives the notice',
    duration: 'P3D',
    source: `${POLICE_PROCEDURE} Art. 180: the agency completes the materials within 3 days`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.filing-decision',
    name: '公安机关立案审查',
    nameEn: 'Public security decides whether to file the case',
    startsOn: '公安机关接受移送之日 / the day public security accepts the transfer',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 8: decide to file or not within 3 days of acceptance`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.filing-decision-economic',
    name: '经济犯罪案件立案审查',
    nameEn: 'Filing decision, economic crime',
    startsOn: '公安机关接受移送之日 / the day public security accepts the transfer',
    duration: 'P10D',
    source: '公安部、最高检《公安机关办理经济犯罪案件的若干规定》(2017) Art. 16: economic crimes at the latest 10 days',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.filing-decision-economic-complex',
    name: '经济犯罪案件立案审查（重大、疑难、复杂）',
    nameEn: 'Filing decision, complex economic crime',
    startsOn: '公安机关接受移送之日 / the day public security accepts the transfer',
    duration: 'P30D',
    extension: { allowedRoles: ['police-head'], maxTimes: 1, maxTotal: 'P30D' },
    source:
      '《公安机关办理经济犯罪案件的若干规定》(2017) Art. 16: complex cases 30 days, special cases +30 days with approval',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.reconsideration-request',
    name: '提请复议',
    nameEn: 'Agency requests reconsideration of a refusal to file',
    startsOn: '收到不予立案决定之日 / the day the agency receives the refusal',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 9: the agency may ask for reconsideration within 3 days`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.reconsideration-decision',
    name: '复议决定',
    nameEn: 'Public security decides the reconsideration',
    startsOn: '收到复议申请之日 / the day public security receives the request',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 9; ${POLICE_PROCEDURE} Art. 181: reconsideration decided within 3 days`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.filing-supervision-request',
    name: '建议立案监督',
    nameEn: 'Agency asks the procuratorate for filing supervision',
    startsOn: '收到复议决定之日 / the day the agency receives the reconsideration decision',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 9: the agency may ask the procuratorate for filing supervision within 3 days`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.supervision-explanation',
    name: '说明不立案理由',
    nameEn: 'Public security explains why it did not file',
    startsOn: '收到要求说明理由通知书之日 / the day public security receives the notice',
    duration: 'P7D',
    source: `${PROCURATORATE_RULES} Arts. 560–564: public security explains within 7 days`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.supervision-filing',
    name: '通知立案后立案',
    nameEn: 'Public security files after the notice to file',
    startsOn: '收到通知立案书之日 / the day public security receives the notice to file',
    duration: 'P15D',
    source: `${PROCURATORATE_RULES} Arts. 560–564: files within 15 days of the notice`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.supervision-notice-to-agency',
    name: '告知移送机关监督结果',
    nameEn: 'Procuratorate tells the agency the reasons stand',
    startsOn: '认定不立案理由成立之日 / the day the procuratorate finds the reasons stand',
    duration: 'P10D',
    source: `${PROCURATORATE_RULES} Arts. 560–564: tells the agency within 10 days when the reasons stand`,
    verified: true,
  }),
  monthsClock({
    id: 'transfer.supervision-urging',
    name: '立案后久侦不结催办',
    nameEn: 'Urging letter when a filed case is not concluded',
    startsOn: '公安机关立案之日 / the day public security files the case',
    duration: 'P3M',
    source: `${PROCURATORATE_RULES} Arts. 560–564: 3 months after filing without conclusion, an urging letter`,
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'transfer.handover-materials',
    name: '移交涉案物品和材料',
    nameEn: 'Agency hands over seized items and materials',
    startsOn: '收到立案通知之日 / the day the agency is told the case is filed',
    duration: 'P3D',
    source: `${TRANSFER_REGULATION} Art. 12: hand over seized items and materials within 3 days of filing`,
    verified: true,
  }),
  daysClock('workingDays', {
    id: 'transfer.reverse-referral',
    name: '不起诉后反向移送',
    nameEn: 'Reverse referral to the administrative department after non-prosecution',
    startsOn: '不起诉决定作出之日 / the day the non-prosecution decision is made',
    duration: 'P3D',
    source: '最高检 2024 guideline on two-way enforcement–criminal connection, Art. 12: within 3 working days',
    verified: true,
  }),
  daysClock('workingDays', {
    id: 'transfer.reverse-review',
    name: '反向移送审查',
    nameEn: 'Review of a reverse referral',
    startsOn: '收到检察意见之日 / the day the opinion is received',
    duration: 'P10D',
    source: '最高检 2024 guideline, Art. 12: review within 10 working days',
    verified: true,
  }),
  monthsClock({
    id: 'recommendation.procuratorial-reply',
    name: '检察建议回复',
    nameEn: 'Reply to a procuratorial recommendation',
    startsOn: '收到检察建议书之日 / the day the recommendation is received',
    duration: 'P2M',
    source:
      'DOMAIN.md (no provision named): answered within 2 months; urgent: shorter, set in the recommendation — confirm',
    verified: false,
  }),
  monthsClock({
    id: 'recommendation.public-interest-reply',
    name: '公益诉讼诉前检察建议回复',
    nameEn: 'Reply to a public-interest pre-suit recommendation',
    startsOn: '收到检察建议书之日 / the day the recommendation is received',
    duration: 'P2M',
    source:
      'DOMAIN.md (no provision named): public-interest pre-suit recommendation answered within 2 months — confirm',
    verified: false,
  }),
  daysClock('calendarDays', {
    id: 'recommendation.public-interest-urgent-reply',
    name: '公益诉讼诉前检察建议回复（紧急）',
    nameEn: 'Reply to an urgent public-interest pre-suit recommendation',
    startsOn: '收到检察建议书之日 / the day the recommendation is received',
    duration: 'P15D',
    source:
      'DOMAIN.md (no provision named): urgent public-interest pre-suit recommendation answered within 15 days — confirm',
    verified: false,
  }),
  monthsClock({
    id: 'recommendation.judicial-reply',
    name: '司法建议回复',
    nameEn: 'Reply to a judicial recommendation',
    startsOn: '收到司法建议书之日 / the day the recommendation is received',
    duration: 'P2M',
    source:
      'DOMAIN.md (no provision named): within the period the court sets, generally at most 2 months — a clock per recommendation may tighten it',
    verified: false,
  }),
];

export const INTEGRITY_POLICIES: readonly ClockPolicy[] = [
  daysClock('workingDays', {
    id: 'integrity.verification',
    name: '失信记录核实',
    nameEn: 'Verification of an integrity-failure report',
    startsOn: '上级或主管部门收到报送之日 / the day the superior or competent department receives the report',
    duration: 'P10D',
    pausable: true,
    source:
      'Jilin practice: verification within 10 working days (a local practice, no national limit — confirm locally)',
    verified: false,
  }),
  daysClock('workingDays', {
    id: 'integrity.objection-decision',
    name: '异议处理',
    nameEn: 'Decision on an objection by the subject',
    startsOn: '收到异议申请之日 / the day the objection is received',
    duration: 'P7D',
    source: 'Local credit statutes (上海, 山东, 河南, 深圳): 3–7 working days; 7 is the loosest — set the local figure',
    verified: false,
  }),
  daysClock('calendarDays', {
    id: 'integrity.sme-payment',
    name: '中小企业款项支付',
    nameEn: 'Payment to an SME',
    startsOn: '交付货物、工程、服务之日 / the day goods, works or services are delivered',
    duration: 'P30D',
    source: '《保障中小企业款项支付条例》(2025 revision) Art. 9: government bodies pay within 30 days of delivery',
    verified: true,
  }),
  daysClock('calendarDays', {
    id: 'integrity.sme-payment-contract',
    name: '中小企业款项支付（合同约定）',
    nameEn: 'Payment to an SME, period agreed in the contract',
    startsOn: '交付货物、工程、服务之日 / the day goods, works or services are delivered',
    duration: 'P60D',
    source: '《保障中小企业款项支付条例》(2025 revision) Art. 9: a contract may agree a period of at most 60 days',
    verified: true,
  }),
  monthsClock({
    id: 'integrity.publication-end-minor',
    name: '轻微失信信息公示期满',
    nameEn: 'End of publication, minor record',
    startsOn: '司法或行政文书作出之日 / the date of the judicial or administrative document',
    duration: 'P3M',
    source:
      '国办发〔2025〕22号; NDRC《信用修复管理办法》(令第36号): minor records normally not published, at most 3 months',
    verified: true,
  }),
  monthsClock({
    id: 'integrity.publication-end-general',
    name: '一般失信信息公示期满',
    nameEn: 'End of publication, general record',
    startsOn: '司法或行政文书作出之日 / the date of the judicial or administrative document',
    duration: 'P1Y',
    source: '国办发〔2025〕22号; 令第36号: general records at least 3 months, at most 1 year',
    verified: true,
  }),
  monthsClock({
    id: 'integrity.publication-end-serious',
    name: '严重失信信息公示期满',
    nameEn: 'End of publication, serious record',
    startsOn: '司法或行政文书作出之日 / the date of the judicial or administrative document',
    duration: 'P3Y',
    source: '国办发〔2025〕22号; 令第36号: serious records at least 1 year, at most 3 years',
    verified: true,
  }),
];

export const DEFAULT_POLICY_LIST: readonly ClockPolicy[] = [
  ...OPINION_POLICIES,
  ...MEDIATION_POLICIES,
  ...TRANSFER_POLICIES,
  ...INTEGRITY_POLICIES,
];
