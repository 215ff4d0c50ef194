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
  /** The answer of a published round the measure was declared in (0036); null when recorded directly. */
  answer_id: string | null;
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

/** A row of `registry_version_cells` (0022): a version on one element and kind ('' = any), with the span it stood. */
export interface RegistryVersionCellTable {
  measure_id: string;
  version: number;
  element: string;
  kind: string;
  country: string;
  status: string;
  voice: string;
  in_force: string | null;
  from_at: string;
  until_at: string | null;
}

/** A row of `registry_cell_counts` (0031): standing measures per kind ('' = any), State, element and voice, a column per status. */
export interface RegistryCellCountTable {
  kind: string;
  country: string;
  element: string;
  voice: string;
  planned: number;
  draft: number;
  adopted: number;
  in_force: number;
  amended: number;
  repealed: number;
}

/** A row of `registry_round_extensions` (0022): an administration's request for more time, and the grant. */
export interface RegistryRoundExtensionTable {
  round_id: string;
  country: string;
  requested_by: string;
  requested_at: string;
  reason: string;
  granted_closes_at: string | null;
  granted_by: string | null;
  granted_at: string | null;
}

/** A row of `registry_round_reminders` (0022): a reminder to an administration that had not answered (the mail follower writes the messages). */
export interface RegistryRoundReminderTable {
  id: string;
  round_id: string;
  country: string;
  sent_by: string;
  sent_at: string;
}

/** A row of `registry_answer_documents` (0022): a legal text (an imported document) attached to an answer. */
export interface RegistryAnswerDocumentTable {
  answer_id: string;
  document_id: string;
  attached_at: string;
}

/** A row of `registry_answer_files` (0036): a legal text attached to an answer as a file, checked by its bytes. */
export interface RegistryAnswerFileTable {
  id: string;
  answer_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  attached_at: string;
}
