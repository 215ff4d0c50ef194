/** SQL for the search index: passages, their postings, and what indexing reads from elsewhere. */
import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { shapedChunks, shapedList } from '../db/statement-shapes.ts';
import type { SearchItemTable } from './search.table.ts';

// Both engines cap bound parameters per statement; 512 rows of 4 columns stays well under.
const postingChunk = 512;
/** Source ids looked up in one statement. */
const sourceChunk = 1024;

/** A passage row ready to insert (the database numbers it). */
export type NewSearchItem = Omit<SearchItemTable, 'seq'>;

/** A stored passage with its number. */
export type SearchItemRow = Omit<SearchItemTable, 'seq'> & { seq: number };

/** Filters of a search, on the passage's own columns. */
export interface ItemFilters {
  processId?: string;
  documentId?: string;
  language?: string;
  group?: string;
  country?: string;
  kind?: string;
  /** Days since 1970, inclusive. */
  fromDay?: number;
  toDay?: number;
}

/** Where a scan of a term's postings stands: the last (day, item) already read. */
export interface PostingCursor {
  day: number;
  item: number;
}

/** Passage rows inserted per statement (19 columns each, under both engines' parameter caps). */
const itemChunk = 32;

/** Inserts passages and all their postings in few statements. */
export async function insertSearchItems(
  db: Db,
  items: { item: NewSearchItem; terms: string[] }[],
): Promise<void> {
  const postings: { term: string; day: number; item: number; lang: string }[] = [];
  for (const chunk of shapedChunks(items, itemChunk)) {
    const rows = await db
      .insertInto('search_items')
      .values(chunk.map((c) => c.item))
      .returning(['seq', 'source_id'])
      .execute();
    // Each passage's number is matched by its source, not by the order of the returned rows,
    // so the postings can never land on the wrong passage.
    const bySource = new Map(rows.map((r) => [r.source_id, Number(r.seq)]));
    for (const { item, terms } of chunk) {
      const seq = bySource.get(item.source_id)!;
      for (const term of terms)
        postings.push({ term, day: item.day, item: seq, lang: item.language });
    }
  }
  await insertPostings(db, postings);
}

/** Indexed passages of these sources, by source id. */
export async function findSearchItemsBySource(
  db: Db,
  sourceIds: string[],
): Promise<Map<string, { seq: number; day: number; text: string }>> {
  const found = new Map<string, { seq: number; day: number; text: string }>();
  if (sourceIds.length === 0) return found;
  // In chunks: SQLite allows at most 32,766 variables in a statement, and an import may have
  // 100,000 blocks.
  for (const chunk of shapedChunks(sourceIds, sourceChunk)) {
    const rows = await db
      .selectFrom('search_items')
      .select(['seq', 'day', 'text', 'source_id'])
      .where('source_id', 'in', shapedList(chunk))
      .execute();
    for (const r of rows) found.set(r.source_id, { seq: Number(r.seq), day: r.day, text: r.text });
  }
  return found;
}

/** Inserts postings in chunks. */
export async function insertPostings(
  db: Db,
  rows: { term: string; day: number; item: number; lang: string }[],
): Promise<void> {
  for (const chunk of shapedChunks(rows, postingChunk)) {
    await db.insertInto('search_postings').values(chunk).execute();
  }
}

/** The passage made from this block or submission, if it is indexed. */
export async function findSearchItemBySource(
  db: Db,
  sourceId: string,
): Promise<{ seq: number; day: number; text: string } | undefined> {
  const row = await db
    .selectFrom('search_items')
    .select(['seq', 'day', 'text'])
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), day: Number(row.day), text: row.text } : undefined;
}

/** True when some passage of this language version's blocks is indexed. */
export async function isBlockIndexed(db: Db, blockId: string): Promise<boolean> {
  return (await findSearchItemBySource(db, blockId)) !== undefined;
}

/** Removes a passage and its postings (the terms are those it was indexed under). */
export async function deleteSearchItem(
  db: Db,
  item: { seq: number; day: number },
  terms: string[],
): Promise<void> {
  for (let i = 0; i < terms.length; i += postingChunk) {
    await db
      .deleteFrom('search_postings')
      .where('term', 'in', terms.slice(i, i + postingChunk))
      .where('day', '=', item.day)
      .where('item', '=', item.seq)
      .execute();
  }
  await db.deleteFrom('search_items').where('seq', '=', item.seq).execute();
}

/** Empties the index (before a rebuild). */
export async function clearSearchIndex(db: Db): Promise<void> {
  await db.deleteFrom('search_postings').execute();
  await db.deleteFrom('search_items').execute();
}

/** How many passages are indexed under a term, counted up to `cap`. */
export async function countPostings(
  db: Db,
  term: string,
  cap: number,
  days: { fromDay?: number; toDay?: number } = {},
): Promise<number> {
  let inner = db.selectFrom('search_postings').select('item').where('term', '=', term).limit(cap);
  if (days.fromDay !== undefined) inner = inner.where('day', '>=', days.fromDay);
  if (days.toDay !== undefined) inner = inner.where('day', '<=', days.toDay);
  const row = await db
    .selectFrom(inner.as('t'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The (day, item) of the `size`-th posting of a term after the cursor, newest first: the far end
 * of the next window to scan, or undefined when fewer postings are left.
 */
export async function postingWindowEnd(
  db: Db,
  term: string,
  size: number,
  after: PostingCursor | undefined,
  days: { fromDay?: number; toDay?: number },
): Promise<PostingCursor | undefined> {
  const query = db
    .selectFrom('search_postings as p')
    .select(['p.day', 'p.item'])
    .where('p.term', '=', term);
  const row = await query
    .where(beforeCursor(after))
    .where(inDays(days))
    .orderBy('p.day', 'desc')
    .orderBy('p.item', 'desc')
    .limit(1)
    .offset(size - 1)
    .executeTakeFirst();
  return row ? { day: Number(row.day), item: Number(row.item) } : undefined;
}

/**
 * The first `limit` passages in one window of the driving term's postings (after `after`, down
 * to and including `until`) that are also indexed under every other term and pass the filters,
 * newest first. Versions in `hiddenVersions` are left out.
 */
export async function matchWindow(
  db: Db,
  query: {
    driver: string;
    others: string[];
    filters: ItemFilters;
    hiddenVersions: string[];
    withFolded: boolean;
  },
  after: PostingCursor | undefined,
  until: PostingCursor | undefined,
  limit: number,
): Promise<{ day: number; item: number; folded: string | null }[]> {
  const { filters } = query;
  const needsItem =
    query.withFolded ||
    query.hiddenVersions.length > 0 ||
    filters.processId !== undefined ||
    filters.documentId !== undefined ||
    filters.group !== undefined ||
    filters.country !== undefined ||
    filters.kind !== undefined;
  let q = db
    .selectFrom('search_postings as p')
    .select(['p.day', 'p.item'])
    .where('p.term', '=', query.driver);
  q = q.where(beforeCursor(after)).where(inDays(filters));
  if (filters.language !== undefined) q = q.where('p.lang', '=', filters.language);
  if (until) {
    q = q.where(sql<SqlBool>`(p.day, p.item) >= (${until.day}, ${until.item})`);
  }
  for (const term of query.others) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('search_postings as o')
          .select(sql.lit(1).as('one'))
          .where('o.term', '=', term)
          .whereRef('o.day', '=', 'p.day')
          .whereRef('o.item', '=', 'p.item')
          // The window's range again: whichever plan the engine picks (PostgreSQL may hash the
          // other term's postings instead of probing them), it reads only this window's part.
          .$call((b) =>
            after ? b.where(sql<SqlBool>`(o.day, o.item) < (${after.day}, ${after.item})`) : b,
          )
          .$call((b) =>
            until ? b.where(sql<SqlBool>`(o.day, o.item) >= (${until.day}, ${until.item})`) : b,
          ),
      ),
    );
  }
  const ordered = (
    needsItem
      ? q
          .innerJoin('search_items as i', 'i.seq', 'p.item')
          .select(
            query.withFolded ? sql<string>`i.folded`.as('folded') : sql<null>`null`.as('folded'),
          )
          .$call((b) => {
            let c = b;
            if (filters.processId !== undefined)
              c = c.where('i.process_id', '=', filters.processId);
            if (filters.documentId !== undefined)
              c = c.where('i.document_id', '=', filters.documentId);
            if (filters.group !== undefined) c = c.where('i.stakeholder_group', '=', filters.group);
            if (filters.country !== undefined) c = c.where('i.country', '=', filters.country);
            if (filters.kind !== undefined) c = c.where('i.kind', '=', filters.kind);
            if (query.hiddenVersions.length > 0) {
              c = c.where((eb) =>
                eb.or([
                  eb('i.version_id', 'is', null),
                  eb('i.version_id', 'not in', query.hiddenVersions),
                ]),
              );
            }
            return c;
          })
      : q.select(sql<null>`null`.as('folded'))
  )
    .orderBy('p.day', 'desc')
    .orderBy('p.item', 'desc')
    .limit(limit);
  const rows = await ordered.execute();
  return rows.map((r) => ({
    day: Number(r.day),
    item: Number(r.item),
    folded: (r.folded as string | null) ?? null,
  }));
}

/** Postings after the cursor, newest first: (day, item) strictly before it. */
function beforeCursor(after: PostingCursor | undefined): RawBuilder<SqlBool> {
  if (!after) return sql<SqlBool>`1 = 1`;
  // A row comparison, not an OR: both engines read it as one range of the primary key, so the
  // scan runs in key order and stops at the LIMIT (PostgreSQL otherwise sorts a bitmap scan).
  return sql<SqlBool>`(p.day, p.item) < (${after.day}, ${after.item})`;
}

/** Postings inside the day range, when one is given. */
function inDays(days: { fromDay?: number; toDay?: number }): RawBuilder<SqlBool> {
  const from = days.fromDay ?? -1_000_000;
  const to = days.toDay ?? 1_000_000;
  return sql<SqlBool>`p.day between ${from} and ${to}`;
}

/** The versions no one but their process's staff may read, with their process. */
export async function listHiddenVersions(
  db: Db,
): Promise<{ versionId: string; processId: string }[]> {
  const rows = await db
    .selectFrom('versions')
    .innerJoin('documents', 'documents.id', 'versions.document_id')
    .select(['versions.id', 'documents.process_id'])
    .where('versions.public', '=', 0)
    .execute();
  return rows.map((r) => ({ versionId: r.id, processId: r.process_id }));
}

/** Passages by number, in no particular order. */
export async function loadSearchItems(db: Db, seqs: number[]): Promise<SearchItemRow[]> {
  if (seqs.length === 0) return [];
  const rows = await db.selectFrom('search_items').selectAll().where('seq', 'in', seqs).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), day: Number(r.day) }));
}

/** What indexing a language version needs: its blocks with their document and version. */
export async function findLanguageVersionForIndex(
  db: Db,
  languageVersionId: string,
): Promise<
  | {
      language: string;
      importedAt: string;
      versionId: string;
      versionSeq: number;
      versionDate: string | null;
      documentId: string;
      symbol: string | null;
      title: string;
      processId: string;
      blocks: { id: string; kind: string; address: string; text: string; rows: string | null }[];
    }
  | undefined
> {
  const head = await db
    .selectFrom('language_versions as lv')
    .innerJoin('versions as v', 'v.id', 'lv.version_id')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .select([
      'lv.language',
      'lv.imported_at',
      'v.id as version_id',
      'v.seq',
      'v.date',
      'd.id as document_id',
      'd.symbol',
      'd.title',
      'd.process_id',
    ])
    .where('lv.id', '=', languageVersionId)
    .executeTakeFirst();
  if (!head) return undefined;
  const blocks = await db
    .selectFrom('blocks')
    .select(['id', 'kind', 'address', 'text', 'rows'])
    .where('language_version_id', '=', languageVersionId)
    .orderBy('seq')
    .execute();
  return {
    language: head.language,
    importedAt: head.imported_at,
    versionId: head.version_id,
    versionSeq: Number(head.seq),
    versionDate: head.date,
    documentId: head.document_id,
    symbol: head.symbol,
    title: head.title,
    processId: head.process_id,
    blocks,
  };
}

/** What indexing a submission needs: its text, status, organisation and where it was made. */
export interface SubmissionForIndex {
  id: string;
  status: string;
  title: string | null;
  body: string;
  language: string;
  publishedAt: string | null;
  receivedAt: string;
  processId: string;
  versionId: string;
  documentId: string;
  symbol: string | null;
  documentTitle: string;
  organisationId: string;
  organisationName: string;
  stakeholderGroup: string;
  country: string | null;
}

/** What indexing these submissions needs, those that exist, in one query. */
export async function findSubmissionsForIndex(
  db: Db,
  submissionIds: string[],
): Promise<SubmissionForIndex[]> {
  if (submissionIds.length === 0) return [];
  const rows = await db
    .selectFrom('submissions as s')
    .innerJoin('comment_periods as cp', 'cp.id', 's.period_id')
    .innerJoin('versions as v', 'v.id', 'cp.version_id')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.status',
      's.title',
      's.body',
      's.language',
      's.published_at',
      's.received_at',
      'cp.process_id',
      'v.id as version_id',
      'd.id as document_id',
      'd.symbol',
      'd.title as document_title',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.stakeholder_group',
      'o.country',
    ])
    .where('s.id', 'in', shapedList(submissionIds))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    title: row.title,
    body: row.body,
    language: row.language,
    publishedAt: row.published_at,
    receivedAt: row.received_at,
    processId: row.process_id,
    versionId: row.version_id,
    documentId: row.document_id,
    symbol: row.symbol,
    documentTitle: row.document_title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    stakeholderGroup: row.stakeholder_group,
    country: row.country,
  }));
}

/**
 * Runs the queries of one search. On PostgreSQL they run in one transaction without parallel
 * workers: a search is a few short lookups along the postings index, and starting workers for
 * them cost more than the lookups (a rare Arabic word with a common one: 87 ms with two workers,
 * 4 ms without, measured on 1,000,000 passages). SQLite has no such workers.
 */
export async function inSearchSession<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return work(db);
  const tuned = async (trx: Db): Promise<T> => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? tuned(db) : (db as Kysely<Database>).transaction().execute(tuned);
}

/** Ids of every language version, oldest import first, a page at a time (for a rebuild). */
export async function listLanguageVersionIds(
  db: Db,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('language_versions')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of every published submission, a page at a time (for a rebuild). */
export async function listPublishedSubmissionIds(
  db: Db,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('submissions')
    .select('id')
    .where('status', '=', 'published')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** How many passages and postings the index holds. */
export async function countSearchIndex(db: Db): Promise<{ items: number; postings: number }> {
  const [items, postings] = await Promise.all([
    db
      .selectFrom('search_items')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('search_postings')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst(),
  ]);
  return { items: Number(items?.n ?? 0), postings: Number(postings?.n ?? 0) };
}
