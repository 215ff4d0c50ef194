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

/** Prints at most this many PDFs at once in one process: each one is a page of a browser. */
const maxPrinting = 2;
let printing = 0;

type Browser = Awaited<ReturnType<(typeof import('playwright-core'))['chromium']['launch']>>;

/**
 * A server keeps its browser between prints (keepPrinterWarm): launching Chromium and its first
 * page cost about 1.5 s of a paper's PDF on the reference machine. It is closed when unused for
 * a while, and when the server stops (stopPrinter). A command or a test prints with a browser
 * of its own, closed at once, so nothing keeps it running.
 */
let keepWarmMs = 0;
interface WarmBrowser {
  browser: Promise<Browser>;
  /** Prints under way with it. */
  users: number;
  timer?: NodeJS.Timeout;
}
let warm: WarmBrowser | undefined;

/** From now on this process keeps its browser between prints, closing it after `idleMs` unused. */
export function keepPrinterWarm(idleMs = 120_000): void {
  keepWarmMs = idleMs;
}

/** Whether a browser is kept now, and how many prints use it (for tests and the operator). */
export function printerState(): { kept: boolean; printing: number } {
  return { kept: warm !== undefined, printing: warm?.users ?? 0 };
}

/** Closes the kept browser, if any (a server stopping). */
export async function stopPrinter(): Promise<void> {
  keepWarmMs = 0;
  const kept = warm;
  warm = undefined;
  if (!kept) return;
  clearTimeout(kept.timer);
  await (await kept.browser.catch(() => undefined))?.close();
}

function launch(chromium: (typeof import('playwright-core'))['chromium']): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A browser to print with, and how to give it back. */
async function takeBrowser(
  chromium: (typeof import('playwright-core'))['chromium'],
): Promise<{ browser: Browser; release(): Promise<void> }> {
  if (keepWarmMs === 0) {
    const browser = await launch(chromium);
    return { browser, release: () => browser.close() };
  }
  if (!warm) {
    const kept: WarmBrowser = { browser: launch(chromium), users: 0 };
    warm = kept;
    kept.browser.then(
      (b) =>
        b.on('disconnected', () => {
          if (warm === kept) warm = undefined;
        }),
      () => {
        if (warm === kept) warm = undefined;
      },
    );
  }
  const kept = warm;
  clearTimeout(kept.timer);
  kept.users++;
  const browser = await kept.browser;
  return {
    browser,
    release: async () => {
      kept.users--;
      if (kept.users > 0 || warm !== kept) return;
      kept.timer = setTimeout(() => {
        if (warm !== kept || kept.users > 0) return;
        warm = undefined;
        void browser.close();
      }, keepWarmMs);
      kept.timer.unref();
    },
  };
}

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
    const { browser, release } = await takeBrowser(chromium);
    const context = await browser.newContext({ javaScriptEnabled: false }).catch(async (e) => {
      await release();
      throw e;
    });
    try {
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
      await context.close().catch(() => undefined);
      await release();
    }
  } finally {
    printing--;
  }
}
