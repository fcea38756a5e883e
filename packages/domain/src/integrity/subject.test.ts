import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import { parseGovernmentSubject, parseUscc, USCC_CHARSET, usccCheckChar, withUsccCheck } from './subject';
import { COMPANY_CODE, INSTITUTION_CODE, SUBJECT_CODE } from './test-fixtures';

describe('USCC subject parsing (GB 32100-2015)', () => {
  it('accepts a published sample code (check character computed by the standard)', () => {
    // 91350100M000100Y43 is the sample widely cited for the standard.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('splits body type, region and organisation code', () => {
    expect(parseGovernmentSubject(SUBJECT_CODE)).toMatchObject({
      bodyType: '11',
      bodyTypeName: '机关',
      regionCode: '500156',
      provinceCode: '50',
      organisationCode: 'MB1234567',
    });
    expect(parseGovernmentSubject(INSTITUTION_CODE)).toMatchObject({ bodyTypeName: '事业单位', provinceCode: '51' });
  });

  it('refuses a company, naming its body type', () => {
    try {
      parseGovernmentSubject(COMPANY_CODE);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ code: 'subject-not-public-body', kind: 'invalid' });
      expect((e as DomainError).message).toContain('企业（91）');
    }
  });

  it.each([
    ['lower case', SUBJECT_CODE.toLowerCase(), 'uscc-shape'],
    ['17 characters', SUBJECT_CODE.slice(0, 17), 'uscc-shape'],
    ['a forbidden letter', `${SUBJECT_CODE.slice(0, 10)}O${SUBJECT_CODE.slice(11)}`, 'uscc-shape'],
    ['a region of zeros', withUsccCheck('11000000MB1234567'), 'uscc-region'],
  ])('refuses %s', (_, code, problem) => {
    const parsed = parseUscc(code);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toBe(problem);
  });

  it('any single changed character breaks the check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (pos, shift) => {
        const chars = [...SUBJECT_CODE];
        const i = USCC_CHARSET.indexOf(chars[pos] as string);
        chars[pos] = USCC_CHARSET.charAt((i + shift) % 31);
        const parsed = parseUscc(chars.join(''));
        expect(parsed.ok && parsed.parts.code === chars.join('')).toBe(false);
      }),
    );
  });
});
