import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { decideFlag, detectFlags, openFlags, type PenaltyCaseRecord } from './detection';
import { AGENCY, Harness, HEAD, report } from './test-fixtures';
import { defaultThresholds, loadThresholds } from './thresholds';

// Detection of 有案不移 / 以罚代刑 / 有案难移 from penalty cases, transfers and thresholds; flag ids are
// content hashes, stable under re-posting and new when a relevant field changes.

function penalty(over: Partial<PenaltyCaseRecord> = {}): PenaltyCaseRecord {
  return {
    agencyDepartmentId: 'samr',
    caseNo: '芜市监案〔2026〕200号',
    decisionNo: '芜市监罚〔2026〕200号',
    violationType: '销售伪劣产品',
    facts: '销售掺杂掺假的食用油',
    legalBasis: '《中华人民共和国产品质量法》第五十条',
    penaltyCategories: ['罚款', '没收违法所得'],
    penaltyContent: '罚款12万元，没收违法所得3万元',
    fineFen: 12_000_000,
    confiscatedFen: 3_000_000,
    decidedOn: '2026-03-05',
    partyName: '某某粮油商行',
    partyKind: 'unit',
    authorityName: '芜湖市市场监督管理局',
    offenceCategory: 'fake-products',
    amounts: { salesAmount: 12_000_000 },
    ...over,
  };
}

describe('detectFlags', () => {
  it('flags 有案不移 with its explanation, threshold and version; nothing below the threshold', () => {
    // Act
    const flags = detectFlags({
      penaltyCases: [penalty(), penalty({ caseNo: 'small', amounts: { salesAmount: 4_999_900 } })],
      transfers: [],
      thresholds: defaultThresholds,
    });

    // Assess
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'untransferred',
      kindName: '有案不移',
      caseNo: '芜市监案〔2026〕200号',
      threshold: { id: 'fake-products.sales', version: 1, verified: true },
    });
    expect(flags[0]?.explanation).toMatch(
      /^销售金额 12 万元 ≥ 阈值 5 万元（生产、销售伪劣产品罪），依据 《中华人民共和国刑法》第一百四十条/,
    );
    expect(flags[0]?.explanation).toMatch(/；未移送$/);
  });

  it('applies unit and individual criteria apart, and marks an unverified threshold in the explanation', () => {
    // Act
    const flags = detectFlags({
      penaltyCases: [
        penalty({
          caseNo: 'u',
          offenceCategory: 'illegal-business',
          amounts: { illegalBusinessAmount: 10_000_000 },
        }),
        penalty({
          caseNo: 'i',
          partyKind: 'individual',
          offenceCategory: 'illegal-business',
          amounts: { illegalBusinessAmount: 10_000_000 },
        }),
      ],
      transfers: [],
      thresholds: defaultThresholds,
    });

    // Assess: 10 万元 is below the unit's 50 万元 but above an individual's 5 万元.
    expect(flags.map((f) => f.caseNo)).toEqual(['i']);
    expect(flags[0]?.explanation).toContain('（该标准尚待本地确认）');
  });

  it('flags 以罚代刑 when the case was reported for transfer but refused, and 有案难移 for the refusal', () => {
    // Prepare
    const h = new Harness();
    h.do(report({ enforcementCaseNo: '芜市监案〔2026〕200号' }), AGENCY, '2026-09-28T10:00');
    h.do({ type: 'DecideApproval', approved: false, reasons: '金额存疑' }, HEAD, '2026-09-29T10:00');

    // Act
    const flags = detectFlags({ penaltyCases: [penalty()], transfers: [h.case], thresholds: defaultThresholds });

    // Assess
    expect(flags.map((f) => f.kind)).toEqual(['penalty-instead', 'stalled']);
    expect(flags[0]?.explanation).toBe(
      '2026-03-05 作出行政处罚（芜市监罚〔2026〕200号，罚款、没收违法所得、罚款 12 万元、没收 3 万元）；移送报告未获负责人批准；未移送公安机关，依据 《行政执法机关移送涉嫌犯罪案件的规定》第十一条：不得以行政处罚代替移送',
    );
    expect(flags[1]?.explanation).toBe('行政执法机关负责人不批准移送（理由：金额存疑）');
  });

  it('turns a confirmed 有案不移 into 以罚代刑, and keeps the threshold version with the decision', () => {
    // Prepare
    const input = { penaltyCases: [penalty()], transfers: [], thresholds: defaultThresholds };
    const [flag] = detectFlags(input);
    if (!flag) throw new Error('no flag');

    // Act
    const decision = decideFlag(flag, { decision: 'confirmed', by: 'proc.officer' }, 1);
    const after = detectFlags({ ...input, decisions: [decision] });

    // Assess
    expect(decision).toMatchObject({ decision: 'confirmed', threshold: { id: 'fake-products.sales', version: 1 } });
    expect(after.map((f) => f.kind)).toEqual(['untransferred', 'penalty-instead']);
    expect(openFlags(after, [decision]).map((f) => f.kind)).toEqual(['penalty-instead']);
  });

  it('refuses a dismissal without a reason', () => {
    // Prepare
    const [flag] = detectFlags({ penaltyCases: [penalty()], transfers: [], thresholds: defaultThresholds });
    if (!flag) throw new Error('no flag');

    // Act
    const act = () => decideFlag(flag, { decision: 'dismissed', reason: ' ', by: 'p' }, 1);

    // Assess
    expect(act).toThrow(DomainError);
  });

  it('raises the flag again under a new threshold version', () => {
    // Prepare
    const base = defaultThresholds['fake-products.sales'];
    if (!base) throw new Error('no threshold');
    const tightened = loadThresholds([
      { ...base, version: 2, criteria: [{ metric: 'salesAmount', atLeastFen: 3_000_000 }] },
    ]);

    // Act
    const [v1] = detectFlags({ penaltyCases: [penalty()], transfers: [], thresholds: defaultThresholds });
    const [v2] = detectFlags({ penaltyCases: [penalty()], transfers: [], thresholds: tightened });

    // Assess
    expect(v2?.threshold?.version).toBe(2);
    expect(v2?.id).not.toBe(v1?.id);
  });

  it('refuses a threshold changed without a new version', () => {
    // Prepare
    const base = defaultThresholds['fake-products.sales'];

    // Act
    const act = () => loadThresholds([{ ...base, criteria: [{ metric: 'salesAmount', atLeastFen: 1 }] }]);

    // Assess
    expect(act).toThrow(/changed without a new version/);
  });
});

describe('flag identity (property)', () => {
  const amount = fc.integer({ min: 5_000_000, max: 100_000_000 });
  it('is the same for a case re-posted unchanged (even with unrelated fields edited) and differs when an amount changes', () => {
    fc.assert(
      fc.property(amount, amount, fc.string(), (sales, other, facts) => {
        // Prepare
        const one = penalty({ amounts: { salesAmount: sales } });
        const flagsOf = (r: PenaltyCaseRecord) =>
          detectFlags({ penaltyCases: [r], transfers: [], thresholds: defaultThresholds }).map((f) => f.id);

        // Act
        const first = flagsOf(one);
        const reposted = flagsOf({ ...one, facts, penaltyCategories: [...one.penaltyCategories] });
        const changed = flagsOf({ ...one, amounts: { salesAmount: other } });

        // Assess
        expect(reposted).toEqual(first);
        if (other !== sales) expect(changed[0]).not.toBe(first[0]);
        else expect(changed).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
