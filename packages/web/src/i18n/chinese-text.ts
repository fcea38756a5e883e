// Server texts written for both readers ("国办发〔2016〕80号 (implementing rules): … ; seed 芜湖 item 32")
// must show only their Chinese on a Chinese page, and never an internal note. Policy data is being
// split into Chinese and English fields (`source` / `sourceEn`); until every text is, this keeps the
// citation parts — document numbers, 《titles》, article numbers — and drops English and notes.

const CJK = /[\u3400-\u9fff]/;
/** A run of Chinese text with the punctuation and digits citations use. */
const RUN = /[\u3400-\u9fff0-9〔〕《》〈〉（）()“”、，。：；·—第条款项号年月日]+/g;
/** Internal notes a data author left in a source, not meant for readers. */
const NOTE = /\b(seed|todo|note|fixme|internal)\b/i;

const trimRun = (run: string): string =>
  run
    .replace(/^[\s，。：；、·—()（）]+/, '')
    .replace(/[\s，。：；、·—(（]+$/, '')
    .replace(/^([^（(]*)[)）]$/, '$1');

/**
 * The Chinese part of a mixed text, or '' when it has none. `Art. 12` becomes 第12条; parts after an
 * internal note marker (seed …) are dropped.
 */
export function chineseOnly(text: string): string {
  const parts = text.split(/[;；]/).filter((part) => !NOTE.test(part));
  const runs: string[] = [];
  for (const part of parts) {
    const withArticles = part.replace(/\bArts?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?/g, (_, a: string, b?: string) =>
      b ? `第${a}—${b}条` : `第${a}条`,
    );
    for (const match of withArticles.matchAll(RUN)) {
      const run = trimRun(match[0]);
      if (CJK.test(run) && !runs.includes(run)) runs.push(run);
    }
  }
  return runs.join(' ');
}

/** True when a text has Chinese in it at all. */
export const hasChinese = (text: string): boolean => CJK.test(text);
