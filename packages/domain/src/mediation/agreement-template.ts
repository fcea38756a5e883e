import * as z from 'zod';
import { cityDayOf, civilFromDay } from '../clocks/city-time';
import { DomainError, type DomainIssue, issue } from '../domain-error';
import type { Party } from './case-types';
import { DISPUTE_TYPES, type DisputeType, PARTY_ROLES } from './taxonomy';

// The 人民调解协议书 (人民调解法 Art. 29) as configuration: a city edits the title, the preamble, the
// numbered sections and the signature and seal lines; the case fills the placeholders ({{facts}},
// {{terms}}, …). Rendering is one pass: a value that itself contains "{{…}}" is printed as typed,
// never expanded. The PDF (functions/mediation/read/agreement-pdf.ts) only lays out what this gives.

/** Placeholders any part of the template may use, with what they print (docs/MEDIATION.md). */
export const AGREEMENT_PLACEHOLDERS = {
  documentNo: '协议书编号',
  'organisation.name': '人民调解委员会（调解组织）名称',
  'applicant.name': '申请人姓名（名称），多人以顿号分隔',
  'applicant.idNumber': '申请人证件号码',
  'applicant.phone': '申请人联系电话',
  'respondent.name': '被申请人姓名（名称），多人以顿号分隔',
  'respondent.idNumber': '被申请人证件号码',
  'respondent.phone': '被申请人联系电话',
  parties: '全部当事人及代理人，每人一行（身份、姓名、证件号码、联系电话）',
  facts: '纠纷主要事实、争议事项',
  terms: '协议条款，逐条编号，每条一行',
  amount: '协议涉及金额（人民币）',
  performanceDueAt: '履行期限（年月日）',
  agreedAt: '协议日期（年月日）',
  disputeType: '纠纷类型',
  mediators: '人民调解员姓名',
} as const;
/** Only in `signatures.party`, printed once for each applicant and respondent. */
export const PARTY_LINE_PLACEHOLDERS = {
  'party.role': '当事人身份（申请人、被申请人）',
  'party.name': '当事人姓名（名称）',
} as const;
export type AgreementPlaceholder = keyof typeof AGREEMENT_PLACEHOLDERS;

const line = (max: number) => z.string().trim().min(1, '不能为空').max(max, `最多 ${max} 个字符`);
const body = (max: number) => z.string().max(max, `最多 ${max} 个字符`);

export const agreementTemplateSchema = z
  .object({
    title: line(60),
    preamble: body(1000),
    sections: z
      .array(z.object({ heading: line(100), body: body(4000) }).strict())
      .min(1, '至少一节')
      .max(20, '最多 20 节'),
    signatures: z.object({ party: line(200), lines: z.array(body(200)).max(10, '最多 10 行') }).strict(),
  })
  .strict();
export type AgreementTemplate = z.infer<typeof agreementTemplateSchema>;

export const DEFAULT_AGREEMENT_TEMPLATE: AgreementTemplate = {
  title: '人民调解协议书',
  preamble: '编号：{{documentNo}}',
  sections: [
    { heading: '当事人', body: '{{parties}}' },
    { heading: '纠纷主要事实、争议事项', body: '{{facts}}' },
    { heading: '经调解，当事人自愿达成如下协议', body: '{{terms}}\n协议涉及金额：{{amount}}。' },
    { heading: '履行方式、时限', body: '当事人应于{{performanceDueAt}}前履行完毕。' },
    {
      heading: '协议效力',
      body: '本协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议书一式三份，双方当事人、{{organisation.name}}各执一份。',
    },
  ],
  signatures: {
    party: '{{party.role}}（签名、盖章或按指印）：',
    lines: ['人民调解员（签名）：', '{{organisation.name}}（印）', '{{agreedAt}}'],
  },
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every placeholder the text names, and whether braces are left unmatched. */
function scan(text: string): { names: string[]; stray: boolean } {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const rest = text.replace(PLACEHOLDER, '');
  return { names, stray: rest.includes('{{') || rest.includes('}}') };
}

/** The template's texts, each with its path, and whether it is the per-party signature line. */
function textsOf(t: AgreementTemplate): { path: (string | number)[]; text: string; party: boolean }[] {
  return [
    { path: ['title'], text: t.title, party: false },
    { path: ['preamble'], text: t.preamble, party: false },
    ...t.sections.flatMap((s, i) => [
      { path: ['sections', i, 'heading'], text: s.heading, party: false },
      { path: ['sections', i, 'body'], text: s.body, party: false },
    ]),
    { path: ['signatures', 'party'], text: t.signatures.party, party: true },
    ...t.signatures.lines.map((text, i) => ({ path: ['signatures', 'lines', i], text, party: false })),
  ];
}

/** Art. 29: the agreement states the parties, the facts, the terms and the performance deadline. */
const REQUIRED: { any: AgreementPlaceholder[]; message: string }[] = [
  { any: ['parties', 'applicant.name'], message: '模板须写明当事人：{{parties}} 或 {{applicant.name}}' },
  { any: ['facts'], message: '模板须写明纠纷事实：{{facts}}' },
  { any: ['terms'], message: '模板须写明协议条款：{{terms}}' },
  { any: ['performanceDueAt'], message: '模板须写明履行期限：{{performanceDueAt}}' },
];

/**
 * The template, or a 422 naming every unknown placeholder (with where it is), every unmatched
 * brace, and every item of Art. 29 the template leaves out.
 */
export function validateAgreementTemplate(t: AgreementTemplate): AgreementTemplate {
  const problems: DomainIssue[] = [];
  const used = new Set<string>();
  for (const x of textsOf(t)) {
    const { names, stray } = scan(x.text);
    for (const n of names) {
      used.add(n);
      const known = n in AGREEMENT_PLACEHOLDERS || (x.party && n in PARTY_LINE_PLACEHOLDERS);
      if (!known)
        problems.push(
          issue(
            x.path,
            'unknown-placeholder',
            n in PARTY_LINE_PLACEHOLDERS ? `占位符 {{${n}}} 只能用于当事人签名行` : `未知的占位符 {{${n}}}`,
          ),
        );
    }
    if (stray) problems.push(issue(x.path, 'unmatched-braces', '花括号不成对：占位符应写作 {{名称}}'));
  }
  for (const r of REQUIRED)
    if (!r.any.some((n) => used.has(n))) problems.push(issue([], 'required-placeholder', r.message));
  if (problems.length > 0) throw new DomainError('agreement-template-invalid', 'invalid', '协议书模板有误', problems);
  return t;
}

/** What an agreement prints: the case's agreement, its parties as the reader may see them, names. */
export interface AgreementFacts {
  documentNo: string;
  facts: string;
  terms: readonly string[];
  amountFen: number;
  performanceDueAt: number;
  at: number;
  disputeType: DisputeType;
  /** Masked already when the reader may not see identity numbers and phones. */
  parties: readonly Party[];
  organisationName: string;
  mediatorNames: readonly string[];
}

export interface RenderedAgreement {
  title: string;
  preamble: string[];
  /** Numbered 一、二、… by the layout; each paragraph one line of the section's text. */
  sections: { heading: string; paragraphs: string[] }[];
  signatures: string[];
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals: 一, 十, 十一, 二十三. */
export function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : `${tens === 1 ? '' : NUMERALS[tens]}十`}${NUMERALS[ones]}`;
}

/** 2026年12月1日, the city's calendar date of an instant. */
export function chineseDate(instant: number): string {
  const { year, month, day } = civilFromDay(cityDayOf(instant));
  return `${year}年${month}月${day}日`;
}

/** 人民币28,000.00元 */
export function chineseAmount(fen: number): string {
  const yuan = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `人民币${yuan}.${String(fen % 100).padStart(2, '0')}元`;
}

const join = (xs: readonly (string | undefined)[]) => xs.filter((x) => x).join('、');

function partyLine(p: Party, all: readonly Party[]): string {
  const actsFor = p.actsFor ? all.find((x) => x.id === p.actsFor)?.name : undefined;
  return [
    `${PARTY_ROLES[p.role]}：${p.name}${actsFor ? `（${actsFor}的代理人）` : ''}`,
    p.idNumber ? `证件号码：${p.idNumber}` : undefined,
    p.phone ? `联系电话：${p.phone}` : undefined,
  ]
    .filter((x) => x)
    .join('，');
}

function valuesOf(f: AgreementFacts): Record<AgreementPlaceholder, string> {
  const ofRole = (role: Party['role']) => f.parties.filter((p) => p.role === role);
  const [applicants, respondents] = [ofRole('applicant'), ofRole('respondent')];
  return {
    documentNo: f.documentNo,
    'organisation.name': f.organisationName,
    'applicant.name': join(applicants.map((p) => p.name)),
    'applicant.idNumber': join(applicants.map((p) => p.idNumber)),
    'applicant.phone': join(applicants.map((p) => p.phone)),
    'respondent.name': join(respondents.map((p) => p.name)),
    'respondent.idNumber': join(respondents.map((p) => p.idNumber)),
    'respondent.phone': join(respondents.map((p) => p.phone)),
    parties: f.parties.map((p) => partyLine(p, f.parties)).join('\n'),
    facts: f.facts,
    terms: f.terms.map((t, i) => `${i + 1}. ${t}`).join('\n'),
    amount: chineseAmount(f.amountFen),
    performanceDueAt: chineseDate(f.performanceDueAt),
    agreedAt: chineseDate(f.at),
    disputeType: DISPUTE_TYPES[f.disputeType],
    mediators: join(f.mediatorNames),
  };
}

/** One pass: each placeholder replaced by its value, the values themselves left as they are. */
function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '');
}
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);

/** The agreement as its template words it, for a valid template (validateAgreementTemplate). */
export function renderAgreement(t: AgreementTemplate, f: AgreementFacts): RenderedAgreement {
  const values = valuesOf(f);
  const signers = f.parties.filter((p) => p.role !== 'agent');
  return {
    title: fill(t.title, values),
    preamble: lines(fill(t.preamble, values)),
    sections: t.sections.map((s) => ({ heading: fill(s.heading, values), paragraphs: lines(fill(s.body, values)) })),
    signatures: [
      ...signers.map((p) =>
        fill(t.signatures.party, { ...values, 'party.role': PARTY_ROLES[p.role], 'party.name': p.name }),
      ),
      ...t.signatures.lines.flatMap((l) => lines(fill(l, values))),
    ],
  };
}
