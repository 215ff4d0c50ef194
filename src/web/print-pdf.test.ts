/**
 * Printing to PDF refuses with PDF_UNAVAILABLE, never a server error, when Chromium takes longer
 * than the time allowed (PLENUM_PDF_TIMEOUT_MS; 30 s by default): a paper of a year of 100,000
 * submissions can, on a busy machine.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlenumError } from '../errors.ts';
import { canPrintPdf, keepPrinterWarm, printerState, printPdf, stopPrinter } from './print-pdf.ts';

test(
  'a page that cannot be printed in the time allowed is PDF_UNAVAILABLE',
  { skip: !canPrintPdf() && 'Chromium is not installed' },
  async () => {
    const saved = process.env.PLENUM_PDF_TIMEOUT_MS;
    process.env.PLENUM_PDF_TIMEOUT_MS = '1';
    try {
      const long = `<!doctype html><title>t</title>${'<p>The public core of the Internet.</p>'.repeat(20_000)}`;
      await assert.rejects(
        printPdf(long),
        (e) => isPlenumError(e) && e.code === 'PDF_UNAVAILABLE' && /too long/.test(e.detail ?? ''),
      );
    } finally {
      if (saved === undefined) delete process.env.PLENUM_PDF_TIMEOUT_MS;
      else process.env.PLENUM_PDF_TIMEOUT_MS = saved;
    }
    // With time enough, the same machinery prints.
    const pdf = await printPdf('<!doctype html><title>t</title><p>Printed.</p>');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  },
);

test(
  'a server keeps one browser between prints, closes it when unused for a while, and at its stop',
  { skip: !canPrintPdf() && 'Chromium is not installed' },
  async () => {
    const html = (n: number) => `<!doctype html><title>t</title><p>Paper ${n}.</p>`;
    keepPrinterWarm(300);
    try {
      assert.deepEqual(printerState(), { kept: false, printing: 0 });
      const [a, b] = await Promise.all([printPdf(html(1)), printPdf(html(2))]);
      assert.equal(a.subarray(0, 5).toString(), '%PDF-');
      assert.equal(b.subarray(0, 5).toString(), '%PDF-');
      // Both printed with the one browser, still kept once they are done.
      assert.deepEqual(printerState(), { kept: true, printing: 0 });
      await printPdf(html(3));
      assert.ok(printerState().kept);
      // Unused for longer than the time given, it is closed; the next print launches one again.
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.deepEqual(printerState(), { kept: false, printing: 0 });
      await printPdf(html(4));
      assert.ok(printerState().kept);
    } finally {
      await stopPrinter();
    }
    assert.deepEqual(printerState(), { kept: false, printing: 0 });
    // Without keepPrinterWarm (a command, a test), each print has its own browser, closed at once.
    await printPdf(html(5));
    assert.deepEqual(printerState(), { kept: false, printing: 0 });
  },
);
