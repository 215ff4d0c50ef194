/** SQL for the search index: passages, their postings, and what indexing reads from elsewhere. */
import {
  PostgresAdapter,
  sql,
  type CompiledQuery,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
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

/** Passage rows inserted per statement (19 columns each, under both engines' parameter caps). */
const itemChunk = 32;

/** A posting ready to insert. */
export interface NewPosting {
  term: string;
  day: number;
  item: number;
  lang: string;
  weight: number;
}

/**
 * Inserts passages and all their postings (each term with its weight) in few statements, and
 * counts them in `search_terms`.
 */
export async function insertSearchItems(
  db: Db,
  items: { item: NewSearchItem; weights: Map<string, number> }[],
): Promise<void> {
  if (items.length === 0) return;
  const postings: NewPosting[] = [];
  for (const chunk of shapedChunks(items, itemChunk)) {
    const rows = await db
      .insertInto('search_items')
      .values(chunk.map((c) => c.item))
      .returning(['seq', 'source_id'])
      .execute();
    // Each passage's number is matched by its source, not by the order of the returned rows,
    // so the postings can never land on the wrong passage.
    const bySource = new Map(rows.map((r) => [r.source_id, Number(r.seq)]));
    for (const { item, weights } of chunk) {
      const seq = bySource.get(item.source_id)!;
      for (const [term, weight] of weights)
        postings.push({ term, day: item.day, item: seq, lang: item.language, weight });
    }
  }
  await insertPostings(db, postings);
  await countTermPassages(db, postings, items.length);
}

/**
 * Adds to the passage counts of the postings' terms (`sign` -1 takes them off), and `passages`
 * to the count of all passages (the empty term).
 */
export async function countTermPassages(
  db: Db,
  postings: { term: string }[],
  passages: number,
  sign: 1 | -1 = 1,
): Promise<void> {
  const counts = new Map<string, number>([['', passages]]);
  for (const { term } of postings) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Sorted, so two writers lock the rows in one order.
  const rows = [...counts]
    .toSorted((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([term, n]) => ({ term, passages: sign * n }));
  for (const chunk of shapedChunks(rows, postingChunk)) {
    await db
      .insertInto('search_terms')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('term').doUpdateSet({
          passages: sql<number>`search_terms.passages + excluded.passages`,
        }),
      )
      .execute();
  }
}

/** How many passages each term is in, and how many there are in all. */
export async function termPassages(
  db: Db,
  terms: string[],
): Promise<{ byTerm: Map<string, number>; all: number }> {
  const rows = await db
    .selectFrom('search_terms')
    .select(['term', 'passages'])
    .where('term', 'in', shapedList(['', ...terms]))
    .execute();
  const byTerm = new Map(rows.map((r) => [r.term, Number(r.passages)]));
  const all = byTerm.get('') ?? 0;
  byTerm.delete('');
  return { byTerm, all };
}

/** Indexed passages of these sources, by source id. */
export async function findSearchItemsBySource(
  db: Db,
  sourceIds: string[],
): Promise<Map<string, { seq: number; day: number; text: string; language: string }>> {
  const found = new Map<string, { seq: number; day: number; text: string; language: string }>();
  if (sourceIds.length === 0) return found;
  // In chunks: SQLite allows at most 32,766 variables in a statement, and an import may have
  // 100,000 blocks.
  for (const chunk of shapedChunks(sourceIds, sourceChunk)) {
    const rows = await db
      .selectFrom('search_items')
      .select(['seq', 'day', 'text', 'language', 'source_id'])
      .where('source_id', 'in', shapedList(chunk))
      .execute();
    for (const r of rows)
      found.set(r.source_id, {
        seq: Number(r.seq),
        day: r.day,
        text: r.text,
        language: r.language,
      });
  }
  return found;
}

/** Inserts postings in chunks. */
export async function insertPostings(db: Db, rows: NewPosting[]): Promise<void> {
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

/** Removes a passage and its postings, and takes them off the term counts. */
export async function deleteSearchItem(db: Db, item: { seq: number; day: number }): Promise<void> {
  const postings = await db
    .selectFrom('search_postings')
    .select('term')
    .where('item', '=', item.seq)
    .where('day', '=', item.day)
    .execute();
  const terms = postings.map((p) => p.term);
  for (const chunk of shapedChunks(terms, postingChunk)) {
    await db
      .deleteFrom('search_postings')
      .where('term', 'in', chunk)
      .where('day', '=', item.day)
      .where('item', '=', item.seq)
      .execute();
  }
  await db.deleteFrom('search_items').where('seq', '=', item.seq).execute();
  await countTermPassages(db, postings, 1, -1);
}

/** Empties the index (before a rebuild). */
export async function clearSearchIndex(db: Db): Promise<void> {
  await db.deleteFrom('search_postings').execute();
  await db.deleteFrom('search_items').execute();
  await db.deleteFrom('search_terms').execute();
}

/** One passage that holds the driving word, with what ranking, facets and grouping need. */
export interface Candidate {
  item: number;
  day: number;
  /** The weight of each word looked up in SQL (the best of its terms), null where it is absent. */
  weights: (number | null)[];
  sourceId: string;
  kind: string;
  language: string;
  processId: string;
  documentId: string | null;
  versionId: string | null;
  address: string | null;
  stakeholderGroup: string | null;
  country: string | null;
  /**
   * The text when asked for (words and phrases checked on the passage), or its folded text (Han
   * runs alone are looked for in it), else null.
   */
  text: string | null;
}

/**
 * The newest passages (at most `limit`) that hold the first word of `words` (the driver: any of
 * its terms), every other word and pass the filters, with each word's weight. At most `budget`
 * postings of the driver are read (newest first) when it has more. Versions in `hiddenVersions`
 * are left out.
 */
export async function findCandidates(
  db: Db,
  query: CandidateQuery,
  limit: number,
): Promise<Candidate[]> {
  const others = query.words.length - 1;
  const { rows } = await db.executeQuery<Record<string, unknown>>(
    candidatesQuery(db, query, limit).compile(),
  );
  const out: Candidate[] = new Array(rows.length);
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n]!;
    const weights: (number | null)[] = [Number(r.weight)];
    for (let k = 0; k < others; k++) {
      const w = r[`w${k}`];
      weights.push(w == null ? null : Number(w));
    }
    out[n] = {
      item: Number(r.item),
      day: Number(r.day),
      weights,
      sourceId: r.source_id as string,
      kind: r.kind as string,
      language: r.language as string,
      processId: r.process_id as string,
      documentId: r.document_id as string | null,
      versionId: r.version_id as string | null,
      address: r.address as string | null,
      stakeholderGroup: r.stakeholder_group as string | null,
      country: r.country as string | null,
      text: (r.text as string | null) ?? null,
    };
  }
  return out;
}

/** What findCandidates looks for: the words in the order they are looked up, driver first. */
export interface CandidateQuery {
  words: string[][];
  filters: ItemFilters;
  hiddenVersions: string[];
  /** The passage's text, its folded text, or neither (read from the narrow index alone). */
  withText: 'text' | 'folded' | false;
  budget: number | undefined;
}

/**
 * The statement of findCandidates (exported for the test of its plan). Without the text, the
 * passages' columns are read from the narrow index `search_items_facets` (migration 0044) and
 * not from their wide rows: SQLite looks a rowid up in the table unless told (INDEXED BY), and
 * PostgreSQL reads the index alone once the table is vacuumed.
 */
export function candidatesQuery(
  db: Db,
  query: CandidateQuery,
  limit: number,
): { compile(): CompiledQuery } {
  const built = candidatesStatement(db, query, limit);
  if (query.withText) return built;
  return { compile: () => onNarrowIndex(db, built.compile()) };
}

/**
 * A statement reading passages `i` made to read them from `search_items_facets` on SQLite (its
 * planner takes the rowid into the table otherwise); PostgreSQL's is left as it is, as it
 * chooses the index by itself.
 */
function onNarrowIndex<R>(db: Db, compiled: CompiledQuery<R>): CompiledQuery<R> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return compiled;
  const from = '"search_items" as "i"';
  return { ...compiled, sql: compiled.sql.replace(from, `${from} indexed by search_items_facets`) };
}

/**
 * How many passages hold every word of `query` and pass its filters, counted up to `limit`
 * (the same walk along the driver's postings as findCandidates, at most `budget` of them), and
 * how many results they make (a paragraph in several languages is one): counted in SQL, from the
 * postings and the narrow index, without a row per passage. The words only: a query whose
 * phrases, Han runs or ninth word are checked on the text is not counted here.
 */
export async function countCandidates(
  db: Db,
  query: Omit<CandidateQuery, 'withText'>,
  limit: number,
): Promise<{ passages: number; results: number; rows: number }> {
  const matches = candidatesStatement(db, { ...query, withText: false }, limit, true);
  // A driver of several terms gives a passage holding two of them twice ("las": a Spanish
  // passage with "la" and "las"), so its passages are counted distinct; `rows` says whether the
  // walk stopped at the limit.
  const compiled = (
    query.words[0]!.length > 1
      ? sql<{
          passages: number | string;
          results: number | string;
          rows: number | string;
        }>`select count(distinct m.item) as passages,
    count(distinct case when m.result_key is null then m.item end)
      + count(distinct m.result_key) as results, count(*) as rows
    from (${matches}) as m`
      : sql<{
          passages: number | string;
          results: number | string;
          rows: number | string;
        }>`select count(*) as passages,
    count(*) - count(m.result_key) + count(distinct m.result_key) as results, count(*) as rows
    from (${matches}) as m`
  ).compile(db);
  const { rows } = await db.executeQuery(onNarrowIndex(db, compiled));
  return {
    passages: Number(rows[0]?.passages ?? 0),
    results: Number(rows[0]?.results ?? 0),
    rows: Number(rows[0]?.rows ?? 0),
  };
}

/**
 * The key a passage is grouped by, in SQL (as resultKey in search.service.ts): a measure's
 * languages are one, a paragraph or footnote is its version and address; null for a passage that
 * is a result of its own (a submission), so that only grouped passages go through DISTINCT.
 */
function resultKeySql(postgres: boolean): RawBuilder<string | null> {
  const measure = postgres
    ? sql`split_part(i.source_id, '~', 1)`
    : sql`substr(i.source_id, 1, instr(i.source_id || '~', '~') - 1)`;
  return sql<string | null>`case
    when i.kind = 'measure' then 'measure|' || ${measure}
    when i.kind <> 'submission' and coalesce(i.version_id, '') <> '' and coalesce(i.address, '') <> ''
      then (case when i.kind = 'footnote' then 'fn' else 'p' end) || '|' || i.version_id || '|' || i.address
    end`;
}

function candidatesStatement(db: Db, query: CandidateQuery, limit: number, keysOnly = false) {
  const { filters, words } = query;
  const [driver, ...others] = words as [string[], ...string[][]];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const postingsOf = (terms: string[]) => {
    let of = db
      .selectFrom('search_postings as d')
      .select(['d.day', 'd.item', 'd.weight'])
      .where('d.term', 'in', terms)
      .where(inDays(filters));
    if (filters.language !== undefined) of = of.where('d.lang', '=', filters.language);
    return of;
  };
  let postings = postingsOf(driver);
  if (!postgres && driver.length > 1) {
    // A driver of several terms (a Latin word stemmed for each language): each term's postings
    // newest first along the index, merged (UNION ALL with ORDER BY), so the newest come first
    // without reading them all. With `term in (…)` SQLite read and sorted every posting of the
    // terms: 370,000 for "las" (`la`, `las`), 175–205 ms for 2,000 candidates, 2 ms merged.
    postings = postingsOf([driver[0]!]);
    for (const term of driver.slice(1)) postings = postings.unionAll(postingsOf([term]));
    postings = postings.orderBy('day', 'desc').orderBy('item', 'desc');
    if (query.budget !== undefined) postings = postings.limit(query.budget);
  } else if (query.budget !== undefined)
    postings = postings.orderBy('d.day', 'desc').orderBy('d.item', 'desc').limit(query.budget);
  const weightOf = (terms: string[]) =>
    sql<number | null>`(select max(o.weight) from search_postings o where o.term in (${sql.join(
      terms,
    )}) and o.day = p.day and o.item = p.item)`;
  // Each other word is a lookup per passage of the driver, in the order given (rarest first).
  // On PostgreSQL a scalar subquery, which it never turns into a join, so the counts of
  // search_terms choose the plan and not the planner's sampled statistics (it made an EXISTS a
  // hash join that read every posting of the common word). On SQLite a word of one term is a
  // join on its posting: one lookup tells that the passage holds it and gives its weight, where
  // an EXISTS and then the weight's subquery looked it up twice (a word of several terms, which
  // a passage may hold twice, keeps the two); the joins come before the narrow index of the
  // passages, so a passage without the other words costs no entry of it.
  let joined = db.selectFrom(postings.as('p'));
  const weights: RawBuilder<number | null>[] = [];
  for (const [k, terms] of others.entries()) {
    const alias = `o${k}`;
    if (!postgres && terms.length === 1) {
      // CROSS JOIN: SQLite keeps the tables in the order written.
      joined = joined.crossJoin(`search_postings as ${alias}` as 'search_postings as o')
        .where(sql<SqlBool>`${sql.ref(`${alias}.term`)} = ${terms[0]!}
          and ${sql.ref(`${alias}.day`)} = p.day and ${sql.ref(`${alias}.item`)} = p.item`) as unknown as typeof joined;
      weights.push(sql<number>`${sql.ref(`${alias}.weight`)}`);
    } else weights.push(weightOf(terms));
  }
  let q = postgres
    ? joined.innerJoin('search_items as i', 'i.seq', 'p.item')
    : joined.crossJoin('search_items as i').whereRef('i.seq', '=', 'p.item');
  for (const [k, terms] of others.entries()) {
    if (!postgres && terms.length === 1) continue;
    q = postgres
      ? q.where(sql<SqlBool>`${weights[k]!} is not null`)
      : q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('search_postings as o')
              .select(sql.lit(1).as('one'))
              .where('o.term', 'in', terms)
              .whereRef('o.day', '=', 'p.day')
              .whereRef('o.item', '=', 'p.item'),
          ),
        );
  }
  if (filters.processId !== undefined) q = q.where('i.process_id', '=', filters.processId);
  if (filters.documentId !== undefined) q = q.where('i.document_id', '=', filters.documentId);
  if (filters.group !== undefined) q = q.where('i.stakeholder_group', '=', filters.group);
  if (filters.country !== undefined) q = q.where('i.country', '=', filters.country);
  if (filters.kind !== undefined) q = q.where('i.kind', '=', filters.kind);
  if (query.hiddenVersions.length > 0) {
    q = q.where((eb) =>
      eb.or([eb('i.version_id', 'is', null), eb('i.version_id', 'not in', query.hiddenVersions)]),
    );
  }
  if (keysOnly)
    return q
      .select(['p.day', 'p.item'])
      .select(resultKeySql(postgres).as('result_key'))
      .orderBy('p.day', 'desc')
      .orderBy('p.item', 'desc')
      .limit(limit);
  return q
    .select([
      'p.day',
      'p.item',
      'p.weight',
      'i.source_id',
      'i.kind',
      'i.language',
      'i.process_id',
      'i.document_id',
      'i.version_id',
      'i.address',
      'i.stakeholder_group',
      'i.country',
    ])
    .select(
      query.withText === 'folded'
        ? sql<string>`i.folded`.as('text')
        : query.withText
          ? sql<string>`i.text`.as('text')
          : sql<null>`null`.as('text'),
    )
    .select(weights.map((weight, k) => weight.as(`w${k}`)))
    .orderBy('p.day', 'desc')
    .orderBy('p.item', 'desc')
    .limit(limit);
}

/** Postings inside the day range, when one is given. */
function inDays(days: { fromDay?: number; toDay?: number }): RawBuilder<SqlBool> {
  const from = days.fromDay ?? -1_000_000;
  const to = days.toDay ?? 1_000_000;
  return sql<SqlBool>`d.day between ${from} and ${to}`;
}

/** The language versions of these paragraphs (version and address): language → where to read it. */
export async function listParagraphLanguages(
  db: Db,
  paragraphs: { versionId: string; address: string }[],
): Promise<{ versionId: string; address: string; language: string; href: string }[]> {
  if (paragraphs.length === 0) return [];
  const rows = await db
    .selectFrom('search_items')
    .select(['version_id', 'address', 'language', 'href'])
    .where('version_id', 'in', shapedList([...new Set(paragraphs.map((p) => p.versionId))]))
    .where('address', 'in', shapedList([...new Set(paragraphs.map((p) => p.address))]))
    .where('kind', '!=', 'submission')
    .orderBy('language')
    .execute();
  return rows.map((r) => ({
    versionId: r.version_id!,
    address: r.address!,
    language: r.language,
    href: r.href,
  }));
}

/** Names of processes and labels of documents (symbol, else title), for facets. */
export async function facetLabels(
  db: Db,
  ids: { processIds: string[]; documentIds: string[] },
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (ids.processIds.length > 0) {
    const rows = await db
      .selectFrom('processes')
      .select(['id', 'name'])
      .where('id', 'in', shapedList(ids.processIds))
      .execute();
    for (const r of rows) labels.set(r.id, r.name);
  }
  if (ids.documentIds.length > 0) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'symbol', 'title'])
      .where('id', 'in', shapedList(ids.documentIds))
      .execute();
    for (const r of rows) labels.set(r.id, r.symbol ?? r.title);
  }
  return labels;
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

/** The texts of passages by number (what the proximity bonus reads), in no particular order. */
export async function loadSearchTexts(db: Db, seqs: number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('search_items')
    .select(['seq', 'text'])
    .where('seq', 'in', seqs)
    .execute();
  return new Map(rows.map((r) => [Number(r.seq), r.text]));
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
 * workers, hash or merge joins: a search is a few short lookups along the postings index, in the
 * order its words' exact counts give, and starting workers for them cost more than the lookups (a rare Arabic word with a common one: 87 ms with two workers,
 * 4 ms without, measured on 1,000,000 passages). SQLite has no such workers.
 */
export async function inSearchSession<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return work(db);
  const tuned = async (trx: Db): Promise<T> => {
    // Nested loops along the indexes only: the order of the words is chosen by their exact
    // counts (search_terms), and a hash or merge join would read every posting of a common word
    // (the planner's estimates come from a sample, which may take a rare word for a common one).
    // One statement: set_config(…, true) is SET LOCAL.
    await sql`select set_config('max_parallel_workers_per_gather', '0', true),
      set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)`.execute(
      trx,
    );
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
