/** What an evaluated document truly holds: the blocks the importer should find (see score.ts). */

/** A true block: a heading, a paragraph of sentences (each perhaps followed by a marker), a footnote. */
export type TrueBlock =
  | { kind: 'heading'; number: string | null; title: string; level: number }
  | {
      kind: 'paragraph';
      number: number | null;
      /** The sentences of the paragraph, each with the footnote marker that follows it, if any. */
      sentences: { text: string; marker: number | null }[];
    }
  | { kind: 'footnote'; number: number; text: string };

/** The truth of one document: its blocks, front and back matter, and its language. */
export interface Truth {
  language: string;
  blocks: TrueBlock[];
  cover: string[];
  backCover: string[];
}
