// Incident levels per 突发事件应对法 (2024) Art. 3, plus the non-emergency hot topic of 国办发〔2016〕61号.
export const OPINION_LEVELS = ['I', 'II', 'III', 'IV', 'hot'] as const;
export type OpinionLevel = (typeof OPINION_LEVELS)[number];

export interface LevelLabel {
  /** The Roman numeral as written in Chinese documents (Ⅰ–Ⅳ); empty for a hot topic. */
  numeral: string;
  zh: string;
  en: string;
}

export const OPINION_LEVEL_LABELS: Readonly<Record<OpinionLevel, LevelLabel>> = {
  I: { numeral: 'Ⅰ', zh: '特别重大', en: 'particularly major' },
  II: { numeral: 'Ⅱ', zh: '重大', en: 'major' },
  III: { numeral: 'Ⅲ', zh: '较大', en: 'relatively major' },
  IV: { numeral: 'Ⅳ', zh: '一般', en: 'ordinary' },
  hot: { numeral: '', zh: '非突发热点', en: 'non-emergency hot topic' },
};

/** 'Ⅱ级（重大）' / 'Level II (major)'; '非突发热点' / 'Non-emergency hot topic'. */
export function levelText(level: OpinionLevel): { zh: string; en: string } {
  const l = OPINION_LEVEL_LABELS[level];
  if (level === 'hot') return { zh: l.zh, en: 'Non-emergency hot topic' };
  return { zh: `${l.numeral}级（${l.zh}）`, en: `Level ${level} (${l.en})` };
}
