/**
 * Footnotes: definition labels at a line start, explicit markers (kept as sentinels), numbers glued to
 * words that may be markers, footnotes whose number was lost, and the linking of markers to footnotes.
 */
import type { ParsedBlock, ParsedFootnoteRef } from '../../documents/blocks.ts';
import { asciiDigits, foldSuperscripts } from './numbering.ts';
import { RE_SENTINEL, addMarker, noteRemoved, stripSentinels } from './parse-state.ts';
import type { ParseState } from './parse-state.ts';
import type { Draft } from './reading-state.ts';

const FOOTNOTE_DEFINITIONS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\[\^([^\]\s]+)\]:\s*/, (m) => asciiDigits(m[1]!)],
  [/^\[footnote:?\s*(\d{1,4})\]:?\s*/i, (m) => m[1]!],
  [/^\[([0-9\u0660-\u0669\u06F0-\u06F9]{1,4})\]\s*(?=\S)/, (m) => asciiDigits(m[1]!)],
  [/^\[(\d{1,4}):\s*/, (m) => m[1]!],
  [/^<sup>\s*(\d{1,4})\s*<\/sup>\s*(?=\S)/, (m) => m[1]!],
  [/^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})\s*(?=\S)/, (m) => foldSuperscripts(m[1]!)],
];

/** An explicit footnote definition label at the start of a trimmed line (`[^1]:`, `[1] `, `¹ `), if any. */
export function readFootnoteDefinition(
  s: string,
): { fnDef: { value: string; label: string }; rest: string } | null {
  for (const [re, val] of FOOTNOTE_DEFINITIONS) {
    const m = re.exec(s);
    if (m) return { fnDef: { value: val(m), label: m[0].trim() }, rest: s.slice(m[0].length) };
  }
  return null;
}

/**
 * Replaces the explicit footnote markers of a line by sentinels and lists the footnote numbers the line
 * may reference, glued numbers included.
 */
export function takeFootnoteMarkers(
  state: ParseState,
  line: string,
  no: number,
): { text: string; refValues: number[] } {
  const refValues: number[] = [];
  const markup = (m: string, v: string): string => {
    noteRemoved(state, 'markup', m.replace(v, ''), no);
    if (/^\d+$/.test(asciiDigits(v))) refValues.push(+asciiDigits(v));
    return addMarker(state, v, no);
  };
  let s = line;
  s = s.replace(/<sup>\s*(\d{1,4})\s*<\/sup>/g, (m, v: string) => markup(m, v));
  s = s.replace(/\[\^([^\]\s]+)\](?!:)/g, (m, v: string) => markup(m, v));
  s = s.replace(/\[footnoteRef:\s*(\d{1,4})\]/gi, (m, v: string) => markup(m, v));
  s = s.replace(/(?<=\S\s?)\[([0-9\u0660-\u0669\u06F0-\u06F9]{1,3})\]/g, (m, v: string) =>
    markup(m, v),
  );
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4}/g, (m) => {
    const v = foldSuperscripts(m);
    refValues.push(+v);
    return addMarker(state, v, no);
  });
  for (const g of gluedCandidates(s)) refValues.push(g.value);
  return { text: s, refValues };
}

/** A CJK date character after a number: the number is part of the text. */
const RE_CJK_DATE = /^\s?[年月日]/u;
/** A CJK counter after a number (article, paragraph, item, session…): the number is part of the text. */
const RE_CJK_COUNTER = /^\s?[号號条條段项項次届屆章节節款页頁个個名位岁歲时時分秒期卷册冊版部]/u;

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
    // CJK dates and counters: "2005年2月", "第3条", "5项" are text, never markers; after a full
    // stop only a date is ("。5月"), since a marker often stands there ("。5届会…")
    const after = s.slice(m.index + m[1]!.length);
    if (RE_CJK_DATE.test(after) || s[start - 1] === '第') continue;
    if (RE_CJK_COUNTER.test(after) && !/[。！？]/.test(s[start - 1]!)) continue;
    const token = /\S*$/.exec(s.slice(0, start))![0];
    if (/:\/\/|www\.|@|\/|\\/.test(token)) continue;
    if (/^\p{L}$/u.test(token)) continue; // "G7" after a single letter? keep "A3" out
    out.push({ start, end: start + m[1]!.length, value: +m[1]! });
  }
  return out;
}

/**
 * Turns into footnote N an unnumbered paragraph directly followed, line after line, by footnote N+1
 * while marker N is referenced, has no footnote and is not in that paragraph.
 */
export function recoverUnnumberedFootnotes(
  state: ParseState,
  drafts: Draft[],
  refsSeen: Set<number>,
): void {
  // the extraction lost or displaced the number ("As explained above, …" with its "18" elsewhere on the page)
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
      p.parts.some((t) =>
        [...t.matchAll(RE_SENTINEL)].some((x) => state.markers[+x[1]!]!.value === n),
      ) ||
      p.parts.some((t) => gluedCandidates(t).some((g) => String(g.value) === n))
    )
      continue;
    pb.kind = 'footnote';
    pb.number = n;
    pb.level = null;
    pb.address = `fn ${n}`;
    p.body = false;
    defined.add(n);
    state.warnings.push({
      code: 'FOOTNOTE_NUMBER_MISSING',
      message: `The text before footnote ${next} has no number; it was taken as footnote ${n}, whose marker has no other text.`,
      line: p.firstLine?.no ?? null,
    });
  }
}

/** The footnotes by number (the first of each number), with a warning for each duplicate. */
export function indexFootnotes(state: ParseState, drafts: Draft[]): Map<string, ParsedBlock> {
  const fnByNumber = new Map<string, ParsedBlock>();
  for (const d of drafts) {
    const b = d.block;
    if (b.kind === 'footnote' && b.number !== null) {
      if (fnByNumber.has(b.number)) {
        state.warnings.push({
          code: 'FOOTNOTE_DUPLICATE',
          message: `Footnote ${b.number} is defined more than once.`,
          line: d.lastLine?.no ?? null,
        });
      } else fnByNumber.set(b.number, b);
    }
  }
  return fnByNumber;
}

/** Where the linking of markers stands, in document order. */
interface Linking {
  state: ParseState;
  fnByNumber: Map<string, ParsedBlock>;
  fnNumbers: Set<string>;
  referenced: Set<string>;
  lastAccepted: number;
}

/**
 * Takes the footnote markers out of the blocks' texts into `footnoteRefs`, linked to their footnotes;
 * returns the footnote numbers referenced.
 */
export function linkFootnoteMarkers(
  state: ParseState,
  drafts: Draft[],
  fnByNumber: Map<string, ParsedBlock>,
): Set<string> {
  const linking: Linking = {
    state,
    fnByNumber,
    fnNumbers: new Set([...fnByNumber.keys()]),
    referenced: new Set<string>(),
    lastAccepted: 0,
  };
  for (const d of drafts) {
    const b = d.block;
    const line = d.lastLine?.no ?? null;
    if (b.kind === 'table') {
      // explicit markers in cells: offsets in the joined text
      const joined = b.rows!.map((r) => r.join(' | ')).join('\n');
      const res = extractMarkers(linking, joined, false);
      b.text = res.text;
      b.rows = b.rows!.map((r) => r.map(stripSentinels));
      b.footnoteRefs = res.refs;
      continue;
    }
    const res = extractMarkers(linking, b.text, b.kind !== 'footnote', line);
    b.text = res.text;
    b.footnoteRefs = res.refs;
  }
  return linking.referenced;
}

/**
 * The text without its markers, and the markers with their offsets. Explicit markers always count;
 * glued numbers (when `glued`) only when a footnote exists or the sequence makes them plausible.
 */
function extractMarkers(
  linking: Linking,
  s: string,
  glued: boolean,
  line: number | null = null,
): { text: string; refs: ParsedFootnoteRef[] } {
  const { state, fnByNumber, fnNumbers, referenced } = linking;
  const found: { start: number; end: number; value: string; explicit: boolean }[] = [];
  for (const m of s.matchAll(RE_SENTINEL)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value: state.markers[+m[1]!]!.value,
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
    // the marker as written ("١"), the footnote it points to by its ASCII number ("1")
    const key = asciiDigits(f.value);
    const v = +key;
    if (!f.explicit) {
      const strictLetter = /\p{L}/u.test(s[f.end] ?? '');
      const plausible =
        (!strictLetter &&
          fnNumbers.has(key) &&
          !referenced.has(key) &&
          v > linking.lastAccepted &&
          v <= linking.lastAccepted + 3) ||
        (v === linking.lastAccepted + 1 &&
          (fnNumbers.size > 0 || /[.,;:!?”’")]/.test(s[f.start - 1] ?? '')));
      if (!plausible) {
        if (fnNumbers.has(key) && !referenced.has(key)) {
          const word = /\S*$/.exec(s.slice(0, f.end))![0];
          state.warnings.push({
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
    if (!Number.isNaN(v)) linking.lastAccepted = Math.max(linking.lastAccepted, v);
    referenced.add(key);
    refs.push({ marker: f.value, offset, footnoteKey: fnByNumber.get(key)?.key ?? null });
  }
  out += s.slice(pos);
  // trailing/leading spaces left by a removed marker
  const trimmedStart = out.length - out.trimStart().length;
  if (trimmedStart) for (const r of refs) r.offset = Math.max(0, r.offset - trimmedStart);
  out = out.trim();
  for (const r of refs) r.offset = Math.min(r.offset, out.length);
  return { text: out, refs };
}

/** Warns about markers without a footnote, and footnotes never referenced or without text. */
export function warnAboutFootnotes(
  state: ParseState,
  blocks: ParsedBlock[],
  fnByNumber: Map<string, ParsedBlock>,
  referenced: Set<string>,
): void {
  for (const b of blocks) {
    for (const r of b.footnoteRefs) {
      if (r.footnoteKey === null) {
        state.warnings.push({
          code: 'FOOTNOTE_NOT_FOUND',
          message: `Footnote marker ${r.marker} in ${b.address}: no footnote ${r.marker} was found.`,
          line: null,
        });
      }
    }
  }
  for (const [n, b] of fnByNumber) {
    if (!referenced.has(n)) {
      state.warnings.push({
        code: 'FOOTNOTE_UNREFERENCED',
        message: `Footnote ${n} is never referenced in the text.`,
        line: null,
      });
    }
    if (!b.text) {
      state.warnings.push({
        code: 'FOOTNOTE_EMPTY',
        message: `Footnote ${n} has no text.`,
        line: null,
      });
    }
  }
}
