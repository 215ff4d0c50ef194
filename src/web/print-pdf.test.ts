/**
 * Printing to PDF refuses with PDF_UNAVAILABLE, never a server error, when Chromium takes longer
 * than the time allowed (PLENUM_PDF_TIMEOUT_MS; 30 s by default): a paper of a year of 100,000
 * submissions can, on a busy machine.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlenumError } from '../errors.ts';
import { canPrintPdf, printPdf } from './print-pdf.ts';

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
