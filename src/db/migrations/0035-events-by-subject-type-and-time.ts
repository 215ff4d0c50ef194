/**
 * An index on events by subject type and time (then id): a consultation's data package reads the
 * events of a period's submissions oldest first, a page after a cursor at a time; through the
 * index on (subject_type, subject_id) each page gathered and sorted every event of the period's
 * submissions (quadratic in their number), through this one a page reads about a page of rows.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** Creates events_subject_type_at. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('events_subject_type_at')
    .on('events')
    .columns(['subject_type', 'at', 'id'])
    .execute();
}
