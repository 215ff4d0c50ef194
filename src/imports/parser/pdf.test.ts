import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumSkip } from '../../../test/support/browser.ts';
import { isPlenumError } from '../../errors.ts';
import type { ParseResult } from '../../documents/blocks.ts';
import { checkAccounting } from './accounting.ts';
import { parseImport, readImportInput } from './index.ts';
import { parsePdf, pdfToText } from './pdf.ts';
import {
  launchPdfPrinter,
  paragraphText,
  printImageOnlyPdf,
  printPdf,
  type PdfBlockSpec,
  type PdfDocumentSpec,
  type PdfLanguage,
} from './pdf.builder.ts';

let browser: Browser;
before(async () => {
  if (!chromiumSkip) browser = await launchPdfPrinter();
});
after(async () => {
  await browser?.close();
});

/** Sentences in each language (written for these tests), a heading and a footnote text. */
const samples: Record<
  PdfLanguage,
  { heading: string; sentences: string[]; note: string; header: string; footer: string }
> = {
  en: {
    heading: 'I. Introduction',
    sentences: [
      'The working group considered the proposals on the stewardship of the Internet’s naming functions',
      'and agreed that the review would continue at its next session (see paragraph 12 below).',
    ],
    note: 'The proposals were circulated to all participants before the session.',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234',
  },
  fr: {
    heading: 'I. Introduction',
    sentences: [
      'Le groupe de travail a examiné les propositions relatives à la gestion des fonctions de nommage',
      'et il est convenu que l’examen se poursuivrait à sa prochaine session (voir le paragraphe 12).',
    ],
    note: 'Les propositions ont été communiquées à tous les participants avant la session.',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234 (F)',
  },
  es: {
    heading: 'I. Introducción',
    sentences: [
      'El grupo de trabajo examinó las propuestas sobre la gestión de las funciones de nombres de Internet',
      'y convino en que el examen continuaría en su próximo período de sesiones (véase el párrafo 12).',
    ],
    note: 'Las propuestas se distribuyeron a todos los participantes antes del período de sesiones.',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234 (S)',
  },
  ru: {
    heading: 'I. Введение',
    sentences: [
      'Рабочая группа рассмотрела предложения об управлении функциями присвоения имен в Интернете',
      'и согласилась продолжить обсуждение на своей следующей сессии (см. пункт 12 ниже).',
    ],
    note: 'Предложения были разосланы всем участникам до начала сессии.',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234 (R)',
  },
  zh: {
    heading: '一、导言',
    sentences: [
      '工作组审议了关于互联网命名功能管理的各项提案，并就今后的工作安排交换了意见，',
      '同意在下届会议上继续审查（见下文第12段），并请秘书处编写一份说明。',
    ],
    note: '各项提案已在会议开始前分发给所有与会者。',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234 (C)',
  },
  ar: {
    heading: 'أولا - مقدمة',
    sentences: [
      'نظر الفريق العامل في المقترحات المتعلقة بإدارة وظائف التسمية في الإنترنت وتبادل الآراء بشأن العمل المقبل',
      'واتفق على مواصلة الاستعراض في دورته المقبلة (انظر الفقرة ١٢ أدناه) وطلب إلى الأمانة إعداد مذكرة.',
    ],
    note: 'عُممت المقترحات على جميع المشاركين قبل انعقاد الدورة.',
    header: 'A/AC.999/2025/CRP.1',
    footer: 'GE.25-01234 (A)',
  },
};

const space = (language: PdfLanguage): string => (language === 'zh' ? '' : ' ');

/** A document of `count` numbered paragraphs, every other one with a footnote marker inside it. */
function documentSpec(
  language: PdfLanguage,
  count: number,
  layout: Partial<PdfDocumentSpec> = {},
): PdfDocumentSpec {
  const s = samples[language];
  const blocks: PdfBlockSpec[] = [{ kind: 'heading', text: s.heading }];
  let note = 0;
  for (let n = 1; n <= count; n++) {
    const [first, second] = s.sentences as [string, string];
    const parts =
      n % 2 === 1
        ? [
            first,
            { marker: String(++note), footnote: `${s.note} ${n}` },
            `${space(language)}${second}`,
          ]
        : [`${first}${space(language)}${second}${space(language)}${first}`];
    blocks.push({ kind: 'paragraph', number: String(n), parts });
  }
  return { language, header: s.header, footer: s.footer, blocks, ...layout };
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Checks the blocks against the document printed: numbers, text, footnotes and their markers. */
function assertSameStructure(result: ParseResult, spec: PdfDocumentSpec): void {
  const paragraphs = result.blocks.filter((b) => b.kind === 'paragraph' && b.number !== null);
  const expected = spec.blocks.filter((b) => b.kind === 'paragraph');
  assert.deepEqual(
    paragraphs.map((b) => b.number),
    expected.map((b) => b.number),
    'the numbered paragraphs, in order',
  );
  expected.forEach((want, i) => {
    const got = paragraphs[i]!;
    assert.equal(
      squash(got.text),
      squash(paragraphText(want.parts)),
      `text of para ${want.number}`,
    );
    const notes = want.parts.filter((p) => typeof p !== 'string');
    assert.deepEqual(
      got.footnoteRefs.map((r) => r.marker),
      notes.map((n) => n.marker),
      `markers of para ${want.number}`,
    );
    for (const [k, ref] of got.footnoteRefs.entries()) {
      const footnote = result.blocks.find((b) => b.key === ref.footnoteKey);
      assert.ok(footnote, `footnote ${ref.marker} linked`);
      assert.equal(footnote.kind, 'footnote');
      assert.equal(squash(footnote.text), squash(notes[k]!.footnote), `footnote ${ref.marker}`);
    }
  });
  const headings = result.blocks.filter((b) => b.kind === 'heading');
  assert.equal(headings.length, 1, 'one heading');
  assert.equal(result.blocks.filter((b) => b.kind === 'paragraph' && b.number === null).length, 0);
  assert.deepEqual(result.warnings, []);
}

/** Checks that the running header, footer and page numbers are removed, once a page, with their reasons. */
function assertFurnitureRemoved(result: ParseResult, spec: PdfDocumentSpec, pages: number): void {
  const by = (reason: string): string[] =>
    result.removed.filter((r) => r.reason === reason).map((r) => r.text);
  assert.deepEqual(by('page_header'), Array<string>(pages).fill(spec.header!));
  assert.deepEqual(by('page_footer'), Array<string>(pages).fill(spec.footer!));
  assert.deepEqual(
    by('page_number'),
    Array.from({ length: pages }, (_, i) => String(i + 1)),
  );
  for (const b of result.blocks) {
    assert.ok(!b.text.includes(spec.header!), `no header in ${b.address}`);
    assert.ok(!b.text.includes(spec.footer!), `no footer in ${b.address}`);
  }
}

for (const language of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
  test(
    `a ${language} PDF over several pages reads as its numbered paragraphs, linked footnotes, heading, without page furniture`,
    { skip: chromiumSkip },
    async () => {
      const spec = documentSpec(language, language === 'zh' ? 16 : 9);
      const { bytes, pages } = await printPdf(browser, spec);
      assert.ok(pages >= 2, `${pages} pages`);
      const input = readImportInput(bytes, { filename: 'draft.pdf' });
      assert.equal(input.format, 'pdf');
      const result = await parseImport(input, { language });
      assertSameStructure(result, spec);
      // the heading, with or without its ordinal (the parser keeps "一、" and "أولا -")
      const heading = squash(result.blocks.find((b) => b.kind === 'heading')!.text);
      assert.ok(heading.length >= 2 && samples[language].heading.endsWith(heading), heading);
      assertFurnitureRemoved(result, spec, pages);
      // every character of what was read is in a block or reported as removed
      const { text, removed } = await pdfToText(bytes);
      const accounted = checkAccounting([text, ...removed.map((r) => r.text)].join('\n'), result);
      assert.ok(accounted.ok, JSON.stringify(accounted));
    },
  );
}

test(
  'page numbers at the top of the page and a footnote carried over are read as well',
  { skip: chromiumSkip },
  async () => {
    const spec = documentSpec('en', 7, { pageNumbers: 'top' });
    const { bytes, pages } = await printPdf(browser, spec);
    const result = await parsePdf(bytes);
    assertSameStructure(result, spec);
    assertFurnitureRemoved(result, spec, pages);
  },
);

for (const language of ['en', 'ar'] as const) {
  test(
    `a two-column ${language} PDF is read column by column`,
    { skip: chromiumSkip },
    async () => {
      const spec = documentSpec(language, 8, { columns: 2 });
      const { bytes, pages } = await printPdf(browser, spec);
      const result = await parsePdf(bytes);
      assertSameStructure(result, spec);
      assertFurnitureRemoved(result, spec, pages);
    },
  );
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await parseImport(readImportInput(bytes, { filename: 'x.pdf' }));
  } catch (error) {
    if (isPlenumError(error)) return error.code;
    throw error;
  }
  return 'accepted';
}

test(
  'a scanned PDF (an image, no text) is refused: it needs OCR',
  { skip: chromiumSkip },
  async () => {
    const bytes = await printImageOnlyPdf(browser);
    assert.equal(await refusal(bytes), 'IMPORT_PDF_NO_TEXT');
  },
);

test(
  'a damaged PDF is IMPORT_BAD_PDF, whatever was cut or changed',
  { skip: chromiumSkip },
  async () => {
    const { bytes } = await printPdf(browser, documentSpec('en', 3));
    const header = new TextEncoder().encode('%PDF-1.7\n');
    const cases = {
      'the header alone': header,
      'the first 300 bytes': bytes.subarray(0, 300),
      'noise after the header': Uint8Array.from(
        [...header, ...Array(4000).keys()].map((b) => b & 0xff),
      ),
    };
    for (const [name, damaged] of Object.entries(cases)) {
      assert.equal(await refusal(damaged), 'IMPORT_BAD_PDF', name);
    }
    // half a file: pdf.js may rebuild what it can; it never crashes
    const half = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    assert.ok(['IMPORT_BAD_PDF', 'IMPORT_PDF_NO_TEXT', 'accepted'].includes(half), half);
  },
);

/** A minimal PDF written by hand; `extra` goes into the trailer, `pages` is the count it claims. */
function handMadePdf(options: { trailer?: string; pages?: number; text?: string }): Uint8Array {
  const count = options.pages ?? 1;
  const content = `BT /F1 12 Tf 72 720 Td (${options.text ?? 'Hello'}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: count }, () => '3 0 R').join(' ')}] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Filter /Standard /V 1 /R 2 /O <0000000000000000000000000000000000000000000000000000000000000000> /U <0000000000000000000000000000000000000000000000000000000000000000> /P -4 >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

test('an encrypted PDF (a password asked for) is IMPORT_PDF_ENCRYPTED', async () => {
  // the hand-made file is read as such without its /Encrypt entry
  assert.equal(await refusal(handMadePdf({})), 'IMPORT_PDF_NO_TEXT');
  const encrypted = handMadePdf({
    trailer:
      '/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]',
  });
  assert.equal(await refusal(encrypted), 'IMPORT_PDF_ENCRYPTED');
});

test('a PDF of more than 1,000 pages is refused before its pages are read', async () => {
  const text = 'A line of text long enough to count as a text layer on its page.';
  assert.equal(await refusal(handMadePdf({ pages: 3, text })), 'accepted');
  assert.equal(await refusal(handMadePdf({ pages: 1_001, text })), 'IMPORT_PDF_TOO_MANY_PAGES');
});
