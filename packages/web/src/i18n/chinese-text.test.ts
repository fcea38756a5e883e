import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseOnly } from './chinese-text';

describe('chineseOnly', () => {
  it('keeps the citation and drops English and an internal note', () => {
    // Act
    const shown = chineseOnly(
      '国办发〔2016〕80号 (implementing rules): authoritative information within 5 h of a major emergency; seed 芜湖 item 32',
    );
    // Assess
    expect(shown).toBe('国办发〔2016〕80号');
  });

  it('keeps a document title and turns article numbers into Chinese', () => {
    expect(chineseOnly('法释〔2016〕14号 Art. 27: post-filing entrustment 15 days')).toBe('法释〔2016〕14号 第27条');
    expect(
      chineseOnly(
        '国办发〔2016〕61号《关于在政务公开工作中进一步做好政务舆情回应的通知》: press conference within 24 h',
      ),
    ).toBe('国办发〔2016〕61号《关于在政务公开工作中进一步做好政务舆情回应的通知》');
  });

  it('gives nothing for a text without Chinese, and leaves Chinese-only text as it is', () => {
    expect(chineseOnly('City policy; 24 h is a default — confirm locally')).toBe('');
    expect(chineseOnly('《人民检察院检察建议工作规定》第十条')).toBe('《人民检察院检察建议工作规定》第十条');
  });

  it('never returns Latin letters (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ unit: fc.constantFrom('国', '办', '发', '〔', '〕', '号', '1') }),
        (a, b) => {
          expect(chineseOnly(`${a} ${b} ${a}`)).not.toMatch(/[A-Za-z]/);
        },
      ),
    );
  });
});
