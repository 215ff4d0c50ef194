/** The SQL of questionnaire rounds and their answers. */
import type { Db } from '../db/database.ts';
import type { RegistryAnswerTable, RegistryRoundTable } from './registry.table.ts';

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
