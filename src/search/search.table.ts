/** Row types of the search index, as stored. */
import type { Generated } from 'kysely';

/** A row of `search_items`: one findable passage (paragraph, footnote or published submission). */
export interface SearchItemTable {
  /** Small number of the passage, made by the database; postings refer to it. */
  seq: Generated<number>;
  /** The block or submission the passage is. */
  source_id: string;
  /** 'paragraph', 'footnote' or 'submission'. */
  kind: string;
  /** Days since 1970-01-01 of `date`. */
  day: number;
  /** YYYY-MM-DD: the version's date (else its import), or the day a submission was published. */
  date: string;
  language: string;
  process_id: string;
  document_id: string | null;
  version_id: string | null;
  symbol: string | null;
  /** The document's title, or the submission's (else its organisation's name). */
  title: string;
  /** "para 38", "fn 12"; null for a submission. */
  address: string | null;
  /** Where the passage is read: a document page with its fragment, or a submission page. */
  href: string;
  organisation_id: string | null;
  organisation_name: string | null;
  stakeholder_group: string | null;
  country: string | null;
  text: string;
  /** The text folded as search compares it, for the phrase check. */
  folded: string;
}

/** A row of `search_postings`: a passage indexed under a term, sorted by its day. */
export interface SearchPostingTable {
  term: string;
  day: number;
  item: number;
  /** The passage's language (as in search_items), for the language filter. */
  lang: string;
  /**
   * The term-frequency part of the passage's BM25 score for this term, times 1,000 (an integer,
   * so both engines add it up the same): see termWeight in search.service.ts.
   */
  weight: number;
}

/** A row of `search_terms`: how many passages a term is in; the empty term counts them all. */
export interface SearchTermTable {
  term: string;
  passages: number;
}
