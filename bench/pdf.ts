/**
 * PDF import bench: a 200-page PDF with 600 numbered paragraphs and 300 footnotes, printed once by
 * Debian's Chromium from the test builder's HTML, then parsed (read, laid out, parsed into blocks).
 */
import { existsSync } from 'node:fs';
import { parseImportFile } from '../src/imports/imports.service.ts';
import {
  launchPdfPrinter,
  printPdf,
  type PdfBlockSpec,
} from '../src/imports/parser/pdf.builder.ts';

const sentence =
  'The working group considered the proposals on the stewardship of the naming functions and agreed to continue the review at its next session';

/** Six hundred numbered paragraphs, every other one with a footnote, under a heading every 20. */
export function benchBlocks(): PdfBlockSpec[] {
  const blocks: PdfBlockSpec[] = [];
  let note = 0;
  for (let n = 1; n <= 600; n++) {
    if (n % 20 === 1) blocks.push({ kind: 'heading', text: `Section ${Math.ceil(n / 20)}` });
    const text = `${sentence}, point ${n}. ${sentence}.`;
    blocks.push({
      kind: 'paragraph',
      number: String(n),
      parts:
        n % 2 === 1
          ? [text, { marker: String(++note), footnote: `A note on point ${n} of the draft.` }]
          : [text],
    });
  }
  return blocks;
}

/** Prints the bench PDF and times its parse; prints one line. */
export async function benchPdfImport(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('import PDF: skipped, /usr/bin/chromium is not installed');
    return;
  }
  const browser = await launchPdfPrinter();
  let printed;
  try {
    // 1.2 × the body size between paragraphs and a large font: three paragraphs a page
    printed = await printPdf(browser, {
      language: 'en',
      header: 'A/AC.999/2025/BENCH',
      footer: 'GE.25-09999',
      fontSize: 20,
      blocks: benchBlocks(),
    });
  } finally {
    await browser.close();
  }
  const samples: number[] = [];
  let last;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    last = await parseImportFile(printed.bytes, { filename: 'bench.pdf', language: 'en' });
    samples.push(performance.now() - t);
  }
  const blocks = last!.result.blocks;
  const numbered = blocks.filter((b) => b.kind === 'paragraph' && b.number !== null).length;
  const footnotes = blocks.filter((b) => b.kind === 'footnote').length;
  const linked = blocks.flatMap((b) => b.footnoteRefs).filter((r) => r.footnoteKey !== null).length;
  console.log(
    `import PDF of ${printed.pages} pages (${(printed.bytes.byteLength / 1024).toFixed(0)} KB): parse ${samples.map((s) => `${(s / 1000).toFixed(2)} s`).join(', ')} (3 runs); ` +
      `${numbered} numbered paragraphs, ${footnotes} footnotes, ${linked} linked  [target ≤ 5 s for 200 pages, 600 paragraphs, 300 footnotes]`,
  );
}
