import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText, needsPersonalData } from './personal-data';

const idNumber = fc
  .tuple(
    fc.stringMatching(/^[1-6]\d{5}$/),
    fc.integer({ min: 1930, max: 2020 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.stringMatching(/^\d{3}[\dX]$/),
  )
  .map(([r, y, m, d, tail]) => `${r}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${tail}`);
const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);

describe('personal data masking', () => {
  it('masks resident ID and mobile numbers wherever they stand in free text', () => {
    fc.assert(
      fc.property(fc.string(), idNumber, fc.string(), mobile, fc.string(), (a, id, b, phone, c) => {
        const masked = maskText(`${a} ${id} ${b} ${phone} ${c}`);
        expect(masked).not.toContain(id);
        expect(masked).not.toContain(phone);
        expect(masked).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
        expect(masked).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      }),
    );
  });

  it('leaves other numbers alone: amounts, case numbers, 统一社会信用代码', () => {
    const text = '涉案货值 120000 元，案号 (2026)皖0202刑初123号，代码 91350100M000100Y43，电话 0553-1234567';
    expect(maskText(text)).toBe(text);
  });

  it('masks nested data and keeps its shape', () => {
    const data = {
      subjectName: '张三',
      summary: '身份证 110101199003071234，手机 13800138000',
      n: 3,
      tags: ['13912345678'],
    };
    expect(maskPersonalData(data)).toEqual({
      subjectName: '张三',
      summary: '身份证 110101********1234，手机 138****8000',
      n: 3,
      tags: ['139****5678'],
    });
  });

  it('gives identities to public security, the procuratorate and the courts only', () => {
    expect(needsPersonalData({ kinds: ['public-security'] })).toBe(true);
    expect(needsPersonalData({ kinds: ['procuratorate'] })).toBe(true);
    expect(needsPersonalData({ kinds: ['enforcement', 'justice'] })).toBe(false);
  });
});
