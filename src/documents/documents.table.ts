/** Row types of the documents feature, as stored. */

/** A row of `documents`. */
export interface DocumentTable {
  id: string;
  process_id: string;
  symbol: string | null;
  title: string;
  kind: string;
  created_at: string;
}

/** A row of `versions`: one state of a document (pre-draft, Rev.1, …), ordered by `seq`. */
export interface VersionTable {
  id: string;
  document_id: string;
  seq: number;
  label: string;
  date: string | null;
  created_at: string;
  /** 1 when anyone may read it; 0 while the secretariat prepares it. */
  public: number;
}

/** A row of `language_versions`: a version in one language, with its import report. */
export interface LanguageVersionTable {
  id: string;
  version_id: string;
  language: string;
  title: string | null;
  source_format: string;
  source_name: string | null;
  source_sha256: string;
  source_bytes: number;
  import_report: string;
  imported_at: string;
}

/** A row of `blocks`: one heading, paragraph, list item, table or footnote of a language version. */
export interface BlockTable {
  id: string;
  language_version_id: string;
  seq: number;
  parent_id: string | null;
  kind: string;
  number: string | null;
  /** The number as printed: "38.", "(b)", "II." */
  label: string | null;
  level: number | null;
  address: string;
  text: string;
  rows: string | null;
  /** 'front' or 'back' for a block of the cover or back cover; null for the body. */
  matter: string | null;
}

/** A row of `footnote_refs`: a footnote marker inside a block, linked to its footnote block. */
export interface FootnoteRefTable {
  id: string;
  block_id: string;
  footnote_id: string | null;
  marker: string;
  offset: number;
  seq: number;
}
