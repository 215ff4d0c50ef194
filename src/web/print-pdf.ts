/**
 * Printing an HTML page to PDF with Chromium's own print to PDF (through playwright-core), for
 * papers a reader downloads. Chromium is an optional part of a plenum site: where it is missing,
 * printing says so with PDF_UNAVAILABLE instead of failing. The page is printed with JavaScript
 * off and every network request refused, so nothing but the given HTML reaches the PDF.
 */
import { existsSync } from 'node:fs';
import { PlenumError } from '../errors.ts';

/** Where Chromium is looked for: PLENUM_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.PLENUM_CHROMIUM || '/usr/bin/chromium';
}

/** True when this machine can print PDF (Chromium is installed where plenum looks for it). */
export function canPrintPdf(): boolean {
  return existsSync(chromiumPath());
}

/** How long Chromium may take to lay out and print a page: PLENUM_PDF_TIMEOUT_MS, else 30 s. */
function printTimeout(): number {
  const ms = Number(process.env.PLENUM_PDF_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : 30_000;
}

/** Prints at most this many PDFs at once in one process: each one is a browser. */
const maxPrinting = 2;
let printing = 0;

/**
 * The PDF of a whole HTML page, with the page size and margins of its own `@page` rule. Throws
 * PDF_UNAVAILABLE when Chromium is not installed, when too many PDFs are being printed, or when
 * the page takes longer than the time allowed to print.
 */
export async function printPdf(html: string): Promise<Buffer> {
  if (!canPrintPdf()) throw new PlenumError('PDF_UNAVAILABLE');
  if (printing >= maxPrinting)
    throw new PlenumError(
      'PDF_UNAVAILABLE',
      'Too many PDFs are being printed: try again in a few seconds.',
    );
  printing++;
  try {
    // Loaded only when a PDF is asked for, so a site without it starts as fast as ever.
    const { chromium } = await import('playwright-core').catch(() => {
      throw new PlenumError('PDF_UNAVAILABLE', 'The playwright-core package is not installed.');
    });
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(printTimeout());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } catch (error) {
      // A paper too long to lay out in time (a year of 100,000 submissions on a busy machine) is
      // refused like a missing Chromium, with the way out, never a server error.
      if (error instanceof Error && error.name === 'TimeoutError')
        throw new PlenumError(
          'PDF_UNAVAILABLE',
          'This paper is too long to print as PDF in time: download it as DOCX, or as HTML and print that from the browser.',
        );
      throw error;
    } finally {
      await browser.close();
    }
  } finally {
    printing--;
  }
}
