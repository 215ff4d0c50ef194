/**
 * The registry's followers. registry-search keeps national measures findable. A measure recorded or revised has
 * its passages indexed anew (indexOutsidePassages: unchanged ones are left, changed ones
 * replaced); a rebuild of the whole search index (search.reindex_requested, which the search
 * follower, before this one in the list, has handled) has every measure indexed again. What it
 * indexed and removed it logs as search does, so concepts tag measures and watches match them.
 * registry-voices keeps the counts by the voice judged now (below).
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
import { findOrganisationsByIds } from '../organisations/organisations.service.ts';
import { stateWordJudge } from './reports.ts';
import { listMeasureIds, listVersionsStatedBy, recountVersionVoice } from './registry.store.ts';

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

/** The changes of an organisation's verification that change whose word its measures are. */
const verificationActions = new Set([
  'organisation.verified',
  'organisation.verification_revoked',
  'organisation.representative_verified',
  'organisation.representative_revoked',
]);

/**
 * Keeps the matrix, the map and the indicator counting by the voice judged now, as the registry's
 * pages and reports read it (stateWordJudge): when a secretariat verifies or revokes a government
 * or one of its representatives, every version that organisation stated as its State's word is
 * judged again and counted under 'state' or 'reported' accordingly. The versions keep the voice
 * they were recorded with; only what is counted moves.
 */
export const registryVoicesFollower: Follower = {
  name: 'registry-voices',
  wants: (event: LoggedEvent) =>
    event.subjectType === 'organisation' && verificationActions.has(event.action),
  async handle(db: Db, events: LoggedEvent[]): Promise<void> {
    for (const organisationId of new Set(events.map((e) => e.subjectId))) {
      const stated = await listVersionsStatedBy(db, organisationId);
      if (stated.length === 0) continue;
      const isStateWord = stateWordJudge(db, await findOrganisationsByIds(db, [organisationId]));
      for (const v of stated) {
        const voice = (await isStateWord({ ...v, voice: 'state' })) ? 'state' : 'reported';
        if (v.counted !== voice) await recountVersionVoice(db, v.measureId, v.version, voice);
      }
    }
  },
};
