/** The SQL of questionnaire rounds and their answers. */
import type { Db } from '../db/database.ts';
import type {
  RegistryAnswerFileTable,
  RegistryAnswerTable,
  RegistryRoundExtensionTable,
  RegistryRoundReminderTable,
  RegistryRoundTable,
} from './registry.table.ts';

/** Adds a round. */
export async function insertRound(db: Db, row: RegistryRoundTable): Promise<void> {
  await db.insertInto('registry_rounds').values(row).execute();
}

/** A round by id. */
export async function findRound(db: Db, id: string): Promise<RegistryRoundTable | undefined> {
  return db.selectFrom('registry_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks a round published, once; false when it already was. */
export async function markPublished(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('registry_rounds')
    .set({ published_at: at })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The answer of a State to a round, if it has one. */
export async function findAnswer(
  db: Db,
  roundId: string,
  country: string,
): Promise<RegistryAnswerTable | undefined> {
  return db
    .selectFrom('registry_answers')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('country', '=', country)
    .executeTakeFirst();
}

/** Writes a State's answer (a new one, or the draft replaced). */
export async function upsertAnswer(db: Db, row: RegistryAnswerTable): Promise<void> {
  await db
    .insertInto('registry_answers')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['round_id', 'country']).doUpdateSet({
        organisation_id: row.organisation_id,
        account_id: row.account_id,
        language: row.language,
        language_marked: row.language_marked,
        answers: row.answers,
        measures: row.measures,
        status: row.status,
        submitted_at: row.submitted_at,
        receipt: row.receipt,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Every answer of a round, by country. */
export async function listAnswers(db: Db, roundId: string): Promise<RegistryAnswerTable[]> {
  return db
    .selectFrom('registry_answers')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('country')
    .execute();
}

/** The requests for more time of a round, by country. */
export async function listExtensions(
  db: Db,
  roundId: string,
): Promise<RegistryRoundExtensionTable[]> {
  return db
    .selectFrom('registry_round_extensions')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('country')
    .execute();
}

/** Records an administration's request for more time (a second request replaces the reason). */
export async function upsertExtensionRequest(
  db: Db,
  row: Pick<
    RegistryRoundExtensionTable,
    'round_id' | 'country' | 'requested_by' | 'requested_at' | 'reason'
  >,
): Promise<void> {
  await db
    .insertInto('registry_round_extensions')
    .values({ ...row, granted_closes_at: null, granted_by: null, granted_at: null })
    .onConflict((oc) =>
      oc.columns(['round_id', 'country']).doUpdateSet({
        requested_by: row.requested_by,
        requested_at: row.requested_at,
        reason: row.reason,
      }),
    )
    .execute();
}

/** Grants an administration a new closing instant; false when it had not asked. */
export async function grantExtension(
  db: Db,
  roundId: string,
  country: string,
  grant: { closesAt: string; by: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('registry_round_extensions')
    .set({ granted_closes_at: grant.closesAt, granted_by: grant.by, granted_at: grant.at })
    .where('round_id', '=', roundId)
    .where('country', '=', country)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Notes the reminders sent to administrations. */
export async function insertReminders(db: Db, rows: RegistryRoundReminderTable[]): Promise<void> {
  if (rows.length) await db.insertInto('registry_round_reminders').values(rows).execute();
}

/** The last reminder of each administration of a round. */
export async function lastReminders(db: Db, roundId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('registry_round_reminders')
    .select(['country'])
    .select((eb) => eb.fn.max('sent_at').as('at'))
    .where('round_id', '=', roundId)
    .groupBy('country')
    .execute();
  return new Map(rows.map((r) => [r.country, String(r.at)]));
}

/** An answer's file without its bytes (what a page lists). */
export type AnswerFileRow = Omit<RegistryAnswerFileTable, 'content'>;

/** The files of some answers, without their bytes, oldest first (then by name). */
export async function listAnswerFiles(db: Db, answerIds: string[]): Promise<AnswerFileRow[]> {
  if (answerIds.length === 0) return [];
  const rows = await db
    .selectFrom('registry_answer_files')
    .select(['id', 'answer_id', 'filename', 'media_type', 'size', 'sha256', 'attached_at'])
    .where('answer_id', 'in', answerIds)
    .execute();
  // Files sent together share an instant: by name then, compared by code point on both engines.
  const key = (f: AnswerFileRow) => `${f.attached_at}\u0000${f.filename}\u0000${f.id}`;
  return rows.toSorted((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Adds files to an answer, one at a time (each holds up to the attachment size limit). */
export async function insertAnswerFiles(db: Db, rows: RegistryAnswerFileTable[]): Promise<void> {
  for (const row of rows) await db.insertInto('registry_answer_files').values(row).execute();
}

/** Removes some files of an answer (ids of another answer are left alone). */
export async function deleteAnswerFiles(db: Db, answerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('registry_answer_files')
    .where('answer_id', '=', answerId)
    .where('id', 'in', ids)
    .execute();
}

/** A file with its bytes, and what decides who may read it: its answer and round. */
export async function findAnswerFile(db: Db, id: string) {
  return db
    .selectFrom('registry_answer_files')
    .innerJoin('registry_answers', 'registry_answers.id', 'registry_answer_files.answer_id')
    .innerJoin('registry_rounds', 'registry_rounds.id', 'registry_answers.round_id')
    .selectAll('registry_answer_files')
    .select([
      'registry_answers.status as answer_status',
      'registry_answers.organisation_id',
      'registry_answers.country',
      'registry_rounds.process_id',
      'registry_rounds.published_at',
    ])
    .where('registry_answer_files.id', '=', id)
    .executeTakeFirst();
}

/** The answer a measure was declared in, with its status and round's publication. */
export async function findMeasureAnswer(db: Db, measureId: string) {
  return db
    .selectFrom('registry_measures')
    .innerJoin('registry_answers', 'registry_answers.id', 'registry_measures.answer_id')
    .innerJoin('registry_rounds', 'registry_rounds.id', 'registry_answers.round_id')
    .select([
      'registry_answers.id',
      'registry_answers.status',
      'registry_rounds.id as round_id',
      'registry_rounds.title as round_title',
      'registry_rounds.published_at',
    ])
    .where('registry_measures.id', '=', measureId)
    .executeTakeFirst();
}

/** The submitted answers of published rounds, newest publication first, of a State when given. */
export async function listRecentPublishedAnswers(
  db: Db,
  filter: { country?: string; limit: number },
) {
  return db
    .selectFrom('registry_answers as a')
    .innerJoin('registry_rounds as r', 'r.id', 'a.round_id')
    .selectAll('a')
    .select(['r.title as round_title', 'r.published_at'])
    .where('r.published_at', 'is not', null)
    .where('a.status', '=', 'submitted')
    .$if(filter.country !== undefined, (q) => q.where('a.country', '=', filter.country!))
    .orderBy('r.published_at', 'desc')
    .orderBy('a.country')
    .limit(filter.limit)
    .execute();
}
