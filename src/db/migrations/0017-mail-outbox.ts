/**
 * E-mail that works: the outbox (a message is written in the transaction that causes it and sent
 * once after it commits), the one-time links of accounts (address verification, password reset:
 * only their SHA-256 is kept), each account's language and whether its address is verified, and
 * the period notices already issued. The mail follower starts at the log's end, so an existing
 * installation does not mail what happened before; the accounts that exist count as verified.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { sql, type Kysely } from 'kysely';

/** Creates the outbox, the links and the notices; adds language and verification to accounts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What caused it, once: a second message with the same key is not written.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // pending → sending (claimed until claimed_until) → sent | failed (given up, for the operator).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['state', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('account_links')
    // The SHA-256 of the link's secret: a leaked table opens nothing.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    // 'verify' (the e-mail address) or 'reset' (the password).
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('account_links_by_account')
    .on('account_links')
    .columns(['account_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('mail_period_notices')
    .addColumn('period_id', 'text', (c) => c.notNull())
    // 'opening' or 'closing'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_period_notices_pk', ['period_id', 'kind'])
    .execute();

  await db.schema
    .alterTable('accounts')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema.alterTable('accounts').addColumn('email_verified_at', 'text').execute();
  // Accounts made before verification existed were trusted as they are.
  await db
    .updateTable('accounts')
    .set({ email_verified_at: sql`created_at` })
    .execute();

  const at = new Date().toISOString();
  // Periods already open, or already closing within two days, were announced by other means.
  const soon = new Date(Date.parse(at) + 48 * 3_600_000).toISOString();
  const periods = await db
    .selectFrom('comment_periods')
    .select(['id', 'opens_at', 'closes_at'])
    .execute();
  for (const p of periods as { id: string; opens_at: string; closes_at: string }[]) {
    if (p.opens_at <= at)
      await db
        .insertInto('mail_period_notices')
        .values({ period_id: p.id, kind: 'opening', issued_at: at })
        .execute();
    if (p.closes_at <= soon)
      await db
        .insertInto('mail_period_notices')
        .values({ period_id: p.id, kind: 'closing', issued_at: at })
        .execute();
  }

  // The mail follower starts after everything logged so far.
  const last = (
    await sql<{ txid: string; seq: string | number }>`
      select cast(txid as text) as txid, seq from events order by txid desc, seq desc limit 1`.execute(
      db,
    )
  ).rows[0];
  await db
    .insertInto('follower_cursors')
    .values({
      follower: 'mail',
      txid: last?.txid ?? '0',
      seq: Number(last?.seq ?? 0),
      updated_at: at,
    })
    .execute();
}
