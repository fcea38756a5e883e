// Fetching a PDF from the local runtime and reading its text back with pdf.js (pdfjs-dist, the
// Node "legacy" build): real text extraction through the fonts' ToUnicode maps, not a byte search.
// `apiOf` reads bodies as text, which would mangle binary, hence a fetch of its own.

export interface PdfResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

export async function fetchPdf(baseUrl: string, path: string, token: string): Promise<PdfResponse> {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Every page's text, a line per text line; and `compact`, the same with all white space removed. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; compact: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      }
    }
    if (line) lines.push(line);
  }
  const pages = doc.numPages;
  await doc.destroy();
  const text = lines.join('\n');
  return { pages, text, compact: text.replace(/\s+/g, '') };
}

/** The file name a Content-Disposition's RFC 5987 `filename*` carries, decoded. */
export function dispositionFileName(header: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}
