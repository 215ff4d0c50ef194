/** Test support: reading back a PDF that a test printed, page by page. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** The pages of a PDF: their size in points and their text. */
export async function readPdf(
  bytes: Uint8Array,
): Promise<{ width: number; height: number; text: string }[]> {
  const task = getDocument({ data: bytes, useSystemFonts: false });
  const pdf = await task.promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ((item as TextItem).str ?? '') + ((item as TextItem).hasEOL ? '\n' : ''))
      .join('');
    pages.push({ width: width!, height: height!, text });
  }
  await task.destroy();
  return pages;
}
