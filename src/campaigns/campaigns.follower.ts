/**
 * The campaigns follower: groups each submission into its period's campaigns when it is received
 * (or published at once), a batch of events in one transaction. A submission is grouped once,
 * whatever its status; what the public sees counts its published members only.
 */
import type { Db } from '../db/database.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import { groupSubmissions } from './campaigns.service.ts';

/** The events of a submission's arrival. */
const arrivals = new Set(['submission.received', 'submission.published']);

/** Groups arriving submissions into campaigns. */
export const campaignFollower: Follower = {
  name: 'campaigns',
  wants: (event: LoggedEvent) => event.subjectType === 'submission' && arrivals.has(event.action),
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    await groupSubmissions(
      db,
      events.map((e) => e.subjectId),
      now,
    );
  },
};
