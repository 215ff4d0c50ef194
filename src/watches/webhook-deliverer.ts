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
import type { Db } from '../db/database.ts';
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
}

/** Sends the deliveries that are due, once or on a timer. */
export class WebhookDeliverer {
  private readonly db: Db;
  private readonly schedule: number[];
  private readonly timeoutMs: number;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(db: Db, options: DelivererOptions = {}) {
    this.db = db;
    this.schedule = options.retrySchedule ?? defaultRetrySchedule;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 120_000;
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
          const res = await fetch(d.webhook_url, {
            method: 'POST',
            headers: {
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
            body: d.payload,
            redirect: 'manual',
            signal: AbortSignal.timeout(this.timeoutMs),
          });
          status = res.status;
          await res.body?.cancel();
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
