/**
 * The transparency follower: writes where each new entry's leaf hash is in the log, after the
 * receipt's commit rather than in it. A lookup by leaf hash never depends on it being up to date
 * (it also reads the entries appended since), so it only keeps such lookups short.
 */
import type { Db } from '../db/database.ts';
import type { Follower } from '../events/followers.ts';
import { indexLeafHashes } from './transparency.store.ts';

/** Hash rows written per statement group; the follower goes on until the log's end. */
const perRound = 4096;

/** Indexes the leaf hashes of the entries appended since it last ran. */
export const transparencyFollower: Follower = {
  name: 'transparency-hashes',
  // Entries are appended with the events of what they log (received, co-signed, moderated): any
  // batch of events may follow new entries, and a batch with none costs one read.
  wants: () => true,
  async handle(db: Db): Promise<void> {
    while ((await indexLeafHashes(db, perRound)) === perRound);
  },
};
