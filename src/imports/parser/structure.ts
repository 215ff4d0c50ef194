/**
 * Pass 4: the lines in reading order, each starting a block or continuing one, using the running
 * paragraph sequence, the footnote numbers referenced so far, the typical line width and what follows.
 */
import {
  classifyLine,
  followedByBody,
  isTocTitle,
  nextLiveIndex,
  prevEnded,
  subIsRoman,
  titleLike,
} from './classify.ts';
import type { Interp } from './classify.ts';
import {
  appendTo,
  draftEnd,
  emitFootnote,
  emitHeading,
  emitListItem,
  emitParagraph,
  emitSubParagraph,
  emitTable,
} from './drafts.ts';
import { RE_AR_HEAD, RE_CJK_HEAD, RE_PIPE_ALIGN, RE_PIPE_ROW } from './line-patterns.ts';
import { arabicOrdinal, cjkValue } from './numbering.ts';
import { isLive } from './lines.ts';
import type { Layout, Line } from './lines.ts';
import type { NumberingPlan } from './numbering-plan.ts';
import { noteRemoved, stripSentinels } from './parse-state.ts';
import type { ParseState } from './parse-state.ts';
import { createReadingState } from './reading-state.ts';
import type { ReadingState } from './reading-state.ts';
import { endsSentence, endsTerminal, isCjkChar, startsBodyish } from './text-shape.ts';

/** Reads the lines left after passes 1–3 into block drafts; returns the final reading state. */
export function readStructure(
  parse: ParseState,
  lines: Line[],
  layout: Layout,
  tocTitles: Set<string>,
  plan: NumberingPlan,
): ReadingState {
  const s = createReadingState(parse, lines, layout, tocTitles, plan);
  let i = 0;
  // the footnote numbers of every line passed, consumed ones included, count as referenced
  const advance = (to: number): void => {
    for (; i < to; i++) for (const v of lines[i]!.refValues) s.refsSeen.add(v);
  };
  while (i < lines.length) {
    const L = lines[i]!;
    if (L.removed) {
      if (!L.skip) s.breakSinceBody = true;
      advance(i + 1);
      continue;
    }
    if (L.text === '') {
      s.blankBefore = true;
      // a footnote whose number stood alone still waits for its text across a blank line
      if (s.cur && (s.cur.parts.length > 0 || s.cur.block.kind !== 'footnote')) {
        s.cur.closed = true;
      }
      advance(i + 1);
      continue;
    }
    const consumed = readLine(s, i, classifyLine(s, i));
    s.blankBefore = false;
    advance(i + consumed);
  }
  return s;
}

/** Makes or extends a block from line `i` as classified; returns how many lines it consumed. */
function readLine(s: ReadingState, i: number, it: Interp): number {
  const L = s.lines[i]!;
  switch (it.t) {
    case 'mdheading': {
      noteRemoved(s.parse, 'markup', it.hashes, L.no);
      s.mdHeadingLines.add(L);
      const n = headingNumber(it.title);
      // a lettered sub-section is addressed under its section: "§2(a)"
      const part = n?.label.startsWith('(') ? `${s.level1Number ?? ''}(${n.number})` : undefined;
      if (n) emitHeading(s, L, n.number, n.label, n.title, it.level, part);
      else emitHeading(s, L, null, undefined, it.title, it.level);
      return 1;
    }
    case 'sep':
      noteRemoved(s.parse, 'markup', L.text, L.no);
      if (s.cur) s.cur.closed = true;
      return 1;
    case 'pipe':
      return readPipeTable(s, i);
    case 'tabtable':
      return readTabTable(s, i);
    case 'fndef':
      emitFootnote(s, L, it.value, it.label, it.rest);
      return 1;
    case 'heading':
      emitHeading(s, L, it.number, it.label, it.title, it.level, it.part);
      return it.consume;
    case 'para': {
      const n = +it.number;
      if (!Number.isNaN(n) && !it.number.includes('.')) {
        const annexRestart = n === 1 && s.lastParaNum > 0 && s.annexes > s.annexesAtLastPara;
        if (annexRestart) {
          // paragraphs of an annex have numbers of their own: "annex para 1", "annex 2 para 1"
          s.annexRestarts++;
          s.paraPrefix = s.annexRestarts === 1 ? 'annex ' : `annex ${s.annexRestarts} `;
        }
        if (n !== s.nextPara && s.lastParaNum > 0 && !annexRestart) {
          s.parse.warnings.push({
            code: n === 1 ? 'NUMBERING_RESTART' : 'NUMBERING_GAP',
            message: `Paragraph ${n} follows paragraph ${s.lastParaNum}.`,
            line: L.no,
          });
        }
        s.lastParaNum = n;
        s.nextPara = n + 1;
        s.annexesAtLastPara = s.annexes;
      }
      emitParagraph(s, L, it.rest, it.number, it.label);
      return 1;
    }
    case 'sub':
      emitSubParagraph(s, L, it.x, it.label, it.rest, subIsRoman(s, it.x));
      return 1;
    case 'list':
      emitListItem(s, L, it.label, it.number, it.rest);
      return 1;
    case 'pagenum':
      noteRemoved(s.parse, 'page_number', L.text, L.no);
      s.breakSinceBody = true;
      return 1;
    case 'stray':
      noteRemoved(s.parse, 'number_label', L.text, L.no);
      s.breakSinceBody = true;
      return 1;
    case 'text':
      return readText(s, i);
  }
}

/**
 * The number written at the start of a Markdown or Word heading: `2.1`, `IV.`, `B.`, `1 Scope` (digits and
 * a space), `(a)`, `二、`, `ثانياً -`; undefined for a heading without one.
 */
function headingNumber(t: string): { number: string; label: string; title: string } | undefined {
  const sm = /^(\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[A-Z])(\.?)\s+(\S.*)$/.exec(t);
  if (sm && (sm[2] === '.' || sm[1]!.includes('.')))
    return { number: sm[1]!, label: sm[1]! + sm[2]!, title: sm[3]! };
  // in a heading, a number of one or two digits and a space is the section number ("1 Scope")
  const spaced = /^(\d{1,2})\s+(\S.*)$/.exec(t);
  if (spaced) return { number: spaced[1]!, label: spaced[1]!, title: spaced[2]! };
  const letter = /^(\(([a-z])\))\s*(\S.*)$/.exec(t);
  if (letter) return { number: letter[2]!, label: letter[1]!, title: letter[3]! };
  const cjk = RE_CJK_HEAD.exec(t);
  if (cjk && cjkValue(cjk[1]!))
    return { number: String(cjkValue(cjk[1]!)), label: cjk[1]! + cjk[2]!, title: cjk[3]! };
  const ar = RE_AR_HEAD.exec(t);
  if (ar && arabicOrdinal(ar[1]!))
    return {
      number: String(arabicOrdinal(ar[1]!)),
      label: ar[1]! + ar[2]!.trimEnd(),
      title: ar[3]!,
    };
  return undefined;
}

/** A pipe table: its rows up to the first line that is not one; the pipes go to `removed`. */
function readPipeTable(s: ReadingState, i: number): number {
  const lines = s.lines;
  const rows: string[][] = [];
  let j = i;
  for (; j < lines.length && isLive(lines[j]!) && RE_PIPE_ROW.test(lines[j]!.text); j++) {
    const r = lines[j]!.text;
    if (RE_PIPE_ALIGN.test(r)) {
      noteRemoved(s.parse, 'markup', r, lines[j]!.no);
      continue;
    }
    // an escaped pipe `\|` is a pipe inside a cell
    const cells = r.slice(1, -1).split(/(?<!\\)\|/);
    noteRemoved(s.parse, 'markup', '|'.repeat(cells.length + 1), lines[j]!.no);
    rows.push(
      cells.map((c) =>
        c
          .replace(/\\(?=\|)/g, () => {
            noteRemoved(s.parse, 'markup', '\\', lines[j]!.no);
            return '';
          })
          .trim(),
      ),
    );
  }
  emitTable(s, lines[i]!, rows);
  return j - i;
}

/** A table of tab-separated cells: its rows up to the first line without a tab. */
function readTabTable(s: ReadingState, i: number): number {
  const lines = s.lines;
  const rows: string[][] = [];
  let j = i;
  for (; j < lines.length && isLive(lines[j]!) && lines[j]!.text.includes('\t'); j++) {
    rows.push(lines[j]!.text.split('\t').map((c) => c.trim()));
  }
  emitTable(s, lines[i]!, rows);
  return j - i;
}

/**
 * A line of plain text: the text of a footnote waiting for it, the continuation of the current block
 * or of the body interrupted by a page break, a heading, or a new unnumbered paragraph.
 */
function readText(s: ReadingState, i: number): number {
  const lines = s.lines;
  const L = lines[i]!;
  const t = L.text;
  const cur = s.cur;
  if (s.pendingFn.length > 0) {
    const d = s.pendingFn.shift()!;
    appendTo(s, d, L, t);
    if (s.pendingFn.length > 0) d.closed = true;
    return 1;
  }
  const ended = prevEnded(s);
  if (
    cur &&
    !cur.closed &&
    !s.blankBefore &&
    cur.block.kind === 'footnote' &&
    !endsSentence(draftEnd(cur))
  ) {
    appendTo(s, cur, L, t);
    return 1;
  }
  if (ended) {
    const j = nextLiveIndex(lines, i, false);
    const two = j === i + 1 ? t + ' ' + lines[j]!.text : null;
    if (isTocTitle(s, t)) {
      emitHeading(s, L, null, undefined, t, 1);
      return 1;
    }
    if (two && isTocTitle(s, two) && !isTocTitle(s, lines[j]!.text)) {
      emitHeading(s, L, null, undefined, t + '\n' + lines[j]!.text, 1);
      return 2;
    }
  }
  const lb = s.lastBody;
  if (
    s.breakSinceBody &&
    lb &&
    lb.parts.length > 0 &&
    !endsTerminal(draftEnd(lb)) &&
    (!startsBodyish(t) || /[\p{Ll},\p{Script=Han}-]$/u.test(stripSentinels(draftEnd(lb))))
  ) {
    appendTo(s, lb, L, t);
    return 1;
  }
  if (cur && !cur.closed && !s.blankBefore && cur.body) {
    // a line ending a sentence ends the paragraph only if the next word would have fitted on it
    const { fitWidth, blankSeparated } = s.layout;
    const early =
      !s.parse.markdown &&
      !blankSeparated &&
      cur.lastLine !== null &&
      endsTerminal(cur.lastLine.text) &&
      (!fitWidth ||
        (isCjkChar(t[0])
          ? cur.lastLine.raw.trim().length <= 0.8 * fitWidth
          : cur.lastLine.raw.trim().length + 1 + (/^\S+/.exec(t)?.[0].length ?? 0) <= fitWidth)) &&
      startsBodyish(t) &&
      cur.parts.length > 0;
    if (!early) {
      appendTo(s, cur, L, t);
      return 1;
    }
  }
  if (!s.parse.markdown && ended && titleLike(s, t, L, false) && followedByBody(s, i, t)) {
    emitHeading(s, L, null, undefined, t, 1);
    return 1;
  }
  emitParagraph(s, L, t, null);
  return 1;
}
