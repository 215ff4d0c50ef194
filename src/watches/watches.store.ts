/** SQL for watches, their matches and their webhook deliveries. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { shapedChunks } from '../db/statement-shapes.ts';
import type { StakeholderGroup } from '../organisations/organisations.schema.ts';
import type { IndexedPassage, Watch, WatchHit, WebhookDelivery } from './watches.schema.ts';
import type { WatchTable, WebhookDeliveryTable } from './watches.table.ts';

function toWatch(row: WatchTable): Watch {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    query: row.query,
    conceptIds: JSON.parse(row.concepts) as string[],
    processIds: JSON.parse(row.processes) as string[],
    groups: JSON.parse(row.groups) as StakeholderGroup[],
    webhookUrl: row.webhook_url,
    webhookSecret: row.webhook_secret,
    emailDigest: Number(row.email_digest) === 1,
    createdAt: row.created_at,
  };
}

/** Inserts a watch row. */
export async function insertWatch(db: Db, row: WatchTable): Promise<void> {
  await db.insertInto('watches').values(row).execute();
}

/** The watch with this id, if any. */
export async function findWatch(db: Db, id: string): Promise<Watch | undefined> {
  const row = await db.selectFrom('watches').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWatch(row) : undefined;
}

/** The watch whose feed key has this hash, if any. */
export async function findWatchByFeedHash(db: Db, hash: string): Promise<Watch | undefined> {
  const row = await db
    .selectFrom('watches')
    .selectAll()
    .where('feed_key_hash', '=', hash)
    .executeTakeFirst();
  return row ? toWatch(row) : undefined;
}

/** An account's watches, newest first. */
export async function listWatchesOf(db: Db, accountId: string): Promise<Watch[]> {
  const rows = await db
    .selectFrom('watches')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toWatch);
}

/** An account's watches by id (ids only grow), after `after` when given, at most `limit`. */
export async function listWatchesOfAfter(
  db: Db,
  accountId: string,
  after: string | undefined,
  limit: number,
): Promise<Watch[]> {
  let query = db
    .selectFrom('watches')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .limit(limit);
  if (after !== undefined) query = query.where('id', '>', after);
  return (await query.execute()).map(toWatch);
}

/** Every watch: what the matching index is built from. */
export async function listAllWatches(db: Db): Promise<Watch[]> {
  return (await db.selectFrom('watches').selectAll().execute()).map(toWatch);
}

/** A stamp that changes whenever a watch is made, changed or deleted. */
export async function watchesStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('watches')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirst();
  return `${String(row?.at ?? '')}|${Number(row?.n ?? 0)}`;
}

/** Sets a watch's feed key hash. */
export async function updateFeedKeyHash(
  db: Db,
  id: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('watches')
    .set({ feed_key_hash: hash, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Changes what a watch follows and where it sends (its feed key and matches stay). */
export async function updateWatchRow(
  db: Db,
  id: string,
  changes: Pick<
    WatchTable,
    | 'name'
    | 'query'
    | 'concepts'
    | 'processes'
    | 'groups'
    | 'webhook_url'
    | 'webhook_secret'
    | 'email_digest'
    | 'updated_at'
  >,
): Promise<void> {
  await db.updateTable('watches').set(changes).where('id', '=', id).execute();
}

/** Deletes a watch with its matches and deliveries. */
export async function deleteWatchRow(db: Db, id: string): Promise<void> {
  const deliveries = db.selectFrom('webhook_deliveries').select('id').where('watch_id', '=', id);
  await db.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await db.deleteFrom('webhook_deliveries').where('watch_id', '=', id).execute();
  await db.deleteFrom('watch_hits').where('watch_id', '=', id).execute();
  await db.deleteFrom('watches').where('id', '=', id).execute();
}

/**
 * Records many matches in a few statements; returns those that are new (a watch that already had
 * the passage is skipped), so their webhook deliveries can be queued.
 */
export async function insertNewHits(
  db: Db,
  rows: { watch_id: string; source_id: string; matched_at: string }[],
): Promise<{ watch_id: string; source_id: string }[]> {
  const added: { watch_id: string; source_id: string }[] = [];
  for (const chunk of shapedChunks(rows, 256)) {
    added.push(
      ...(await db
        .insertInto('watch_hits')
        .values(chunk)
        .onConflict((oc) => oc.columns(['watch_id', 'source_id']).doNothing())
        .returning(['watch_id', 'source_id'])
        .execute()),
    );
  }
  return added;
}

/** Queues many deliveries in a few statements. */
export async function insertDeliveries(db: Db, rows: WebhookDeliveryTable[]): Promise<void> {
  for (const chunk of shapedChunks(rows, 64))
    await db.insertInto('webhook_deliveries').values(chunk).execute();
}

/** A watch's newest matches that are still public (made after `since`, if given). */
export async function listHits(
  db: Db,
  watchId: string,
  limit: number,
  since?: string,
): Promise<WatchHit[]> {
  let query = db
    .selectFrom('watch_hits as h')
    .innerJoin('search_items as s', 's.source_id', 'h.source_id')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .select([
      'h.source_id',
      'h.matched_at',
      's.kind',
      's.date',
      's.title',
      's.symbol',
      's.address',
      's.href',
      's.language',
      's.organisation_name',
      's.text',
    ])
    .where('h.watch_id', '=', watchId)
    .where((eb) => eb.or([eb('v.public', '=', 1), eb('s.version_id', 'is', null)]));
  if (since !== undefined) query = query.where('h.matched_at', '>', since);
  const rows = await query
    .orderBy('h.matched_at', 'desc')
    .orderBy('h.source_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    sourceId: r.source_id,
    kind: r.kind,
    date: r.date,
    matchedAt: r.matched_at,
    title: r.title,
    symbol: r.symbol,
    address: r.address,
    href: r.href,
    language: r.language,
    organisationName: r.organisation_name,
    text: r.text,
  }));
}

/** Deliveries whose next attempt is due, oldest first. */
export async function listDueDeliveries(
  db: Db,
  now: string,
  limit: number,
): Promise<
  (WebhookDeliveryTable & { webhook_url: string | null; webhook_secret: string | null })[]
> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('watches as w', 'w.id', 'd.watch_id')
    .selectAll('d')
    .select(['w.webhook_url', 'w.webhook_secret'])
    .where('d.state', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Takes a due delivery for this process: moves its next attempt to `leaseUntil` if nobody else
 * has (the row still shows the time read). True when this process now owns the attempt.
 */
export async function claimDelivery(
  db: Db,
  id: string,
  seenNext: string,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '=', seenNext)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Logs one attempt and moves the delivery on: delivered, due again later, or failed. */
export async function recordAttempt(
  db: Db,
  id: string,
  attempt: { number: number; at: string; status: number | null; error: string | null },
  next: { state: 'delivered' | 'pending' | 'failed'; nextAttemptAt: string },
): Promise<void> {
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: id,
      attempt: attempt.number,
      at: attempt.at,
      status: attempt.status,
      error: attempt.error,
    })
    .execute();
  await db
    .updateTable('webhook_deliveries')
    .set({
      state: next.state,
      attempts: attempt.number,
      next_attempt_at: next.nextAttemptAt,
      delivered_at: next.state === 'delivered' ? attempt.at : null,
    })
    .where('id', '=', id)
    .execute();
}

/** A watch's newest deliveries with their attempts: the delivery log. */
export async function listDeliveries(
  db: Db,
  watchId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('watch_id', '=', watchId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where(
      'delivery_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('attempt')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    state: r.state as WebhookDelivery['state'],
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: Number(a.attempt),
        at: a.at,
        status: a.status === null ? null : Number(a.status),
        error: a.error,
      })),
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  }));
}

/** The indexed passages of a version and the comments on it, as watches are matched against them. */
export async function listVersionPassages(db: Db, versionId: string): Promise<IndexedPassage[]> {
  const rows = await passagesQuery(db)
    .where('s.version_id', '=', versionId)
    .orderBy('s.seq')
    .execute();
  return rows.map(toPassage);
}

/** Indexed passages by their source ids (those still in the index), as watches match them. */
export async function listPassagesBySource(db: Db, sourceIds: string[]): Promise<IndexedPassage[]> {
  const passages: IndexedPassage[] = [];
  for (const chunk of shapedChunks(sourceIds, 512)) {
    const rows = await passagesQuery(db)
      .where('s.source_id', 'in', chunk)
      .orderBy('s.seq')
      .execute();
    passages.push(...rows.map(toPassage));
  }
  return passages;
}

/** The concept ids each passage is tagged with. */
export async function listTagsOf(db: Db, sourceIds: string[]): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  for (const chunk of shapedChunks(sourceIds, 512)) {
    const rows = await db
      .selectFrom('concept_tags')
      .select(['source_id', 'concept_id'])
      .where('source_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      const list = tags.get(row.source_id);
      if (list) list.push(row.concept_id);
      else tags.set(row.source_id, [row.concept_id]);
    }
  }
  return tags;
}

function passagesQuery(db: Db) {
  return db
    .selectFrom('search_items as s')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .select([
      's.source_id',
      's.kind',
      's.process_id',
      's.stakeholder_group',
      's.date',
      's.language',
      's.text',
      'v.public',
    ]);
}

function toPassage(row: {
  source_id: string;
  kind: string;
  process_id: string;
  stakeholder_group: string | null;
  date: string;
  language: string;
  text: string;
  public: number | null;
}): IndexedPassage {
  return {
    sourceId: row.source_id,
    kind: row.kind,
    processId: row.process_id,
    stakeholderGroup: row.stakeholder_group,
    at: row.date,
    language: row.language,
    text: row.text,
    // A passage is public as its version is (a submission is in the index only while published,
    // a registry measure is public once recorded); a comment on a version in preparation is heard
    // by no watch until the version is published.
    public:
      row.public === null
        ? row.kind === 'submission' || row.kind === 'measure'
        : Number(row.public) === 1,
  };
}

/** Watches whose owner wants a digest and whose last one was sent at or before `before`. */
export async function listDigestsDue(
  db: Db,
  before: string,
): Promise<
  (Watch & { digestSentAt: string; email: string; ownerName: string; language: string })[]
> {
  const rows = await db
    .selectFrom('watches as w')
    .innerJoin('accounts as a', 'a.id', 'w.account_id')
    .selectAll('w')
    .select(['a.email', 'a.name as owner_name', 'a.language as owner_language'])
    .where('w.email_digest', '=', 1)
    // Only to an address its owner confirmed: nobody gets daily mail they never asked for.
    .where('a.email_verified_at', 'is not', null)
    .where('w.digest_sent_at', '<=', before)
    .orderBy('w.digest_sent_at')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    ...toWatch(r),
    digestSentAt: r.digest_sent_at!,
    email: r.email,
    ownerName: r.owner_name,
    language: r.owner_language,
  }));
}

/**
 * Moves a watch's digest mark from `seen` to `to` if no other process has (the row still holds
 * `seen`); true when this process now sends that digest. Also puts a mark back after a failure.
 */
export async function moveDigestMark(
  db: Db,
  watchId: string,
  seen: string,
  to: string,
): Promise<boolean> {
  const result = await db
    .updateTable('watches')
    .set({ digest_sent_at: to })
    .where('id', '=', watchId)
    .where('digest_sent_at', '=', seen)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The newest public passages (at most `limit`) that hold one of the terms of each word in
 * `words` (the first is the rarest: its postings are read, newest first) or, without words, that
 * are tagged with one of `conceptIds`; within the processes and groups given. A watch's past
 * matches; its phrases and its concepts (when it has words too) are checked by the caller.
 */
export async function listPastMatches(
  db: Db,
  query: {
    words: string[][];
    conceptIds: string[];
    processIds: string[];
    groups: string[];
    limit: number;
  },
): Promise<{ sourceId: string; language: string; text: string; day: number }[]> {
  const [driver, ...others] = query.words;
  // Read newest first along an index: the driving word's postings, else the concepts' tags.
  const from = driver
    ? sql`search_postings p join search_items s on s.seq = p.item where p.term in (${sql.join(driver)})`
    : sql`search_items s where exists (select 1 from concept_tags t where t.source_id = s.source_id and t.concept_id in (${sql.join(query.conceptIds)}))`;
  const conditions = others.map(
    (terms) =>
      sql`exists (select 1 from search_postings o where o.term in (${sql.join(terms)}) and o.day = s.day and o.item = s.seq)`,
  );
  if (query.processIds.length > 0)
    conditions.push(sql`s.process_id in (${sql.join(query.processIds)})`);
  if (query.groups.length > 0)
    conditions.push(sql`s.stakeholder_group in (${sql.join(query.groups)})`);
  // Public only: a version in preparation (and the comments on it) is heard by no watch.
  conditions.push(
    sql`(s.version_id is null or exists (select 1 from versions v where v.id = s.version_id and v.public = 1))`,
  );
  const order = driver ? sql`p.day desc, p.item desc` : sql`s.day desc, s.seq desc`;
  const { rows } = await sql<{ source_id: string; language: string; text: string; day: number }>`
    select s.source_id, s.language, s.text, s.day from ${from}
    and ${sql.join(conditions, sql` and `)}
    order by ${order} limit ${query.limit}`.execute(db);
  return rows.map((r) => ({
    sourceId: r.source_id,
    language: r.language,
    text: r.text,
    day: Number(r.day),
  }));
}

/** Records many matches at one instant, skipping those the watch already had. */
export async function insertHits(
  db: Db,
  watchId: string,
  sourceIds: string[],
  at: string,
): Promise<void> {
  for (const chunk of shapedChunks(sourceIds, 256)) {
    await db
      .insertInto('watch_hits')
      .values(chunk.map((source_id) => ({ watch_id: watchId, source_id, matched_at: at })))
      .onConflict((oc) => oc.columns(['watch_id', 'source_id']).doNothing())
      .execute();
  }
}
