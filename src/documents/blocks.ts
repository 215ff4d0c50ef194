/**
 * The importer's output contract: what a parsed document looks like before it is stored.
 * Pure data; the documents store turns it into rows with stable ids.
 */

/** The kinds of block a language version's content is made of. */
export const blockKinds = ['heading', 'paragraph', 'list_item', 'table', 'footnote'] as const;

/** One kind of block. A numbered paragraph is a `paragraph` with a `number`. */
export type BlockKind = (typeof blockKinds)[number];

/** A footnote marker found in a block's text, linked to its footnote when one was found. */
export interface ParsedFootnoteRef {
  /** The marker as the reader sees it: "12". */
  marker: string;
  /** Offset in the block's `text` (UTF-16 code units) where the marker stood. */
  offset: number;
  /** `key` of the footnote block, or null when no footnote with this marker was found. */
  footnoteKey: string | null;
}

/** One block of a parsed document, in reading order. */
export interface ParsedBlock {
  /** Unique within one parse result ("b1", "b2", …); only used to link blocks to each other. */
  key: string;
  kind: BlockKind;
  /** `key` of the enclosing block: a sub-paragraph's numbered paragraph, a nested list item's item. */
  parentKey: string | null;
  /** The block's own number as printed, without punctuation: "38", "b", "ii", "3.1", "12"; null if unnumbered. */
  number: string | null;
  /**
   * The number label or bullet exactly as written in the input ("38.", "(b)", "II.", "[^3]:", "¹", "-"),
   * when the block had one. Optional; used to account for every input character (see accounting.ts).
   */
  label?: string;
  /** Heading depth 1..6; nesting depth (1 = top) for sub-paragraphs and list items; null otherwise. */
  level: number | null;
  /** The human address: "para 38", "para 38(b)", "para 38(b)(ii)", "fn 12", "§3", "§3 ¶2", "table 1". */
  address: string;
  /** The block's text, joined from wrapped lines, footnote markers taken out (see footnoteRefs). */
  text: string;
  /** Table cells by row; null for other kinds. `text` holds the cells joined for search. */
  rows: string[][] | null;
  footnoteRefs: ParsedFootnoteRef[];
  /**
   * Front matter (a cover: title, organisation, author, date, code) or back matter (a back cover:
   * slogan, web addresses), kept apart from the body; absent for the body.
   */
  matter?: BlockMatter;
  /**
   * How sure the importer is of the block's number (0..1), when the number was decided from the
   * whole document's numbering (see numbering-plan.ts); absent when nothing was in doubt.
   */
  confidence?: number;
}

/** Where a block stands outside the body: on the cover or the back cover. */
export const blockMatters = ['front', 'back'] as const;

/** Front or back matter. */
export type BlockMatter = (typeof blockMatters)[number];

/** Why a piece of input text was not put into a block. */
export type RemovedReason =
  | 'page_header'
  | 'page_footer'
  | 'page_number'
  | 'table_of_contents'
  | 'field_code'
  | 'bookmark'
  | 'replacement_character'
  | 'markup'
  | 'footnote_marker'
  | 'number_label'
  | 'other';

/** A piece of the input that is not in any block, and why. */
export interface RemovedText {
  reason: RemovedReason;
  text: string;
  /** 1-based line of the input where it was found, when known. */
  line: number | null;
}

/** Something the importer could not place or decide with confidence. */
export interface ParseWarning {
  code: string;
  message: string;
  line: number | null;
}

/** The whole result of parsing one language version. */
export interface ParseResult {
  /** The document's title from its front matter (see title.ts), if any; never a symbol, date or generic name. */
  title: string | null;
  blocks: ParsedBlock[];
  removed: RemovedText[];
  warnings: ParseWarning[];
  /**
   * What the file itself says of the document, for formats that carry it (Akoma Ntoso's FRBR
   * metadata): an import takes each as the default of what it was not told.
   */
  source?: SourceMetadata;
}

/** A document's particulars as a structured file states them; null where it does not. */
export interface SourceMetadata {
  symbol: string | null;
  /** The document's title (the language version's title is `ParseResult.title`). */
  title: string | null;
  kind: string | null;
  versionLabel: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** BCP 47 tag. */
  language: string | null;
}

/** The input formats the importer reads. */
export const importFormats = ['text', 'markdown', 'docx', 'pdf', 'akn'] as const;

/** One input format. */
export type ImportFormat = (typeof importFormats)[number];

/**
 * The headings of a text by their address (`§2` → "Introduction"), so that an address can be
 * written in words: "Introduction, paragraph 2" (localAddress in src/web/i18n.ts).
 */
export function sectionHeadings(
  blocks: readonly { kind: string; address: string; text: string }[],
): Map<string, string> {
  return new Map(blocks.filter((b) => b.kind === 'heading').map((b) => [b.address, b.text]));
}
