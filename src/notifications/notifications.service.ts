/**
 * What people are told by e-mail, and when: each reaction turns an event (or a period's clock)
 * into messages in the outbox, in the transaction that handles it. Only an address verified
 * receives notices; the verification and password reset messages go to the address as given.
 */
import type { Kysely } from 'kysely';
import {
  findMailRecipient,
  issueAccountLink,
  listRepresentatives,
} from '../accounts/accounts.service.ts';
import { findPeriodById } from '../consultations/consultations.service.ts';
import { inWriteTransaction, type Database, type Db, type Engine } from '../db/database.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { PlenumError } from '../errors.ts';
import {
  countMailByState,
  enqueueMail,
  listMail,
  retryFailedMail,
  type OutboxMessage,
} from '../mail/mail.store.ts';
import { checkCanSeeOutbox } from './notifications.policy.ts';
import { findProcessById } from '../processes/processes.service.ts';
import {
  getOrganisationsOfCountry,
  isVerifiedRepresentative,
} from '../organisations/organisations.service.ts';
import {
  findSubmissionAuthorId,
  findSubmissionForNotice,
} from '../submissions/submissions.service.ts';
import { fill } from '../web/i18n.ts';
import { findDigestsDue, takeDigest, type DueDigest } from '../watches/watches.service.ts';
import type { WatchHit } from '../watches/watches.schema.ts';
import { composeMail, uiOf, type MailItem, type Recipient } from './mail-messages.ts';
import {
  insertPeriodNotice,
  listPeriodsDueNotice,
  listProcessFollowers,
} from './notifications.store.ts';

/** How long before a period closes its followers are told (ms). */
export const closingNoticeMs = 48 * 3_600_000;

/** Writes the message with a verification link, unless the address is verified already. */
export async function mailVerificationLink(db: Db, event: LoggedEvent, now: Date): Promise<void> {
  const account = await findMailRecipient(db, event.subjectId);
  if (!account || account.emailVerifiedAt !== null) return;
  const secret = await issueAccountLink(db, { accountId: account.id, purpose: 'verify', now });
  const m = uiOf(account).m.mail;
  await enqueueMail(
    db,
    composeMail(account, {
      kind: 'verify_address',
      key: `verify_address:${event.id}`,
      subject: m.verifySubject,
      lines: [m.verifyBody],
      link: { path: `/verify-email?token=${secret}`, label: m.verifySubject },
      footer: m.verifyIgnore,
    }),
    now,
  );
}

/** Writes the message with a password reset link (an hour, once). */
export async function mailResetLink(db: Db, event: LoggedEvent, now: Date): Promise<void> {
  const account = await findMailRecipient(db, event.subjectId);
  if (!account) return;
  const secret = await issueAccountLink(db, { accountId: account.id, purpose: 'reset', now });
  const m = uiOf(account).m.mail;
  await enqueueMail(
    db,
    composeMail(account, {
      kind: 'password_reset',
      key: `password_reset:${event.id}`,
      subject: m.resetSubject,
      lines: [m.resetBody],
      link: { path: `/reset-password?token=${secret}`, label: m.resetSubject },
      footer: m.resetIgnore,
    }),
    now,
  );
}

/** The account behind an id when its address is verified (only those receive notices). */
async function verifiedRecipient(db: Db, accountId: string): Promise<Recipient | undefined> {
  const account = await findMailRecipient(db, accountId);
  return account && account.emailVerifiedAt !== null ? account : undefined;
}

/**
 * Tells what happened to a submission: its co-signers' representatives that they are asked, its
 * author that a co-signer answered, or that a moderator (or the last co-signer) published it or
 * a moderator rejected it, with the reason. A publication by the author's own hand (a period
 * without review) is not told: the receipt said it.
 */
export async function mailSubmissionNotice(db: Db, event: LoggedEvent, now: Date): Promise<void> {
  // Most publications are the author's own, at once (deadline night): settled from the event
  // itself, which names the author since the receipt events carry it (older ones: one read).
  if (event.action === 'submission.published') {
    const { authorId } = event.data;
    const author =
      typeof authorId === 'string' ? authorId : await findSubmissionAuthorId(db, event.subjectId);
    if (event.actor === author) return;
  }
  const submission = await findSubmissionForNotice(db, event.subjectId);
  if (!submission) return;
  const period = await findPeriodById(db, submission.periodId, now);
  const title = period?.title ?? '';
  const path = `/submissions/${submission.id}`;
  const send = async (to: Recipient, kind: string, subject: string, lines: string[]) => {
    const m = uiOf(to).m.mail;
    await enqueueMail(
      db,
      composeMail(to, {
        kind,
        key: `${kind}:${event.id}:${to.id}`,
        subject,
        lines,
        link: { path, label: m.open },
        footer: m.why,
      }),
      now,
    );
  };
  if (event.action === 'submission.received') {
    for (const cosigner of submission.cosigners.filter((c) => c.state === 'invited')) {
      for (const to of await listRepresentatives(db, cosigner.organisation.id)) {
        if (to.emailVerifiedAt === null) continue;
        const m = uiOf(to).m.mail;
        const names = {
          organisation: submission.organisation.name,
          cosigner: cosigner.organisation.name,
          period: title,
        };
        await send(to, 'cosign_requested', fill(m.cosignSubject, names), [
          fill(m.cosignBody, names),
        ]);
      }
    }
    return;
  }
  const author = await verifiedRecipient(db, submission.authorId);
  if (!author) return;
  const ui = uiOf(author);
  const m = ui.m.mail;
  if (event.action === 'submission.cosigned' || event.action === 'submission.cosign_declined') {
    const names = {
      cosigner:
        submission.cosigners.find((c) => c.organisation.id === event.data.organisationId)
          ?.organisation.name ?? '',
      period: title,
    };
    const confirmed = event.action === 'submission.cosigned';
    await send(
      author,
      confirmed ? 'cosign_confirmed' : 'cosign_declined',
      fill(confirmed ? m.cosignedSubject : m.declinedSubject, names),
      [fill(confirmed ? m.cosignedBody : m.declinedBody, names)],
    );
  } else if (event.action === 'submission.published') {
    await send(author, 'submission_published', fill(m.publishedSubject, { period: title }), [
      fill(m.publishedBody, { period: title }),
    ]);
  } else if (event.action === 'submission.rejected') {
    const code = String(event.data.reason ?? '');
    const reasons = ui.m.submissions.reasons as Record<string, string>;
    const note = typeof event.data.note === 'string' && event.data.note ? event.data.note : '';
    await send(author, 'submission_rejected', fill(m.rejectedSubject, { period: title }), [
      fill(m.rejectedBody, { period: title, reason: reasons[code] ?? code }),
      ...(note ? [fill(m.rejectedNote, { note })] : []),
    ]);
  }
}

/**
 * Writes the notices that fall due with time: a period that has opened, and one that closes
 * within 48 hours, to the verified accounts that follow its process; each period's notice once,
 * whichever process writes it first. Returns how many messages were written.
 */
export async function issuePeriodNotices(
  db: Kysely<Database>,
  engine: Engine,
  now: Date,
): Promise<number> {
  let written = 0;
  const at = now.toISOString();
  const soon = new Date(now.getTime() + closingNoticeMs).toISOString();
  for (const kind of ['opening', 'closing'] as const) {
    for (const period of await listPeriodsDueNotice(db, { kind, now: at, soon })) {
      written += await inWriteTransaction(db, engine, async (trx) => {
        if (!(await insertPeriodNotice(trx, { periodId: period.id, kind, at }))) return 0;
        const process = await findProcessById(trx, period.processId);
        const followers = await listProcessFollowers(trx, period.processId);
        for (const to of followers) {
          const ui = uiOf(to);
          const names = {
            period: period.title,
            process: process?.shortName ?? process?.name ?? '',
            closes: ui.instant(period.closesAt, period.timeZone),
          };
          await enqueueMail(
            trx,
            composeMail(to, {
              kind: `period_${kind}`,
              key: `period_${kind}:${period.id}:${to.id}`,
              subject: fill(
                kind === 'opening' ? ui.m.mail.openingSubject : ui.m.mail.closingSubject,
                names,
              ),
              lines: [
                fill(kind === 'opening' ? ui.m.mail.openingBody : ui.m.mail.closingBody, names),
              ],
              link: { path: `/consultations/${period.id}`, label: ui.m.mail.open },
              footer: ui.m.mail.why,
            }),
            now,
          );
        }
        return followers.length;
      });
    }
  }
  return written;
}

/** A digest's entry for a passage: where it is (organisation, or symbol and paragraph), when. */
function digestItem(hit: WatchHit): MailItem {
  const where =
    hit.kind === 'submission'
      ? (hit.organisationName ?? hit.title)
      : [hit.symbol, hit.address].filter(Boolean).join(', ');
  const excerpt = hit.text.length > 300 ? `${hit.text.slice(0, 300)}…` : hit.text;
  return {
    heading: `${where || hit.title} (${hit.date})`,
    excerpt: excerpt.replace(/\s+/g, ' '),
    path: hit.href,
  };
}

/** Writes one watch's digest, if no other process took it and it has matches; true when written. */
async function writeDigest(db: Db, watch: DueDigest, now: Date): Promise<boolean> {
  const mark = now.toISOString();
  const hits = await takeDigest(db, watch, mark);
  if (!hits?.length) return false;
  const to = {
    id: watch.accountId,
    email: watch.email,
    name: watch.ownerName,
    language: watch.language,
  };
  const ui = uiOf(to);
  return enqueueMail(
    db,
    composeMail(to, {
      kind: 'watch_digest',
      key: `watch_digest:${watch.id}:${mark}`,
      subject: ui.plural(ui.m.mail.digestSubject, hits.length, { watch: watch.name }),
      lines: [fill(ui.m.mail.digestIntro, { watch: watch.name })],
      items: hits.map(digestItem),
      footer: ui.m.mail.digestWhy,
    }),
    now,
  );
}

/**
 * Writes the e-mail digests of watches that are due (at most one per watch and `intervalMs`):
 * the message in the owner's language, in the transaction that moves the watch's digest mark, so
 * a match is told once, and a digest whichever process takes it first. Returns how many were written.
 */
export async function issueWatchDigests(
  db: Kysely<Database>,
  engine: Engine,
  now: Date,
  intervalMs: number,
): Promise<number> {
  const before = new Date(now.getTime() - intervalMs).toISOString();
  let written = 0;
  for (const watch of await findDigestsDue(db, before))
    if (await inWriteTransaction(db, engine, (trx) => writeDigest(trx, watch, now))) written += 1;
  return written;
}

/** How e-mail leaves this installation. */
export type MailMode = 'smtp' | 'development' | 'none';

/** The outbox as the operator sees it: how mail leaves, counts by state, what was given up. */
export interface OutboxStatus {
  mode: MailMode;
  counts: Record<OutboxMessage['state'], number>;
  failed: OutboxMessage[];
}

/** The outbox's status (for the operator at the console: no viewer to check). */
export async function outboxStatus(db: Db, mode: MailMode): Promise<OutboxStatus> {
  return {
    mode,
    counts: await countMailByState(db),
    failed: await listMail(db, { states: ['failed'], limit: 100 }),
  };
}

/** The outbox's status for the operator page: administrators only. */
export async function getOutboxStatus(
  db: Db,
  viewer: Viewer | null,
  mode: MailMode,
): Promise<OutboxStatus> {
  checkCanSeeOutbox(viewer);
  return outboxStatus(db, mode);
}

/** Puts a message that was given up back in the queue: administrators only. */
export async function retryMessage(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now: Date,
): Promise<void> {
  checkCanSeeOutbox(viewer);
  if (!(await retryFailedMail(db, id, now.toISOString()))) throw new PlenumError('NOT_FOUND');
}

/** The newest messages, for the development mailbox (only when mail is in development mode). */
export async function getDevelopmentMailbox(db: Db, mode: MailMode): Promise<OutboxMessage[]> {
  if (mode !== 'development') throw new PlenumError('NOT_FOUND');
  return listMail(db, { states: ['pending', 'sending', 'sent', 'failed'], limit: 50 });
}

/**
 * A round's reminder (event registry.round_reminded): to each verified representative of the
 * verified government of each State reminded, with a verified address, in their language.
 */
export async function mailRoundReminder(db: Db, event: LoggedEvent, now: Date): Promise<void> {
  const title = String(event.data.title ?? '');
  const timeZone = String(event.data.timeZone ?? 'UTC');
  const due = (event.data.due ?? []) as { country: string; closesAt: string }[];
  for (const { country, closesAt } of due) {
    const governments = (await getOrganisationsOfCountry(db, country)).filter(
      (o) => o.stakeholderGroup === 'government' && o.verified,
    );
    for (const government of governments)
      for (const account of await listRepresentatives(db, government.id)) {
        if (!(await isVerifiedRepresentative(db, government.id, account.id))) continue;
        const to = await verifiedRecipient(db, account.id);
        if (!to) continue;
        const ui = uiOf(to);
        const m = ui.m.registry.views.rounds;
        await enqueueMail(
          db,
          composeMail(to, {
            kind: 'round_reminder',
            key: `round_reminder:${event.id}:${to.id}`,
            subject: fill(m.reminderSubject, { round: title }),
            lines: [fill(m.reminderBody, { round: title, closes: ui.instant(closesAt, timeZone) })],
            link: { path: `/registry/rounds/${event.subjectId}`, label: ui.m.mail.open },
            footer: m.reminderWhy,
          }),
          now,
        );
      }
  }
}
