/**
 * The parsing core of the document importer: turns plain text or Markdown (often extracted from PDF or
 * Word, so messy) into the blocks of `blocks.ts`.
 *
 * The parser works on lines, in passes:
 *  1. clean each line: field codes, bookmarks, replacement and invisible characters go to `removed`;
 *     inline markup (Markdown emphasis, links, code, escapes, HTML; in extracted text only full
 *     `[label](target)` links) is taken out paragraph by paragraph (markup.ts);
 *     explicit footnote markers (`<sup>1</sup>`, `[1]`, `[^1]`, `¹`, `[footnoteRef:1]`) become sentinels;
 *     explicit footnote definitions at a line start (`[^1]:`, `[1] `, `¹ `) are noted;
 *  2. page furniture: lines repeated on many pages (headers, footers) and page-number lines are removed;
 *  3. tables of contents (dotted leaders, tab + number, a title then entries, titles then a column of
 *     page numbers) are removed; their titles are kept to recognise the headings later;
 *  4. one pass in reading order decides what each line starts (heading, numbered paragraph, sub-paragraph,
 *     list item, footnote, table, page number) or continues, using the running paragraph sequence, the
 *     footnote numbers referenced so far, the typical line width and what follows;
 *  5. blocks are finished: wrapped lines joined (no space between CJK characters), glued footnote
 *     numbers (`system.1`, `OECE3 began`) accepted only when a footnote exists or the sequence makes
 *     them plausible, markers linked to footnotes, warnings raised, addresses made unique; the title is
 *     chosen from the front matter (title.ts).
 *
 * Addresses: numbered paragraphs `para 38`; sub-paragraphs `para 38(b)`, `para 38(b)(ii)` (or the
 * parent's address plus `(b)` under an unnumbered paragraph); headings `§N` with their section number or
 * `§k` by order (k counts all headings; in a document with numbered sections the unnumbered headings
 * before the first one are its front matter, `§0` or `§0.1`, `§0.2`…); Arabic ordinal (`ثانياً -`) and
 * Chinese (`二、`) section headings are numbered by position ("2"), `（二）` under `一、` is `§1.2`;
 * unnumbered paragraphs `§S ¶n` (n counts unnumbered paragraphs
 * in the section; `¶n` before any heading); list items `<base> •k` where base is the address of the
 * paragraph that introduces the list (or `§S`), nested items `<item> .j` written `•k.j`; footnotes
 * `fn N`; tables `table k`. A duplicate address gets ` (2)`, ` (3)`… appended and a warning.
 *
 * Every character of the input ends up in a block (`text`, `label` or `number`, `rows`, a footnote ref's
 * `marker`) or in `removed`; see accounting.ts.
 */
import { RE_MD_LINK_DEF, stripInlineMarkup } from './markup.ts';
import { findTitle, isDate } from './title.ts';
import type {
  ParsedBlock,
  ParsedFootnoteRef,
  ParseResult,
  ParseWarning,
  RemovedReason,
  RemovedText,
} from './blocks.ts';

/** Options of {@link parseText}. */
export interface ParseTextOptions {
  format: 'text' | 'markdown';
  /** BCP 47 language of the text ("en", "zh"); informative, the parser detects CJK by itself. */
  language?: string;
}

const S0 = '\uE000';
const S1 = '\uE001';
const RE_SENTINEL = /\uE000(\d+)\uE001/g;

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Superscript digits to ASCII digits. */
export function foldSuperscripts(s: string): string {
  return s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERSCRIPTS.indexOf(c)));
}

const RE_CJK_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const RE_HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Field codes, bookmarks and other debris of Word documents, with the reason they are removed. */
const DEBRIS: { re: RegExp; reason: RemovedReason; replace: string }[] = [
  {
    re: /\{\s*(?:HYPERLINK|PAGEREF|NOTEREF|REF|TOC|SEQ|MERGEFIELD|FORMTEXT|FORMCHECKBOX|PAGE|NUMPAGES|STYLEREF|INCLUDEPICTURE|XE|TC|EMBED|SYMBOL|DATE|TIME|FILENAME|AUTHOR|TITLE)\b[^{}\n]*\}/g,
    reason: 'field_code',
    replace: ' ',
  },
  { re: /\[bookmark:[^\]\n]*\]/gi, reason: 'bookmark', replace: ' ' },
  { re: /\\\*\s*MERGEFORMAT\b|\bMERGEFORMAT\b/g, reason: 'field_code', replace: ' ' },
  { re: /\\[hlo]\b(?=\s*(?:\}|$))/g, reason: 'field_code', replace: ' ' },
  {
    re: /(?<![A-Za-z0-9_])_(?:Toc|Hlk|Ref|GoBack)[A-Za-z0-9_]*/gu,
    reason: 'bookmark',
    replace: ' ',
  },
  { re: /\uFFFD/g, reason: 'replacement_character', replace: '' },
  { re: /[\u200B-\u200D\u2060\uFEFF\u00AD\uE000\uE001]/g, reason: 'other', replace: '' },
];

const RE_TOC_TITLE =
  /^(?:table of contents|contents|content|toc|目\s*录|sommaire|table des matières|índice|indice|contenido|содержание|оглавление|المحتويات|الفهرس)$/i;
const RE_TOC_DOTTED = /^(.*?\S)\s*(?:\.{3,}|…+|(?:\.\s){3,}\.?|·{3,}|_{3,})\s*(\d{1,4})$/;
const RE_TOC_TAB = /^([^\t]*\S)\t+\s*(\d{1,4})$/;
const RE_TOC_SPACES = /^(.*?\S) {3,}(\d{1,4})$/;
const RE_PAGE_NUMBER =
  /^(?:\|\s*\d{1,4}|\d{1,4}\s*\||[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p\.|pág\.|página|стр\.|страница|صفحة)\s*\d{1,4}(?:\s*(?:of|de|из|sur|\/|من)\s*\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?)$/i;
const RE_MD_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RE_SEPARATOR = /^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const RE_PIPE_ROW = /^\|.*\|$/;
const RE_PIPE_ALIGN = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
/** Decimal digits as printed: ASCII, Arabic-Indic (١٢), Eastern Arabic-Indic (۱۲) and full-width (１２). */
const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19]';
/** A paragraph number: `12.`, `12．` (full width), `١٢.`; after `．` or before a CJK character no space is needed. */
const RE_NUM = new RegExp(
  `^(${DIGIT}{1,4})([.．]?)(?:(?:\\s+|(?<=．)|(?<=\\.)(?=\\p{Script=Han}))(\\S.*))?$`,
  'u',
);
/** Arabic UN style `1 - يلاحظ…`, `١- …`: a number and a dash before Arabic text. */
const RE_AR_NUM = new RegExp(`^(${DIGIT}{1,4})(\\s*[-–]) *(\\p{Script=Arabic}.*)$`, 'u');
/** Any printed digits to ASCII digits ("١٢" → "12"). */
function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (c) => {
    const code = c.charCodeAt(0);
    const base = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - base);
  });
}
const RE_SECTION_MULTI = /^(\d{1,2}(?:\.\d{1,2})+)(\.?)\s+(.*)$/;
const RE_ROMAN_HEAD = /^([IVXLC]{1,6})(\.)\s*(.*)$/;
const RE_LETTER_HEAD = /^([A-Z])(\.)\s+(.*)$/;
const RE_CJK_HEAD = /^([一二三四五六七八九十百]+)(、)\s*(.*)$/;
const RE_CJK_SUB = /^([（(])([一二三四五六七八九十]+)([）)])\s*(.*)$/;
/**
 * Sub-paragraph labels: `(a)`, `(ii)`, `（a）` (full-width parentheses), and a letter with a closing
 * parenthesis only, as in French, Spanish and Russian UN texts: `a)`, `б)`.
 */
const RE_SUB =
  /^(?:([(（])([a-z]{1,2}|[ivxlc]{1,6}|[а-яё])([)）])|([a-z]|[ivx]{2,5}|[а-яё])([)）]))(?:(?:\s+|(?<=）))(.*))?$/;
/** Arabic letter sub-paragraphs in abjad order: `(أ)`, `(ب)`, `(هـ)`. */
const AR_ABJAD = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن'];
const RE_AR_SUB = new RegExp(`^(\\()(${[...AR_ABJAD, 'ه'].join('|')})(\\))\\s*(.*)$`, 'u');
/** Arabic ordinal section headings: `أولاً - مقدمة`, `ثانيا– …`, `حادي عشر - …`. */
const RE_AR_HEAD =
  /^((?:[\p{Script=Arabic}\u064B-\u0652]+\s+)?[\p{Script=Arabic}\u064B-\u0652]+)(\s*[-–—]\s*)(\p{Script=Arabic}.*)$/u;
const AR_ORDINALS = ['اول', 'ثان', 'ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن', 'تاسع', 'عاشر'];
/** The position of an Arabic ordinal ("ثانياً" → 2, "حادي عشر" → 11), or 0. */
function arabicOrdinal(word: string): number {
  const w = word
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي');
  const one = (x: string): number => {
    const base = x.replace(/(?:يا|ا)$/, '').replace(/ي$/, '');
    const k = AR_ORDINALS.indexOf(base);
    return k >= 0 ? k + 1 : 0;
  };
  const m = /^(\S+)\s+عشر$/.exec(w);
  if (m) {
    if (/^حادي?$/.test(m[1]!)) return 11;
    const k = one(m[1]!);
    return k >= 2 && k <= 9 ? 10 + k : 0;
  }
  if (/\s/.test(w)) return 0;
  // one word: "اولا", "ثانيا" with the accusative alif (tanween already dropped), or "اول" without
  return one(w);
}
const CJK_NUMERALS = '一二三四五六七八九';
/** The value of a Chinese numeral up to 99 ("十二" → 12), or 0. */
function cjkValue(s: string): number {
  const d = (c: string | undefined): number => (c ? CJK_NUMERALS.indexOf(c) + 1 : 0);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[2] && m[1] && m[3])) return 0;
  if (!m[2]) return d(m[1] ?? m[3]);
  return (m[1] ? d(m[1]) : 1) * 10 + d(m[3]);
}
const RE_BULLET = /^([-*•–·▪◦●○■□➢►✓])\s+(.*)$/;
const RE_NUM_LIST = /^(\d{1,3})(\))\s+(.*)$/;
const STOP_END =
  /\s(?:the|of|and|to|in|for|a|an|with|on|by|or|its|their|that|from|at|as|is|are|be|this|which|de|la|le|les|des|du|et|en|el|los|las|y|и|в|на|с)$/i;

interface Marker {
  value: string;
  line: number;
}

interface Line {
  no: number;
  raw: string;
  text: string;
  indent: number;
  removed: boolean;
  /** Only debris (already in `removed`): ignored by the structure pass. */
  skip: boolean;
  fnDef: { value: string; label: string } | null;
  /** Footnote numbers this line may reference: explicit markers and numbers glued to words. */
  refValues: number[];
}

interface Draft {
  block: ParsedBlock;
  parts: string[];
  lastLine: Line | null;
  /** The line the block started on. */
  firstLine: Line | null;
  closed: boolean;
  body: boolean;
}

type Interp =
  | { t: 'mdheading'; level: number; title: string; hashes: string }
  | { t: 'sep' }
  | { t: 'pipe' }
  | { t: 'tabtable' }
  | { t: 'fndef'; value: string; label: string; rest: string }
  | {
      t: 'heading';
      number: string | null;
      label: string;
      title: string;
      level: number;
      consume: number;
      /** The section part of the address when it is not the number ("1.2" for a level-2 `（二）`). */
      part?: string;
    }
  | { t: 'para'; number: string; label: string; rest: string }
  | { t: 'sub'; x: string; label: string; rest: string }
  | { t: 'list'; label: string; number: string | null; rest: string }
  | { t: 'pagenum' }
  | { t: 'text' };

function stripSentinels(s: string): string {
  return s.replace(RE_SENTINEL, '');
}

function isCjkChar(c: string | undefined): boolean {
  return !!c && RE_CJK_CHAR.test(c);
}

/** Ends like a sentence, a clause or a list lead-in (. ! ? : ;), ignoring markers glued after it. */
function endsTerminal(text: string): boolean {
  const t = stripSentinels(text)
    .trimEnd()
    .replace(/(?<=[.!?。！？”’"):;؛؟»])\d{1,3}$/, '');
  // French puts a space before `;`, `:` and inside « »: "menaces ;", "sécurité. »"
  return /[.!?。！？:：;；…؛؟](?:\s?["'”’»“)\]」』）])*$/.test(t);
}

/** Ends a sentence (not a clause), or ends with a URL. */
function endsSentence(text: string): boolean {
  const t = stripSentinels(text).trimEnd();
  return (
    /[.!?。！？؟](?:\s?["'”’»“)\]」』）])*$/.test(t) ||
    /(?:https?:\/\/|www\.)\S+$/.test(t) ||
    /<https?:[^>]*>$/.test(t)
  );
}

function normTitle(s: string): string {
  return stripSentinels(s)
    .replace(
      /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.|[一二三四五六七八九十]+、|ANNEX\s+\d+\s*[:.–-]?)\s*(?=\S)/i,
      (m) => (/annex/i.test(m) ? m : ''),
    )
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/[.:;,。：]+$/, '')
    .trim()
    .toLowerCase();
}

function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const aa = stripSentinels(a).trimEnd();
  const last = aa.replace(/(?<=[\p{Script=Han}。，；：])\d{1,3}$/u, '').slice(-1);
  const first = b.trimStart()[0];
  if (isCjkChar(last) && isCjkChar(first)) return a + b.trimStart();
  if (/\p{L}-$/u.test(aa) && first && /\p{Ll}/u.test(first)) return a + b.trimStart();
  return a + ' ' + b;
}

function romanValue(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]!.toLowerCase()] ?? 0;
    const next = v[s[i + 1]?.toLowerCase() ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

function nextLetter(l: string): string {
  return String.fromCharCode(l.charCodeAt(0) + 1);
}

/** Lines that start a block of their own, so inline markup is not paired across them. */
const RE_BLOCK_START =
  /^\s*(?:#{1,6}\s|\||[-*+•]\s|\d{1,4}[.)]\s|\([a-z0-9]{1,4}\)\s|\[\^[^\]]+\]:|>)/i;

/**
 * Takes inline markup out of the cleaned lines (see markup.ts), paragraph by paragraph: a group is a
 * run of non-blank lines, cut before a line that starts a block. Link reference definition lines go
 * to `removed` whole.
 */
function cleanInlineMarkup(
  lines: string[],
  markdown: boolean,
  rmLine: (text: string, idx: number) => void,
): void {
  let start = 0;
  const flush = (end: number): void => {
    if (end > start) {
      const group = lines.slice(start, end).join('\n');
      const out = stripInlineMarkup(group, markdown, (t, k) => rmLine(t, start + k));
      if (out !== group) lines.splice(start, end - start, ...out.split('\n'));
    }
    start = end;
  };
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (t.trim() === '') {
      flush(i);
      start = i + 1;
    } else if (markdown && RE_MD_LINK_DEF.test(t)) {
      flush(i);
      rmLine(t, i);
      lines[i] = '';
      start = i + 1;
    } else if (RE_BLOCK_START.test(t)) {
      flush(i);
      // a heading or a table row is a group of its own
      if (/^\s*(?:#{1,6}\s|\|)/.test(t)) flush(i + 1);
    }
  }
  flush(lines.length);
}

/** Parses plain text or Markdown into blocks. Pure; never throws on odd input. */
export function parseText(input: string, options: ParseTextOptions): ParseResult {
  const markdown = options.format === 'markdown';
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const removed: RemovedText[] = [];
  const warnings: ParseWarning[] = [];
  const markers: Marker[] = [];
  const rm = (reason: RemovedReason, t: string, line: number | null): void => {
    if (t.trim()) removed.push({ reason, text: t, line });
  };
  const expand = (s: string): string => s.replace(RE_SENTINEL, (_m, id) => markers[+id]!.value);
  const addMarker = (value: string, line: number): string => {
    markers.push({ value, line });
    return `${S0}${markers.length - 1}${S1}`;
  };

  // ---- pass 1: clean lines ----
  let fffd = 0;
  const rawLines = text.split('\n');
  const cleaned = rawLines.map((raw, idx) => {
    const no = idx + 1;
    let s = raw;
    for (const d of DEBRIS) {
      s = s.replace(d.re, (m: string, ...args: unknown[]) => {
        const off = args[args.length - 2] as number;
        const str = args[args.length - 1] as string;
        if (d.reason === 'replacement_character') fffd += m.length;
        rm(d.reason, m, no);
        const before = str[off - 1];
        const after = str[off + m.length];
        // between CJK characters a removed field code must not leave a space
        if (
          before &&
          after &&
          !/\s/.test(before) &&
          !/\s/.test(after) &&
          (isCjkChar(before) || isCjkChar(after))
        )
          return '';
        return d.replace;
      });
    }
    return s;
  });
  cleanInlineMarkup(cleaned, markdown, (t, idx) => rm('markup', t, idx + 1));
  const lines: Line[] = rawLines.map((raw, idx) => {
    const no = idx + 1;
    let s = cleaned[idx]!;
    const debrisOnly = raw.trim() !== '' && s.trim() === '';
    const indentMatch = /^[ \t\u3000]*/.exec(s)![0];
    const indent = indentMatch.replace(/\t/g, '    ').length;
    s = s.trim();
    let fnDef: Line['fnDef'] = null;
    const defs: [RegExp, (m: RegExpExecArray) => string][] = [
      [/^\[\^([^\]\s]+)\]:\s*/, (m) => m[1]!],
      [/^\[footnote:?\s*(\d{1,4})\]:?\s*/i, (m) => m[1]!],
      [/^\[(\d{1,4})\]\s+(?=\S)/, (m) => m[1]!],
      [/^<sup>\s*(\d{1,4})\s*<\/sup>\s*(?=\S)/, (m) => m[1]!],
      [/^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s*(?=\S)/, (m) => foldSuperscripts(m[1]!)],
    ];
    for (const [re, val] of defs) {
      const m = re.exec(s);
      if (m) {
        fnDef = { value: val(m), label: m[0].trim() };
        s = s.slice(m[0].length);
        break;
      }
    }
    const refValues: number[] = [];
    const markup = (m: string, v: string): string => {
      rm('markup', m.replace(v, ''), no);
      if (/^\d+$/.test(v)) refValues.push(+v);
      return addMarker(v, no);
    };
    s = s.replace(/<sup>\s*(\d{1,4})\s*<\/sup>/g, (m, v: string) => markup(m, v));
    s = s.replace(/\[\^([^\]\s]+)\](?!:)/g, (m, v: string) => markup(m, v));
    s = s.replace(/\[footnoteRef:\s*(\d{1,4})\]/gi, (m, v: string) => markup(m, v));
    s = s.replace(/(?<=\S)\[(\d{1,3})\]/g, (m, v: string) => markup(m, v));
    s = s.replace(/(?<=\S\s?)\[(\d{1,3})\]/g, (m, v: string) => markup(m, v));
    s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}/g, (m) => {
      const v = foldSuperscripts(m);
      refValues.push(+v);
      return addMarker(v, no);
    });
    for (const g of gluedCandidates(s)) refValues.push(g.value);
    return { no, raw, text: s, indent, removed: debrisOnly, skip: debrisOnly, fnDef, refValues };
  });
  if (fffd > 0) {
    warnings.push({
      code: 'REPLACEMENT_CHARACTERS',
      message: `${fffd} replacement character(s) (U+FFFD) were removed: some characters of the original were lost before import.`,
      line: null,
    });
  }

  const live = (L: Line): boolean => !L.removed && L.text !== '';
  const removeLine = (L: Line, reason: RemovedReason): void => {
    L.removed = true;
    rm(reason, (L.fnDef ? L.fnDef.label + ' ' : '') + expand(L.text), L.no);
  };

  // typical wrap width: only meaningful when many lines are long
  const lengths = lines
    .filter(live)
    .map((L) => L.raw.trim().length)
    .sort((a, b) => a - b);
  const longCount = lines.filter(
    (L) => live(L) && L.raw.trim().length >= (RE_HAS_CJK.test(L.text) ? 20 : 40),
  ).length;
  const W = longCount >= 5 ? lengths[Math.floor(lengths.length * 0.9)]! : 0;
  /** Paragraphs separated by blank lines: then a line ending a sentence does not end a paragraph. */
  const blankSeparated =
    lines.filter((L) => L.text === '' && !L.skip).length >=
    0.2 * Math.max(1, lines.filter(live).length);
  /** The width a wrapped line can reach: a shorter line whose next word would have fitted ended early. */
  const Wfit = longCount >= 5 ? lengths[Math.floor(lengths.length * 0.97)]! : 0;

  // ---- pass 2: page furniture ----
  for (const L of lines) {
    if (live(L) && !L.fnDef && RE_PAGE_NUMBER.test(L.text)) removeLine(L, 'page_number');
  }
  const furnitureKey = (L: Line): string | null => {
    if (!live(L) || L.fnDef) return null;
    const t = L.text;
    if (t.length < 3 || RE_SEPARATOR.test(t) || RE_PIPE_ROW.test(t) || t.startsWith('#'))
      return null;
    if (/^\d+\.?(\s|$)/.test(t) || RE_SUB.test(t) || RE_BULLET.test(t) || /^\d+$/.test(t))
      return null;
    if (t.includes(S0)) return null;
    // a wrapped line's tail ("elaboration.") may repeat; page headers start like titles and do not end sentences
    if (/^\p{Ll}/u.test(t) || /[.;:,。；：，]$/.test(t)) return null;
    // nor with a footnote marker glued after a lower-case word's full stop ("Internet.62"): a wrapped
    // paragraph's last line; a document symbol like "A/AC.290/2021/CRP.2" has no such word
    const tail = gluedCandidates(t).at(-1);
    if (tail && tail.end === t.length && /\p{Ll}[.;:!?”’"»)]+$/u.test(t.slice(0, tail.start)))
      return null;
    return t.replace(/\s+/g, ' ').replace(/\d+$/, '#');
  };
  const counts = new Map<string, number>();
  for (const L of lines) {
    const k = furnitureKey(L);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const neighbour = (i: number, dir: 1 | -1, within = 3): Line | null => {
    for (let j = i + dir, n = 0; j >= 0 && j < lines.length && n < within; j += dir) {
      const L = lines[j]!;
      if (L.text === '') continue;
      n++;
      if (L.removed && !RE_PAGE_NUMBER.test(L.text)) continue;
      return L;
    }
    return null;
  };
  const pageLike = (L: Line | null): boolean =>
    !!L && ((L.removed && RE_PAGE_NUMBER.test(L.text)) || /^\d{1,4}$/.test(L.text));
  const near = lines.map((_L, i) => pageLike(neighbour(i, 1)) || pageLike(neighbour(i, -1)));
  const nearCounts = new Map<string, number>();
  lines.forEach((L, i) => {
    const k = furnitureKey(L);
    if (k && near[i]) nearCounts.set(k, (nearCounts.get(k) ?? 0) + 1);
  });
  lines.forEach((L, i) => {
    const k = furnitureKey(L);
    if (!k) return;
    const sectionLike = /^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[A-Z])\.?\s/.test(L.text);
    if (counts.get(k)! >= 3 || (!sectionLike && (nearCounts.get(k) ?? 0) >= 2)) {
      const next = neighbour(i, 1);
      const footer = pageLike(next) && !pageLike(neighbour(i, -1));
      removeLine(L, footer ? 'page_footer' : 'page_header');
    }
  });

  // ---- pass 3: tables of contents ----
  const tocTitles = new Set<string>();
  const tocEntry = (t: string): { title: string; page: number } | null => {
    const m = RE_TOC_DOTTED.exec(t) ?? RE_TOC_TAB.exec(t) ?? RE_TOC_SPACES.exec(t);
    return m ? { title: m[1]!, page: +m[2]! } : null;
  };
  const isTitleOnly = (t: string): boolean =>
    t.length <= 100 &&
    !/^\d+$/.test(t) &&
    !/[.;:,。；：，]$/.test(stripSentinels(t)) &&
    !RE_BULLET.test(t) &&
    !RE_TOC_TITLE.test(t);
  const liveIdx: number[] = [];
  lines.forEach((L, i) => {
    if (live(L)) liveIdx.push(i);
  });
  for (let p = 0; p < liveIdx.length; p++) {
    const L = lines[liveIdx[p]!]!;
    if (L.removed) continue;
    if (RE_TOC_TITLE.test(L.text.replace(/:$/, ''))) {
      // a TOC title, then entries with or without page numbers
      const taken: Line[] = [L];
      let mode: 'paged' | 'titles' | null = null;
      let q = p + 1;
      let titlesOnly = 0;
      for (; q < liveIdx.length; q++) {
        const i = liveIdx[q]!;
        const E = lines[i]!;
        if (E.removed) continue;
        const blankBefore = lines[i - 1]?.text === '' || lines[i - 1]?.removed;
        const e = tocEntry(E.text);
        if (e && mode !== 'titles') {
          mode = 'paged';
          taken.push(E);
          tocTitles.add(normTitle(e.title));
          continue;
        }
        if (!e && isTitleOnly(E.text)) {
          if (mode === 'paged') {
            // a wrapped entry: a title line directly followed by a paged line
            const nx = lines[liveIdx[q + 1] ?? -1];
            if (nx && tocEntry(nx.text) && !blankBefore) {
              taken.push(E);
              continue;
            }
            break;
          }
          if (mode === 'titles' && blankBefore) break;
          mode = 'titles';
          taken.push(E);
          titlesOnly++;
          continue;
        }
        break;
      }
      if (taken.length < 2) continue;
      for (const E of taken) {
        if (mode === 'titles' && E !== L) tocTitles.add(normTitle(E.text));
        removeLine(E, 'table_of_contents');
      }
      if (mode === 'titles') {
        // two-line titles: also remember the joined pairs
        for (let k = 1; k + 1 < taken.length; k++) {
          tocTitles.add(normTitle(expand(taken[k]!.text) + ' ' + expand(taken[k + 1]!.text)));
        }
        // a column of page numbers after the titles
        let lastPage = 0;
        let n = 0;
        for (; q < liveIdx.length && n < titlesOnly; q++) {
          const E = lines[liveIdx[q]!]!;
          if (E.removed) continue;
          if (!/^\d{1,4}$/.test(E.text) || +E.text < lastPage) break;
          lastPage = +E.text;
          removeLine(E, 'table_of_contents');
          n++;
        }
      }
      p = q - 1;
      continue;
    }
    // entries with page numbers and no title: at least three in a row
    if (tocEntry(L.text)) {
      const run: Line[] = [];
      let lastPage = 0;
      let q = p;
      for (; q < liveIdx.length; q++) {
        const E = lines[liveIdx[q]!]!;
        if (E.removed) continue;
        const e = tocEntry(E.text);
        if (!e || e.page < lastPage || E.text.split('\t').length > 2) break;
        lastPage = e.page;
        run.push(E);
      }
      if (run.length >= 3) {
        for (const E of run) {
          tocTitles.add(normTitle(tocEntry(E.text)!.title));
          removeLine(E, 'table_of_contents');
        }
        p = q - 1;
      }
    }
  }

  // ---- pass 4: structure ----
  const drafts: Draft[] = [];
  let keyN = 0;
  const newBlock = (
    kind: ParsedBlock['kind'],
    fields: Partial<ParsedBlock> & { address: string },
  ): ParsedBlock => ({
    key: `b${++keyN}`,
    kind,
    parentKey: null,
    number: null,
    level: null,
    text: '',
    rows: null,
    footnoteRefs: [],
    ...fields,
  });

  /** Lines with a Markdown `#` heading, and the heading blocks they made (for the title). */
  const mdHeadingLines = new Set<Line>();
  const mdHeadings = new Set<ParsedBlock>();
  let cur = null as Draft | null;
  let lastBody = null as Draft | null;
  let breakSinceBody = false;
  let blankBefore = true;
  let nextPara = 1;
  let lastParaNum = 0;
  let lastFnDef = 0;
  const pendingFn: Draft[] = [];
  const refsSeen = new Set<number>();
  let headingCount = 0;
  let sectionPart: string | null = null;
  let unnumberedInSection = 0;
  let paraContext = null as ParsedBlock | null;
  let lastLetterSub = null as ParsedBlock | null;
  let lastRoman = null as ParsedBlock | null;
  let listStack: { indent: number; block: ParsedBlock; count: number }[] = [];
  const listCount = new Map<string, number>();
  let tableCount = 0;
  let romanSeen = false;
  let lastLetterHead: string | null = null;
  /** Number of the current level-1 heading, for the addresses of level-2 headings like `（二）`. */
  let level1Number: string | null = null;

  const startDraft = (block: ParsedBlock, L: Line | null, first: string, body: boolean): Draft => {
    const d: Draft = {
      block,
      parts: first ? [first] : [],
      lastLine: first ? L : null,
      firstLine: L,
      closed: false,
      body,
    };
    drafts.push(d);
    cur = d;
    if (body) {
      lastBody = d;
      breakSinceBody = false;
    }
    return d;
  };
  const appendTo = (d: Draft, L: Line, t: string): void => {
    d.parts.push(t);
    d.lastLine = L;
    d.closed = false;
    cur = d;
    if (d.body) {
      lastBody = d;
      breakSinceBody = false;
    }
  };
  const draftText = (d: Draft): string => d.parts.join(' ');
  const sectionBase = (): string => (sectionPart ? `§${sectionPart}` : '');

  const nextLiveIdx = (i: number, allowBlank: boolean): number => {
    for (let j = i + 1; j < lines.length; j++) {
      const L = lines[j]!;
      if (L.removed) continue;
      if (L.text === '') {
        if (!allowBlank) return -1;
        continue;
      }
      return j;
    }
    return -1;
  };
  /** The next line that is neither blank, removed, nor (probably) a footnote at the foot of a page. */
  const nextContentIdx = (i: number): number => {
    const refs = new Set([...refsSeen, ...lines[i]!.refValues]);
    for (let j = i + 1; j < lines.length; j++) {
      const L = lines[j]!;
      if (L.removed || L.text === '' || L.fnDef) continue;
      const m = /^(\d{1,3})(?:\s+\S|$)/.exec(L.text);
      if (m && refs.has(+m[1]!)) continue;
      return j;
    }
    return -1;
  };
  const startsLower = (t: string): boolean => /^\p{Ll}/u.test(stripSentinels(t));
  const startsBodyish = (t: string): boolean =>
    /^[\p{Lu}\p{Lt}\p{Lo}"“‘'«([]/u.test(stripSentinels(t));

  const titleLike = (t: string, L: Line, allowDigitStart = true): boolean => {
    const s = stripSentinels(t).trim();
    if (!s || /^(?:https?:|www\.|<http)/i.test(s)) return false;
    const cjk = RE_HAS_CJK.test(s);
    if (cjk ? s.length > 40 : s.length > 100) return false;
    if (!cjk && s.split(/\s+/).length > 12) return false;
    if (/[.;:,。；：，、…،؛؟](?:\s?["”’'»])?$/.test(s)) return false;
    if (/[。！？]./.test(s) || /[.!?]\s+\p{Lu}/u.test(s)) return false; // more than one sentence
    if (
      !(allowDigitStart ? /^[\p{Lu}\p{Lt}\p{Lo}\d"“‘«(]/u : /^[\p{Lu}\p{Lt}\p{Lo}"“‘«(]/u).test(s)
    )
      return false;
    if (!cjk && STOP_END.test(' ' + s)) return false;
    if (W && L.raw.trim().length >= 0.8 * W) {
      // a long line is a wrapped one, unless the next line's first word would have fitted on it
      const N = lines[L.no]; // the next input line (lines are 1-based)
      const word = N && live(N) ? (/^\S+/.exec(N.text)?.[0].length ?? 0) : 0;
      if (!Wfit || !word || L.raw.trim().length + 1 + word > Wfit) return false;
    }
    return true;
  };
  const followedByBody = (i: number, t: string): boolean => {
    const j = nextLiveIdx(i, true);
    if (j < 0) return false;
    const N = lines[j]!;
    if (lines[j - 1]?.text !== '' && startsLower(N.text) && j === i + 1) return false;
    if (/^(\d{1,4}\.?|\(\w+\)|[-*•–])(\s|$)/.test(N.text) || N.fnDef) return true;
    return stripSentinels(N.text).length > stripSentinels(t).length || endsTerminal(N.text);
  };
  const isTocTitle = (t: string): boolean =>
    tocTitles.size > 0 && !/^\p{Ll}/u.test(t) && tocTitles.has(normTitle(t));
  const fnZone = (): boolean => cur !== null && cur.block.kind === 'footnote';
  const isPendingFn = (n: number): boolean =>
    refsSeen.has(n) && n > lastFnDef && n <= lastFnDef + 20;

  const prevEnded = (): boolean => {
    if (blankBefore || !cur || cur.closed) return true;
    if (cur.block.kind === 'heading') return true;
    if (cur.block.kind === 'footnote') return endsSentence(draftText(cur));
    if (cur.parts.length === 0) return false;
    return endsTerminal(cur.parts[cur.parts.length - 1]!);
  };
  const paraAcceptable = (n: number, hasDot: boolean, rest: string): boolean => {
    if (rest && !hasDot && !startsBodyish(rest)) return false;
    if (rest && hasDot && !startsBodyish(rest) && !/^\p{Ll}/u.test(stripSentinels(rest)))
      return false;
    const ended = prevEnded();
    if (n === nextPara) return ended || hasDot;
    if (!hasDot || !ended) return false;
    if (n > lastParaNum && n - nextPara <= 50) return true;
    if (n === 1) return true;
    return false;
  };

  const interpret = (i: number): Interp => {
    const L = lines[i]!;
    const t = L.text;
    if (L.fnDef) return { t: 'fndef', value: L.fnDef.value, label: L.fnDef.label, rest: t };
    let m: RegExpExecArray | null;
    if ((m = RE_MD_HEADING.exec(t)) && (markdown || m[1]!.length <= 3)) {
      return { t: 'mdheading', level: m[1]!.length, title: m[2]!, hashes: m[1]! };
    }
    if (RE_SEPARATOR.test(t)) return { t: 'sep' };
    if (RE_PIPE_ROW.test(t) && t.length > 2) return { t: 'pipe' };
    if (t.includes('\t')) {
      const cells = t.split('\t').filter((c) => c.trim());
      const n = lines[i + 1];
      if (
        cells.length >= 2 &&
        ((n && live(n) && n.text.includes('\t')) || (cur?.block.kind === 'table' && !blankBefore))
      )
        return { t: 'tabtable' };
    }
    if ((m = RE_AR_NUM.exec(t) ?? RE_NUM.exec(t))) {
      // a date on its own line ("14 March 2026") is not section 14
      if (m[3] && isDate(t)) return { t: 'text' };
      const n = +asciiDigits(m[1]!);
      const hasDot = m[2] !== '';
      const rest = m[3] ?? '';
      const label = m[1]! + m[2]!;
      if (!rest) {
        // a number alone on its line
        if (!hasDot && (isPendingFn(n) || (fnZone() && n === lastFnDef + 1 && n > lastFnDef)))
          return { t: 'fndef', value: String(n), label, rest: '' };
        const j = nextLiveIdx(i, true);
        const N = j >= 0 ? lines[j]! : null;
        if (N && !N.fnDef && n <= 99 && !RE_NUM.test(N.text)) {
          const nt = N.text;
          const seqPara = n === nextPara && prevEnded() && startsBodyish(nt);
          if (
            isTocTitle(nt) ||
            (!seqPara && titleLike(nt, N, false) && followedByBody(j, nt) && !hasDot)
          ) {
            return {
              t: 'heading',
              number: String(n),
              label,
              title: nt,
              level: 1,
              consume: j - i + 1,
            };
          }
        }
        if (
          N &&
          (hasDot ? true : n === nextPara) &&
          paraAcceptable(n, hasDot, '') &&
          !N.fnDef &&
          !RE_NUM.test(N.text) &&
          !RE_SUB.test(N.text) &&
          (startsBodyish(N.text) || hasDot)
        ) {
          return { t: 'para', number: String(n), label, rest: '' };
        }
        if (cur && !cur.closed && !blankBefore && !prevEnded()) return { t: 'text' };
        if (!hasDot) return { t: 'pagenum' };
        return { t: 'text' };
      }
      const openBody =
        !!cur && !cur.closed && !blankBefore && !prevEnded() && cur.block.kind !== 'footnote';
      if (
        !hasDot &&
        (isPendingFn(n) || (fnZone() && n === lastFnDef + 1)) &&
        !(openBody && startsLower(rest) && !/^(?:https?:|www\.)/.test(rest))
      )
        return { t: 'fndef', value: String(n), label, rest };
      // CJK has no capitals: a long first line directly followed by plain text is a paragraph in sequence
      const cjkPara =
        RE_HAS_CJK.test(rest) &&
        n === nextPara &&
        stripSentinels(rest).length >= (W ? 0.5 * W : 12) &&
        !!lines[i + 1] &&
        live(lines[i + 1]!) &&
        !RE_NUM.test(lines[i + 1]!.text) &&
        !lines[i + 1]!.fnDef;
      if (
        n <= 99 &&
        !cjkPara &&
        (hasDot || blankBefore || prevEnded()) &&
        titleLike(rest, L) &&
        !isListRun(i)
      ) {
        const j = nextContentIdx(i);
        const nextLower = j >= 0 && startsLower(lines[j]!.text);
        if (!nextLower)
          return { t: 'heading', number: String(n), label, title: rest, level: 1, consume: 1 };
      }
      if (hasDot && isListRun(i)) return { t: 'list', label, number: String(n), rest };
      if (paraAcceptable(n, hasDot, rest)) return { t: 'para', number: String(n), label, rest };
      return { t: 'text' };
    }
    if ((m = RE_SECTION_MULTI.exec(t)) && (prevEnded() || blankBefore)) {
      if (titleLike(m[3]!, L))
        return {
          t: 'heading',
          number: m[1]!,
          label: m[1]! + m[2]!,
          title: m[3]!,
          level: m[1]!.split('.').length,
          consume: 1,
        };
      return { t: 'para', number: m[1]!, label: m[1]! + m[2]!, rest: m[3]! };
    }
    if ((m = RE_ROMAN_HEAD.exec(t)) && prevEnded()) {
      const isLetter = lastLetterHead !== null && nextLetter(lastLetterHead) === m[1];
      if (!isLetter && (m[3] === '' ? followedByBody(i, '') : titleLike(m[3]!, L))) {
        if (m[3] === '') {
          const j = nextLiveIdx(i, true);
          if (j >= 0 && titleLike(lines[j]!.text, lines[j]!)) {
            romanSeen = true;
            return {
              t: 'heading',
              number: m[1]!,
              label: m[1]! + m[2]!,
              title: lines[j]!.text,
              level: 1,
              consume: j - i + 1,
            };
          }
        } else {
          romanSeen = true;
          return {
            t: 'heading',
            number: m[1]!,
            label: m[1]! + m[2]!,
            title: m[3]!,
            level: 1,
            consume: 1,
          };
        }
      }
    }
    if ((m = RE_LETTER_HEAD.exec(t)) && prevEnded() && titleLike(m[3]!, L)) {
      lastLetterHead = m[1]!;
      return {
        t: 'heading',
        number: m[1]!,
        label: m[1]! + m[2]!,
        title: m[3]!,
        level: romanSeen ? 2 : 1,
        consume: 1,
      };
    }
    if ((m = RE_CJK_HEAD.exec(t)) && titleLike(m[3]!, L)) {
      const v = cjkValue(m[1]!);
      return {
        t: 'heading',
        number: v ? String(v) : m[1]!,
        label: m[1]! + m[2]!,
        title: m[3]!,
        level: 1,
        consume: 1,
      };
    }
    if ((m = RE_CJK_SUB.exec(t))) {
      const label = m[1]! + m[2]! + m[3]!;
      const v = cjkValue(m[2]!);
      // under a numbered paragraph that introduces it (or after its sibling): a sub-paragraph "para 3(一)"
      if (subIntroduced(v, (prev) => cjkValue(prev) === v - 1))
        return { t: 'sub', x: m[2]!, label, rest: m[4]! };
      if (titleLike(m[4]!, L)) {
        const number = v ? String(v) : m[2]!;
        return {
          t: 'heading',
          number,
          label,
          title: m[4]!,
          level: 2,
          consume: 1,
          part: level1Number !== null ? `${level1Number}.${number}` : number,
        };
      }
      return { t: 'sub', x: m[2]!, label, rest: m[4]! };
    }
    if ((m = RE_AR_SUB.exec(t))) {
      return { t: 'sub', x: m[2]!, label: m[1]! + m[2]! + m[3]!, rest: m[4]! };
    }
    if ((m = RE_AR_HEAD.exec(t))) {
      const v = arabicOrdinal(m[1]!);
      const title = stripSentinels(m[3]!).trim();
      if (v > 0 && title.length <= 150 && !/[.;:،؛…]$/.test(title)) {
        return {
          t: 'heading',
          number: String(v),
          label: m[1]! + m[2]!.trimEnd(),
          title: m[3]!,
          level: 1,
          consume: 1,
        };
      }
    }
    if ((m = RE_SUB.exec(t))) {
      const x = m[2] ?? m[4]!;
      const label = m[2] ? m[1]! + m[2] + m[3]! : m[4]! + m[5]!;
      return { t: 'sub', x, label, rest: m[6] ?? '' };
    }
    if ((m = RE_BULLET.exec(t))) return { t: 'list', label: m[1]!, number: null, rest: m[2]! };
    if ((m = RE_NUM_LIST.exec(t)))
      return { t: 'list', label: m[1]! + m[2]!, number: m[1]!, rest: m[3]! };
    return { t: 'text' };
  };
  /**
   * Whether a sub-paragraph label belongs to the current numbered paragraph: the paragraph leads into it
   * (ends with a colon) or the previous sub-paragraph is its predecessor (`isPrev`).
   */
  function subIntroduced(value: number, isPrev: (prevNumber: string) => boolean): boolean {
    const p = paraContext;
    if (!p || p.number === null || p.parentKey !== null || !lastBody) return false;
    const b = lastBody.block;
    if (b === p) return value === 1 && /[:：]$/.test(stripSentinels(draftText(lastBody)).trim());
    return b.parentKey === p.key && lastLetterSub === b && isPrev(b.number ?? '');
  }
  function isListRun(i: number): boolean {
    // consecutive short numbered lines (n-1, n, n+1) with nothing between them are a list, not headings
    const num = (L: Line | undefined): number | null => {
      if (!L || !live(L)) return null;
      const m = /^(\d{1,3})\.\s+(.*)$/.exec(L.text);
      return m && titleLike(m[2]!, L) ? +m[1]! : null;
    };
    const n = num(lines[i]);
    if (n === null) return false;
    return num(lines[i - 1]) === n - 1 || num(lines[i + 1]) === n + 1;
  }
  const emitHeading = (
    L: Line,
    number: string | null,
    label: string | undefined,
    title: string,
    level: number,
    explicitPart?: string,
  ): void => {
    headingCount++;
    // unnumbered headings get a placeholder, resolved at the end to an ordinal no numbered heading uses
    const part = explicitPart ?? number ?? `\uE002H${headingCount}\uE002`;
    if (level === 1) level1Number = number;
    sectionPart = part;
    unnumberedInSection = 0;
    paraContext = null;
    lastLetterSub = null;
    listStack = [];
    const block = newBlock('heading', {
      number,
      level: Math.min(6, Math.max(1, level)),
      address: `§${part}`,
    });
    if (label !== undefined) block.label = label;
    if (mdHeadingLines.has(L)) mdHeadings.add(block);
    startDraft(block, L, title, false);
    cur!.closed = true;
  };
  const emitParagraph = (L: Line, rest: string, number: string | null, label?: string): Draft => {
    let address: string;
    if (number !== null) {
      address = `para ${number}`;
    } else {
      unnumberedInSection++;
      address = `${sectionBase()} ¶${unnumberedInSection}`.trim();
    }
    const block = newBlock('paragraph', { number, address });
    if (label !== undefined) block.label = label;
    paraContext = block;
    lastLetterSub = null;
    listStack = [];
    return startDraft(block, L, rest, true);
  };

  let i = 0;
  const advance = (to: number): void => {
    for (; i < to; i++) for (const v of lines[i]!.refValues) refsSeen.add(v);
  };
  while (i < lines.length) {
    const L = lines[i]!;
    if (L.removed) {
      if (!L.skip) breakSinceBody = true;
      advance(i + 1);
      continue;
    }
    if (L.text === '') {
      blankBefore = true;
      if (cur && (cur.parts.length > 0 || cur.block.kind !== 'footnote')) {
        cur.closed = true;
      }
      advance(i + 1);
      continue;
    }
    const it = interpret(i);
    let consumed = 1;
    switch (it.t) {
      case 'mdheading': {
        rm('markup', it.hashes, L.no);
        mdHeadingLines.add(L);
        const sm = /^(\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[A-Z])(\.?)\s+(\S.*)$/.exec(it.title);
        if (sm && (sm[2] === '.' || sm[1]!.includes('.')))
          emitHeading(L, sm[1]!, sm[1]! + sm[2]!, sm[3]!, it.level);
        else emitHeading(L, null, undefined, it.title, it.level);
        break;
      }
      case 'sep':
        rm('markup', L.text, L.no);
        if (cur) cur.closed = true;
        break;
      case 'pipe': {
        const rows: string[][] = [];
        let j = i;
        for (; j < lines.length && live(lines[j]!) && RE_PIPE_ROW.test(lines[j]!.text); j++) {
          const r = lines[j]!.text;
          if (RE_PIPE_ALIGN.test(r)) {
            rm('markup', r, lines[j]!.no);
            continue;
          }
          // an escaped pipe `\|` is a pipe inside a cell
          const cells = r.slice(1, -1).split(/(?<!\\)\|/);
          rm('markup', '|'.repeat(cells.length + 1), lines[j]!.no);
          rows.push(
            cells.map((c) =>
              c
                .replace(/\\(?=\|)/g, () => {
                  rm('markup', '\\', lines[j]!.no);
                  return '';
                })
                .trim(),
            ),
          );
        }
        consumed = j - i;
        emitTable(L, rows);
        break;
      }
      case 'tabtable': {
        const rows: string[][] = [];
        let j = i;
        for (; j < lines.length && live(lines[j]!) && lines[j]!.text.includes('\t'); j++) {
          rows.push(lines[j]!.text.split('\t').map((c) => c.trim()));
        }
        consumed = j - i;
        emitTable(L, rows);
        break;
      }
      case 'fndef': {
        const n = /^\d+$/.test(it.value) ? +it.value : NaN;
        if (!Number.isNaN(n)) lastFnDef = Math.max(lastFnDef, n);
        const block = newBlock('footnote', { number: it.value, address: `fn ${it.value}` });
        block.label = it.label;
        const d = startDraft(block, L, it.rest, false);
        breakSinceBody = true;
        if (!it.rest) pendingFn.push(d);
        else pendingFn.length = 0;
        break;
      }
      case 'heading': {
        emitHeading(L, it.number, it.label, it.title, it.level, it.part);
        consumed = it.consume;
        break;
      }
      case 'para': {
        const n = +it.number;
        if (!Number.isNaN(n) && !it.number.includes('.')) {
          if (n !== nextPara && lastParaNum > 0) {
            warnings.push({
              code: n === 1 ? 'NUMBERING_RESTART' : 'NUMBERING_GAP',
              message: `Paragraph ${n} follows paragraph ${lastParaNum}.`,
              line: L.no,
            });
          }
          lastParaNum = n;
          nextPara = n + 1;
        }
        emitParagraph(L, it.rest, it.number, it.label);
        break;
      }
      case 'sub': {
        let roman = false;
        if (/^[ivxlc]+$/.test(it.x)) {
          const letterNext = lastLetterSub !== null && nextLetter(lastLetterSub.number!) === it.x;
          const lr =
            lastRoman !== null &&
            lastLetterSub !== null &&
            lastRoman.parentKey === lastLetterSub.key
              ? lastRoman
              : null;
          if (letterNext) roman = false;
          else if (it.x === 'i' || it.x.length > 1) roman = true;
          else if (lr && romanValue(lr.number!) + 1 === romanValue(it.x)) roman = true;
        }
        const parent = roman && lastLetterSub ? lastLetterSub : paraContext;
        const level = roman && lastLetterSub ? 2 : 1;
        const address = `${parent ? parent.address : sectionBase()}(${it.x})`.trim();
        const block = newBlock('paragraph', {
          number: it.x,
          level,
          parentKey: parent?.key ?? null,
          address,
        });
        block.label = it.label;
        if (level === 1) lastLetterSub = roman ? null : block;
        if (roman && level === 2) lastRoman = block;
        startDraft(block, L, it.rest, true);
        break;
      }
      case 'list': {
        const indent = L.indent;
        while (listStack.length && listStack[listStack.length - 1]!.indent > indent)
          listStack.pop();
        let top = listStack[listStack.length - 1];
        let address: string;
        let parentKey: string | null = null;
        let level = 1;
        if (top && indent > top.indent) {
          top.count++;
          address = `${top.block.address}.${top.count}`;
          parentKey = top.block.key;
          level = listStack.length + 1;
        } else {
          if (top && top.indent === indent) listStack.pop();
          top = listStack[listStack.length - 1];
          if (top) {
            top.count++;
            address = `${top.block.address}.${top.count}`;
            parentKey = top.block.key;
            level = listStack.length + 1;
          } else {
            const base = paraContext ? paraContext.address : sectionBase();
            const k = (listCount.get(base) ?? 0) + 1;
            listCount.set(base, k);
            address = `${base} •${k}`.trim();
          }
        }
        const block = newBlock('list_item', { number: it.number, level, parentKey, address });
        block.label = it.label;
        listStack.push({ indent, block, count: 0 });
        startDraft(block, L, it.rest, true);
        break;
      }
      case 'pagenum':
        rm('page_number', L.text, L.no);
        breakSinceBody = true;
        break;
      case 'text': {
        const t = L.text;
        if (pendingFn.length > 0) {
          const d = pendingFn.shift()!;
          appendTo(d, L, t);
          if (pendingFn.length > 0) d.closed = true;
          break;
        }
        const ended = prevEnded();
        if (
          cur &&
          !cur.closed &&
          !blankBefore &&
          cur.block.kind === 'footnote' &&
          !endsSentence(draftText(cur))
        ) {
          appendTo(cur, L, t);
          break;
        }
        if (ended) {
          const j = nextLiveIdx(i, false);
          const two = j === i + 1 ? t + ' ' + lines[j]!.text : null;
          if (isTocTitle(t)) {
            emitHeading(L, null, undefined, t, 1);
            break;
          }
          if (two && isTocTitle(two) && !isTocTitle(lines[j]!.text)) {
            emitHeading(L, null, undefined, t + '\n' + lines[j]!.text, 1);
            consumed = 2;
            break;
          }
        }
        const lb = lastBody;
        if (
          breakSinceBody &&
          lb &&
          lb.parts.length > 0 &&
          !endsTerminal(draftText(lb)) &&
          (!startsBodyish(t) || /[\p{Ll},\p{Script=Han}-]$/u.test(stripSentinels(draftText(lb))))
        ) {
          appendTo(lb, L, t);
          break;
        }
        if (cur && !cur.closed && !blankBefore && cur.body) {
          const early =
            !markdown &&
            !blankSeparated &&
            cur.lastLine !== null &&
            endsTerminal(cur.lastLine.text) &&
            (!Wfit ||
              (isCjkChar(t[0])
                ? cur.lastLine.raw.trim().length <= 0.8 * Wfit
                : cur.lastLine.raw.trim().length + 1 + (/^\S+/.exec(t)?.[0].length ?? 0) <=
                  Wfit)) &&
            startsBodyish(t) &&
            cur.parts.length > 0;
          if (!early) {
            appendTo(cur, L, t);
            break;
          }
        }
        if (!markdown && ended && titleLike(t, L, false) && followedByBody(i, t)) {
          emitHeading(L, null, undefined, t, 1);
          break;
        }
        emitParagraph(L, t, null);
        break;
      }
    }
    blankBefore = false;
    advance(i + consumed);
  }

  function emitTable(L: Line, rows: string[][]): void {
    tableCount++;
    const block = newBlock('table', { address: `table ${tableCount}` });
    block.rows = rows;
    startDraft(block, L, rows.map((r) => r.join(' | ')).join('\n'), false);
    cur!.closed = true;
  }

  // ---- pass 5: finish blocks ----
  // A footnote whose number was lost or displaced by the extraction ("As explained above, …" with its
  // "18" elsewhere on the page): an unnumbered paragraph directly followed, line after line, by footnote
  // N+1 while marker N is referenced, has no footnote and is not in that paragraph, is footnote N.
  const defined = new Set(
    drafts.filter((d) => d.block.kind === 'footnote').map((d) => d.block.number),
  );
  for (let k = 1; k < drafts.length; k++) {
    const d = drafts[k]!;
    const p = drafts[k - 1]!;
    const next =
      d.block.kind === 'footnote' && /^\d+$/.test(d.block.number ?? '') ? +d.block.number! : 0;
    const n = String(next - 1);
    const pb = p.block;
    if (
      next < 2 ||
      defined.has(n) ||
      !refsSeen.has(next - 1) ||
      pb.kind !== 'paragraph' ||
      pb.number !== null ||
      pb.parentKey !== null ||
      !p.lastLine ||
      !d.firstLine ||
      p.lastLine.no + 1 !== d.firstLine.no ||
      p.parts.join(' ').length > 600 ||
      p.parts.some((t) => [...t.matchAll(RE_SENTINEL)].some((x) => markers[+x[1]!]!.value === n)) ||
      p.parts.some((t) => gluedCandidates(t).some((g) => String(g.value) === n))
    )
      continue;
    pb.kind = 'footnote';
    pb.number = n;
    pb.level = null;
    pb.address = `fn ${n}`;
    p.body = false;
    defined.add(n);
    warnings.push({
      code: 'FOOTNOTE_NUMBER_MISSING',
      message: `The text before footnote ${next} has no number; it was taken as footnote ${n}, whose marker has no other text.`,
      line: p.firstLine?.no ?? null,
    });
  }
  const blocks: ParsedBlock[] = [];
  const fnByNumber = new Map<string, ParsedBlock>();
  for (const d of drafts) {
    const b = d.block;
    if (b.kind === 'table') {
      b.text = b.rows!.map((r) => r.map(stripSentinels).join(' | ')).join('\n');
    } else {
      let s = '';
      for (const p of d.parts) s = joinText(s, p);
      b.text = s
        .replace(/[\s\u3000]+/g, (m) => (m.includes('\u3000') && m.trim() === '' ? ' ' : ' '))
        .trim();
    }
    if (b.kind === 'footnote' && b.number !== null) {
      if (fnByNumber.has(b.number)) {
        warnings.push({
          code: 'FOOTNOTE_DUPLICATE',
          message: `Footnote ${b.number} is defined more than once.`,
          line: d.lastLine?.no ?? null,
        });
      } else fnByNumber.set(b.number, b);
    }
    blocks.push(b);
  }
  const fnNumbers = new Set([...fnByNumber.keys()]);
  const referenced = new Set<string>();
  let lastAccepted = 0;
  for (const d of drafts) {
    const b = d.block;
    const line = d.lastLine?.no ?? null;
    if (b.kind === 'table') {
      // explicit markers in cells: offsets in the joined text
      const joined = b.rows!.map((r) => r.join(' | ')).join('\n');
      const res = extractMarkers(joined, false);
      b.text = res.text;
      b.rows = b.rows!.map((r) => r.map(stripSentinels));
      b.footnoteRefs = res.refs;
      continue;
    }
    const res = extractMarkers(b.text, b.kind !== 'footnote', line);
    b.text = res.text;
    b.footnoteRefs = res.refs;
  }

  function extractMarkers(
    s: string,
    glued: boolean,
    line: number | null = null,
  ): { text: string; refs: ParsedFootnoteRef[] } {
    const found: { start: number; end: number; value: string; explicit: boolean }[] = [];
    for (const m of s.matchAll(RE_SENTINEL)) {
      found.push({
        start: m.index,
        end: m.index + m[0].length,
        value: markers[+m[1]!]!.value,
        explicit: true,
      });
    }
    if (glued) {
      for (const g of gluedCandidates(s))
        found.push({ start: g.start, end: g.end, value: String(g.value), explicit: false });
    }
    found.sort((a, b) => a.start - b.start);
    let out = '';
    let pos = 0;
    const refs: ParsedFootnoteRef[] = [];
    for (const f of found) {
      const v = +f.value;
      if (!f.explicit) {
        const strictLetter = /\p{L}/u.test(s[f.end] ?? '');
        const plausible =
          (!strictLetter &&
            fnNumbers.has(f.value) &&
            !referenced.has(f.value) &&
            v > lastAccepted &&
            v <= lastAccepted + 3) ||
          (v === lastAccepted + 1 &&
            (fnNumbers.size > 0 || /[.,;:!?”’")]/.test(s[f.start - 1] ?? '')));
        if (!plausible) {
          if (fnNumbers.has(f.value) && !referenced.has(f.value)) {
            const word = /\S*$/.exec(s.slice(0, f.end))![0];
            warnings.push({
              code: 'FOOTNOTE_MARKER_UNCERTAIN',
              message: `"${stripSentinels(word)}": the number ${f.value} glued to the text may be a footnote marker; it was left in the text.`,
              line,
            });
          }
          continue;
        }
      }
      out += s.slice(pos, f.start);
      let offset = out.length;
      pos = f.end;
      if (out.endsWith(' ') && (pos >= s.length || s[pos] === ' ')) {
        out = out.slice(0, -1);
        offset = out.length;
      }
      if (!Number.isNaN(v)) lastAccepted = Math.max(lastAccepted, v);
      referenced.add(f.value);
      refs.push({ marker: f.value, offset, footnoteKey: fnByNumber.get(f.value)?.key ?? null });
    }
    out += s.slice(pos);
    // trailing/leading spaces left by a removed marker
    const trimmedStart = out.length - out.trimStart().length;
    if (trimmedStart) for (const r of refs) r.offset = Math.max(0, r.offset - trimmedStart);
    out = out.trim();
    for (const r of refs) r.offset = Math.min(r.offset, out.length);
    return { text: out, refs };
  }

  for (const b of blocks) {
    for (const r of b.footnoteRefs) {
      if (r.footnoteKey === null) {
        warnings.push({
          code: 'FOOTNOTE_NOT_FOUND',
          message: `Footnote marker ${r.marker} in ${b.address}: no footnote ${r.marker} was found.`,
          line: null,
        });
      }
    }
  }
  for (const [n, b] of fnByNumber) {
    if (!referenced.has(n)) {
      warnings.push({
        code: 'FOOTNOTE_UNREFERENCED',
        message: `Footnote ${n} is never referenced in the text.`,
        line: null,
      });
    }
    if (!b.text) {
      warnings.push({ code: 'FOOTNOTE_EMPTY', message: `Footnote ${n} has no text.`, line: null });
    }
  }
  // Unnumbered headings: §k with k their position among all headings, moved on past the numbers of
  // numbered headings so "Foreword" (§1) and "1. Introduction" (§1) do not collide. In a document with
  // numbered sections, the unnumbered headings before the first of them (symbol, title, subtitle) are
  // its front matter, section 0: `§0` when there is one, `§0.1`, `§0.2`… when there are several.
  const headingBlocks = blocks.filter((b) => b.kind === 'heading');
  const numberedParts = new Set(
    headingBlocks.filter((b) => b.number !== null).map((b) => b.number!),
  );
  const firstNumbered = headingBlocks.findIndex((b) => b.number !== null);
  const partOf = new Map<string, string>();
  const usedParts = new Set<string>();
  headingBlocks.forEach((b, idx) => {
    const ph = /\uE002H(\d+)\uE002/.exec(b.address);
    if (!ph) return;
    let part: string;
    if (idx < firstNumbered) part = firstNumbered === 1 ? '0' : `0.${idx + 1}`;
    else {
      let k = idx + 1;
      while (numberedParts.has(String(k)) || usedParts.has(String(k))) k++;
      part = String(k);
    }
    usedParts.add(part);
    partOf.set(ph[0], part);
  });
  const resolve = (s: string): string =>
    s.replace(/\uE002H\d+\uE002/g, (m) => partOf.get(m) ?? '?');
  for (const b of blocks) b.address = resolve(b.address);
  for (const w of warnings) w.message = resolve(w.message);
  // unique addresses: numbered blocks keep theirs, others get " (2)", " (3)"…
  const used = new Map<string, number>();
  for (const pass of [true, false]) {
    for (const b of blocks) {
      if ((b.number !== null) !== pass) continue;
      const c = used.get(b.address) ?? 0;
      used.set(b.address, c + 1);
      if (c > 0) {
        let k = c + 1;
        while (used.has(`${b.address} (${k})`)) k++;
        const addr = `${b.address} (${k})`;
        used.set(addr, 1);
        warnings.push({
          code: 'DUPLICATE_ADDRESS',
          message: `The address ${b.address} occurs more than once; this one is ${addr}.`,
          line: null,
        });
        b.address = addr;
      }
    }
  }
  const title = findTitle(
    drafts.map((d) => ({
      ...d.block,
      lines: d.parts.map((p) => stripSentinels(p)),
      markdownHeading: mdHeadings.has(d.block),
    })),
  );
  return { title, blocks, removed, warnings };
}

/**
 * Numbers glued to a word or after punctuation that may be footnote markers: `system.1`, `OECE3 began`,
 * `2020.”6`, `non-paper14which`. Not: numbers inside URLs, after digits or `/`, runs of 4+ digits.
 */
export function gluedCandidates(s: string): { start: number; end: number; value: number }[] {
  const out: { start: number; end: number; value: number }[] = [];
  const re =
    /(?<=[\p{L}.,;:!?)\]”’"»」』）。，；：！？])(\d{1,3})(?=$|[\s,;:)\]”’"'»。，；：）\uE000]|\p{L})/gu;
  for (const m of s.matchAll(re)) {
    const start = m.index;
    const before = s[start - 1]!;
    if (
      /[.,]/.test(before) &&
      /\d/.test(s[start - 2] ?? '') &&
      !/(?<!\d)(?:19|20)\d\d[.,]$/.test(s.slice(Math.max(0, start - 6), start))
    )
      continue;
    if (
      before === '.' &&
      /^\p{L}$/u.test(s[start - 2] ?? '') &&
      !/\p{L}{2}/u.test(s.slice(start - 3, start - 1))
    ) {
      // "p.47", "No.3": an abbreviation, not a sentence end
      continue;
    }
    const token = /\S*$/.exec(s.slice(0, start))![0];
    if (/:\/\/|www\.|@|\/|\\/.test(token)) continue;
    if (/^\p{L}$/u.test(token)) continue; // "G7" after a single letter? keep "A3" out
    out.push({ start, end: start + m[1]!.length, value: +m[1]! });
  }
  return out;
}
