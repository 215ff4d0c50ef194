/**
 * The concept follower: tags the passages search has just indexed with the concepts they
 * mention, and drops the tags of passages taken out of the index. It logs what it tagged in
 * turn, so watches are matched once a passage's concepts are known.
 */
import type { Db } from '../db/database.ts';
import { recordEvent } from '../events/events.store.ts';
import type { Follower } from '../events/followers.ts';
import type { LoggedEvent } from '../events/followers.store.ts';
import { passagesIndexed, passagesRemoved } from '../search/search.follower.ts';
import { tagPassages, untagPassages } from './concepts.service.ts';
import { listSearchItemsBySource } from './concepts.store.ts';

/** Logged by this follower: indexed passages whose concepts are now known (`data.sourceIds`). */
export const passagesTagged = 'concepts.passages_tagged';

/** Tags what search indexes. */
export const conceptFollower: Follower = {
  name: 'concepts',
  wants: (event: LoggedEvent) =>
    event.action === passagesIndexed || event.action === passagesRemoved,
  async handle(db: Db, events: LoggedEvent[], now: Date): Promise<void> {
    const tagged: string[] = [];
    for (const event of events) {
      const sourceIds = event.data.sourceIds as string[];
      if (event.action === passagesRemoved) {
        // No longer public: it mentions nothing any more (a watch's page lists public matches only).
        await untagPassages(db, sourceIds);
        continue;
      }
      const items = await listSearchItemsBySource(db, sourceIds);
      await tagPassages(
        db,
        items.map((i) => ({
          sourceId: i.source_id,
          kind: i.kind,
          processId: i.process_id,
          at: i.date,
          language: i.language,
          text: i.text,
        })),
      );
      tagged.push(...items.map((i) => i.source_id));
    }
    if (tagged.length === 0) return;
    await recordEvent(
      db,
      {
        actor: 'plenum',
        action: passagesTagged,
        subjectType: 'concepts',
        subjectId: 'tags',
        data: { sourceIds: tagged },
      },
      now,
    );
  },
};
