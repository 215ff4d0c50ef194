/**
 * Delivers the webhook of each watch match: a JSON POST signed with HMAC-SHA256, retried with
 * growing pauses until it succeeds or the retries run out, every attempt logged. Deliveries wait
 * in the database (queued in the transaction that recorded the match), so none is lost when a
 * process stops; each `plenum serve` process polls for due ones and claims one before sending,
 * so two processes never send the same attempt.
 *
 * The receiver checks `X-Plenum-Signature: t=<unix seconds>,sha256=<hex>`, where hex is
 * HMAC-SHA256(secret, "<t>.<body>"): the time stops a replay, the body cannot be altered.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Db } from '../db/database.ts';
import { guardedLookup, refusedAddress } from './webhook-destination.ts';
import { claimDelivery, listDueDeliveries, recordAttempt } from './watches.store.ts';

/** Pauses before the 2nd, 3rd, … attempt (ms): 1 min, 5 min, 30 min, 2 h, 12 h; then failed. */
export const defaultRetrySchedule = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

/** The signature header of a body sent at `unixSeconds` with the watch's secret. */
export function signWebhook(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},sha256=${mac}`;
}

/** Options of the deliverer; tests shorten the schedule and stop the clock. */
export interface DelivererOptions {
  retrySchedule?: number[];
  timeoutMs?: number;
  now?: () => Date;
  /** How long a claimed attempt is ours before another process may try it (ms). */
  leaseMs?: number;
  /** Send to private and loopback addresses too (an intranet; tests). */
  allowPrivate?: boolean;
}

/**
 * POSTs a body and answers the HTTP status; redirects are not followed (a 3xx is a failed
 * attempt). The connection goes only to an address guardedLookup allowed.
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  o: { timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const refused = refusedAddress(target, o.allowPrivate);
  if (refused) return Promise.reject(new Error(`refused: ${refused}`));
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(o.allowPrivate),
        timeout: o.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${o.timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends the deliveries that are due, once or on a timer. */
export class WebhookDeliverer {
  private readonly db: Db;
  private readonly schedule: number[];
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly allowPrivate: boolean;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(db: Db, options: DelivererOptions = {}) {
    this.db = db;
    this.schedule = options.retrySchedule ?? defaultRetrySchedule;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 120_000;
    this.allowPrivate = options.allowPrivate ?? false;
  }

  /** Polls every `intervalMs` until stop(); a poll never overlaps the one before. */
  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => {
      if (!this.running) {
        this.running = this.deliverDue()
          .catch((error: unknown) => {
            console.error(`plenum: webhook deliveries: ${String(error)}`);
            return 0;
          })
          .finally(() => (this.running = undefined));
      }
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a poll under way. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Sends every delivery due now; returns how many attempts were made. */
  async deliverDue(): Promise<number> {
    const now = this.now();
    const due = await listDueDeliveries(this.db, now.toISOString(), 50);
    let attempts = 0;
    for (const d of due) {
      const lease = new Date(now.getTime() + this.leaseMs).toISOString();
      if (!(await claimDelivery(this.db, d.id, d.next_attempt_at, lease))) continue;
      attempts += 1;
      const number = Number(d.attempts) + 1;
      let status: number | null = null;
      let error: string | null = null;
      if (!d.webhook_url || !d.webhook_secret) {
        error = 'The watch no longer has a webhook.';
      } else {
        try {
          const sentAt = this.now();
          status = await post(
            d.webhook_url,
            {
              'content-type': 'application/json',
              'user-agent': 'plenum-webhooks',
              'x-plenum-event': 'watch.match',
              'x-plenum-delivery': d.id,
              'x-plenum-signature': signWebhook(
                d.webhook_secret,
                Math.floor(sentAt.getTime() / 1000),
                d.payload,
              ),
            },
            d.payload,
            { timeoutMs: this.timeoutMs, allowPrivate: this.allowPrivate },
          );
          if (status < 200 || status >= 300) error = `answered HTTP ${status}`;
        } catch (e) {
          error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        }
      }
      const at = this.now();
      const delivered = error === null;
      const pause = this.schedule[number - 1];
      await recordAttempt(
        this.db,
        d.id,
        { number, at: at.toISOString(), status, error },
        delivered
          ? { state: 'delivered', nextAttemptAt: at.toISOString() }
          : pause === undefined || !d.webhook_url
            ? { state: 'failed', nextAttemptAt: at.toISOString() }
            : { state: 'pending', nextAttemptAt: new Date(at.getTime() + pause).toISOString() },
      );
    }
    return attempts;
  }
}
