/** Row types of the event log and of its followers' cursors. */
import type { Generated } from 'kysely';

/** A row of `events`: one change of state, who made it, when, and on what. */
export interface EventTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  data: string;
  /** Place in the log, made by the database (see events/followers.store.ts). */
  seq: Generated<number | string>;
  /** PostgreSQL: the writing transaction (xid8); '0' on SQLite. */
  txid: Generated<string>;
}

/** A row of `follower_cursors`: how far one follower has read the log, and what it fails on. */
export interface FollowerCursorTable {
  follower: string;
  /** The last event handled, as (txid, seq). */
  txid: string;
  seq: number | string;
  updated_at: string;
  failing_seq: number | string | null;
  failing_error: string | null;
  failing_since: string | null;
  attempts: Generated<number>;
  retry_at: string | null;
}
