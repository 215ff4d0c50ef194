/**
 * The registry's follower: keeps national measures findable. A measure recorded or revised has
 * its passages indexed anew (indexOutsidePassages: unchanged ones are left, changed ones
 * replaced); a rebuild of the whole search index (search.reindex_requested, which the search
 * follower, before this one in the list, has handled) has every measure indexed again. What it
 * indexed and removed it logs as search does, so concepts tag measures and watches match them.
 */
import type { Db } from '../db/database.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import {
  logPassages,
  passagesIndexed,
  passagesRemoved,
  reindexRequested,
} from '../search/search.follower.ts';
import { indexMeasures } from './measure-search.ts';
import { listMeasureIds } from './registry.store.ts';

const measureActions = new Set(['registry.measure_recorded', 'registry.measure_revised']);

/** Indexes measures as they are recorded and revised. */
export const registrySearchFollower: Follower = {
  name: 'registry-search',
  wants: (event: LoggedEvent) =>
    event.action === reindexRequested ||
    (event.subjectType === 'registry_measure' && measureActions.has(event.action)),
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    let ids: string[] = [];
    if (events.some((e) => e.action === reindexRequested)) {
      for (let after = ''; ;) {
        const page = await listMeasureIds(db, after, 5000);
        if (page.length === 0) break;
        ids.push(...page);
        after = page.at(-1)!;
      }
    } else ids = events.map((e) => e.subjectId);
    const { indexed, removed } = await indexMeasures(db, ids);
    await logPassages(db, passagesRemoved, removed, now);
    await logPassages(db, passagesIndexed, indexed, now);
  },
};
