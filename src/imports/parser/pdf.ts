/**
 * PDF import: Mozilla's pdf.js (pdfjs-dist, the legacy build for Node) reads the text of every page
 * with the position and size of each piece, which plain text extraction throws away; pdf-lines.ts
 * and pdf-layout.ts use them to rebuild lines, columns, paragraphs, headings, footnotes and their
 * markers, and to take out running headers, footers and page numbers; the same parser as for text
 * then reads the Markdown-like result (as for DOCX).
 *
 * pdf.js (version 6 has no eval at all) runs in this process with no worker file, no font faces,
 * no system fonts and no network: only the text layer is read, with the character maps pdf.js
 * ships read from its own folder. A PDF that is encrypted, damaged, longer than MAX_PDF_PAGES or without a
 * text layer (scanned) is refused with a PlenumError naming the problem.
 *
 * Accounting (accounting.ts) applies to the intermediate text plus the page furniture removed here.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { PlenumError } from '../../errors.ts';
import type { ParseResult } from '../../documents/blocks.ts';
import { refuseForbiddenText } from '../../text/allowed-text.ts';
import { parseText } from './parse-text.ts';
import { layOutPdfText, type PdfLayoutResult } from './pdf-layout.ts';
import { pageFragments, type PdfPageText } from './pdf-lines.ts';

/** Most pages one PDF import reads: a long UN report has a few hundred. */
export const MAX_PDF_PAGES = 1_000;

/** Fewer visible characters than this per page on average: the PDF has no text layer to read. */
const MIN_CHARACTERS_PER_PAGE = 20;

// pdf.js reads the character maps of fonts a PDF names without embedding (common in Chinese and
// Japanese PDFs) and the metrics of the standard fonts from files it ships, through the file system
const pdfjsFolder = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const cMapUrl = join(pdfjsFolder, 'cmaps') + '/';
const standardFontDataUrl = join(pdfjsFolder, 'standard_fonts') + '/';

/** Options of {@link parsePdf}. */
export interface ParsePdfOptions {
  language?: string;
}

/** Opens a PDF with pdf.js, turning its failures into PlenumErrors. */
async function openPdf(
  bytes: Uint8Array,
): Promise<{ pdf: PDFDocumentProxy; close: () => Promise<void> }> {
  let task: ReturnType<typeof getDocument>;
  try {
    task = startReading(bytes);
  } catch (error) {
    throw pdfError(error);
  }
  const close = (): Promise<void> => task.destroy().catch(() => {});
  try {
    return { pdf: await task.promise, close };
  } catch (error) {
    await close();
    throw pdfError(error);
  }
}

function startReading(bytes: Uint8Array): ReturnType<typeof getDocument> {
  return getDocument({
    // a plain copy: pdf.js takes the buffer over and refuses a Node Buffer
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
}

function pdfError(error: unknown): PlenumError {
  if (error instanceof PlenumError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = error instanceof Error ? error.message.split('\n')[0] : undefined;
  if (name === 'PasswordException') return new PlenumError('IMPORT_PDF_ENCRYPTED');
  return new PlenumError('IMPORT_BAD_PDF', message ? `pdf.js: ${message}.` : undefined);
}

/** The positioned text of every page. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPageText[]> {
  const { pdf, close } = await openPdf(bytes);
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new PlenumError(
        'IMPORT_PDF_TOO_MANY_PAGES',
        `It has ${pdf.numPages.toLocaleString('en')} pages.`,
      );
    }
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await readPage(pdf, n));
    return pages;
  } catch (error) {
    throw pdfError(error);
  } finally {
    await close();
  }
}

async function readPage(pdf: PDFDocumentProxy, n: number): Promise<PdfPageText> {
  const page = await pdf.getPage(n);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  page.cleanup();
  const pieces = content.items
    .filter((item): item is TextItem => 'str' in item && item.str !== '')
    .map((item) => {
      const [a, b, , , x, y] = item.transform as number[];
      return { text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) };
    });
  return { width: width!, height: height!, pieces };
}

/** The Markdown-like text of a PDF and the page furniture taken out; refuses a PDF with no text layer. */
export async function pdfToText(bytes: Uint8Array): Promise<PdfLayoutResult> {
  const pages = await readPdfPages(bytes);
  const characters = pages.reduce(
    (n, p) => n + p.pieces.reduce((m, x) => m + x.text.replace(/\s/g, '').length, 0),
    0,
  );
  if (characters < MIN_CHARACTERS_PER_PAGE * Math.max(1, pages.length)) {
    throw new PlenumError(
      'IMPORT_PDF_NO_TEXT',
      `Its ${pages.length} page${pages.length === 1 ? '' : 's'} hold ${characters} characters of text.`,
    );
  }
  return layOutPdfText(
    pages.map((page, i) => ({ height: page.height, fragments: pageFragments(page, i + 1) })),
  );
}

/** Parses a PDF file into blocks; the page furniture taken out is reported in `removed`. */
export async function parsePdf(
  bytes: Uint8Array,
  options: ParsePdfOptions = {},
): Promise<ParseResult> {
  const { text, removed } = await pdfToText(bytes);
  refuseForbiddenText(text, 'file');
  const language = options.language;
  const result = parseText(
    text,
    language === undefined ? { format: 'markdown' } : { format: 'markdown', language },
  );
  return { ...result, removed: [...removed, ...result.removed] };
}
