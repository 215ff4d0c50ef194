/**
 * Renderings of a generated document (corpus.builder.ts): extracted text or Markdown as a PDF or Word
 * export would give it, a DOCX, the page layout of a printed PDF (for pdf.builder.ts: cover page,
 * running header and page numbers, raised markers, notes at the foot of the page of their marker,
 * back cover page), and plain HTML (front and back matter in `<header>` and `<footer>`, notes in an
 * `<aside>` after the body).
 */
import { buildDocx, docxFootnoteRef, docxParagraph, docxRun } from '../parser/docx.builder.ts';
import type { PdfBlockSpec, PdfDocumentSpec, PdfTextPart } from '../parser/pdf.builder.ts';
import type { FamilyLayout, TrueDocument } from './corpus.builder.ts';
import type { TrueBlock } from './truth.ts';

type Paragraph = Extract<TrueBlock, { kind: 'paragraph' }>;
type Heading = Extract<TrueBlock, { kind: 'heading' }>;
type Footnote = Extract<TrueBlock, { kind: 'footnote' }>;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const LINES_PER_PAGE = 40;

/** Digits as the layout prints them: ASCII or Arabic-Indic. */
function digits(layout: FamilyLayout, n: number | string): string {
  const s = String(n);
  return layout.digits === 'arabic-indic'
    ? s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + +d))
    : s;
}

/** A footnote marker as the layout writes it after a sentence. */
function marker(layout: FamilyLayout, n: number): string {
  switch (layout.markers) {
    case 'super':
      return [...String(n)].map((d) => SUPERSCRIPT[+d]).join('');
    case 'glued':
      return String(n);
    case 'bracket':
      return `[${digits(layout, n)}]`;
    case 'ref':
      return `[footnoteRef:${n}]`;
    case 'md':
      return `[^${n}]`;
    case 'sup-html':
      return `<sup>${n}</sup>`;
  }
}

/** The paragraph's text with its markers, as one string. */
function paragraphText(doc: TrueDocument, p: Paragraph): string {
  const joiner = doc.language === 'zh' ? '' : ' ';
  return p.sentences
    .map((s) => s.text + (s.marker === null ? '' : marker(doc.layout, s.marker)))
    .join(joiner);
}

/** The heading's lines in the text rendering. */
function headingLines(layout: FamilyLayout, h: Heading): string[] {
  if (h.level === 2 && layout.letterSubsections) return [`(${h.number}) ${h.title}`];
  if (h.number === null) return [layout.sections === 'markdown' ? `## ${h.title}` : h.title];
  switch (layout.sections) {
    case 'roman':
      return [`${h.number}. ${h.title}`];
    case 'cjk':
      return [`${h.number}、${h.title}`];
    case 'ar-ordinal':
      return [`${h.number} - ${h.title}`];
    case 'multi':
      return [`${h.number} ${h.title}`];
    case 'digit':
      return [`${h.number}  ${h.title}`];
    case 'alone':
      return [h.number, h.title];
    default:
      return [h.title];
  }
}

/** Hard-wraps a text at `width` characters (never inside a word, a number or a marker). */
function wrap(text: string, width: number, cjk: boolean): string[] {
  if (!width || text.length <= width) return [text];
  const units = cjk
    ? (text.match(
        /\[[^\]]*\]|<sup>\d+<\/sup>|[0-9]+[年月日]?|[。.][0-9]+|.[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\s*[A-Za-z.]+\s*|./gsu,
      ) ?? [])
    : text.split(' ').map((w, i) => (i === 0 ? w : ' ' + w));
  const lines: string[] = [];
  let line = '';
  for (const u of units) {
    if (line && (line + u).length > width) {
      lines.push(line.trimEnd());
      line = u.trimStart();
    } else line += u;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** The paragraph's lines in the text rendering. */
function paragraphLines(doc: TrueDocument, p: Paragraph): string[] {
  const { layout } = doc;
  const text = paragraphText(doc, p);
  const cjk = doc.language === 'zh';
  const n = p.number === null ? '' : digits(layout, p.number);
  switch (p.number === null ? 'none' : layout.paragraphs) {
    case 'dot':
      return wrap(`${n}.${cjk ? '' : ' '}${text}`, layout.wrap, cjk);
    case 'ar-dash':
      return wrap(`${n} - ${text}`, layout.wrap, cjk);
    case 'paren':
      return wrap(`${n}) ${text}`, layout.wrap, cjk);
    case 'alone':
      return [n, ...wrap(text, layout.wrap, cjk)];
    case 'alone-dot':
      return [`${n}.`, ...wrap(text, layout.wrap, cjk)];
    default:
      return wrap(text, layout.wrap, cjk);
  }
}

/** A footnote's lines where notes are listed (at a page foot, at the end, after a separator). */
function footnoteLines(doc: TrueDocument, f: Footnote): string[] {
  const { layout } = doc;
  const cjk = doc.language === 'zh';
  if (layout.notes === 'md') return [`[^${f.number}]: ${f.text}`];
  if (layout.notes === 'inline') return [`[${f.number}: ${f.text}]`];
  if (layout.notes === 'separator' && cjk)
    return [String(f.number), ...wrap(f.text, layout.wrap, cjk)];
  if (layout.markers === 'bracket')
    return wrap(`[${digits(layout, f.number)}] ${f.text}`, layout.wrap, cjk);
  return wrap(`${digits(layout, f.number)} ${f.text}`, layout.wrap, cjk);
}

/** The extracted text (or Markdown) of the document, and its format. */
export function renderText(doc: TrueDocument): { text: string; format: 'text' | 'markdown' } {
  const { layout } = doc;
  const notes = new Map<number, Footnote>();
  for (const b of doc.blocks) if (b.kind === 'footnote') notes.set(b.number, b);
  const notesHeading =
    layout.notes === 'separator' ? doc.blocks.findLast((b) => b.kind === 'heading') : undefined;
  const body = doc.blocks.filter((b) => b.kind !== 'footnote' && b !== notesHeading);
  const out: string[] = [];
  if (doc.cover.length) out.push(...doc.cover, '');
  let page = 1;
  let pending: number[] = [];
  const endPage = (): void => {
    if (layout.notes === 'page' && pending.length) {
      out.push('');
      for (const n of pending) out.push(...footnoteLines(doc, notes.get(n)!));
      pending = [];
    }
    if (layout.furniture) out.push('', `- ${page} -`, '', doc.symbol, '');
    page++;
  };
  if (layout.furniture) out.push(doc.symbol, '');
  let pageStart = out.length;
  body.forEach((b, i) => {
    if (b.kind === 'heading') out.push(...headingLines(layout, b));
    else if (b.kind === 'paragraph') {
      out.push(...paragraphLines(doc, b));
      for (const s of b.sentences) {
        if (s.marker === null) continue;
        if (layout.notes === 'inline') out.push(...footnoteLines(doc, notes.get(s.marker)!));
        else pending.push(s.marker);
      }
    }
    if (!layout.tight) out.push('');
    // a page ends after a paragraph once it is full (never right after a heading)
    if (out.length - pageStart >= LINES_PER_PAGE && b.kind === 'paragraph' && i + 1 < body.length) {
      endPage();
      pageStart = out.length;
    }
  });
  if (layout.notes === 'page') endPage();
  else if (layout.notes !== 'inline') {
    if (layout.notes === 'separator') out.push('__________', '', notesTitle(doc), '');
    for (const f of notes.values()) out.push(...footnoteLines(doc, f));
  }
  if (doc.backCover.length) out.push('', ...doc.backCover);
  const lines = layout.cutCharacters ? cutLineEnds(out) : out;
  return { text: lines.join('\n') + '\n', format: layout.notes === 'md' ? 'markdown' : 'text' };
}

/** A U+FFFD after every fifth long line, as when extraction cut a character at the line end. */
function cutLineEnds(lines: string[]): string[] {
  let long = 0;
  return lines.map((l) => (l.length > 20 && ++long % 5 === 0 ? l + '\uFFFD' : l));
}

/** The notes title: the last heading of the truth when the notes follow a separator. */
function notesTitle(doc: TrueDocument): string {
  const h = doc.blocks.findLast((b) => b.kind === 'heading');
  return h?.kind === 'heading' ? h.title : '';
}

/** The heading's text as a Word heading carries it (the number typed, as UN documents do). */
function headingText(layout: FamilyLayout, h: Heading): string {
  const lines = headingLines(layout, h);
  return lines.length === 2 ? `${lines[0]} ${lines[1]}` : lines[0]!.replace(/^## /, '');
}

/** The DOCX of the document: Word headings, typed paragraph numbers, real footnotes. */
export async function renderDocx(doc: TrueDocument): Promise<Uint8Array> {
  const { layout } = doc;
  const parts: string[] = doc.cover.map((l) => docxParagraph(docxRun(l)));
  const notes: Record<number, string> = {};
  for (const b of doc.blocks) {
    if (b.kind === 'heading')
      parts.push(
        docxParagraph(docxRun(headingText(layout, b)), {
          style: b.level === 1 ? 'Heading1' : 'Heading2',
        }),
      );
    else if (b.kind === 'paragraph') {
      const label =
        b.number === null
          ? ''
          : layout.paragraphs === 'ar-dash'
            ? `${digits(layout, b.number)} - `
            : layout.paragraphs === 'paren'
              ? `${b.number}) `
              : `${b.number}. `;
      const runs = b.sentences.map(
        (s, i) =>
          docxRun((i === 0 ? label : doc.language === 'zh' ? '' : ' ') + s.text) +
          (s.marker === null ? '' : docxFootnoteRef(s.marker)),
      );
      parts.push(docxParagraph(runs.join('')));
    } else notes[b.number] = b.text;
  }
  for (const l of doc.backCover) parts.push(docxParagraph(docxRun(l)));
  return buildDocx(parts.join(''), notes);
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML of the document, for a browser to print to PDF (notes as `<aside>` after the body). */
export function renderHtml(doc: TrueDocument): string {
  const { layout } = doc;
  const body: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      const tag = b.level === 1 ? 'h2' : 'h3';
      body.push(`<${tag}>${esc(headingText(layout, b))}</${tag}>`);
    } else if (b.kind === 'paragraph') {
      const label =
        b.number === null ? '' : `<span class="num">${esc(digits(layout, b.number))}.</span> `;
      const text = b.sentences
        .map(
          (s) =>
            esc(s.text) +
            (s.marker === null ? '' : `<sup data-note="${s.marker}">${s.marker}</sup>`),
        )
        .join(doc.language === 'zh' ? '' : ' ');
      body.push(`<p>${label}${text}</p>`);
    }
  }
  const notes = doc.blocks
    .filter((b): b is Footnote => b.kind === 'footnote')
    .map(
      (f) =>
        `<p class="note" data-note="${f.number}"><span class="num">${f.number}</span> ${esc(f.text)}</p>`,
    );
  const lines = (ls: string[]): string => ls.map((l) => `<p>${esc(l)}</p>`).join('');
  return `<!doctype html><html lang="${doc.language}" dir="${doc.language === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(doc.symbol)}</title></head><body>${doc.cover.length ? `<header class="front-matter">${lines(doc.cover)}</header>` : ''}<main>${body.join('')}</main><aside class="notes">${notes.join('')}</aside>${doc.backCover.length ? `<footer class="back-matter">${lines(doc.backCover)}</footer>` : ''}</body></html>`;
}

/** The paragraph number as a printed PDF shows it before the text, in the layout's form. */
function pdfLabel(layout: FamilyLayout, n: number): string {
  const d = digits(layout, n);
  switch (layout.paragraphs) {
    case 'ar-dash':
      return `${d} -`;
    case 'paren':
      return `${d})`;
    case 'alone':
      return d;
    default:
      return `${d}.`;
  }
}

/**
 * The document as a printed PDF lays it out (pdf.builder.ts): the cover on a page of its own, the
 * document symbol as running header with page numbers when the family has page furniture, every
 * marker raised with its note at the foot of the page (as a word processor prints footnotes and
 * end-notes alike), the notes title (of end-notes after a separator) as the last heading, the back
 * cover on a last page.
 */
export function renderPdfSpec(doc: TrueDocument): PdfDocumentSpec {
  const { layout } = doc;
  const notes = new Map<number, string>();
  for (const b of doc.blocks) if (b.kind === 'footnote') notes.set(b.number, b.text);
  const joiner = doc.language === 'zh' ? '' : ' ';
  const blocks: PdfBlockSpec[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading')
      blocks.push({ kind: 'heading', text: headingText(layout, b), level: b.level === 1 ? 1 : 2 });
    else if (b.kind === 'paragraph') {
      const parts: PdfTextPart[] = [];
      b.sentences.forEach((s, i) => {
        parts.push((i === 0 ? '' : joiner) + s.text);
        if (s.marker !== null)
          parts.push({ marker: digits(layout, s.marker), footnote: notes.get(s.marker)! });
      });
      blocks.push(
        b.number === null
          ? { kind: 'paragraph', parts }
          : {
              kind: 'paragraph',
              number: String(b.number),
              label: pdfLabel(layout, b.number),
              parts,
            },
      );
    }
  }
  return {
    language: doc.language,
    ...(layout.furniture
      ? { header: doc.symbol, pageNumbers: 'foot' as const }
      : { pageNumbers: 'none' as const }),
    blocks,
    cover: doc.cover,
    backCover: doc.backCover,
  };
}
