/**
 * The search follower: keeps the index in line with the event log. An imported language version
 * has its blocks indexed; a submission whose status changed is indexed (published) or taken out
 * (any other status). What it indexed and removed it logs in turn, for the concept tagger.
 */
import type { Db } from '../db/database.ts';
import { recordEvent } from '../events/events.store.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import {
  indexLanguageVersion,
  rebuildSearchIndex,
  syncSubmissionsIndex,
} from './search.service.ts';

/** Logged by this follower: passages added to the index (`data.sourceIds`). */
export const passagesIndexed = 'search.passages_indexed';
/** Logged by this follower: passages taken out of the index (`data.sourceIds`). */
export const passagesRemoved = 'search.passages_removed';

/**
 * Written by migration 0019-search-ranking when the terms changed (Snowball stemmers, posting weights): the
 * whole index is built anew, and every passage logged as indexed, so concepts are tagged anew.
 */
export const reindexRequested = 'search.reindex_requested';

/** The submission events after which its place in the index may change. */
const submissionActions = new Set([
  'submission.published',
  'submission.rejected',
  'submission.returned',
  'submission.in_review',
  // Written by migration 0010 for what was still in the old indexing queue.
  'submission.index_requested',
]);

/** Indexes imported language versions and follows submissions' statuses. */
export const searchFollower: Follower = {
  name: 'search',
  wants: (event: LoggedEvent) =>
    event.action === 'language_version.imported' ||
    event.action === reindexRequested ||
    (event.subjectType === 'submission' && submissionActions.has(event.action)),
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    const indexed: string[] = [];
    if (events.some((e) => e.action === reindexRequested)) {
      indexed.push(...(await rebuildSearchIndex((work) => work(db))).sourceIds);
    }
    for (const event of events) {
      if (event.action === 'language_version.imported')
        indexed.push(...(await indexLanguageVersion(db, event.subjectId)));
    }
    // The current status decides, so a submission published then rejected in one batch is out.
    const submissions = await syncSubmissionsIndex(
      db,
      events.filter((e) => e.subjectType === 'submission').map((e) => e.subjectId),
    );
    indexed.push(...submissions.indexed);
    await logPassages(db, passagesIndexed, indexed, now);
    await logPassages(db, passagesRemoved, submissions.removed, now);
  },
};

/** The most passages one logged event names, so a rebuilt index of a large installation is
 * told in many small events rather than one that every follower must load whole. */
export const passagesPerEvent = 1000;

/**
 * Logs passages indexed or removed (`passagesIndexed`, `passagesRemoved`) in events of at most
 * `passagesPerEvent`: also what a feature above search calls after indexOutsidePassages, so that
 * concepts and watches hear of its passages as of any other.
 */
export async function logPassages(
  db: Db,
  action: typeof passagesIndexed | typeof passagesRemoved,
  sourceIds: string[],
  now: Date,
): Promise<void> {
  for (let start = 0; start < sourceIds.length; start += passagesPerEvent) {
    const batch = sourceIds.slice(start, start + passagesPerEvent);
    await recordEvent(
      db,
      {
        actor: 'plenum',
        action,
        subjectType: 'search',
        subjectId: 'index',
        data: { sourceIds: batch },
      },
      now,
    );
  }
}
