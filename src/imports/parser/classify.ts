/**
 * What a line starts (pass 4): a heading, a numbered paragraph, a sub-paragraph, a list item, a
 * footnote, a table, a page number, or plain text that may continue a block. Decided from the line,
 * the lines after it and the state of the reading (paragraph sequence, footnotes referenced so far).
 */
import { draftEnd } from './drafts.ts';
import {
  RE_AR_HEAD,
  RE_AR_NUM,
  RE_AR_SUB,
  RE_BULLET,
  RE_CJK_HEAD,
  RE_CJK_SUB,
  RE_ENDS_WITH_REFERENCE,
  RE_LETTER_HEAD,
  RE_MD_HEADING,
  RE_NUM,
  RE_NUM_LIST,
  RE_PIPE_ROW,
  RE_ROMAN_HEAD,
  RE_SECTION_MULTI,
  RE_SEPARATOR,
  RE_SUB,
} from './line-patterns.ts';
import { isLive } from './lines.ts';
import type { Line } from './lines.ts';
import { arabicOrdinal, asciiDigits, cjkValue, nextLetter, romanValue } from './numbering.ts';
import { stripSentinels } from './parse-state.ts';
import type { ReadingState } from './reading-state.ts';
import {
  RE_HAS_CJK,
  STOP_END,
  endsSentence,
  endsTerminal,
  normTitle,
  startsBodyish,
  startsLower,
} from './text-shape.ts';
import { isDate } from './title.ts';

/** What a line starts, with the parts of it the block needs. */
export type Interp =
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
  /** A number that fits no numbering of the document: left out as a number label. */
  | { t: 'stray' }
  | { t: 'text' };

/**
 * Classifies line `i`. Roman and letter headings are remembered in the state (`romanSeen`,
 * `lastLetterHead`) as they are recognised, since later labels are read against them.
 */
export function classifyLine(s: ReadingState, i: number): Interp {
  return (
    structuralLine(s, i) ??
    numberedLine(s, i) ??
    romanOrLetterHeading(s, i) ??
    chineseLine(s, i) ??
    arabicLine(s, i) ??
    subOrListLine(s, i) ?? { t: 'text' }
  );
}

/** A footnote definition, a Markdown heading, a separator or a table row. */
function structuralLine(s: ReadingState, i: number): Interp | undefined {
  const lines = s.lines;
  const L = lines[i]!;
  const t = L.text;
  if (L.fnDef) return { t: 'fndef', value: L.fnDef.value, label: L.fnDef.label, rest: t };
  let m: RegExpExecArray | null;
  if ((m = RE_MD_HEADING.exec(t)) && (s.parse.markdown || m[1]!.length <= 3)) {
    return { t: 'mdheading', level: m[1]!.length, title: m[2]!, hashes: m[1]! };
  }
  if (RE_SEPARATOR.test(t)) return { t: 'sep' };
  if (RE_PIPE_ROW.test(t) && t.length > 2) return { t: 'pipe' };
  if (t.includes('\t')) {
    const cells = t.split('\t').filter((c) => c.trim());
    const n = lines[i + 1];
    if (
      cells.length >= 2 &&
      ((n && isLive(n) && n.text.includes('\t')) ||
        (s.cur?.block.kind === 'table' && !s.blankBefore))
    )
      return { t: 'tabtable' };
  }
  return undefined;
}

/** A numbered paragraph or heading (`12.`, `2.3 Title`). */
function numberedLine(s: ReadingState, i: number): Interp | undefined {
  const L = s.lines[i]!;
  const t = L.text;
  let m: RegExpExecArray | null;
  if ((m = RE_AR_NUM.exec(t) ?? RE_NUM.exec(t))) return classifyNumbered(s, i, m);
  if ((m = RE_SECTION_MULTI.exec(t)) && (prevEnded(s) || s.blankBefore)) {
    if (titleLike(s, m[3]!, L))
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
  return undefined;
}

/** A heading numbered `IV.` (its title on this line or the next) or `B.`. */
function romanOrLetterHeading(s: ReadingState, i: number): Interp | undefined {
  const lines = s.lines;
  const L = lines[i]!;
  const t = L.text;
  let m: RegExpExecArray | null;
  if ((m = RE_ROMAN_HEAD.exec(t)) && prevEnded(s)) {
    const isLetter = s.lastLetterHead !== null && nextLetter(s.lastLetterHead) === m[1];
    if (!isLetter && (m[3] === '' ? followedByBody(s, i, '') : titleLike(s, m[3]!, L))) {
      if (m[3] === '') {
        const j = nextLiveIndex(lines, i, true);
        if (j >= 0 && titleLike(s, lines[j]!.text, lines[j]!)) {
          s.romanSeen = true;
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
        s.romanSeen = true;
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
  if ((m = RE_LETTER_HEAD.exec(t)) && prevEnded(s) && titleLike(s, m[3]!, L)) {
    s.lastLetterHead = m[1]!;
    return {
      t: 'heading',
      number: m[1]!,
      label: m[1]! + m[2]!,
      title: m[3]!,
      level: s.romanSeen ? 2 : 1,
      consume: 1,
    };
  }
  return undefined;
}

/** A Chinese section heading (`二、`) or sub-section or sub-paragraph (`（二）`). */
function chineseLine(s: ReadingState, i: number): Interp | undefined {
  const L = s.lines[i]!;
  const t = L.text;
  let m: RegExpExecArray | null;
  if ((m = RE_CJK_HEAD.exec(t)) && titleLike(s, m[3]!, L)) {
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
    if (subIntroduced(s, v, (prev) => cjkValue(prev) === v - 1))
      return { t: 'sub', x: m[2]!, label, rest: m[4]! };
    if (titleLike(s, m[4]!, L)) {
      const number = v ? String(v) : m[2]!;
      return {
        t: 'heading',
        number,
        label,
        title: m[4]!,
        level: 2,
        consume: 1,
        part: s.level1Number !== null ? `${s.level1Number}.${number}` : number,
      };
    }
    return { t: 'sub', x: m[2]!, label, rest: m[4]! };
  }
  return undefined;
}

/** An Arabic sub-paragraph or ordinal section heading (`ثانياً -`). */
function arabicLine(s: ReadingState, i: number): Interp | undefined {
  const L = s.lines[i]!;
  const t = L.text;
  let m: RegExpExecArray | null;
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
  return undefined;
}

/** A sub-paragraph (`(a)`, `(ii)`), a bulleted or a numbered list item. */
function subOrListLine(s: ReadingState, i: number): Interp | undefined {
  const L = s.lines[i]!;
  const t = L.text;
  let m: RegExpExecArray | null;
  if ((m = RE_SUB.exec(t))) {
    const x = m[2] ?? m[4]!;
    const label = m[2] ? m[1]! + m[2] + m[3]! : m[4]! + m[5]!;
    const rest = m[6] ?? '';
    if (m[2] && isLetterSubsection(s, i, rest)) {
      const part = `${s.level1Number ?? ''}(${x})`;
      return { t: 'heading', number: x, label, title: rest, level: 2, consume: 1, part };
    }
    return { t: 'sub', x, label, rest };
  }
  if ((m = RE_BULLET.exec(t))) return { t: 'list', label: m[1]!, number: null, rest: m[2]! };
  if ((m = RE_NUM_LIST.exec(t))) {
    // `3)` numbers the paragraphs of the whole document in some French and Russian texts
    if (s.plan.get(L.no)?.role === 'paragraph' && prevEnded(s))
      return { t: 'para', number: m[1]!, label: m[1]! + m[2]!, rest: m[3]! };
    return { t: 'list', label: m[1]! + m[2]!, number: m[1]!, rest: m[3]! };
  }
  return undefined;
}

/**
 * A line starting with a number (`12.`, `١٢ -`): a heading, a paragraph, a list item, a footnote
 * definition, a page number or text, depending on the sequence and the lines around it.
 */
function classifyNumbered(s: ReadingState, i: number, m: RegExpExecArray): Interp {
  const lines = s.lines;
  const L = lines[i]!;
  const t = L.text;
  // a date on its own line ("14 March 2026") is not section 14
  if (m[3] && isDate(t)) return { t: 'text' };
  if (continuesReference(s, i)) return { t: 'text' };
  const n = +asciiDigits(m[1]!);
  const hasDot = m[2] !== '';
  const rest = m[3] ?? '';
  const label = m[1]! + m[2]!;
  if (!rest) {
    // a number alone on its line: the whole document's numbering decides
    const planned = plannedAlone(s, i, n, label);
    if (planned) return planned;
    if (!hasDot && (isPendingFn(s, n) || (fnZone(s) && n === s.lastFnDef + 1 && n > s.lastFnDef)))
      return { t: 'fndef', value: String(n), label, rest: '' };
    const j = nextLiveIndex(lines, i, true);
    const N = j >= 0 ? lines[j]! : null;
    if (N && !N.fnDef && n <= 99 && !RE_NUM.test(N.text)) {
      const nt = N.text;
      const seqPara = n === s.nextPara && prevEnded(s) && startsBodyish(nt);
      if (
        isTocTitle(s, nt) ||
        (!seqPara && titleLike(s, nt, N, false) && followedByBody(s, j, nt) && !hasDot)
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
      (hasDot ? true : n === s.nextPara) &&
      paraAcceptable(s, n, hasDot, '') &&
      !N.fnDef &&
      !RE_NUM.test(N.text) &&
      !RE_SUB.test(N.text) &&
      (startsBodyish(N.text) || hasDot)
    ) {
      return { t: 'para', number: String(n), label, rest: '' };
    }
    if (s.cur && !s.cur.closed && !s.blankBefore && !prevEnded(s)) return { t: 'text' };
    if (!hasDot) return { t: 'pagenum' };
    return { t: 'text' };
  }
  const planned = hasDot ? undefined : plannedStart(s, i, n, label, rest);
  if (planned) return planned;
  const openBody =
    !!s.cur && !s.cur.closed && !s.blankBefore && !prevEnded(s) && s.cur.block.kind !== 'footnote';
  if (
    !hasDot &&
    (isPendingFn(s, n) || (fnZone(s) && n === s.lastFnDef + 1)) &&
    !(openBody && startsLower(rest) && !/^(?:https?:|www\.)/.test(rest))
  )
    return { t: 'fndef', value: String(n), label, rest };
  // CJK has no capitals: a long first line directly followed by plain text is a paragraph in sequence
  const W = s.layout.wrapWidth;
  const cjkPara =
    RE_HAS_CJK.test(rest) &&
    n === s.nextPara &&
    stripSentinels(rest).length >= (W ? 0.5 * W : 12) &&
    !!lines[i + 1] &&
    isLive(lines[i + 1]!) &&
    !RE_NUM.test(lines[i + 1]!.text) &&
    !lines[i + 1]!.fnDef;
  if (
    n <= 99 &&
    !cjkPara &&
    (hasDot || s.blankBefore || prevEnded(s)) &&
    titleLike(s, rest, L) &&
    !isListRun(s, i)
  ) {
    const j = nextContentIndex(s, i);
    const nextLower = j >= 0 && startsLower(lines[j]!.text);
    if (!nextLower)
      return { t: 'heading', number: String(n), label, title: rest, level: 1, consume: 1 };
  }
  if (hasDot && isListRun(s, i)) return { t: 'list', label, number: String(n), rest };
  if (paraAcceptable(s, n, hasDot, rest)) return { t: 'para', number: String(n), label, rest };
  return { t: 'text' };
}

/** Line `i` directly follows a line ending with a word a number follows ("see п." / "12 of the report"). */
export function continuesReference(s: Pick<ReadingState, 'lines'>, i: number): boolean {
  const prev = s.lines[i - 1];
  return !!prev && isLive(prev) && RE_ENDS_WITH_REFERENCE.test(stripSentinels(prev.text));
}

/** What the numbering plan makes of a number alone on line `i`, or undefined to decide here. */
function plannedAlone(s: ReadingState, i: number, n: number, label: string): Interp | undefined {
  const p = s.plan.get(s.lines[i]!.no);
  if (!p) return undefined;
  switch (p.role) {
    case 'paragraph':
      return { t: 'para', number: String(n), label, rest: '' };
    case 'section': {
      const j = nextLiveIndex(s.lines, i, true);
      if (j < 0) return undefined;
      const title = s.lines[j]!.text;
      return { t: 'heading', number: String(n), label, title, level: 1, consume: j - i + 1 };
    }
    case 'footnote':
      return { t: 'fndef', value: String(n), label, rest: '' };
    case 'displaced':
    case 'stray':
      // the end of a wrapped sentence ("… in June and July / 2020.") is text
      if (s.cur && !s.cur.closed && !s.blankBefore && !prevEnded(s)) return { t: 'text' };
      return { t: 'stray' };
    case 'page':
      return { t: 'pagenum' };
  }
}

/**
 * What the numbering plan makes of a number without a full stop starting line `i` (`3 Scope`,
 * `3 See the report.`): a section or a footnote when the plan is sure, text when the number fits
 * no numbering; otherwise undefined.
 */
function plannedStart(
  s: ReadingState,
  i: number,
  n: number,
  label: string,
  rest: string,
): Interp | undefined {
  const p = s.plan.get(s.lines[i]!.no);
  if (!p) return undefined;
  // "15 Title" where 15 continues no section, paragraph or footnote numbering is no heading
  if (p.role === 'stray') return { t: 'text' };
  if (p.confidence < 0.3) return undefined;
  if (p.role === 'section')
    return { t: 'heading', number: String(n), label, title: rest, level: 1, consume: 1 };
  if (p.role === 'footnote') return { t: 'fndef', value: String(n), label, rest };
  return undefined;
}

/**
 * A lettered sub-section heading (`(a) Title` on its own line, as in UN reports): a title after a
 * paragraph that did not lead into it, followed by a numbered paragraph the plan is sure of.
 */
function isLetterSubsection(s: ReadingState, i: number, rest: string): boolean {
  const L = s.lines[i]!;
  if (!rest || !prevEnded(s) || !titleLike(s, rest, L, false)) return false;
  const lead = s.lastBody ? stripSentinels(draftEnd(s.lastBody)).trim() : '';
  if (/[:：]$/.test(lead)) return false;
  const j = nextLiveIndex(s.lines, i, true);
  const next = j >= 0 ? s.plan.get(s.lines[j]!.no) : undefined;
  return next?.role === 'paragraph' && next.confidence >= 0.5;
}

/** Whether a lower-case roman label (`(i)`, `(v)`) is a roman sub-sub-paragraph rather than a letter. */
export function subIsRoman(s: ReadingState, x: string): boolean {
  let roman = false;
  if (/^[ivxlc]+$/.test(x)) {
    const letterNext = s.lastLetterSub !== null && nextLetter(s.lastLetterSub.number!) === x;
    const lr =
      s.lastRoman !== null &&
      s.lastLetterSub !== null &&
      s.lastRoman.parentKey === s.lastLetterSub.key
        ? s.lastRoman
        : null;
    if (letterNext) roman = false;
    else if (x === 'i' || x.length > 1) roman = true;
    else if (lr && romanValue(lr.number!) + 1 === romanValue(x)) roman = true;
  }
  return roman;
}

/** What the title tests read: the lines, their layout and the titles of the tables of contents. */
export type LineContext = Pick<ReadingState, 'lines' | 'layout' | 'tocTitles'>;

/** Could be a title: short, one sentence, not ending like a clause, not a wrapped line. */
export function titleLike(s: LineContext, t: string, L: Line, allowDigitStart = true): boolean {
  const str = stripSentinels(t).trim();
  if (!str || /^(?:https?:|www\.|<http)/i.test(str)) return false;
  const cjk = RE_HAS_CJK.test(str);
  if (cjk ? str.length > 40 : str.length > 100) return false;
  if (!cjk && str.split(/\s+/).length > 12) return false;
  if (/[.;:,。；：，、…،؛؟](?:\s?["”’'»])?$/.test(str)) return false;
  if (/[。！？]./.test(str) || /[.!?]\s+\p{Lu}/u.test(str)) return false; // more than one sentence
  if (
    !(allowDigitStart ? /^[\p{Lu}\p{Lt}\p{Lo}\d"“‘«(]/u : /^[\p{Lu}\p{Lt}\p{Lo}"“‘«(]/u).test(str)
  )
    return false;
  if (!cjk && STOP_END.test(' ' + str)) return false;
  // "… recalled paragraph" / "3 of its report": a sentence wrapped before its number
  const after = s.lines[L.no];
  if (RE_ENDS_WITH_REFERENCE.test(str) && after && /^\d/.test(after.text)) return false;
  const { wrapWidth, fitWidth } = s.layout;
  if (wrapWidth && L.raw.trim().length >= 0.8 * wrapWidth) {
    // a long line is a wrapped one, unless the next line's first word would have fitted on it
    const N = s.lines[L.no]; // the next input line (lines are 1-based)
    const word = N && isLive(N) ? (/^\S+/.exec(N.text)?.[0].length ?? 0) : 0;
    if (!fitWidth || !word || L.raw.trim().length + 1 + word > fitWidth) return false;
  }
  return true;
}

/** Whether the line after a candidate title `t` (line `i`) reads like the body under a heading. */
export function followedByBody(s: LineContext, i: number, t: string): boolean {
  const lines = s.lines;
  const j = nextLiveIndex(lines, i, true);
  if (j < 0) return false;
  const N = lines[j]!;
  if (lines[j - 1]?.text !== '' && startsLower(N.text) && j === i + 1) return false;
  if (/^(\d{1,4}\.?|\(\w+\)|[-*•–])(\s|$)/.test(N.text) || N.fnDef) return true;
  return stripSentinels(N.text).length > stripSentinels(t).length || endsTerminal(N.text);
}

/** A title listed in the table of contents. */
export function isTocTitle(s: LineContext, t: string): boolean {
  return s.tocTitles.size > 0 && !/^\p{Ll}/u.test(t) && s.tocTitles.has(normTitle(t));
}

/** The index of the next line not removed and not blank after `i` (-1 if none, or if a blank comes first and is not allowed). */
export function nextLiveIndex(lines: Line[], i: number, allowBlank: boolean): number {
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
}

/** The next line that is neither blank, removed, nor (probably) a footnote at the foot of a page. */
function nextContentIndex(s: ReadingState, i: number): number {
  const lines = s.lines;
  const refs = new Set([...s.refsSeen, ...lines[i]!.refValues]);
  for (let j = i + 1; j < lines.length; j++) {
    const L = lines[j]!;
    if (L.removed || L.text === '' || L.fnDef) continue;
    const m = /^(\d{1,3})(?:\s+\S|$)/.exec(L.text);
    if (m && refs.has(+m[1]!)) continue;
    return j;
  }
  return -1;
}

/** The reading is among footnotes. */
function fnZone(s: ReadingState): boolean {
  return s.cur !== null && s.cur.block.kind === 'footnote';
}

/** A footnote number referenced and not yet defined, close after the last one defined. */
function isPendingFn(s: ReadingState, n: number): boolean {
  return s.refsSeen.has(n) && n > s.lastFnDef && n <= s.lastFnDef + 20;
}

/** Whether the current block has ended, so that the next line may start a new one. */
export function prevEnded(s: ReadingState): boolean {
  const cur = s.cur;
  if (s.blankBefore || !cur || cur.closed) return true;
  if (cur.block.kind === 'heading') return true;
  if (cur.block.kind === 'footnote') return endsSentence(draftEnd(cur));
  if (cur.parts.length === 0) return false;
  return endsTerminal(cur.parts[cur.parts.length - 1]!);
}

/** Whether paragraph number `n` fits the sequence here (next in line, or a plausible jump or restart). */
function paraAcceptable(s: ReadingState, n: number, hasDot: boolean, rest: string): boolean {
  if (rest && !hasDot && !startsBodyish(rest)) return false;
  if (rest && hasDot && !startsBodyish(rest) && !/^\p{Ll}/u.test(stripSentinels(rest)))
    return false;
  const ended = prevEnded(s);
  if (n === s.nextPara) return ended || hasDot;
  if (!hasDot || !ended) return false;
  if (n > s.lastParaNum && n - s.nextPara <= 50) return true;
  if (n === 1) return true;
  return false;
}

/**
 * Whether a sub-paragraph label belongs to the current numbered paragraph: the paragraph leads into it
 * (ends with a colon) or the previous sub-paragraph is its predecessor (`isPrev`).
 */
function subIntroduced(
  s: ReadingState,
  value: number,
  isPrev: (prevNumber: string) => boolean,
): boolean {
  const p = s.paraContext;
  if (!p || p.number === null || p.parentKey !== null || !s.lastBody) return false;
  const b = s.lastBody.block;
  if (b === p) return value === 1 && /[:：]$/.test(stripSentinels(draftEnd(s.lastBody)).trim());
  return b.parentKey === p.key && s.lastLetterSub === b && isPrev(b.number ?? '');
}

/** Consecutive short numbered lines (n-1, n, n+1) with nothing between them are a list, not headings. */
function isListRun(s: ReadingState, i: number): boolean {
  const num = (L: Line | undefined): number | null => {
    if (!L || !isLive(L)) return null;
    const m = /^(\d{1,3})\.\s+(.*)$/.exec(L.text);
    return m && titleLike(s, m[2]!, L) ? +m[1]! : null;
  };
  const n = num(s.lines[i]);
  if (n === null) return false;
  return num(s.lines[i - 1]) === n - 1 || num(s.lines[i + 1]) === n + 1;
}
