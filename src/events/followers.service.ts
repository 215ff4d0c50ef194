/** How far each follower of the event log is, for the operator page and `plenum status`. */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { checkCanSeeFollowers } from './followers.policy.ts';
import { findLoggedEvent, lagAfter, listCursors } from './followers.store.ts';

/** One follower's cursor, how far behind the log it is, and the event it fails on, if any. */
export interface FollowerStatus {
  name: string;
  /** Place in the log of the last event it handled. */
  seq: number;
  /** When its cursor last moved (or it last failed). */
  updatedAt: string;
  /** Events logged that it has not read yet. */
  lagEvents: number;
  /** Seconds since the oldest event it has not read yet was logged (0 when none). */
  lagSeconds: number;
  failing: {
    seq: number;
    eventId: string | null;
    action: string | null;
    subject: string | null;
    error: string;
    attempts: number;
    since: string;
    retryAt: string;
  } | null;
}

/** Every follower's status, by name (for the operator at the console: no viewer to check). */
export async function followerStatus(db: Db, now: Date = new Date()): Promise<FollowerStatus[]> {
  const statuses: FollowerStatus[] = [];
  for (const cursor of await listCursors(db)) {
    const lag = await lagAfter(db, cursor.position);
    const failing = cursor.failing;
    const event = failing ? await findLoggedEvent(db, failing.seq) : undefined;
    statuses.push({
      name: cursor.follower,
      seq: cursor.position.seq,
      updatedAt: cursor.updatedAt,
      lagEvents: lag.events,
      lagSeconds: lag.oldestAt
        ? Math.max(0, Math.round((now.getTime() - Date.parse(lag.oldestAt)) / 1000))
        : 0,
      failing: failing && {
        ...failing,
        eventId: event?.id ?? null,
        action: event?.action ?? null,
        subject: event ? `${event.subjectType} ${event.subjectId}` : null,
      },
    });
  }
  return statuses;
}

/** The followers' status for the operator page: administrators only. */
export async function getFollowerStatus(
  db: Db,
  viewer: Viewer | null,
  now: Date = new Date(),
): Promise<FollowerStatus[]> {
  checkCanSeeFollowers(viewer);
  return followerStatus(db, now);
}
