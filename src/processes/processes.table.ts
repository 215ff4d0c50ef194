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
