/** Row types of concepts, as stored. */

/** A row of `concepts`: one entry of the taxonomy. */
export interface ConceptTable {
  id: string;
  slug: string;
  parent_id: string | null;
  /** JSON object of the name in each UN language. */
  names: string;
  created_at: string;
  updated_at: string;
}

/** A row of `concept_terms`: one way a passage in one language mentions a concept. */
export interface ConceptTermTable {
  id: string;
  concept_id: string;
  language: string;
  term: string;
  created_by: string | null;
  created_at: string;
}

/** A row of `concept_tags`: this passage mentions this concept. */
export interface ConceptTagTable {
  concept_id: string;
  source_id: string;
  kind: string;
  process_id: string;
  at: string;
}
