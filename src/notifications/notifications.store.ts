/** SQL of the notifications: the periods whose notice is due, and who follows a process. */
import type { Db } from '../db/database.ts';

/** A period as its notice needs it. */
export interface NoticePeriod {
  id: string;
  title: string;
  processId: string;
  closesAt: string;
  timeZone: string;
}

/**
 * The periods whose notice of this kind is due at `now` and not issued yet: 'opening' once a
 * period has opened (and is not closed), 'closing' once it closes within `soon` (and is open).
 */
export async function listPeriodsDueNotice(
  db: Db,
  due: { kind: 'opening' | 'closing'; now: string; soon: string },
): Promise<NoticePeriod[]> {
  let query = db
    .selectFrom('comment_periods as p')
    .leftJoin('mail_period_notices as n', (join) =>
      join.onRef('n.period_id', '=', 'p.id').on('n.kind', '=', due.kind),
    )
    .select(['p.id', 'p.title', 'p.process_id', 'p.closes_at', 'p.time_zone'])
    .where('n.period_id', 'is', null)
    .where('p.opens_at', '<=', due.now)
    .where('p.closes_at', '>', due.now);
  if (due.kind === 'closing') query = query.where('p.closes_at', '<=', due.soon);
  const rows = await query.orderBy('p.opens_at').limit(100).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    processId: r.process_id,
    closesAt: r.closes_at,
    timeZone: r.time_zone,
  }));
}

/** Records that a period's notice was issued; false when another process did it first. */
export async function insertPeriodNotice(
  db: Db,
  notice: { periodId: string; kind: 'opening' | 'closing'; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('mail_period_notices')
    .values({ period_id: notice.periodId, kind: notice.kind, issued_at: notice.at })
    .onConflict((oc) => oc.columns(['period_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The accounts with a verified address that follow a process. */
export async function listProcessFollowers(
  db: Db,
  processId: string,
): Promise<{ id: string; email: string; name: string; language: string }[]> {
  return db
    .selectFrom('process_follows as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .select(['a.id', 'a.email', 'a.name', 'a.language'])
    .where('f.process_id', '=', processId)
    .where('a.email_verified_at', 'is not', null)
    .orderBy('a.id')
    .execute();
}
