/**
 * Every follower of the event log, in the order a round reads them: each reads what the one
 * before it logged (search indexes, concepts tag what was indexed, watches match what was tagged).
 * A new consumer of events is added here, and its cursor starts at the beginning of the log.
 */
import type { Kysely } from 'kysely';
import { campaignFollower } from './campaigns/campaigns.follower.ts';
import { conceptFollower } from './concepts/concepts.follower.ts';
import { engineOf, type Database, type Engine } from './db/database.ts';
import { Followers, type Follower } from './events/followers.ts';
import { mailFollower } from './notifications/notifications.follower.ts';
import { registrySearchFollower, registryVoicesFollower } from './registry/registry.follower.ts';
import { searchFollower } from './search/search.follower.ts';
import { transparencyFollower } from './transparency/transparency.follower.ts';
import { watchFollower } from './watches/watches.follower.ts';

/** The followers plenum runs. */
export const allFollowers: readonly Follower[] = [
  searchFollower,
  // After search: it hands measures to the index search has just rebuilt, if it rebuilt it.
  registrySearchFollower,
  registryVoicesFollower,
  conceptFollower,
  watchFollower,
  campaignFollower,
  mailFollower,
  transparencyFollower,
];

/**
 * Runs every follower until it has read the whole log (tests and the demo call it before reading
 * what followers write); throws a FollowerFailure when one is stuck on an event.
 */
export async function drain(db: Kysely<Database>, engine?: Engine): Promise<void> {
  await new Followers(db, engine ?? engineOf(db), allFollowers).drain();
}
