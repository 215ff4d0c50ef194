/**
 * Verified voices and individuals: how an organisation was verified (the kind of proof and its
 * reference), which of its representatives were verified, who may submit in a comment period and
 * whether individuals' names are published, a submission's affiliation, and the one "Anonymous"
 * voice that every anonymous submission names.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import type { Kysely } from 'kysely';

/** The id of the one voice anonymous submissions name (the app's `anonymousVoiceId`). */
const anonymousVoiceId = '00000000-0000-7000-8000-000000000000';

/** Adds the columns and table of verification, period rules and individuals. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('verification_kind', 'text').execute();
  await db.schema.alterTable('organisations').addColumn('verification_reason', 'text').execute();
  // Verified before: the proof was not recorded.
  await db
    .updateTable('organisations')
    .set({
      verification_kind: 'other',
      verification_reason: 'Verified before reasons were recorded.',
    })
    .where('verified_at', 'is not', null)
    .execute();
  await db.schema
    .createTable('representative_verifications')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('representative_verifications_pk', ['organisation_id', 'account_id'])
    .execute();

  await db.schema
    .alterTable('comment_periods')
    .addColumn('submitters', 'text', (c) => c.notNull().defaultTo('organisations'))
    .execute();
  await db.schema
    .alterTable('comment_periods')
    .addColumn('individual_names', 'text', (c) => c.notNull().defaultTo('published'))
    .execute();

  await db.schema.alterTable('submissions').addColumn('affiliation', 'text').execute();
  await db.schema
    .alterTable('submissions')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const taken = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'anonymous')
    .executeTakeFirst();
  await db
    .insertInto('organisations')
    .values({
      id: anonymousVoiceId,
      slug: taken ? 'anonymous-voice' : 'anonymous',
      name: 'Anonymous',
      stakeholder_group: 'individual',
      country: null,
      website: null,
      verified_at: null,
      verified_by: null,
      created_by: null,
      created_at: new Date(0).toISOString(),
    })
    .execute();
}
