// Lays out a rendered 人民调解协议书 (domain: mediation/agreement-template.ts) as an A4 PDF with pdfkit
// and Noto Serif SC from npm (@expo-google-fonts/noto-serif-sc, OFL): a Lambda has no system fonts.
// pdfkit embeds only the glyphs the document uses (a subset), so a PDF is tens of KB, not the
// font's 15 MB. Both pdfkit and the font are loaded on the first PDF, not at init: in AWS they are
// shipped beside the bundle, not in it (the wiring's `beside`, infra/lib/bundling.ts), and the
// same `import('pdfkit')` and require.resolve find them there as they find node_modules locally.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chineseNumeral, type RenderedAgreement } from '@fazhi/domain/mediation/agreement-template';
import { PDF_FONT } from './pdf-assets';

type PdfKit = typeof import('pdfkit');
let loaded: Promise<{ PDFDocument: PdfKit; font: Buffer }> | undefined;

function load() {
  loaded ??= (async () => {
    const [pdfkit, font] = await Promise.all([
      import('pdfkit'),
      readFile(createRequire(import.meta.url).resolve(PDF_FONT)),
    ]);
    return { PDFDocument: (pdfkit as { default: PdfKit }).default ?? pdfkit, font };
  })().catch((e: unknown) => {
    loaded = undefined; // a failed load is tried again by the next request
    throw e;
  });
  return loaded;
}

const MARGIN = 56;

export async function agreementPdf(
  r: RenderedAgreement,
  meta: { author: string; subject: string; at: number },
): Promise<Buffer> {
  const { PDFDocument, font } = await load();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: font as unknown as string,
    lang: 'zh-CN',
    bufferPages: true,
    displayTitle: true,
    info: { Title: r.title, Author: meta.author, Subject: meta.subject, CreationDate: new Date(meta.at) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;

  doc.fontSize(22).text(r.title, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.5);
  doc.fontSize(11);
  for (const p of r.preamble) doc.text(p, { align: 'right' });
  doc.moveDown(0.8);
  r.sections.forEach((s, i) => {
    doc.fontSize(14).text(`${chineseNumeral(i + 1)}、${s.heading}`, left, doc.y, { width });
    doc.moveDown(0.3);
    doc.fontSize(12);
    for (const p of s.paragraphs) doc.text(p, left, doc.y, { width, lineGap: 4, indent: 24 });
    doc.moveDown(0.6);
  });

  // Signatures and seals, kept together on one page: each line with room to sign below it; a line
  // ending in a colon (who signs) gets a rule to sign on, the others (seal, date) stand right.
  doc.moveDown(0.6);
  doc.fontSize(12);
  const gap = doc.currentLineHeight(true);
  const block = r.signatures.reduce((h, s) => h + doc.heightOfString(s, { width }) + gap, 0);
  if (doc.y + block > doc.page.height - MARGIN) doc.addPage();
  for (const s of r.signatures) {
    const y = doc.y;
    const signs = /[：:]$/.test(s);
    doc.text(s, left, y, { width, align: signs ? 'left' : 'right' });
    if (signs) {
      const x = left + doc.widthOfString(s) + 6;
      doc
        .moveTo(x, y + 16)
        .lineTo(Math.max(x + 120, left + width / 2 + 80), y + 16)
        .lineWidth(0.6)
        .stroke();
    }
    doc.y += gap;
  }

  // 第 N 页 共 M 页, written into the bottom margin of every page once all are laid out.
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .text(`第 ${i + 1} 页 共 ${pages.count} 页`, left, doc.page.height - MARGIN / 2 - 6, { width, align: 'center' });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
