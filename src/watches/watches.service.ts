/**
 * Watches: a user's saved search or set of concepts, optionally limited to processes or
 * stakeholder groups, followed through an Atom feed and an optional signed webhook. New passages
 * are matched against every watch once indexed and tagged (watches.follower.ts), through one index of the watches' terms
 * (src/text/standing-queries.ts): a passage costs a few lookups, not a search per watch.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '../accounts/accounts.schema.ts';
import { lookupConcept } from '../concepts/concepts.service.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { checkCanWatch, checkOwnsWatch } from './watches.policy.ts';
import { checkWebhookDestination } from './webhook-destination.ts';
import type { WebhookDeliveryTable } from './watches.table.ts';
import { recordEvent } from '../events/events.store.ts';
import { requireProcess } from '../processes/processes.service.ts';
import { StandingQueries, type TermFrequency } from '../search/standing-queries.ts';
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  parseQuery,
  queryTermsOf,
} from '../search/search-terms.ts';
import { termFrequencies, wordsRarestFirst } from '../search/search.service.ts';
import { zodError } from '../validation.ts';
import {
  newWatchSchema,
  type IndexedPassage,
  type Watch,
  type WatchHit,
  type WebhookDelivery,
} from './watches.schema.ts';
import {
  deleteWatchRow,
  findWatch,
  findWatchByFeedHash,
  insertDeliveries,
  insertNewHits,
  insertHits,
  insertWatch,
  listAllWatches,
  listDeliveries,
  listDigestsDue,
  listHits,
  listPastMatches,
  listTagsOf,
  listWatchesOf,
  listWatchesOfAfter,
  moveDigestMark,
  updateFeedKeyHash,
  updateWatchRow,
  watchesStamp,
} from './watches.store.ts';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A watch with words in the index, with what matching asks of it ready to hand. */
interface Slot {
  watch: Watch;
  /** A watch with words and concepts: its concepts (one must be among the passage's). */
  concepts: Set<string> | null;
}

/**
 * The index of every watch, rebuilt when a watch changes (one small query per batch tells).
 * Watches with words are standing queries, each filed under its rarest word; a watch with
 * concepts only is filed under each of its concepts, per process and stakeholder group it is
 * limited to ('' for any), so a passage lists exactly the concept watches it matches.
 *
 * A passage of a common concept matches thousands of concept watches, so their lists hold
 * numbers, the round that last listed a watch is kept in one typed array, and the watches
 * themselves in one array by number: listing a watch reads memory that lies together, not an
 * object of its own (measured: about a third of the matching time went to such reads).
 */
export interface WatchIndex {
  stamp: string;
  byId: Map<string, Watch>;
  /** Watches with words (and maybe concepts), by their terms: their numbers in `slots`. */
  queries: StandingQueries<number>;
  slots: Slot[];
  /** Watches with concepts and no words, by number. */
  conceptWatches: Watch[];
  /** Watches with concepts and no words, by concept, then by `process\0group`: their numbers. */
  byConcept: Map<string, Map<string, Int32Array>>;
  /** By concept watch number: the last matching round that listed it (one may be filed twice). */
  listedIn: Int32Array;
  /** The current matching round. */
  round: number;
}
let cachedIndex: WatchIndex | undefined;

async function watchIndex(db: Db): Promise<WatchIndex> {
  const stamp = await watchesStamp(db);
  if (cachedIndex?.stamp === stamp) return cachedIndex;
  const watches = await listAllWatches(db);
  // Each watch is filed under its rarest word by the search index's counts.
  const terms = new Set<string>();
  for (const w of watches)
    if (w.query) for (const t of queryTermsOf(parseQuery(w.query))) terms.add(t);
  const frequency = await termFrequencies(db, [...terms]);
  cachedIndex = indexWatches(watches, stamp, (t) => frequency.get(t));
  return cachedIndex;
}

/**
 * Files watches by the terms of their words (their rarest word, by `frequency` when given, else
 * a static estimate) and by their concepts.
 */
export function indexWatches(
  watches: Watch[],
  stamp: string,
  frequency?: TermFrequency,
): WatchIndex {
  const queries = new StandingQueries<number>({ frequency });
  const slots: Slot[] = [];
  const conceptWatches: Watch[] = [];
  const lists = new Map<string, Map<string, number[]>>();
  for (const w of watches) {
    if (w.query) {
      // A watch with words and concepts wants both: found by its words, its concepts checked.
      const slot: Slot = {
        watch: w,
        concepts: w.conceptIds.length > 0 ? new Set(w.conceptIds) : null,
      };
      if (queries.addText(slots.length, w.query)) slots.push(slot);
      continue;
    }
    const number = conceptWatches.push(w) - 1;
    const processes = w.processIds.length > 0 ? new Set(w.processIds) : [''];
    const groups = w.groups.length > 0 ? new Set<string>(w.groups) : [''];
    for (const c of new Set(w.conceptIds)) {
      let byKey = lists.get(c);
      if (!byKey) lists.set(c, (byKey = new Map()));
      for (const p of processes)
        for (const g of groups) {
          const key = `${p}\u0000${g}`;
          const list = byKey.get(key);
          if (list) list.push(number);
          else byKey.set(key, [number]);
        }
    }
  }
  const byConcept = new Map<string, Map<string, Int32Array>>();
  for (const [c, byKey] of lists)
    byConcept.set(c, new Map([...byKey].map(([key, list]) => [key, Int32Array.from(list)])));
  return {
    stamp,
    byId: new Map(watches.map((w) => [w.id, w])),
    queries,
    slots,
    conceptWatches,
    byConcept,
    listedIn: new Int32Array(conceptWatches.length),
    round: 0,
  };
}

/** True when the passage is within the watch's processes and stakeholder groups. */
function withinFilters(w: Watch, passage: IndexedPassage): boolean {
  if (w.processIds.length > 0 && !w.processIds.includes(passage.processId)) return false;
  if (
    w.groups.length > 0 &&
    (passage.stakeholderGroup === null || !w.groups.includes(passage.stakeholderGroup as never))
  )
    return false;
  return true;
}

/** The watches a passage matches: its words and concepts, within each watch's filters. */
export function watchesMatching(
  index: WatchIndex,
  passage: IndexedPassage,
  conceptIds: string[],
): Watch[] {
  const matched: Watch[] = [];
  for (const n of index.queries.match(passage.text, passage.language)) {
    const slot = index.slots[n]!;
    if (slot.concepts && !conceptIds.some((c) => slot.concepts!.has(c))) continue;
    if (!withinFilters(slot.watch, passage)) continue;
    matched.push(slot.watch);
  }
  if (conceptIds.length === 0 || index.byConcept.size === 0) return matched;
  const round = ++index.round;
  const { listedIn, conceptWatches } = index;
  // The lists of concept watches this passage is within: any process or its own, any group or its own.
  const keys = [`\u0000`, `${passage.processId}\u0000`];
  if (passage.stakeholderGroup !== null)
    keys.push(
      `\u0000${passage.stakeholderGroup}`,
      `${passage.processId}\u0000${passage.stakeholderGroup}`,
    );
  for (const c of conceptIds) {
    const lists = index.byConcept.get(c);
    if (!lists) continue;
    for (const key of keys) {
      const list = lists.get(key);
      if (!list) continue;
      for (let i = 0; i < list.length; i++) {
        const n = list[i]!;
        if (listedIn[n] === round) continue;
        listedIn[n] = round;
        matched.push(conceptWatches[n]!);
      }
    }
  }
  return matched;
}

/**
 * Matches public passages, with their concepts, against every watch (the watch follower calls
 * it); each new match is recorded and queued for the watch's webhook. Returns the new matches.
 */
export async function matchPassages(
  db: Db,
  passages: IndexedPassage[],
  tags: Map<string, string[]>,
  now = new Date(),
): Promise<number> {
  if (passages.length === 0) return 0;
  const index = await watchIndex(db);
  if (index.byId.size === 0) return 0;
  const at = now.toISOString();
  // Every match of the batch, then written in a few statements (not one per match).
  const rows: { watch_id: string; source_id: string; matched_at: string }[] = [];
  const byId = new Map<string, IndexedPassage>();
  for (const passage of passages) {
    byId.set(passage.sourceId, passage);
    for (const watch of watchesMatching(index, passage, tags.get(passage.sourceId) ?? []))
      rows.push({ watch_id: watch.id, source_id: passage.sourceId, matched_at: at });
  }
  const added = await insertNewHits(db, rows);
  const deliveries: WebhookDeliveryTable[] = [];
  for (const hit of added) {
    const watch = index.byId.get(hit.watch_id)!;
    const passage = byId.get(hit.source_id)!;
    if (!watch.webhookUrl) continue;
    deliveries.push({
      id: newId(),
      watch_id: watch.id,
      source_id: passage.sourceId,
      payload: JSON.stringify({
        event: 'watch.match',
        watch: { id: watch.id, name: watch.name },
        passage: {
          id: passage.sourceId,
          kind: passage.kind,
          date: passage.at,
          text: passage.text,
        },
        matchedAt: at,
      }),
      state: 'pending',
      attempts: 0,
      next_attempt_at: at,
      created_at: at,
      delivered_at: null,
    });
  }
  await insertDeliveries(db, deliveries);
  return added.length;
}

/** Most past matches a new or changed watch records: the newest. */
export const pastMatchLimit = 1000;

/**
 * What already matches a watch, newest first (`pastMatchLimit` at most): its words come from the
 * index (rarest first), its phrases and concepts are checked on the passages.
 */
export async function findPastMatches(
  db: Db,
  watch: Pick<Watch, 'query' | 'conceptIds' | 'processIds' | 'groups'>,
): Promise<string[]> {
  const query = watch.query ? parseQuery(watch.query) : undefined;
  if (query ? query.words.length === 0 : watch.conceptIds.length === 0) return [];
  const words = query ? await wordsRarestFirst(db, query) : [];
  // Phrases and concepts may refuse some: read more than wanted.
  const rows = await listPastMatches(db, {
    words,
    conceptIds: watch.conceptIds,
    processIds: watch.processIds,
    groups: watch.groups,
    limit:
      query && (query.phrases.length > 0 || query.hanRuns.length > 0 || watch.conceptIds.length > 0)
        ? pastMatchLimit * 4
        : pastMatchLimit,
  });
  const tags =
    query && watch.conceptIds.length > 0
      ? await listTagsOf(
          db,
          rows.map((r) => r.sourceId),
        )
      : undefined;
  const found: string[] = [];
  for (const row of rows) {
    if (found.length >= pastMatchLimit) break;
    const analysis = query && analyse([{ text: row.text }], row.language);
    if (analysis && !holdsPhrases(analysis, () => foldForSearch(row.text), query)) continue;
    if (tags && !(tags.get(row.sourceId) ?? []).some((c) => watch.conceptIds.includes(c))) continue;
    found.push(row.sourceId);
  }
  return found;
}

/**
 * Records what already matches a watch (findPastMatches) as matches of `at`, so a new or changed
 * watch shows them at once; they are not sent to its webhook or digest (they are not news).
 * Returns how many it found.
 */
export async function recordPastMatches(db: Db, watch: Watch, at: string): Promise<number> {
  const found = await findPastMatches(db, watch);
  await insertHits(db, watch.id, found, at);
  return found.length;
}

/**
 * Checks the webhook address of a new watch before it is made: it must lead to public Internet
 * addresses only, unless private ones are allowed (webhook-destination.ts). Called before the
 * transaction that makes the watch, since it waits for DNS. A form that is invalid otherwise is
 * left to createWatch to explain.
 */
export async function checkWatchWebhook(input: unknown, allowPrivate: boolean): Promise<void> {
  const parsed = newWatchSchema.safeParse(input);
  if (parsed.success && parsed.data.webhookUrl)
    await checkWebhookDestination(parsed.data.webhookUrl, allowPrivate);
}

/**
 * The watch form checked, as the columns of what the watch follows (its concepts and processes
 * found: CONCEPT_NOT_FOUND, …), with its webhook address.
 */
async function readWatchForm(db: Db, input: unknown) {
  const parsed = newWatchSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  const conceptIds: string[] = [];
  for (const ref of form.concepts) {
    const concept = await lookupConcept(db, ref);
    if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND', `There is no concept "${ref}".`);
    conceptIds.push(concept.id);
  }
  const processIds: string[] = [];
  for (const ref of form.processes) processIds.push((await requireProcess(db, ref)).id);
  return {
    webhookUrl: form.webhookUrl ?? null,
    columns: {
      name: form.name,
      query: form.query ?? null,
      concepts: JSON.stringify([...new Set(conceptIds)]),
      processes: JSON.stringify([...new Set(processIds)]),
      groups: JSON.stringify([...new Set(form.groups)]),
      email_digest: form.emailDigest ? 1 : 0,
    },
  };
}

/** Makes a watch for the signed-in viewer; returns it and its secret feed key (shown once). */
export async function createWatch(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<{ watch: Watch; feedKey: string }> {
  checkCanWatch(viewer);
  const { columns, webhookUrl } = await readWatchForm(db, input);
  const id = newId();
  const feedKey = randomBytes(24).toString('base64url');
  const at = now.toISOString();
  await insertWatch(db, {
    id,
    account_id: viewer.id,
    ...columns,
    feed_key_hash: sha256(feedKey),
    webhook_url: webhookUrl,
    // The receiver checks signatures with this secret, so it is kept as it is and shown to the owner.
    webhook_secret: webhookUrl ? randomBytes(24).toString('base64url') : null,
    // The first digest covers what matches from now on.
    digest_sent_at: at,
    created_at: at,
    updated_at: at,
  });
  await recordEvent(
    db,
    { actor: viewer.id, action: 'watch.created', subjectType: 'watch', subjectId: id, data: {} },
    now,
  );
  const watch = (await findWatch(db, id))!;
  await recordPastMatches(db, watch, at);
  return { watch, feedKey };
}

/** The viewer's own watch, or WATCH_NOT_FOUND (another's watch is not found either). */
async function ownWatch(db: Db, viewer: Viewer | null, id: string): Promise<Watch> {
  checkCanWatch(viewer);
  const watch = /^[0-9a-f-]{36}$/i.test(id) ? await findWatch(db, id) : undefined;
  checkOwnsWatch(viewer, watch);
  return watch;
}

/** The viewer's watches. */
export async function getMyWatches(db: Db, viewer: Viewer | null): Promise<Watch[]> {
  checkCanWatch(viewer);
  return listWatchesOf(db, viewer.id);
}

/** A page of the viewer's watches, oldest first, after the watch `after`, at most `limit`. */
export async function getMyWatchesPage(
  db: Db,
  viewer: Viewer | null,
  after: string | undefined,
  limit: number,
): Promise<Watch[]> {
  checkCanWatch(viewer);
  return listWatchesOfAfter(db, viewer.id, after, limit);
}

/** A watch of the viewer's, its newest matches and its webhook delivery log. */
export async function getWatch(
  db: Db,
  viewer: Viewer | null,
  id: string,
): Promise<{ watch: Watch; hits: WatchHit[]; deliveries: WebhookDelivery[] }> {
  const watch = await ownWatch(db, viewer, id);
  return {
    watch,
    hits: await listHits(db, watch.id, 50),
    deliveries: await listDeliveries(db, watch.id, 20),
  };
}

/**
 * Changes a watch of the viewer's: its name, words, concepts, filters, digest and webhook. Its
 * feed address and the matches so far stay; new passages are matched as changed. A webhook
 * kept at the same address keeps its signing secret; a new address gets a new secret.
 */
export async function changeWatch(
  db: Db,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<Watch> {
  const watch = await ownWatch(db, viewer, id);
  const { columns, webhookUrl } = await readWatchForm(db, input);
  const at = now.toISOString();
  await updateWatchRow(db, watch.id, {
    ...columns,
    webhook_url: webhookUrl,
    webhook_secret:
      webhookUrl === null
        ? null
        : webhookUrl === watch.webhookUrl && watch.webhookSecret
          ? watch.webhookSecret
          : randomBytes(24).toString('base64url'),
    updated_at: at,
  });
  await recordEvent(
    db,
    {
      actor: watch.accountId,
      action: 'watch.changed',
      subjectType: 'watch',
      subjectId: id,
      data: {},
    },
    now,
  );
  const changed = (await findWatch(db, watch.id))!;
  await recordPastMatches(db, changed, at);
  return changed;
}

/** Replaces a watch's feed address: the old one stops working. Returns the new key. */
export async function renewFeedKey(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now = new Date(),
): Promise<string> {
  const watch = await ownWatch(db, viewer, id);
  const key = randomBytes(24).toString('base64url');
  await updateFeedKeyHash(db, watch.id, sha256(key), now.toISOString());
  return key;
}

/** Deletes a watch of the viewer's, with its matches and deliveries. */
export async function deleteWatch(
  db: Db,
  viewer: Viewer | null,
  id: string,
  now = new Date(),
): Promise<void> {
  const watch = await ownWatch(db, viewer, id);
  await deleteWatchRow(db, watch.id);
  await recordEvent(
    db,
    {
      actor: viewer!.id,
      action: 'watch.deleted',
      subjectType: 'watch',
      subjectId: watch.id,
      data: {},
    },
    now,
  );
}

/** The watch behind a feed key and its newest matches, or WATCH_NOT_FOUND. */
export async function getWatchFeed(
  db: Db,
  key: string,
): Promise<{ watch: Watch; hits: WatchHit[] }> {
  const watch = /^[A-Za-z0-9_-]{20,64}$/.test(key)
    ? await findWatchByFeedHash(db, sha256(key))
    : undefined;
  if (!watch) throw new PlenumError('WATCH_NOT_FOUND');
  return { watch, hits: await listHits(db, watch.id, 100) };
}

/** A watch whose e-mail digest is due, with its owner (who receives it, in their language). */
export type DueDigest = Awaited<ReturnType<typeof listDigestsDue>>[number];

/** The watches asking for a digest whose last one was marked at or before `before`. */
export async function findDigestsDue(db: Db, before: string): Promise<DueDigest[]> {
  return listDigestsDue(db, before);
}

/**
 * Takes a watch's digest in the caller's transaction (the one that writes its message): moves its
 * mark from the one seen to `mark`, and returns the matches since the one seen, oldest first (at
 * most 100); undefined when another process took it first.
 */
export async function takeDigest(
  db: Db,
  watch: DueDigest,
  mark: string,
): Promise<WatchHit[] | undefined> {
  if (!(await moveDigestMark(db, watch.id, watch.digestSentAt, mark))) return undefined;
  return (await listHits(db, watch.id, 100, watch.digestSentAt)).toReversed();
}
