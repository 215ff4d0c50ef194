/** The state of the reading-order pass (pass 4): the blocks begun so far and what the next line is read against. */
import type { ParsedBlock } from '../../documents/blocks.ts';
import type { Layout, Line } from './lines.ts';
import type { NumberingPlan } from './numbering-plan.ts';
import type { ParseState } from './parse-state.ts';

/** A block under construction: its text is still a list of line parts. */
export interface Draft {
  block: ParsedBlock;
  parts: string[];
  lastLine: Line | null;
  /** The line the block started on. */
  firstLine: Line | null;
  closed: boolean;
  body: boolean;
}

/** An open level of a (possibly nested) list. */
export interface ListLevel {
  indent: number;
  block: ParsedBlock;
  count: number;
}

/** Everything the reading-order pass knows about the document read so far. */
export interface ReadingState {
  parse: ParseState;
  lines: Line[];
  layout: Layout;
  /** Titles listed in tables of contents (normalised), to recognise headings. */
  tocTitles: Set<string>;
  /** The roles of the numbers at line starts, decided from the whole document (numbering-plan.ts). */
  plan: NumberingPlan;
  drafts: Draft[];
  /** Blocks made so far, for their keys. */
  blockCount: number;
  /** The block the last line went to. */
  cur: Draft | null;
  /** The last body block (paragraph, sub-paragraph, list item) a line went to. */
  lastBody: Draft | null;
  /** A footnote, a page number or a removed line came since the last body line. */
  breakSinceBody: boolean;
  blankBefore: boolean;
  nextPara: number;
  lastParaNum: number;
  /** Annex headings read so far, and how many had been read at the last numbered paragraph. */
  annexes: number;
  annexesAtLastPara: number;
  /** Before paragraph addresses once the numbering restarted in an annex: "annex ", "annex 2 ". */
  paraPrefix: string;
  annexRestarts: number;
  lastFnDef: number;
  /** Footnotes whose number stood alone on its line, waiting for their text. */
  pendingFn: Draft[];
  /** Footnote numbers referenced by the lines read so far. */
  refsSeen: Set<number>;
  headingCount: number;
  sectionPart: string | null;
  unnumberedInSection: number;
  /** The paragraph that sub-paragraphs and list items belong to. */
  paraContext: ParsedBlock | null;
  lastLetterSub: ParsedBlock | null;
  lastRoman: ParsedBlock | null;
  listStack: ListLevel[];
  /** List items counted per base address. */
  listCount: Map<string, number>;
  tableCount: number;
  romanSeen: boolean;
  lastLetterHead: string | null;
  /** Number of the current level-1 heading, for the addresses of level-2 headings like `（二）`. */
  level1Number: string | null;
  /** Lines with a Markdown `#` heading, and the heading blocks they made (for the title). */
  mdHeadingLines: Set<Line>;
  mdHeadings: Set<ParsedBlock>;
}

/** The state before the first line is read. */
export function createReadingState(
  parse: ParseState,
  lines: Line[],
  layout: Layout,
  tocTitles: Set<string>,
  plan: NumberingPlan,
): ReadingState {
  return {
    parse,
    lines,
    layout,
    tocTitles,
    plan,
    drafts: [],
    blockCount: 0,
    cur: null,
    lastBody: null,
    breakSinceBody: false,
    blankBefore: true,
    nextPara: 1,
    lastParaNum: 0,
    annexes: 0,
    annexesAtLastPara: 0,
    paraPrefix: '',
    annexRestarts: 0,
    lastFnDef: 0,
    pendingFn: [],
    refsSeen: new Set<number>(),
    headingCount: 0,
    sectionPart: null,
    unnumberedInSection: 0,
    paraContext: null,
    lastLetterSub: null,
    lastRoman: null,
    listStack: [],
    listCount: new Map<string, number>(),
    tableCount: 0,
    romanSeen: false,
    lastLetterHead: null,
    level1Number: null,
    mdHeadingLines: new Set<Line>(),
    mdHeadings: new Set<ParsedBlock>(),
  };
}
