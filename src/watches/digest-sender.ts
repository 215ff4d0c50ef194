/**
 * E-mail digests of watches: when an SMTP server is configured, the owner of a watch that asks
 * for it gets, at most once per interval (a day by default), one message listing the passages
 * that matched since the last digest, each with its address and link. Every `plenum serve`
 * process polls; the one that moves a watch's digest mark first sends it, and a failed send puts
 * the mark back so the next poll tries again.
 */
import type { Db } from '../db/database.ts';
import type { WatchHit } from './watches.schema.ts';
import { listDigestsDue, listHits, moveDigestMark } from './watches.store.ts';

/** What sends a message: nodemailer's transport, or a test's stand-in. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

/** Options of the digest sender. */
export interface DigestOptions {
  from: string;
  /** The site's address, for the links (https://plenum.example.org). */
  baseUrl: string;
  intervalMs?: number;
  now?: () => Date;
}

/** The plain-text body of a digest. */
export function digestText(watchName: string, hits: WatchHit[], baseUrl: string): string {
  const lines = [`New passages matching your watch "${watchName}":`, ''];
  for (const h of hits) {
    const where =
      h.kind === 'submission'
        ? (h.organisationName ?? h.title)
        : [h.symbol, h.address].filter(Boolean).join(', ');
    const excerpt = h.text.length > 300 ? `${h.text.slice(0, 300)}…` : h.text;
    lines.push(
      `* ${where || h.title} (${h.date})`,
      `  ${excerpt.replace(/\s+/g, ' ')}`,
      `  ${baseUrl}${h.href}`,
      '',
    );
  }
  lines.push('You receive this because you asked plenum for a digest of this watch.');
  return lines.join('\n');
}

/** Sends the digests that are due, once or on a timer. */
export class DigestSender {
  private readonly db: Db;
  private readonly transport: MailTransport;
  private readonly options: Required<DigestOptions>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(db: Db, transport: MailTransport, options: DigestOptions) {
    this.db = db;
    this.transport = transport;
    this.options = {
      intervalMs: 86_400_000,
      now: () => new Date(),
      ...options,
    };
  }

  /** Polls every `pollMs` until stop(). */
  start(pollMs = 60_000): void {
    this.timer = setInterval(() => {
      if (!this.running)
        this.running = this.sendDue()
          .catch((error: unknown) => {
            console.error(`plenum: e-mail digests: ${String(error)}`);
            return 0;
          })
          .finally(() => (this.running = undefined));
    }, pollMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a poll under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends every digest due now that has something in it; returns how many were sent. */
  async sendDue(): Promise<number> {
    const now = this.options.now();
    const before = new Date(now.getTime() - this.options.intervalMs).toISOString();
    let sent = 0;
    for (const watch of await listDigestsDue(this.db, before)) {
      const mark = now.toISOString();
      if (!(await moveDigestMark(this.db, watch.id, watch.digestSentAt, mark))) continue;
      const hits = await listHits(this.db, watch.id, 100, watch.digestSentAt);
      if (hits.length === 0) continue;
      try {
        await this.transport.sendMail({
          from: this.options.from,
          to: watch.email,
          subject: `plenum: ${hits.length} new ${hits.length === 1 ? 'match' : 'matches'} for "${watch.name}"`,
          text: digestText(watch.name, hits.toReversed(), this.options.baseUrl),
        });
        sent += 1;
      } catch (error) {
        // Not sent: the same matches go into the next attempt.
        await moveDigestMark(this.db, watch.id, mark, watch.digestSentAt);
        throw error;
      }
    }
    return sent;
  }
}
