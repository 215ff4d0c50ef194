/** SQL for rate limits: counters of what each subject took in each time window. */
import type { Db } from '../db/database.ts';

/** A claim on one counter: add `cost` to the hits of this bucket in this window. */
export interface CounterClaim {
  bucket: string;
  windowStart: string;
  windowEnd: string;
  cost: number;
}

/**
 * Adds each claim's cost (negative: gives back) to its counter in one statement (made when
 * missing) and returns the hits
 * after it, by `bucket@windowStart`. The increment is atomic, so processes claiming together never
 * both see room that is there only once. Claims go in a fixed order, so two statements on
 * PostgreSQL lock shared rows in the same order and cannot deadlock.
 */
export async function addToCounters(db: Db, claims: CounterClaim[]): Promise<Map<string, number>> {
  const rows = claims
    .toSorted((a, b) => (counterKey(a) < counterKey(b) ? -1 : 1))
    .map((c) => ({
      bucket: c.bucket,
      window_start: c.windowStart,
      window_end: c.windowEnd,
      hits: c.cost,
    }));
  const result = await db
    .insertInto('rate_limits')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({
        hits: eb('rate_limits.hits', '+', eb.ref('excluded.hits')),
      })),
    )
    .returning(['bucket', 'window_start', 'hits'])
    .execute();
  return new Map(
    result.map((r) => [
      counterKey({ bucket: r.bucket, windowStart: r.window_start }),
      Number(r.hits),
    ]),
  );
}

/** The key of a counter in maps: bucket and window start. */
export function counterKey(c: { bucket: string; windowStart: string }): string {
  return `${c.bucket}@${c.windowStart}`;
}

/** Forgets the counters of these buckets (a success that wipes out earlier failures). */
export async function deleteCounters(db: Db, buckets: string[]): Promise<void> {
  if (buckets.length === 0) return;
  await db.deleteFrom('rate_limits').where('bucket', 'in', buckets).execute();
}

/** Deletes the counters of windows that ended before `now`. */
export async function deleteEndedCounters(db: Db, now: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_end', '<=', now).execute();
}
