/** SQL of a consultation's data package: the events of a period and of its submissions. */
import type { Db } from '../db/database.ts';

/** One event as the package publishes it: no actor (an account id is not public) and no data. */
export interface PackageEvent {
  id: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

/**
 * The events of a period and of its submissions (every status, or only those published now),
 * oldest first, read a thousand at a time.
 */
export async function* iteratePeriodEvents(
  db: Db,
  periodId: string,
  allStatuses: boolean,
): AsyncGenerator<PackageEvent> {
  for (const subject of ['comment_period', 'submission'] as const) {
    let after = { at: '', id: '' };
    for (;;) {
      let q = db
        .selectFrom('events as e')
        .select(['e.id', 'e.at', 'e.action', 'e.subject_type', 'e.subject_id'])
        .where('e.subject_type', '=', subject)
        .where((eb) =>
          eb.or([
            eb('e.at', '>', after.at),
            eb.and([eb('e.at', '=', after.at), eb('e.id', '>', after.id)]),
          ]),
        );
      if (subject === 'comment_period') q = q.where('e.subject_id', '=', periodId);
      else {
        let own = db
          .selectFrom('submissions as s')
          .select('s.id')
          .where('s.period_id', '=', periodId);
        if (!allStatuses) own = own.where('s.status', '=', 'published');
        q = q.where('e.subject_id', 'in', own);
      }
      const rows = await q.orderBy('e.at').orderBy('e.id').limit(1000).execute();
      for (const r of rows)
        yield {
          id: r.id,
          at: r.at,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
        };
      if (rows.length < 1000) break;
      after = { at: rows.at(-1)!.at, id: rows.at(-1)!.id };
    }
  }
}
