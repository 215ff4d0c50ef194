/**
 * The registry read without walking its history: each version of a measure exploded into one row
 * per element and kind (kind '' standing for "any kind") with the span during which it stood
 * (from its recording until the next version's), and the count of standing measures per kind,
 * State, element, status and voice. Both are kept in the transaction that adds a version, so the
 * comparison matrix and the map read a few thousand counted rows instead of every version, and a
 * past date reads the spans through an index.
 *
 * Also what questionnaire rounds need beyond 0021: requests for more time (and the secretariat's
 * new closing instant for that administration), the reminders sent, and the legal texts an answer
 * attaches (documents imported into plenum).
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

interface VersionRow {
  measure_id: string;
  version: number;
  country: string;
  recorded_at: string;
  status: string;
  status_dates: string;
  elements: string;
  kinds: string;
  voice: string;
}

/** Makes the tables and fills them from the versions already stored. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_version_cells')
    .addColumn('measure_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    // A kind of measure of the version, or '' for the row that counts the version once whatever its kinds.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('voice', 'text', (c) => c.notNull())
    // The date it entered into force (YYYY-MM-DD), if it did.
    .addColumn('in_force', 'text')
    // When the version was recorded, and when the next one was (null while it is the latest).
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('until_at', 'text')
    .addPrimaryKeyConstraint('registry_version_cells_pk', [
      'measure_id',
      'version',
      'element',
      'kind',
    ])
    .execute();
  // Current rows: until_at is null; a past instant: until_at after it (or null), from_at before it.
  await db.schema
    .createIndex('registry_version_cells_span')
    .on('registry_version_cells')
    .columns(['kind', 'until_at', 'from_at'])
    .execute();
  await db.schema
    .createTable('registry_current_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('voice', 'text', (c) => c.notNull())
    // Standing measures (latest versions) with these values; rows at 0 are left and skipped.
    .addColumn('measures', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_current_counts_pk', [
      'kind',
      'country',
      'element',
      'status',
      'voice',
    ])
    .execute();
  // The indicator's read: binding statuses × fragmenting kinds, without the other statuses' rows.
  await db.schema
    .createIndex('registry_current_counts_status')
    .on('registry_current_counts')
    .columns(['status', 'kind', 'country', 'element', 'voice', 'measures'])
    .execute();

  await db.schema
    .createTable('registry_round_extensions')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // The secretariat's answer: the new closing instant for this administration (null until granted).
    .addColumn('granted_closes_at', 'text')
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'text')
    .addPrimaryKeyConstraint('registry_round_extensions_pk', ['round_id', 'country'])
    .execute();
  await db.schema
    .createTable('registry_round_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_round_reminders_round')
    .on('registry_round_reminders')
    .columns(['round_id', 'country', 'sent_at'])
    .execute();
  await db.schema
    .createTable('registry_answer_documents')
    .addColumn('answer_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_answer_documents_pk', ['answer_id', 'document_id'])
    .execute();

  // Fill the cells and the counts from what 0021 stored.
  const versions = (await db
    .selectFrom('registry_measure_versions')
    .select([
      'measure_id',
      'version',
      'country',
      'recorded_at',
      'status',
      'status_dates',
      'elements',
      'kinds',
      'voice',
    ])
    .orderBy('measure_id')
    .orderBy('version')
    .execute()) as VersionRow[];
  const counts = new Map<string, number>();
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    const next = versions[i + 1]?.measure_id === v.measure_id ? versions[i + 1] : undefined;
    const elements = JSON.parse(v.elements) as string[];
    const kinds = ['', ...(JSON.parse(v.kinds) as string[])];
    const inForce = (JSON.parse(v.status_dates) as Record<string, string>).in_force ?? null;
    const rows = elements.flatMap((element) =>
      kinds.map((kind) => ({
        measure_id: v.measure_id,
        version: v.version,
        element,
        kind,
        country: v.country,
        status: v.status,
        voice: v.voice,
        in_force: inForce,
        from_at: v.recorded_at,
        until_at: next?.recorded_at ?? null,
      })),
    );
    if (rows.length) await db.insertInto('registry_version_cells').values(rows).execute();
    if (!next)
      for (const r of rows) {
        const key = JSON.stringify([r.kind, r.country, r.element, r.status, r.voice]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
  }
  for (const [key, measures] of counts) {
    const [kind, country, element, status, voice] = JSON.parse(key) as string[];
    await db
      .insertInto('registry_current_counts')
      .values({ kind, country, element, status, voice, measures })
      .execute();
  }
}

/** Drops them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registry_answer_documents').execute();
  await db.schema.dropTable('registry_round_reminders').execute();
  await db.schema.dropTable('registry_round_extensions').execute();
  await db.schema.dropTable('registry_current_counts').execute();
  await db.schema.dropTable('registry_version_cells').execute();
}
