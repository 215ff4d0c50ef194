/**
 * Test builder: PDF files printed by Chromium from HTML written here, laid out page by page like
 * a UN document (running header, footer and page number, footnotes at the foot of the page they
 * are referenced on, in a smaller font below a short rule, superscript markers, one or two
 * columns, left-to-right or right-to-left). The structure given is the true structure of the
 * PDF, so an evaluation can compare what the importer reads with it.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../test/support/browser.ts';

/** A piece of a paragraph's text: plain text, or a footnote marker with its footnote's text. */
export type PdfTextPart = string | { marker: string; footnote: string };

/** One block of a built PDF, in reading order. */
export type PdfBlockSpec =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | {
      kind: 'paragraph';
      number?: string;
      /** The number as printed before the text (default `12.`): `12)`, `١٢ -`, `12`. */
      label?: string;
      parts: PdfTextPart[];
    };

/** The languages the builder sets fonts and direction for. */
export type PdfLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

/** What a built PDF holds and how it is laid out. */
export interface PdfDocumentSpec {
  language: PdfLanguage;
  /** Default: right-to-left for Arabic, left-to-right otherwise. */
  direction?: 'ltr' | 'rtl';
  /** A running header printed at the top of every page. */
  header?: string;
  /** A running footer printed at the foot of every page. */
  footer?: string;
  /** Where the page number is printed; default the foot of the page. */
  pageNumbers?: 'foot' | 'top' | 'none';
  /** Two columns on every page; default one. */
  columns?: 1 | 2;
  /** Body font size in points; default 12 (footnotes are three quarters of it). */
  fontSize?: number;
  blocks: PdfBlockSpec[];
  /** Lines of a cover page printed before the body (title, organisation, date, symbol). */
  cover?: string[];
  /** Lines of a back cover page printed after the body (slogan, web addresses). */
  backCover?: string[];
}

const FONTS = "'Noto Serif', 'Noto Naskh Arabic', 'WenQuanYi Micro Hei', serif";

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML of one block and of the footnotes it references, for the page script to lay out. */
function blockHtml(block: PdfBlockSpec): { html: string; notes: string[] } {
  if (block.kind === 'heading') {
    const tag = block.level === 2 ? 'h3' : 'h2';
    return { html: `<${tag}>${escapeHtml(block.text)}</${tag}>`, notes: [] };
  }
  const notes: string[] = [];
  const body = block.parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      notes.push(
        `<div class="note"><sup>${escapeHtml(part.marker)}</sup> ${escapeHtml(part.footnote)}</div>`,
      );
      return `<sup>${escapeHtml(part.marker)}</sup>`;
    })
    .join('');
  const label = block.label ?? (block.number === undefined ? undefined : `${block.number}.`);
  const number = label === undefined ? '' : `<span class="num">${escapeHtml(label)}</span> `;
  return { html: `<p>${number}${body}</p>`, notes };
}

function pageCss(spec: PdfDocumentSpec): string {
  const size = spec.fontSize ?? 12;
  return `
  @page { size: A4; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: ${FONTS}; font-size: ${size}pt; line-height: 1.35; }
  .page { position: relative; width: 210mm; height: 297mm; overflow: hidden; break-after: page; }
  .header, .footer { position: absolute; left: 25mm; right: 25mm; font-size: ${size * 0.8}pt;
    display: flex; justify-content: space-between; }
  .header { top: 12mm; } .footer { bottom: 12mm; }
  .main { position: absolute; top: 28mm; bottom: 28mm; left: 25mm; right: 25mm;
    display: flex; flex-direction: column; }
  .body { flex: 0 0 auto; ${spec.columns === 2 ? 'column-count: 2; column-gap: 10mm;' : ''} }
  .notes { margin-top: auto; font-size: ${size * 0.75}pt; }
  .notes:empty { display: none; }
  .notes::before { content: ''; display: block; width: 35%; border-top: 0.6pt solid black;
    margin: 6pt 0 4pt; }
  .note { margin: 0 0 2pt; }
  h2 { font-size: ${size * 1.4}pt; margin: 10pt 0 8pt; }
  h3 { font-size: ${size * 1.15}pt; margin: 8pt 0 6pt; }
  p { margin: 0 0 8pt; text-align: justify; }
  .num { display: inline-block; min-width: 10mm; }
  .cover { position: relative; width: 210mm; height: 297mm; padding: 60mm 25mm; break-after: page; }
  .cover p { text-align: start; margin: 0 0 14pt; }
  sup { font-size: 0.6em; vertical-align: super; line-height: 0; }
  `;
}

/**
 * Runs in the page: moves the blocks one by one onto pages, each block's footnotes onto the page
 * where its marker is, starting a page when the body and notes no longer fit.
 */
function layOutPages(input: {
  blocks: { html: string; notes: string[] }[];
  header: string;
  footer: string;
  pageNumbers: string;
  cover: string;
  backCover: string;
}): number {
  const doc = globalThis.document;
  doc.body.replaceChildren();
  let count = 0;
  const coverPage = (html: string): void => {
    const page = doc.createElement('div');
    page.className = 'cover';
    page.innerHTML = html;
    doc.body.appendChild(page);
  };
  if (input.cover) coverPage(input.cover);
  let current: { main: HTMLElement; body: HTMLElement; notes: HTMLElement } | null = null;
  const newPage = (): NonNullable<typeof current> => {
    count++;
    const page = doc.createElement('div');
    page.className = 'page';
    const number = String(count);
    const top = input.pageNumbers === 'top' ? number : '';
    const foot = input.pageNumbers === 'foot' ? number : '';
    page.innerHTML =
      `<div class="header"><span>${input.header}</span><span>${top}</span></div>` +
      `<div class="main"><div class="body"></div><div class="notes"></div></div>` +
      `<div class="footer"><span>${input.footer}</span><span>${foot}</span></div>`;
    doc.body.appendChild(page);
    return {
      main: page.querySelector('.main')!,
      body: page.querySelector('.body')!,
      notes: page.querySelector('.notes')!,
    };
  };
  const overflows = (p: NonNullable<typeof current>): boolean =>
    p.body.offsetHeight + p.notes.offsetHeight + 12 > p.main.clientHeight;
  const place = (p: NonNullable<typeof current>, block: { html: string; notes: string[] }) => {
    const holder = doc.createElement('div');
    holder.innerHTML = block.html;
    const element = holder.firstElementChild!;
    p.body.appendChild(element);
    const notes = block.notes.map((html) => {
      holder.innerHTML = html;
      const note = holder.firstElementChild!;
      p.notes.appendChild(note);
      return note;
    });
    return () => {
      element.remove();
      for (const note of notes) note.remove();
    };
  };
  for (const block of input.blocks) {
    current ??= newPage();
    const undo = place(current, block);
    if (overflows(current) && current.body.childElementCount > 1) {
      undo();
      current = newPage();
      place(current, block);
    }
  }
  if (input.backCover) coverPage(input.backCover);
  return count + (input.cover ? 1 : 0) + (input.backCover ? 1 : 0);
}

const coverHtml = (lines: string[] | undefined): string =>
  (lines ?? []).map((l) => `<p>${escapeHtml(l)}</p>`).join('');

/**
 * Prints the document to PDF with the browser given (a page of its own, closed after) or on the
 * page given (reused: many documents are printed quicker on one page); returns the bytes and the
 * page count.
 */
export async function printPdf(
  printer: Browser | Page,
  spec: PdfDocumentSpec,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const direction = spec.direction ?? (spec.language === 'ar' ? 'rtl' : 'ltr');
  const own = 'newPage' in printer;
  const page = own ? await printer.newPage() : printer;
  try {
    await page.setContent(
      `<!doctype html><html lang="${spec.language}" dir="${direction}"><head><meta charset="utf-8">` +
        `<style>${pageCss(spec)}</style></head><body></body></html>`,
    );
    const pages = await page.evaluate(layOutPages, {
      blocks: spec.blocks.map(blockHtml),
      header: escapeHtml(spec.header ?? ''),
      footer: escapeHtml(spec.footer ?? ''),
      pageNumbers: spec.pageNumbers ?? 'foot',
      cover: coverHtml(spec.cover),
      backCover: coverHtml(spec.backCover),
    });
    const bytes = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    return { bytes: new Uint8Array(bytes), pages };
  } finally {
    if (own) await page.close();
  }
}

/** Prints a page holding only an image and no text, as a scanner would make it. */
export async function printImageOnlyPdf(browser: Browser): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(
      `<!doctype html><html><body style="margin:0"><canvas id="c" width="600" height="800"></canvas></body></html>`,
    );
    await page.evaluate(() => {
      const canvas = globalThis.document.getElementById('c') as HTMLCanvasElement;
      const g = canvas.getContext('2d')!;
      g.fillStyle = '#fff';
      g.fillRect(0, 0, 600, 800);
      g.fillStyle = '#222';
      // grey bars where the lines of a scanned page would be
      for (let y = 60; y < 760; y += 22) g.fillRect(50, y, 400 + ((y * 7) % 100), 9);
    });
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await page.close();
  }
}

/** Starts the browser the builder prints with (Debian's Chromium). */
export function launchPdfPrinter(): Promise<Browser> {
  return launchChromium();
}

/** The text of a paragraph as the reader should see it: its parts without markers. */
export function paragraphText(parts: PdfTextPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : '')).join('');
}
