/** Row types of import drafts and their corrections, as stored. */

/** A row of `import_drafts`: a parsed file waiting for its secretariat to correct and publish it. */
export interface ImportDraftTable {
  id: string;
  process_id: string;
  /** open, published or discarded. */
  status: string;
  /** The import target (symbol, title, language, version, kind) as JSON. */
  target: string;
  source_format: string;
  source_name: string | null;
  source_sha256: string;
  source_bytes: number;
  /** The ParseResult as the parser gave it, before corrections, as JSON. */
  parse_result: string;
  /** The corrections of an earlier import of the same file: how many re-applied, which not (JSON). */
  reapplication: string;
  language_version_id: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

/** A row of `import_corrections`: one correction of a draft's parse, in the order it was made. */
export interface ImportCorrectionTable {
  id: string;
  draft_id: string;
  seq: number;
  source_sha256: string;
  /** The correction as JSON (see corrections.ts). */
  correction: string;
  actor: string;
  created_at: string;
  /** The language version the draft became, once published. */
  language_version_id: string | null;
}
