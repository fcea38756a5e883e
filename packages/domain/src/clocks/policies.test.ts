import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_LIST } from './default-policies';
import { ClockPolicyError, UnknownClockPolicyError } from './errors';
import { applyPolicyOverrides, buildPolicyCatalog, defaultPolicies, getClockPolicy } from './policies';
import type { ClockPolicy } from './policy-schema';

describe('default policies', () => {
  it.each([
    ['opinion.release', 'PT5H', 'hours', true, '国办发〔2016〕80号'],
    ['opinion.press-conference', 'PT24H', 'hours', true, '国办发〔2016〕61号'],
    ['opinion.timely-release', 'PT24H', 'hours', false, '本市政策'],
    ['opinion.hot-topic-response', 'PT48H', 'hours', true, '61号'],
    ['transfer.head-approval', 'P3D', 'calendarDays', true, '第五条'],
    ['transfer.to-police', 'PT24H', 'hours', true, '第五条'],
    ['mediation.default', 'P1M', 'months', true, '人民调解工作若干规定'],
    ['mediation.judicial-confirmation-acceptance', 'P3D', 'calendarDays', true, '法释〔2011〕5号）第四条'],
    ['mediation.judicial-confirmation-decision', 'P15D', 'calendarDays', true, '法释〔2011〕5号）第五条'],
    ['integrity.verification', 'P10D', 'workingDays', false, '吉林'],
    ['integrity.sme-payment-contract', 'P60D', 'calendarDays', true, '最长不得超过60日'],
    ['recommendation.procuratorial-reply', 'P2M', 'months', true, '《人民检察院检察建议工作规定》（2019）'],
    ['recommendation.procuratorial-urgent-reply', 'P15D', 'calendarDays', true, '情况紧急'],
    ['transfer.reverse-referral', 'P3D', 'workingDays', true, '三个工作日'],
    ['transfer.reverse-review', 'P10D', 'workingDays', true, '第十二条'],
  ])('%s runs %s in %s (verified %s) with its source', (id, duration, counting, verified, source) => {
    // Act
    const policy = getClockPolicy(defaultPolicies, id);

    // Assess
    expect(policy).toMatchObject({ duration, counting, verified });
    expect(policy.source).toContain(source);
  });

  it('warns hour clocks 2 h, 1 h and 30 min before due and escalates after 10 min, reminding every 30 min', () => {
    // Act
    const policy = getClockPolicy(defaultPolicies, 'opinion.release');

    // Assess
    expect(policy.warnings).toEqual(['PT2H', 'PT1H', 'PT30M']);
    expect(policy.escalation).toEqual({ ackWindow: 'PT10M', remindEvery: 'PT30M' });
  });

  it('escalates day clocks after 10 min too, but reminds an acknowledged one every 4 hours', () => {
    // Act
    const days = Object.values(defaultPolicies).filter((policy) => policy.counting !== 'hours');
    // Assess
    expect(days.length).toBeGreaterThan(5);
    for (const policy of days) expect(policy.escalation).toEqual({ ackWindow: 'PT10M', remindEvery: 'PT4H' });
  });

  it('covers every service of DOMAIN.md §1, §3, §4 and §5 with unique ids and a Chinese and English name', () => {
    // Act
    const policies = Object.values(defaultPolicies);
    const prefixes = new Set(policies.map((policy) => policy.id.split('.')[0]));

    // Assess
    expect(policies).toHaveLength(DEFAULT_POLICY_LIST.length);
    expect([...prefixes].sort()).toEqual(['integrity', 'mediation', 'opinion', 'recommendation', 'transfer']);
    expect(policies.every((policy) => /\p{Script=Han}/u.test(policy.name) && policy.nameEn.length > 0)).toBe(true);
  });

  it('throws UnknownClockPolicyError for an unknown id', () => {
    // Act + Assess
    expect(() => getClockPolicy(defaultPolicies, 'opinion.nope')).toThrow(UnknownClockPolicyError);
    expect(() => getClockPolicy(defaultPolicies, 'toString')).toThrow(UnknownClockPolicyError);
  });
});

describe('policy validation', () => {
  const base = getClockPolicy(defaultPolicies, 'opinion.release');

  it.each([
    [{ duration: 'P1M' }, 'duration: does not fit hours'],
    [{ counting: 'calendarDays' }, 'duration: does not fit calendarDays'],
    [{ warnings: ['PT5H'] }, 'warnings[0]: PT5H is not shorter than the time limit PT5H'],
    [{ warnings: ['PT1H', 'PT60M'] }, 'warnings[1]: PT60M is listed twice'],
    [{ warnings: ['P1M'] }, 'warnings[0]: P1M must be a fixed length'],
    [{ warnings: ['soon'] }, 'warnings[0]: Invalid ISO 8601 duration "soon"'],
    [{ escalation: { ackWindow: 'PT0S', remindEvery: 'PT30M' } }, 'escalation.ackWindow'],
    [{ extension: { allowedRoles: [], maxTimes: 1, maxTotal: 'PT1H' } }, 'extension.allowedRoles'],
    [{ extension: { allowedRoles: ['x'], maxTimes: 1, maxTotal: 'P1M' } }, 'extension.maxTotal: does not fit hours'],
    [{ id: 'Release' }, 'id: must look like service.clock-name'],
    [{ colour: 'red' }, 'colour'],
  ] as [Partial<ClockPolicy> & Record<string, unknown>, string][])('refuses %j', (change, message) => {
    // Act
    const attempt = () => buildPolicyCatalog([{ ...base, ...change }]);

    // Assess
    expect(attempt).toThrow(ClockPolicyError);
    expect(attempt).toThrow(message);
  });

  it('refuses the same id twice', () => {
    // Act + Assess
    expect(() => buildPolicyCatalog([base, base])).toThrow('opinion.release is defined twice');
  });
});

describe('applyPolicyOverrides', () => {
  it('tightens a statutory limit and its warnings from a city data file, leaving the base untouched', () => {
    // Prepare
    const file = JSON.stringify([
      { id: 'opinion.release', duration: 'PT4H', warnings: ['PT1H', 'PT15M'], escalation: { ackWindow: 'PT5M' } },
    ]);

    // Act
    const catalog = applyPolicyOverrides(defaultPolicies, file);

    // Assess
    expect(getClockPolicy(catalog, 'opinion.release')).toMatchObject({
      duration: 'PT4H',
      warnings: ['PT1H', 'PT15M'],
      escalation: { ackWindow: 'PT5M', remindEvery: 'PT30M' },
      source: getClockPolicy(defaultPolicies, 'opinion.release').source,
    });
    expect(getClockPolicy(defaultPolicies, 'opinion.release').duration).toBe('PT5H');
  });

  it('lets a city set an unverified default freely and confirm it', () => {
    // Act
    const catalog = applyPolicyOverrides(defaultPolicies, {
      policies: [
        { id: 'opinion.timely-release', duration: 'PT36H', source: '某市政务舆情回应办法第8条', verified: true },
      ],
    });

    // Assess
    expect(getClockPolicy(catalog, 'opinion.timely-release')).toMatchObject({ duration: 'PT36H', verified: true });
  });

  it('switches a transfer clock between calendar and working days, and removes an extension with null', () => {
    // Act
    const catalog = applyPolicyOverrides(defaultPolicies, [
      { id: 'transfer.head-approval', counting: 'workingDays' },
      { id: 'mediation.default', extension: null },
    ]);

    // Assess
    expect(getClockPolicy(catalog, 'transfer.head-approval').counting).toBe('workingDays');
    expect(getClockPolicy(catalog, 'mediation.default').extension).toBeUndefined();
  });

  it('adds a complete new city policy', () => {
    // Prepare
    const local = {
      ...getClockPolicy(defaultPolicies, 'opinion.release'),
      id: 'opinion.city-briefing',
      verified: false,
    };

    // Act
    const catalog = applyPolicyOverrides(defaultPolicies, [local]);

    // Assess
    expect(getClockPolicy(catalog, 'opinion.city-briefing')).toEqual(local);
  });

  it.each([
    [
      [{ id: 'opinion.release', duration: 'PT6H' }],
      'opinion.release: duration PT6H loosens the verified statutory limit PT5H',
    ],
    [
      [{ id: 'transfer.head-approval', counting: 'hours', duration: 'PT1H', warnings: ['PT30M'] }],
      'may only change between calendarDays and workingDays',
    ],
    [[{ id: 'opinion.release', durration: 'PT4H' }], 'durration'],
    [
      [{ id: 'opinion.relase', duration: 'PT4H' }],
      'opinion.relase (not a known policy id, so it must be a complete policy)',
    ],
    [[{ id: 'opinion.release', warnings: ['PT6H'] }], 'opinion.release.warnings[0]: PT6H is not shorter'],
    [[{ id: 'opinion.release' }, { id: 'opinion.release' }], 'opinion.release: listed twice'],
    ['[{', 'not valid JSON'],
    [{ id: 'opinion.release' }, 'policy override is invalid'],
  ])('refuses %j', (file, message) => {
    // Act
    const attempt = () => applyPolicyOverrides(defaultPolicies, file);

    // Assess
    expect(attempt).toThrow(ClockPolicyError);
    expect(attempt).toThrow(message);
  });
});

describe('policy text contract', () => {
  it('writes name, startsOn and source in Chinese only, English in the …En fields, notes in note', () => {
    for (const p of Object.values(defaultPolicies)) {
      for (const text of [p.name, p.startsOn, p.source]) {
        expect(text, p.id).toMatch(/\p{Script=Han}/u);
        expect(text, p.id).not.toMatch(/[A-Za-z]{4,}|seed|confirm|DOMAIN/);
      }
      for (const text of [p.nameEn, p.startsOnEn, p.sourceEn]) expect(text, p.id).toMatch(/[A-Za-z]/);
    }
  });

  it('refuses English or an internal note in a Chinese field', () => {
    // Act
    const attempt = () =>
      applyPolicyOverrides(defaultPolicies, [
        { id: 'opinion.release', source: '国办发〔2016〕80号; seed 芜湖 item 32' },
      ]);

    // Assess
    expect(attempt).toThrow(ClockPolicyError);
    expect(attempt).toThrow('opinion.release.source: Chinese text only');
  });

  it('caps the SME contract term at 60 days instead of fixing it, and lets the urgent recommendation set its own', () => {
    // Act
    const sme = getClockPolicy(defaultPolicies, 'integrity.sme-payment-contract');
    const urgent = getClockPolicy(defaultPolicies, 'recommendation.procuratorial-urgent-reply');

    // Assess
    expect(sme.decided).toEqual({ required: true, max: 'P60D' });
    expect(urgent.decided?.required).toBe(true);
  });

  it('does not roll publication ends, and marks credit repair as a "not before" clock', () => {
    expect(getClockPolicy(defaultPolicies, 'integrity.publication-end-general').rolls).toBe(false);
    expect(getClockPolicy(defaultPolicies, 'integrity.repair-general')).toMatchObject({
      mode: 'notBefore',
      rolls: false,
    });
    expect(getClockPolicy(defaultPolicies, 'mediation.default').rolls).toBe(true);
  });

  it('refuses a city loosening a verified decided bound', () => {
    expect(() =>
      applyPolicyOverrides(defaultPolicies, [
        { id: 'integrity.sme-payment-contract', decided: { required: true, max: 'P90D' } },
      ]),
    ).toThrow('loosens the verified bound P60D');
  });
});
