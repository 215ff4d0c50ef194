/** The registry's tables, as Kysely sees them (migration 0021-registry). */

/** A row of `registry_terms`: an administrator's edit (or addition) of an element or a kind of measure. */
export interface RegistryTermTable {
  slug: string;
  /** 'element' or 'kind'. */
  type: string;
  position: number;
  concept_slug: string | null;
  /** JSON: the name and definition in each of the six UN languages. */
  texts: string;
  updated_by: string;
  updated_at: string;
}

/** A row of `registry_measures`: a national measure's identity; its content is in its versions. */
export interface RegistryMeasureTable {
  id: string;
  country: string;
  latest_version: number;
  created_by: string;
  created_at: string;
}

/** A row of `registry_measure_versions`: one version of a measure, never changed once written. */
export interface RegistryMeasureVersionTable {
  measure_id: string;
  version: number;
  country: string;
  recorded_at: string;
  recorded_by: string;
  title: string;
  title_language: string;
  title_translations: string;
  instrument: string;
  status: string;
  status_dates: string;
  elements: string;
  kinds: string;
  reach: string;
  source_document_id: string | null;
  source_blocks: string;
  voice: string;
  organisation_id: string | null;
  note: string | null;
}

/** A row of `registry_rounds`: a questionnaire round a process's secretariat opens. */
export interface RegistryRoundTable {
  id: string;
  process_id: string;
  title: string;
  questions: string;
  invited: string;
  opens_at: string;
  closes_at: string;
  time_zone: string;
  published_at: string | null;
  created_by: string;
  created_at: string;
}

/** A row of `registry_answers`: one administration's answer to a round, a draft until submitted. */
export interface RegistryAnswerTable {
  id: string;
  round_id: string;
  country: string;
  organisation_id: string;
  account_id: string;
  language: string;
  language_marked: number;
  answers: string;
  measures: string;
  status: string;
  submitted_at: string | null;
  receipt: string | null;
  updated_at: string;
}
