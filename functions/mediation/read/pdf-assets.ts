// What the agreement PDF loads at run time besides the bundle (no imports: the wiring, read by the
// API docs and the CDK app, names them without pulling pdfkit into anything).

/** Noto Serif SC Regular (SIL OFL 1.1), the whole font; the PDF embeds a subset of it. */
export const PDF_FONT = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
export const PDF_FONT_LICENSE = '@expo-google-fonts/noto-serif-sc/LICENSE_FONT';
