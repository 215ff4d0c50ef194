/**
 * The evaluation corpus of the importer: documents generated in layout families modelled on real UN,
 * ITU, WSIS and ICANN documents (numbers before or above paragraphs, roman, Chinese, Arabic-ordinal or
 * plain section headings, notes at the foot of pages, at the end or after a separator, Word's
 * `[footnoteRef:1]` export, covers and back covers, page headers and numbers, annexes restarting the
 * paragraph numbers), written with our own words in the six UN languages.
 *
 * Each document is a truth (its true blocks) and renderings of it: extracted text (or Markdown), DOCX,
 * and HTML that a browser can print to PDF (a third format to add). Deterministic for a seed.
 */
import { prng } from '../parser/messy-document.builder.ts';
import { LANGUAGES } from './languages.builder.ts';
import type { LanguageBank } from './languages.builder.ts';
import type { TrueBlock } from './truth.ts';

export type { TrueBlock } from './truth.ts';

/** How a family lays its document out. */
export interface FamilyLayout {
  /** Numbered paragraphs: `12. Text`, the number alone on the line before, none, Arabic `١٢- `, `12) Text`. */
  paragraphs: 'dot' | 'alone' | 'alone-dot' | 'none' | 'ar-dash' | 'paren';
  /** Section headings: `IV. Title`, the number alone above the title, `一、`, `ثانياً -`, `2.1 Title`, `1 Title`, unnumbered. */
  sections: 'roman' | 'alone' | 'cjk' | 'ar-ordinal' | 'multi' | 'digit' | 'plain' | 'markdown';
  /** Footnote markers: superscript digits, a number glued after a full stop, `[1]`, `[footnoteRef:1]`, `[^1]`, `<sup>`. */
  markers: 'super' | 'glued' | 'bracket' | 'ref' | 'md' | 'sup-html';
  /** Where the notes are: at the foot of each page, at the end, after a separator and a notes title, inline `[1: …]`, Markdown. */
  notes: 'page' | 'end' | 'separator' | 'inline' | 'md';
  /** Digits of the numbers and markers: ASCII or Arabic-Indic. */
  digits?: 'ascii' | 'arabic-indic';
  /** Lettered sub-section headings `(a) Title` between numbered paragraphs. */
  letterSubsections?: boolean;
  /** Dates with CJK counters in the text (`2005年2月`). */
  cjkDates?: boolean;
  cover?: boolean;
  backCover?: boolean;
  /** Page headers (the document symbol) and page numbers. */
  furniture?: boolean;
  /** An annex whose paragraphs start again at 1. */
  annex?: boolean;
  /** Wrap width of the text rendering (0: one line per paragraph). */
  wrap: number;
  /** No blank line between blocks, as text extracted from PDF often comes (default: blank lines). */
  tight?: boolean;
  /** U+FFFD where the extraction cut a character at a line end (the document is then not clean). */
  cutCharacters?: boolean;
}

/** A layout family: its name, what it is modelled on, its layout and its languages. */
export interface Family {
  name: string;
  modelledOn: string;
  layout: FamilyLayout;
  languages: LanguageBank['code'][];
}

/** A generated document: the truth, and what a renderer needs besides. */
export interface TrueDocument {
  id: string;
  family: string;
  language: LanguageBank['code'];
  layout: FamilyLayout;
  symbol: string;
  cover: string[];
  backCover: string[];
  blocks: TrueBlock[];
  /** Clean: nothing in the rendering should make the importer warn. */
  clean: boolean;
}

/** The families of the corpus. */
export const FAMILIES: Family[] = [
  {
    name: 'un-report',
    modelledOn:
      'UN working group reports (A/AC.290): 12. paragraphs, roman sections, notes at page foot',
    layout: {
      tight: true,
      paragraphs: 'dot',
      sections: 'roman',
      markers: 'super',
      notes: 'page',
      furniture: true,
      wrap: 84,
    },
    languages: ['en', 'fr', 'es', 'ru'],
  },
  {
    name: 'un-report-annex',
    modelledOn:
      'UN reports with an annex whose paragraphs restart at 1, bracketed markers, notes at the end',
    layout: {
      paragraphs: 'dot',
      sections: 'roman',
      markers: 'bracket',
      notes: 'end',
      annex: true,
      wrap: 80,
    },
    languages: ['en', 'fr', 'es', 'ru'],
  },
  {
    name: 'zh-report-alone',
    modelledOn:
      'Chinese UN report extracted from PDF: paragraph and section numbers alone on their lines, (a) sub-sections, end-notes',
    layout: {
      tight: true,
      paragraphs: 'alone',
      sections: 'alone',
      markers: 'glued',
      notes: 'separator',
      letterSubsections: true,
      cjkDates: true,
      wrap: 34,
    },
    languages: ['zh', 'zh', 'zh', 'zh'],
  },
  {
    name: 'zh-report-cut',
    modelledOn:
      'the same Chinese report with U+FFFD where extraction cut a character at a line end',
    layout: {
      paragraphs: 'alone',
      sections: 'alone',
      markers: 'glued',
      notes: 'separator',
      letterSubsections: true,
      cjkDates: true,
      cutCharacters: true,
      wrap: 34,
    },
    languages: ['zh', 'zh', 'zh', 'zh'],
  },
  {
    name: 'zh-cjk-sections',
    modelledOn: 'Chinese reports with 一、 sections and 1. paragraphs, superscript markers',
    layout: {
      paragraphs: 'dot',
      sections: 'cjk',
      markers: 'super',
      notes: 'end',
      cjkDates: true,
      wrap: 36,
    },
    languages: ['zh', 'zh', 'zh', 'zh'],
  },
  {
    name: 'word-footnoteref',
    modelledOn:
      'contributions exported from Word: [footnoteRef:1] markers, [1: text] right after the paragraph',
    layout: { paragraphs: 'dot', sections: 'plain', markers: 'ref', notes: 'inline', wrap: 0 },
    languages: ['zh', 'en', 'fr', 'es'],
  },
  {
    name: 'ar-report',
    modelledOn:
      'Arabic UN reports: ١- paragraphs, ordinal sections (أولاً -), [١] markers, notes at the end',
    layout: {
      paragraphs: 'ar-dash',
      sections: 'ar-ordinal',
      markers: 'bracket',
      notes: 'end',
      digits: 'arabic-indic',
      wrap: 80,
    },
    languages: ['ar', 'ar', 'ar', 'ar'],
  },
  {
    name: 'ar-report-ascii',
    modelledOn: 'Arabic UN reports with ASCII digits (1 - …), notes at page foot, page headers',
    layout: {
      tight: true,
      paragraphs: 'ar-dash',
      sections: 'ar-ordinal',
      markers: 'super',
      notes: 'page',
      furniture: true,
      wrap: 80,
    },
    languages: ['ar', 'ar', 'ar', 'ar'],
  },
  {
    name: 'icann-paper',
    modelledOn:
      'ICANN GE papers: cover, unnumbered paragraphs and headings, numbers glued as markers, notes at page foot, back cover',
    layout: {
      tight: true,
      paragraphs: 'none',
      sections: 'plain',
      markers: 'glued',
      notes: 'page',
      cover: true,
      backCover: true,
      furniture: true,
      wrap: 90,
    },
    languages: ['en', 'zh', 'es', 'fr'],
  },
  {
    name: 'itu-contribution',
    modelledOn:
      'ITU CWG-Internet contributions: 1 Introduction sections, unnumbered paragraphs, [1] notes at the end',
    layout: {
      paragraphs: 'none',
      sections: 'digit',
      markers: 'bracket',
      notes: 'end',
      cover: true,
      wrap: 88,
    },
    languages: ['en', 'ru', 'fr', 'es'],
  },
  {
    name: 'wsis-outcome',
    modelledOn:
      'WSIS outcome documents (WSIS-05/TUNIS/DOC): numbered paragraphs under unnumbered headings',
    layout: { paragraphs: 'dot', sections: 'plain', markers: 'super', notes: 'end', wrap: 86 },
    languages: ['en', 'es', 'fr', 'ru'],
  },
  {
    name: 'gac-communique',
    modelledOn: 'ICANN GAC communiqués: roman sections, <sup> markers, unnumbered paragraphs',
    layout: {
      paragraphs: 'none',
      sections: 'roman',
      markers: 'sup-html',
      notes: 'end',
      cover: true,
      wrap: 0,
    },
    languages: ['en', 'fr', 'es', 'ru'],
  },
  {
    name: 'markdown-draft',
    modelledOn: 'drafts written in Markdown: ## headings, 1. paragraphs, [^1] notes',
    layout: { paragraphs: 'dot', sections: 'markdown', markers: 'md', notes: 'md', wrap: 0 },
    languages: ['en', 'es', 'fr', 'zh'],
  },
  {
    name: 'multi-level',
    modelledOn: 'technical reports with 2.1 sub-sections and numbered paragraphs',
    layout: { paragraphs: 'dot', sections: 'multi', markers: 'bracket', notes: 'end', wrap: 82 },
    languages: ['en', 'ru', 'fr', 'es'],
  },
  {
    name: 'endnotes-separator',
    modelledOn: 'reports with end-notes after a rule and a Notes title',
    layout: {
      paragraphs: 'dot',
      sections: 'roman',
      markers: 'super',
      notes: 'separator',
      wrap: 80,
    },
    languages: ['fr', 'es', 'ru', 'en'],
  },
  {
    name: 'alone-dot',
    modelledOn: 'UN reports extracted from PDF with "12." alone on the line above its paragraph',
    layout: {
      tight: true,
      paragraphs: 'alone-dot',
      sections: 'roman',
      markers: 'super',
      notes: 'end',
      wrap: 78,
    },
    languages: ['en', 'es', 'fr', 'ru'],
  },
  {
    name: 'paren-paragraphs',
    modelledOn: 'French and Russian texts numbering their paragraphs 1), 2)… across sections',
    layout: { paragraphs: 'paren', sections: 'roman', markers: 'super', notes: 'end', wrap: 82 },
    languages: ['fr', 'ru', 'fr', 'ru'],
  },
  {
    name: 'zh-paper-cover',
    modelledOn:
      'Chinese ICANN papers: cover, unnumbered headings, superscript notes, back cover with addresses',
    layout: {
      tight: true,
      paragraphs: 'none',
      sections: 'plain',
      markers: 'super',
      notes: 'page',
      cover: true,
      backCover: true,
      cjkDates: true,
      wrap: 40,
    },
    languages: ['zh', 'zh', 'zh', 'zh'],
  },
];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const AR_ORDINALS = [
  'أولاً',
  'ثانياً',
  'ثالثاً',
  'رابعاً',
  'خامساً',
  'سادساً',
  'سابعاً',
  'ثامناً',
  'تاسعاً',
  'عاشراً',
];
const CJK = '一二三四五六七八九十';

/** Generates document `k` of a family in a language. */
export function generateDocument(
  family: Family,
  language: LanguageBank['code'],
  k: number,
): TrueDocument {
  const rnd = prng(hash(`${family.name}/${language}/${k}`));
  const bank = LANGUAGES[language];
  const ctx = { rnd, bank, layout: family.layout, footnotes: 0 };
  const blocks: TrueBlock[] = [];
  const sections = 3 + Math.floor(rnd() * 3);
  let para = 0;
  for (let s = 1; s <= sections; s++) {
    blocks.push(sectionHeading(ctx, s));
    const paras = 2 + Math.floor(rnd() * 3);
    for (let p = 0; p < paras; p++) {
      if (family.layout.letterSubsections && p % 2 === 1) {
        blocks.push({ kind: 'heading', number: 'abc'[(p - 1) / 2]!, title: title(ctx), level: 2 });
      }
      blocks.push(paragraph(ctx, numbered(family.layout) ? ++para : null));
    }
  }
  if (family.layout.annex) {
    blocks.push({ kind: 'heading', number: null, title: `${bank.annex} ${title(ctx)}`, level: 1 });
    for (let p = 1; p <= 3; p++) blocks.push(paragraph(ctx, p));
  }
  const symbol = `GE/${100 + Math.floor(rnd() * 800)}/${2020 + (k % 5)}/${k + 1}`;
  return {
    id: `${family.name}-${language}-${k}`,
    family: family.name,
    language,
    layout: family.layout,
    symbol,
    cover: family.layout.cover ? coverLines(ctx, symbol) : [],
    backCover: family.layout.backCover ? backCoverLines(bank) : [],
    blocks: [...blocks, ...notesTitle(family.layout, bank), ...footnoteBlocks(ctx)],
    clean: !family.layout.cutCharacters,
  };
}

interface Ctx {
  rnd: () => number;
  bank: LanguageBank;
  layout: FamilyLayout;
  footnotes: number;
}

function numbered(layout: FamilyLayout): boolean {
  return layout.paragraphs !== 'none';
}

function pick<T>(ctx: Ctx, xs: readonly T[]): T {
  return xs[Math.floor(ctx.rnd() * xs.length)]!;
}

/** A sentence of 6–14 words (Chinese: 5–10 pairs of characters), capitalised, with its full stop. */
function sentence(ctx: Ctx): string {
  const n = ctx.bank.code === 'zh' ? 5 + Math.floor(ctx.rnd() * 6) : 6 + Math.floor(ctx.rnd() * 9);
  const words = Array.from({ length: n }, () => pick(ctx, ctx.bank.words));
  if (ctx.layout.cjkDates && ctx.rnd() < 0.3) {
    words.splice(1, 0, `${2000 + Math.floor(ctx.rnd() * 20)}年${1 + Math.floor(ctx.rnd() * 12)}月`);
  }
  if (ctx.bank.code === 'ru' && ctx.rnd() < 0.2)
    words.splice(2, 0, `п. ${1 + Math.floor(ctx.rnd() * 9)}`);
  const s = words.join(ctx.bank.joiner);
  return s[0]!.toLocaleUpperCase(ctx.bank.code) + s.slice(1) + ctx.bank.stop;
}

/** A title of one to three title words (Chinese: two or three). */
function title(ctx: Ctx): string {
  const n = 1 + Math.floor(ctx.rnd() * 3);
  const words = Array.from({ length: n }, () => pick(ctx, ctx.bank.titles));
  const t = words.join(ctx.bank.code === 'zh' ? '' : ' ');
  return ctx.bank.code === 'zh' ? t : t[0]!.toLocaleUpperCase(ctx.bank.code) + t.slice(1);
}

function sectionHeading(ctx: Ctx, s: number): TrueBlock {
  const t = title(ctx);
  switch (ctx.layout.sections) {
    case 'roman':
      return { kind: 'heading', number: ROMAN[s - 1]!, title: t, level: 1 };
    case 'cjk':
      return { kind: 'heading', number: CJK[s - 1]!, title: t, level: 1 };
    case 'ar-ordinal':
      return { kind: 'heading', number: AR_ORDINALS[s - 1]!, title: t, level: 1 };
    case 'multi':
      return {
        kind: 'heading',
        number: `${Math.ceil(s / 2)}.${((s - 1) % 2) + 1}`,
        title: t,
        level: 2,
      };
    case 'alone':
    case 'digit':
      return { kind: 'heading', number: String(s), title: t, level: 1 };
    default:
      return { kind: 'heading', number: null, title: t, level: 1 };
  }
}

/** A paragraph of one to four sentences, some followed by a footnote marker. */
function paragraph(ctx: Ctx, number: number | null): TrueBlock {
  const n = 1 + Math.floor(ctx.rnd() * 4);
  const sentences = Array.from({ length: n }, () => ({
    text: sentence(ctx),
    marker: ctx.rnd() < 0.3 ? ++ctx.footnotes : null,
  }));
  return { kind: 'paragraph', number, sentences };
}

function footnoteBlocks(ctx: Ctx): TrueBlock[] {
  return Array.from({ length: ctx.footnotes }, (_x, i) => ({
    kind: 'footnote' as const,
    number: i + 1,
    text: sentence(ctx),
  }));
}

/** End-notes after a separator come under a title ("Notes"), which is a heading of the document. */
function notesTitle(layout: FamilyLayout, bank: LanguageBank): TrueBlock[] {
  return layout.notes === 'separator'
    ? [{ kind: 'heading', number: null, title: bank.notes, level: 1 }]
    : [];
}

function coverLines(ctx: Ctx, symbol: string): string[] {
  const { bank } = ctx;
  return [
    bank.organisation,
    bank.date(1 + Math.floor(ctx.rnd() * 28), 1 + Math.floor(ctx.rnd() * 12), 2023),
    symbol,
  ];
}

function backCoverLines(bank: LanguageBank): string[] {
  return [bank.slogan, 'https://www.example.org', 'example.org/publications', '@example'];
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/** The corpus: `perFamily` documents in each family (its languages in turn). */
export function buildCorpus(perFamily = 4): TrueDocument[] {
  const docs: TrueDocument[] = [];
  for (const f of FAMILIES) {
    for (let k = 0; k < perFamily; k++)
      docs.push(generateDocument(f, f.languages[k % f.languages.length]!, k));
  }
  return docs;
}
