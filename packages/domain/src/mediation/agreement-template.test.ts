import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import {
  AGREEMENT_PLACEHOLDERS,
  type AgreementFacts,
  type AgreementTemplate,
  agreementTemplateSchema,
  chineseAmount,
  chineseDate,
  chineseNumeral,
  DEFAULT_AGREEMENT_TEMPLATE,
  renderAgreement,
  validateAgreementTemplate,
} from './agreement-template';
import type { Party } from './case-types';
import { DISPUTE_TYPE_CODES } from './taxonomy';

const FACTS: AgreementFacts = {
  documentNo: '范劳调〔2026〕15号',
  facts: '被申请人拖欠申请人劳务费3.2万元。',
  terms: ['被申请人于20日内支付2.8万元', '申请人放弃其余请求'],
  amountFen: 2_800_000,
  performanceDueAt: Date.parse('2026-12-31T10:00:00+08:00'),
  at: Date.parse('2026-12-01T23:30:00+08:00'),
  disputeType: 'labour',
  parties: [
    { id: 'p1', role: 'applicant', name: '王建国', idNumber: '340202********1234', phone: '139****0000' },
    { id: 'p2', role: 'respondent', name: '芜湖某建筑劳务有限公司' },
    { id: 'p3', role: 'agent', actsFor: 'p2', name: '李律师' },
  ],
  organisationName: '范罗山街道劳动争议人民调解委员会',
  mediatorNames: ['周调解', '王调解'],
};

const textOf = (r: ReturnType<typeof renderAgreement>) =>
  [r.title, ...r.preamble, ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs]), ...r.signatures].join('\n');

function refusal(t: AgreementTemplate): DomainError {
  try {
    validateAgreementTemplate(t);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('the template was accepted');
}

describe('the agreement template', () => {
  it('renders the default template with the parties, facts, numbered terms, amount, deadline and signature lines', () => {
    // Prepare
    const t = validateAgreementTemplate(DEFAULT_AGREEMENT_TEMPLATE);
    // Act
    const r = renderAgreement(t, FACTS);
    // Assess
    expect(r.title).toBe('人民调解协议书');
    expect(r.preamble).toEqual(['编号：范劳调〔2026〕15号']);
    expect(r.sections[0]!.paragraphs).toEqual([
      '申请人：王建国，证件号码：340202********1234，联系电话：139****0000',
      '被申请人：芜湖某建筑劳务有限公司',
      '代理人：李律师（芜湖某建筑劳务有限公司的代理人）',
    ]);
    expect(r.sections[2]!.paragraphs).toEqual([
      '1. 被申请人于20日内支付2.8万元',
      '2. 申请人放弃其余请求',
      '协议涉及金额：人民币28,000.00元。',
    ]);
    expect(r.sections[3]!.paragraphs).toEqual(['当事人应于2026年12月31日前履行完毕。']);
    expect(r.signatures).toEqual([
      '申请人（签名、盖章或按指印）：',
      '被申请人（签名、盖章或按指印）：',
      '人民调解员（签名）：',
      '范罗山街道劳动争议人民调解委员会（印）',
      '2026年12月1日',
    ]);
  });

  it('prints what a city writes into its own template', () => {
    // Prepare
    const t = validateAgreementTemplate({
      ...DEFAULT_AGREEMENT_TEMPLATE,
      title: '{{organisation.name}}调解协议书',
      preamble: '{{disputeType}}纠纷 · 调解员 {{mediators}}',
      sections: [
        { heading: '双方', body: '甲方 {{applicant.name}}（{{applicant.idNumber}}），乙方 {{respondent.name}}' },
        { heading: '事实', body: '{{facts}}' },
        { heading: '条款', body: '{{terms}}' },
        { heading: '期限', body: '{{ performanceDueAt }}' },
      ],
      signatures: { party: '{{party.name}} 签字：', lines: [] },
    });
    // Act
    const r = renderAgreement(t, FACTS);
    // Assess
    expect(r.title).toBe('范罗山街道劳动争议人民调解委员会调解协议书');
    expect(r.preamble).toEqual(['劳动争议纠纷 · 调解员 周调解、王调解']);
    expect(r.sections[0]!.paragraphs).toEqual(['甲方 王建国（340202********1234），乙方 芜湖某建筑劳务有限公司']);
    expect(r.sections[3]!.paragraphs).toEqual(['2026年12月31日']);
    expect(r.signatures).toEqual(['王建国 签字：', '芜湖某建筑劳务有限公司 签字：']);
  });

  it('refuses unknown placeholders with 422 naming each and where it is', () => {
    // Prepare
    const t = {
      ...DEFAULT_AGREEMENT_TEMPLATE,
      preamble: '{{documentNo}} {{caseNumber}}',
      signatures: { party: '{{party.role}}', lines: ['{{judge.name}}', '{{party.name}}'] },
    };
    // Act
    const e = refusal(t);
    // Assess
    expect(e).toMatchObject({ code: 'agreement-template-invalid', kind: 'invalid' });
    expect(e.issues).toEqual([
      { path: ['preamble'], code: 'unknown-placeholder', message: '未知的占位符 {{caseNumber}}' },
      { path: ['signatures', 'lines', 0], code: 'unknown-placeholder', message: '未知的占位符 {{judge.name}}' },
      {
        path: ['signatures', 'lines', 1],
        code: 'unknown-placeholder',
        message: '占位符 {{party.name}} 只能用于当事人签名行',
      },
    ]);
  });

  it('refuses unmatched braces and a template that leaves out what Art. 29 requires', () => {
    // Prepare
    const t = {
      ...DEFAULT_AGREEMENT_TEMPLATE,
      sections: [{ heading: '当事人', body: '{{parties}} {{facts' }],
    };
    // Act
    const e = refusal(t);
    // Assess
    expect(e.issues.map((i) => i.code)).toEqual([
      'unmatched-braces',
      'required-placeholder',
      'required-placeholder',
      'required-placeholder',
    ]);
    expect(e.issues.map((i) => i.message).join()).toContain('{{performanceDueAt}}');
  });

  it('formats Chinese numerals, dates in the city’s time and amounts', () => {
    expect([1, 9, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
    expect(chineseDate(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027年1月1日');
    expect(chineseAmount(123_456_789)).toBe('人民币1,234,567.89元');
    expect(chineseAmount(5)).toBe('人民币0.05元');
  });
});

// Values without braces (a brace of a value next to one of the template could form "{{" that no
// placeholder left); a template of any sections built from literal text and known placeholders.
const plain = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.replace(/[{}\r\n]/g, ''));
const nonEmpty = plain.filter((s) => s.trim().length > 0);
const partyArb = (i: number, role: Party['role']): fc.Arbitrary<Party> =>
  fc.record(
    { id: fc.constant(`p${i}`), role: fc.constant(role), name: nonEmpty, idNumber: plain, phone: plain },
    { requiredKeys: ['id', 'role', 'name'] },
  );
const factsArb: fc.Arbitrary<AgreementFacts> = fc.record({
  documentNo: nonEmpty,
  facts: plain,
  terms: fc.array(nonEmpty, { minLength: 1, maxLength: 5 }),
  amountFen: fc.integer({ min: 0, max: 1e13 }),
  performanceDueAt: fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }),
  at: fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }),
  disputeType: fc.constantFrom(...DISPUTE_TYPE_CODES),
  parties: fc
    .tuple(partyArb(1, 'applicant'), partyArb(2, 'respondent'), fc.option(partyArb(3, 'agent')))
    .map(([a, b, c]) => (c ? [a, b, { ...c, actsFor: 'p1' }] : [a, b])),
  organisationName: nonEmpty,
  mediatorNames: fc.array(nonEmpty, { maxLength: 3 }),
});
const names = Object.keys(AGREEMENT_PLACEHOLDERS);
const templateText = fc
  .array(
    fc.oneof(
      plain,
      fc.constantFrom(...names).map((n) => `{{${n}}}`),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const templateArb: fc.Arbitrary<AgreementTemplate> = fc
  .record({
    title: nonEmpty,
    preamble: templateText,
    sections: fc.array(fc.record({ heading: nonEmpty, body: templateText }), { minLength: 0, maxLength: 4 }),
    lines: fc.array(templateText, { maxLength: 3 }),
  })
  .map(({ title, preamble, sections, lines }) => ({
    title,
    preamble,
    // Art. 29's items, so that every generated template is a valid one.
    sections: [...sections, { heading: '协议', body: '{{parties}}{{facts}}{{terms}}{{performanceDueAt}}' }],
    signatures: { party: '{{party.role}}{{party.name}}：', lines },
  }));

describe('the agreement template (properties)', () => {
  it('renders any valid case with any valid template without a leftover "{{"', () => {
    fc.assert(
      fc.property(templateArb, factsArb, (t, f) => {
        const valid = validateAgreementTemplate(agreementTemplateSchema.parse(t));
        const text = textOf(renderAgreement(valid, f));
        expect(text).not.toContain('{{');
        expect(text).not.toContain('}}');
        for (const p of f.parties) expect(text).toContain(p.name.trim());
        for (const term of f.terms) expect(text).toContain(term.trim());
        expect(text).toContain(chineseDate(f.performanceDueAt));
      }),
    );
  });

  it('prints a value that looks like a placeholder as typed, never expanding it', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom(...names), (f, n) => {
        const text = textOf(renderAgreement(DEFAULT_AGREEMENT_TEMPLATE, { ...f, facts: `见{{${n}}}` }));
        expect(text).toContain(`见{{${n}}}`);
      }),
    );
  });
});
