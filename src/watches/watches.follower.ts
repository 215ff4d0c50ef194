/**
 * The watch follower: matches passages against every watch once search has indexed them and
 * their concepts are known, and the passages of a version when it is made public (indexed while
 * in preparation, they were heard by no watch). Each new match is recorded with its webhook
 * delivery in the same transaction; the webhook deliverer sends those, and the digests are
 * written to the mail outbox by `issueWatchDigests` (src/notifications).
 */
import type { Db } from '../db/database.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import { passagesTagged } from '../concepts/concepts.follower.ts';
import { matchPassages } from './watches.service.ts';
import { listPassagesBySource, listTagsOf, listVersionPassages } from './watches.store.ts';

/** Matches new public passages against the watches. */
export const watchFollower: Follower = {
  name: 'watches',
  wants: (event: LoggedEvent) =>
    event.action === passagesTagged || event.action === 'version.published',
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    const passages = [];
    for (const event of events) {
      if (event.action === 'version.published')
        passages.push(...(await listVersionPassages(db, event.subjectId)));
      else passages.push(...(await listPassagesBySource(db, event.data.sourceIds as string[])));
    }
    // Public now: a paragraph of a version still in preparation waits for version.published.
    const heard = passages.filter((p) => p.public);
    const tags = await listTagsOf(
      db,
      heard.map((p) => p.sourceId),
    );
    await matchPassages(db, heard, tags, now);
  },
};
