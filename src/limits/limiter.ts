/**
 * The one limiter of plenum: counters per subject and time window, kept in the database so that
 * every `plenum serve` process (and every machine on one PostgreSQL) shares them. Sign-in
 * throttling and quotas both take from it.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inWriteTransaction, type Database, type Engine } from '../db/database.ts';
import {
  addToCounters,
  counterKey,
  deleteCounters,
  deleteEndedCounters,
  type CounterClaim,
} from './limits.store.ts';

/**
 * A limit: at most `limit` takes per window of `windowSeconds` (windows start at multiples of it);
 * a limit of 0 is off.
 */
export interface LimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
  /**
   * `exact`: every take is counted in the database before it is allowed, so parallel takes never
   * pass the limit (sign-in). `batched`: a process claims a share of the limit at a time and hands
   * it out from memory, so a request costs no database round-trip (quotas).
   */
  counting: 'exact' | 'batched';
}

/** A rule applied to one subject (an e-mail address, a network address, an account id). */
export interface LimitKey {
  rule: LimitRule;
  subject: string;
}

/** What a take is told: go ahead, or wait this many seconds. */
export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A batched rule's claim is this share of its limit: fewer claims, at most this much unused. */
const batchShare = 20;
/** How often a process deletes the counters of ended windows. */
const sweepEveryMs = 60_000;

interface Place {
  key: LimitKey;
  bucket: string;
  windowStart: string;
  windowEnd: string;
  endMs: number;
  id: string;
}

/** What this process holds of one counter: units claimed and not yet handed out. */
interface Slot {
  allowance: number;
  /** The database counter reached the limit: no claim can succeed in this window. */
  exhausted: boolean;
  claiming: Promise<void> | undefined;
  endMs: number;
}

/** Takes from limits shared through the database; one per process (see ARCHITECTURE.md). */
export class Limiter {
  private readonly db: Kysely<Database>;
  private readonly engine: Engine;
  private readonly slots = new Map<string, Slot>();
  private lastSweep = 0;

  constructor(db: Kysely<Database>, engine: Engine) {
    this.db = db;
    this.engine = engine;
  }

  /**
   * Takes one unit from every key (rules that are off are skipped); refused when any key has none
   * left in its window, with the seconds until the longest of those windows ends.
   */
  async take(keys: LimitKey[], now: Date): Promise<LimitVerdict> {
    const places = keys.filter((k) => k.rule.limit > 0).map((k) => place(k, now));
    for (;;) {
      let retryAfterMs = 0;
      for (const p of places) {
        const slot = this.slot(p);
        if (slot.exhausted && slot.allowance < 1)
          retryAfterMs = Math.max(retryAfterMs, p.endMs - now.getTime());
      }
      if (retryAfterMs > 0)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      const lacking = places.filter((p) => this.slot(p).allowance < 1);
      if (lacking.length === 0) {
        for (const p of places) this.slot(p).allowance -= 1;
        return { allowed: true };
      }
      // One claim at a time per counter in this process: the others wait for it and look again.
      const inFlight = lacking.flatMap((p) => this.slot(p).claiming ?? []);
      if (inFlight.length > 0) await Promise.all(inFlight);
      else await this.claim(lacking, now);
    }
  }

  /**
   * Gives one unit back to each key in its current window (a take that turned out to be no
   * attempt against the limit, such as a successful sign-in).
   */
  async giveBack(keys: LimitKey[], now: Date): Promise<void> {
    const places = keys.filter((k) => k.rule.limit > 0).map((k) => place(k, now));
    if (places.length === 0) return;
    await inWriteTransaction(this.db, this.engine, (trx) =>
      addToCounters(
        trx,
        places.map((p) => ({ ...p, cost: -1 })),
      ),
    );
  }

  /** Forgets what these keys took, in every window (a successful sign-in after mistakes). */
  async forget(keys: LimitKey[]): Promise<void> {
    const buckets = keys.map((k) => bucketOf(k));
    for (const [id] of this.slots)
      if (buckets.some((b) => id.startsWith(`${b}@`))) this.slots.delete(id);
    await deleteCounters(this.db, buckets);
  }

  private slot(p: Place): Slot {
    let slot = this.slots.get(p.id);
    if (!slot) {
      slot = { allowance: 0, exhausted: false, claiming: undefined, endMs: p.endMs };
      this.slots.set(p.id, slot);
    }
    return slot;
  }

  private async claim(places: Place[], now: Date): Promise<void> {
    const claims = places.map((p) => ({
      place: p,
      claim: {
        bucket: p.bucket,
        windowStart: p.windowStart,
        windowEnd: p.windowEnd,
        cost:
          p.key.rule.counting === 'exact'
            ? 1
            : Math.max(1, Math.ceil(p.key.rule.limit / batchShare)),
      } satisfies CounterClaim,
    }));
    const work = (async () => {
      const hits = await inWriteTransaction(this.db, this.engine, (trx) =>
        addToCounters(
          trx,
          claims.map((c) => c.claim),
        ),
      );
      for (const { place: p, claim } of claims) {
        const after = hits.get(counterKey(claim)) ?? Number.POSITIVE_INFINITY;
        const slot = this.slot(p);
        slot.allowance += Math.max(
          0,
          Math.min(claim.cost, p.key.rule.limit - (after - claim.cost)),
        );
        if (after >= p.key.rule.limit) slot.exhausted = true;
      }
    })();
    for (const p of places) this.slot(p).claiming = work;
    try {
      await work;
    } finally {
      for (const p of places) this.slot(p).claiming = undefined;
      this.sweep(now);
    }
  }

  /** Drops what ended: this process's slots, and (once a minute) the database's counters. */
  private sweep(now: Date): void {
    if (now.getTime() - this.lastSweep < sweepEveryMs) return;
    this.lastSweep = now.getTime();
    for (const [id, slot] of this.slots) if (slot.endMs <= now.getTime()) this.slots.delete(id);
    deleteEndedCounters(this.db, now.toISOString()).catch((error: unknown) =>
      console.error('[plenum] deleting ended rate-limit counters:', error),
    );
  }
}

/** The bucket of a key: the rule's name and a hash of the subject (no address is stored). */
function bucketOf(key: LimitKey): string {
  const hash = createHash('sha256').update(key.subject).digest('base64url').slice(0, 32);
  return `${key.rule.name}:${hash}`;
}

function place(key: LimitKey, now: Date): Place {
  const windowMs = key.rule.windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const bucket = bucketOf(key);
  const windowStart = new Date(startMs).toISOString();
  return {
    key,
    bucket,
    windowStart,
    windowEnd: new Date(startMs + windowMs).toISOString(),
    endMs: startMs + windowMs,
    id: counterKey({ bucket, windowStart }),
  };
}
