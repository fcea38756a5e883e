import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_LIST } from './default-policies';
import { ClockPolicyError, UnknownClockPolicyError } from './errors';
import { applyPolicyOverrides, buildPolicyCatalog, defaultPolicies, getClockPolicy } from './policies';
import type { ClockPolicy } from './policy-schema';

describe('default policies', () => {
  it.each([
    ['opinion.release', 'PT5H', 'hours', true, '国办发〔2016〕80号'],
    ['opinion.press-conference', 'PT24H', 'hours', true, '国办发〔2016〕61号'],
    ['opinion.timely-release', 'PT24H', 'hours', false, 'City policy'],
    ['opinion.hot-topic-response', 'PT48H', 'hours', true, '61号'],
    ['transfer.head-approval', 'P3D', 'calendarDays', true, 'Art. 5'],
    ['transfer.to-police', 'PT24H', 'hours', true, 'Art. 5'],
    ['mediation.default', 'P1M', 'months', true, '人民调解工作若干规定'],
    ['integrity.verification', 'P10D', 'workingDays', false, 'Jilin'],
    ['recommendation.procuratorial-reply', 'P2M', 'months', false, '2 months'],
    ['transfer.reverse-referral', 'P3D', 'workingDays', true, 'Art. 12'],
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
