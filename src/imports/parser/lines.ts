/**
 * The line model and the first pass: each input line cleaned of Word debris and inline markup, its
 * footnote markers turned into sentinels and a footnote definition label at its start noted.
 */
import type { RemovedReason } from '../../documents/blocks.ts';
import { readFootnoteDefinition, takeFootnoteMarkers } from './footnotes.ts';
import { RE_MD_LINK_DEF, stripInlineMarkup } from './markup.ts';
import { expandMarkers, noteRemoved } from './parse-state.ts';
import type { ParseState } from './parse-state.ts';
import { RE_HAS_CJK, isCjkChar } from './text-shape.ts';

/** One input line as the passes see it. */
export interface Line {
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

/** Lines that start a block of their own, so inline markup is not paired across them. */
const RE_BLOCK_START =
  /^\s*(?:#{1,6}\s|\||[-*+•]\s|\d{1,4}[.)]\s|\([a-z0-9]{1,4}\)\s|\[\^[^\]]+\]:|>)/i;

/** Splits the input into lines and cleans them (pass 1); everything taken out goes to `state.removed`. */
export function readLines(state: ParseState, text: string): Line[] {
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
        noteRemoved(state, d.reason, m, no);
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
  cleanInlineMarkup(cleaned, state.markdown, (t, idx) => noteRemoved(state, 'markup', t, idx + 1));
  const lines: Line[] = rawLines.map((raw, idx) => {
    const no = idx + 1;
    let s = cleaned[idx]!;
    const debrisOnly = raw.trim() !== '' && s.trim() === '';
    const indentMatch = /^[ \t\u3000]*/.exec(s)![0];
    const indent = indentMatch.replace(/\t/g, '    ').length;
    s = s.trim();
    const def = readFootnoteDefinition(s);
    const fnDef = def ? def.fnDef : null;
    if (def) s = def.rest;
    // an inline definition `[1: text]` (Word's export of a footnote) closes with a bracket
    if (def && /^\[\d+:$/.test(def.fnDef.label) && s.endsWith(']')) {
      noteRemoved(state, 'markup', ']', no);
      s = s.slice(0, -1).trimEnd();
    }
    const refs = takeFootnoteMarkers(state, s, no);
    return {
      no,
      raw,
      text: refs.text,
      indent,
      removed: debrisOnly,
      skip: debrisOnly,
      fnDef,
      refValues: refs.refValues,
    };
  });
  if (fffd > 0) {
    state.warnings.push({
      code: 'REPLACEMENT_CHARACTERS',
      message: `${fffd} replacement character(s) (U+FFFD) were removed: some characters of the original were lost before import.`,
      line: null,
    });
  }
  return lines;
}

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

/** A line still in play: neither removed nor blank. */
export function isLive(L: Line): boolean {
  return !L.removed && L.text !== '';
}

/** Takes a whole line out of the document, recording its text as written. */
export function removeLine(state: ParseState, L: Line, reason: RemovedReason): void {
  L.removed = true;
  noteRemoved(
    state,
    reason,
    (L.fnDef ? L.fnDef.label + ' ' : '') + expandMarkers(state, L.text),
    L.no,
  );
}

/** How the text is laid out, measured on the lines before page furniture is removed. */
export interface Layout {
  /** Typical wrap width (0 when too few lines are long for it to mean anything). */
  wrapWidth: number;
  /** The width a wrapped line can reach: a shorter line whose next word would have fitted ended early. */
  fitWidth: number;
  /** Paragraphs separated by blank lines: then a line ending a sentence does not end a paragraph. */
  blankSeparated: boolean;
}

/** Measures the layout of the lines. */
export function measureLayout(lines: Line[]): Layout {
  const lengths = lines
    .filter(isLive)
    .map((L) => L.raw.trim().length)
    .sort((a, b) => a - b);
  const longCount = lines.filter(
    (L) => isLive(L) && L.raw.trim().length >= (RE_HAS_CJK.test(L.text) ? 20 : 40),
  ).length;
  const wrapWidth = longCount >= 5 ? lengths[Math.floor(lengths.length * 0.9)]! : 0;
  const blankSeparated =
    lines.filter((L) => L.text === '' && !L.skip).length >=
    0.2 * Math.max(1, lines.filter(isLive).length);
  const fitWidth = longCount >= 5 ? lengths[Math.floor(lengths.length * 0.97)]! : 0;
  return { wrapWidth, fitWidth, blankSeparated };
}
