/**
 * SQL for the mail outbox: writing a message in the caller's transaction, claiming due ones for
 * one sender (FOR UPDATE SKIP LOCKED on PostgreSQL, the one writer on SQLite), and moving each on.
 */
import { PostgresAdapter, type Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { MailOutboxTable } from './mail.table.ts';
import { newId } from '../db/ids.ts';
import { shapedList } from '../db/statement-shapes.ts';

/** A message to send: who to, in which language, what, and the key of what caused it. */
export interface NewMail {
  /** Unique per cause ("verify:<link>", "published:<submission>:<account>"): written once. */
  idempotencyKey: string;
  kind: string;
  recipient: string;
  accountId: string | null;
  language: string;
  subject: string;
  /** Links relative to the site, as `{site}/path`: the sender completes them. */
  text: string;
  html: string;
}

/** A message in the outbox, as the sender and the operator page read it. */
export interface OutboxMessage extends NewMail {
  id: string;
  state: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

/** The marker links carry in the outbox, replaced by the site's address when sent. */
export const siteMarker = '{site}';

/**
 * Writes a message in the caller's transaction, unless one with the same idempotency key exists;
 * true when it was written.
 */
export async function enqueueMail(db: Db, mail: NewMail, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .insertInto('mail_outbox')
    .values({
      id: newId(),
      idempotency_key: mail.idempotencyKey,
      kind: mail.kind,
      recipient: mail.recipient,
      account_id: mail.accountId,
      language: mail.language,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      created_at: at,
      state: 'pending',
      next_attempt_at: at,
      claimed_until: null,
      last_error: null,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A row as the outbox's queries read it (every column but the claim's end). */
type Row = Omit<Selectable<MailOutboxTable>, 'claimed_until'>;

function toMessage(r: Row): OutboxMessage {
  return {
    id: r.id,
    idempotencyKey: r.idempotency_key,
    kind: r.kind,
    recipient: r.recipient,
    accountId: r.account_id,
    language: r.language,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    state: r.state as OutboxMessage['state'],
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
  };
}

/**
 * Claims up to `limit` messages due at `now` for this sender, in the caller's write transaction:
 * pending ones whose time has come, and claimed ones whose claim lapsed (their sender stopped).
 * Each is marked sending until `claimedUntil`, its attempt counted; no other sender takes it.
 */
export async function claimDueMail(
  db: Db,
  claim: { now: string; claimedUntil: string; limit: number },
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('mail_outbox')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', claim.now)]),
        eb.and([eb('state', '=', 'sending'), eb('claimed_until', '<', claim.now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(claim.limit);
  if (db.getExecutor().adapter instanceof PostgresAdapter) query = query.forUpdate().skipLocked();
  const rows = await query.execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      state: 'sending',
      claimed_until: claim.claimedUntil,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', shapedList(rows.map((r) => r.id)))
    .execute();
  return rows.map((r) => ({ ...toMessage(r), state: 'sending', attempts: Number(r.attempts) + 1 }));
}

/**
 * Marks a claimed message sent; a message that carried a one-time link keeps no copy of it.
 * False when the claim was no longer ours (it lapsed and another sender took it).
 */
export async function markMailSent(
  db: Db,
  id: string,
  sent: { at: string; forget: boolean; note: string },
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({
      state: 'sent',
      sent_at: sent.at,
      claimed_until: null,
      last_error: null,
      ...(sent.forget ? { text_body: sent.note, html_body: sent.note } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A claimed message that could not be sent: due again at `retryAt`, or given up (failed). */
export async function markMailNotSent(
  db: Db,
  id: string,
  outcome: { error: string; retryAt: string | null },
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      state: outcome.retryAt === null ? 'failed' : 'pending',
      next_attempt_at: outcome.retryAt ?? undefined,
      claimed_until: null,
      last_error: outcome.error.slice(0, 1000),
    })
    .where('id', '=', id)
    .where('state', '=', 'sending')
    .execute();
}

/** Puts a failed message back in the queue (the operator asks for it once the cause is fixed). */
export async function retryFailedMail(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ state: 'pending', next_attempt_at: now, attempts: 0 })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many messages are in each state. */
export async function countMailByState(db: Db): Promise<Record<OutboxMessage['state'], number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
    .groupBy('state')
    .execute();
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.state as keyof typeof counts] = Number(r.n);
  return counts;
}

/** Messages in one state, newest first (the operator page: failed ones; development: all). */
export async function listMail(
  db: Db,
  filter: { states: OutboxMessage['state'][]; limit: number },
): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('state', 'in', filter.states)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toMessage);
}
