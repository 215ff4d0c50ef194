/**
 * The legal texts an administration attaches to its answer in a questionnaire round, as files
 * (PDF, DOCX, ODT, plain text or HTML, checked by their bytes as submissions' attachments are),
 * and on each measure a round published, the answer it came from, so that the measure's page
 * lists the legal texts behind it. Measures already published from answers are linked here from
 * their recording events (the round) and the answers (round and State). An index on the
 * versions' recording instant serves the registry's Atom feed (newest versions first).
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Adds the answers' files and the measures' answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_answer_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('answer_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', sql`bytea`, (c) => c.notNull())
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_answer_files_answer')
    .on('registry_answer_files')
    .columns(['answer_id', 'attached_at'])
    .execute();
  // The registry's Atom feed reads the newest versions first.
  await db.schema
    .createIndex('registry_measure_versions_recorded')
    .on('registry_measure_versions')
    .columns(['recorded_at', 'measure_id', 'version'])
    .execute();
  // The answer a measure was declared in (null for a measure recorded directly).
  await db.schema.alterTable('registry_measures').addColumn('answer_id', 'text').execute();

  const recorded = await db
    .selectFrom('events')
    .select(['subject_id', 'data'])
    .where('action', '=', 'registry.measure_recorded')
    .execute();
  for (const event of recorded as { subject_id: string; data: string }[]) {
    const data = JSON.parse(event.data) as { roundId?: string; country?: string };
    if (!data.roundId || !data.country) continue;
    const answer = (await db
      .selectFrom('registry_answers')
      .select('id')
      .where('round_id', '=', data.roundId)
      .where('country', '=', data.country)
      .executeTakeFirst()) as { id: string } | undefined;
    if (answer)
      await db
        .updateTable('registry_measures')
        .set({ answer_id: answer.id })
        .where('id', '=', event.subject_id)
        .execute();
  }
}
