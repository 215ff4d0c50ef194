/**
 * The matrix's counts shaped as the matrix shows them: one row per kind ('' = any), State, element
 * and voice, with a column per status, instead of a row per status (registry_current_counts,
 * 0022). The matrix now reads at most two rows per cell it draws (the State's own word and the
 * reported), about 2,300 for 193 States and six elements where it read 12,000; the indicator reads
 * the binding statuses' columns of the fragmenting kinds. Filled from the rows of 0022, which it
 * replaces.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

const statuses = ['planned', 'draft', 'adopted', 'in_force', 'amended', 'repealed'] as const;

/** Makes the table, fills it from registry_current_counts, and drops that. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('registry_cell_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('voice', 'text', (c) => c.notNull());
  // Standing measures (latest versions) with that status; a row at 0 everywhere is left and skipped.
  for (const s of statuses) table = table.addColumn(s, 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addPrimaryKeyConstraint('registry_cell_counts_pk', ['kind', 'country', 'element', 'voice'])
    .execute();
  const pivot = statuses.map(
    (s) => sql`sum(case when status = ${s} then measures else 0 end) as ${sql.ref(s)}`,
  );
  await sql`insert into registry_cell_counts (kind, country, element, voice, ${sql.join(
    statuses.map((s) => sql.ref(s)),
  )})
    select kind, country, element, voice, ${sql.join(pivot)}
    from registry_current_counts group by kind, country, element, voice`.execute(db);
  await db.schema.dropTable('registry_current_counts').execute();
}

/** Puts registry_current_counts back, filled from the columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registry_current_counts')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('element', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('voice', 'text', (c) => c.notNull())
    .addColumn('measures', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('registry_current_counts_pk', [
      'kind',
      'country',
      'element',
      'status',
      'voice',
    ])
    .execute();
  await db.schema
    .createIndex('registry_current_counts_status')
    .on('registry_current_counts')
    .columns(['status', 'kind', 'country', 'element', 'voice', 'measures'])
    .execute();
  for (const s of statuses)
    await sql`insert into registry_current_counts (kind, country, element, status, voice, measures)
      select kind, country, element, ${s}, voice, ${sql.ref(s)} from registry_cell_counts
      where ${sql.ref(s)} > 0`.execute(db);
  await db.schema.dropTable('registry_cell_counts').execute();
}
