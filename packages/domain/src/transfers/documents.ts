// The five documents a transfer must carry (《行政执法机关移送涉嫌犯罪案件的规定》第六条, as revised
// by 国务院令第730号, which changed 鉴定结论 to 鉴定意见). A transfer without all of them is recorded
// as incomplete and names what is missing; the 24-hour clock is met only by a complete transfer.

export const DOCUMENT_KINDS = [
  'transfer-letter',
  'investigation-report',
  'seized-items-list',
  'inspection-report',
  'other-materials',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentRequirement {
  kind: DocumentKind;
  /** The regulation's own words, shown on zh pages. */
  name: string;
  /** 第六条 item, e.g. 第六条第（一）项. */
  article: string;
  /** The transfer letter carries a document number (文号); the others an attachment reference. */
  needsDocumentNo: boolean;
}

export const ARTICLE_6: readonly DocumentRequirement[] = [
  { kind: 'transfer-letter', name: '涉嫌犯罪案件移送书', article: '第六条第（一）项', needsDocumentNo: true },
  {
    kind: 'investigation-report',
    name: '涉嫌犯罪案件情况的调查报告',
    article: '第六条第（二）项',
    needsDocumentNo: false,
  },
  { kind: 'seized-items-list', name: '涉案物品清单', article: '第六条第（三）项', needsDocumentNo: false },
  { kind: 'inspection-report', name: '有关检验报告或者鉴定意见', article: '第六条第（四）项', needsDocumentNo: false },
  { kind: 'other-materials', name: '其他有关涉嫌犯罪的材料', article: '第六条第（五）项', needsDocumentNo: false },
];

/** One document attached to a transfer. `attachmentId` is the stored file (or its hash); `documentNo` the 文号. */
export interface TransferDocument {
  kind: DocumentKind;
  title: string;
  documentNo?: string;
  attachmentId?: string;
  pages?: number;
}

export interface MissingDocument {
  kind: DocumentKind;
  name: string;
  article: string;
  /** Why it does not count, in Chinese: absent, or present without its 文号 / attachment. */
  problem: string;
}

export interface CompletenessResult {
  complete: boolean;
  missing: MissingDocument[];
  /** Chinese summary for the agency, e.g. "移送材料不全：缺少涉案物品清单（第六条第（三）项）". */
  explanation: string;
}

const filled = (s: string | undefined) => s !== undefined && s.trim().length > 0;

/**
 * Checks a transfer's documents against Art. 6. A document counts when it has a title and an
 * attachment (the transfer letter also its 文号). Extra documents of a kind are fine.
 */
export function checkTransferDocuments(
  documents: readonly TransferDocument[],
  requirements: readonly DocumentRequirement[] = ARTICLE_6,
): CompletenessResult {
  const missing: MissingDocument[] = [];
  for (const req of requirements) {
    const ofKind = documents.filter((d) => d.kind === req.kind);
    const usable = ofKind.filter(
      (d) => filled(d.title) && filled(d.attachmentId) && (!req.needsDocumentNo || filled(d.documentNo)),
    );
    if (usable.length > 0) continue;
    const problem =
      ofKind.length === 0
        ? '未附'
        : req.needsDocumentNo && !ofKind.some((d) => filled(d.documentNo))
          ? '缺少文号'
          : '缺少附件';
    missing.push({ kind: req.kind, name: req.name, article: req.article, problem });
  }
  const explanation =
    missing.length === 0
      ? '移送材料齐全（第六条）'
      : `移送材料不全：${missing.map((m) => `${m.name}${m.problem}（${m.article}）`).join('；')}`;
  return { complete: missing.length === 0, missing, explanation };
}
