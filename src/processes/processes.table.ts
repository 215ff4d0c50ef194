/** Row types of the processes feature, as stored. */

/** A row of `processes`. */
export interface ProcessTable {
  id: string;
  slug: string;
  name: string;
  short_name: string | null;
  parent_body: string;
  mandate: string;
  status: string;
  established: string | null;
  created_at: string;
}

/** A row of `process_aliases`: another name a process is known by (OECE for the Ad Hoc Committee). */
export interface ProcessAliasTable {
  process_id: string;
  alias: string;
  /** The alias folded for lookup (lower case, no accents, single spaces). */
  alias_key: string;
}

/**
 * A row of `content_translations`: the secretariat's translation of one field of a process, a
 * comment period or a version into one language (the original stays in the subject's own row).
 */
export interface ContentTranslationTable {
  /** 'process', 'period' or 'version'. */
  subject_type: string;
  subject_id: string;
  /** 'name', 'mandate', 'title' or 'label'. */
  field: string;
  language: string;
  text: string;
  /** The process the subject belongs to: whose secretariat may change it. */
  process_id: string;
  updated_by: string;
  updated_at: string;
}
