/**
 * The sender of the mail outbox. A message is written in the transaction that causes it; once
 * that has committed, a sender claims it (in a write transaction of its own: FOR UPDATE SKIP
 * LOCKED on PostgreSQL, the one writer on SQLite), sends it over SMTP, and marks it sent. Two
 * senders (two processes, two machines) never hold the same message. A send that fails is tried
 * again with a growing pause; an address the server refuses for good (5xx), or a message still
 * failing after `maxAttempts`, is given up and shown on the operator page.
 *
 * A sender that stops between the server's acceptance and the mark leaves the message claimed;
 * once the claim lapses (`claimMs`, far longer than a send may take) another sender sends it
 * again, with the same Message-ID so that mail programs show it once. That instant is the only
 * way a message goes twice.
 */
import { createHash } from 'node:crypto';
import { inWriteTransaction, type Engine } from '../db/database.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import {
  claimDueMail,
  markMailNotSent,
  markMailSent,
  siteMarker,
  type OutboxMessage,
} from './mail.store.ts';

/** What hands a message to the mail server: nodemailer's transport, or the screen in development. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

/** The kinds whose message carries a one-time link: no copy is kept once sent. */
export const linkKinds = new Set(['verify_address', 'password_reset']);

/** Options of a sender; tests shorten the pauses. */
export interface MailSenderOptions {
  from: string;
  /** The site's address for the links (https://plenum.example.org). */
  siteUrl: string;
  /** Pause before the n-th retry (ms): 1 min doubling up to 6 h by default. */
  retryDelayMs?: (attempts: number) => number;
  /** Attempts before a message is given up and shown on the operator page. */
  maxAttempts?: number;
  /** How long a claim holds before another sender may take the message (ms). */
  claimMs?: number;
  /** Messages claimed per transaction. */
  batchSize?: number;
  now?: () => Date;
  /** Keep the bodies of link messages once sent (development, where /dev/mail shows them). */
  keepLinks?: boolean;
}

/** The pause before the n-th retry by default: 1 min, 2, 4, … up to 6 h. */
export function defaultMailRetryDelay(attempts: number): number {
  return Math.min(60_000 * 2 ** (attempts - 1), 6 * 3_600_000);
}

/** True when the server refused the message for good (SMTP 5xx): sending it again cannot help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Sends the outbox's due messages, once or on a timer. */
export class MailSender {
  private readonly db: Kysely<Database>;
  private readonly engine: Engine;
  private readonly transport: MailTransport | undefined;
  private readonly options: Required<MailSenderOptions>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  /** Work to do before each poll sends (the notices and digests that fall due with time). */
  private readonly beforeEachPoll: (() => Promise<unknown>)[] = [];

  constructor(
    db: Kysely<Database>,
    engine: Engine,
    /** None: no server is configured, messages wait in the outbox (none is lost). */
    transport: MailTransport | undefined,
    options: MailSenderOptions,
  ) {
    this.db = db;
    this.engine = engine;
    this.transport = transport;
    this.options = {
      retryDelayMs: defaultMailRetryDelay,
      maxAttempts: 12,
      claimMs: 15 * 60_000,
      batchSize: 20,
      now: () => new Date(),
      keepLinks: false,
      ...options,
    };
  }

  /** Adds work each poll does first (writing the messages that fall due with time). */
  alsoEachPoll(work: () => Promise<unknown>): void {
    this.beforeEachPoll.push(work);
  }

  /** Polls every `pollMs` until stop(). */
  start(pollMs = 15_000): void {
    const poll = () => {
      if (this.running) return;
      this.running = (async () => {
        for (const work of this.beforeEachPoll) await work();
        await this.sendDue();
      })()
        .catch((error: unknown) => console.error(`plenum: mail: ${String(error)}`))
        .finally(() => (this.running = undefined));
    };
    poll();
    this.timer = setInterval(poll, pollMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a poll under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends every message due now, batch after batch; returns how many were sent. */
  async sendDue(): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (;;) {
      const now = this.options.now();
      const claimed = await inWriteTransaction(this.db, this.engine, (trx) =>
        claimDueMail(trx, {
          now: now.toISOString(),
          claimedUntil: new Date(now.getTime() + this.options.claimMs).toISOString(),
          limit: this.options.batchSize,
        }),
      );
      for (const message of claimed) if (await this.send(message)) sent += 1;
      if (claimed.length < this.options.batchSize) return sent;
    }
  }

  /** Sends one claimed message and records the outcome; true when the server took it. */
  private async send(message: OutboxMessage): Promise<boolean> {
    const site = this.options.siteUrl.replace(/\/$/, '');
    const complete = (body: string) => body.replaceAll(siteMarker, site);
    try {
      await this.transport!.sendMail({
        from: this.options.from,
        to: message.recipient,
        subject: message.subject,
        text: complete(message.text),
        html: complete(message.html),
        messageId: messageIdOf(message, site),
        headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const giveUp = isPermanent(error) || message.attempts >= this.options.maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(
            this.options.now().getTime() + this.options.retryDelayMs(message.attempts),
          ).toISOString();
      await inWriteTransaction(this.db, this.engine, (trx) =>
        markMailNotSent(trx, message.id, { error: reason, retryAt }),
      );
      return false;
    }
    await inWriteTransaction(this.db, this.engine, (trx) =>
      markMailSent(trx, message.id, {
        at: this.options.now().toISOString(),
        forget: linkKinds.has(message.kind) && !this.options.keepLinks,
        note: '(sent; the one-time link it carried is not kept)',
      }),
    );
    return true;
  }
}

/** A Message-ID made from the message's idempotency key: the same every time it is sent. */
function messageIdOf(message: OutboxMessage, site: string): string {
  const host = URL.canParse(site) ? new URL(site).hostname : 'localhost';
  const digest = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${host || 'localhost'}>`;
}

/** The transport of development without SMTP: the message stays readable on /dev/mail. */
export const screenTransport: MailTransport = {
  sendMail: () => Promise.resolve(),
};
