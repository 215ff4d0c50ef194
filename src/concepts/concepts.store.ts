/** SQL for concepts, their terms and their tags. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { shapedChunks } from '../db/statement-shapes.ts';
import type { UnLanguage } from '../text/detect-language.ts';
import type { Concept, TaggedPassage } from './concepts.schema.ts';
import type { ConceptTable, ConceptTagTable, ConceptTermTable } from './concepts.table.ts';

function toConcept(row: ConceptTable, terms: ConceptTermTable[]): Concept {
  return {
    id: row.id,
    slug: row.slug,
    parentId: row.parent_id,
    names: JSON.parse(row.names) as Record<UnLanguage, string>,
    terms: terms
      .filter((t) => t.concept_id === row.id)
      .map((t) => ({ id: t.id, language: t.language as UnLanguage, term: t.term })),
  };
}

/** Every concept with its terms, in the order they were made (broader ones first). */
export async function listConcepts(db: Db): Promise<Concept[]> {
  const rows = await db
    .selectFrom('concepts')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const terms = await db
    .selectFrom('concept_terms')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => toConcept(r, terms));
}

/** The concept with this slug or id, with its terms, if any. */
export async function findConcept(db: Db, ref: string): Promise<Concept | undefined> {
  const row = await db
    .selectFrom('concepts')
    .selectAll()
    .where((eb) => eb.or([eb('slug', '=', ref.toLowerCase()), eb('id', '=', ref)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const terms = await db
    .selectFrom('concept_terms')
    .selectAll()
    .where('concept_id', '=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return toConcept(row, terms);
}

/** The slugs already in the taxonomy. */
export async function listConceptSlugs(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('concepts').select('slug').execute();
  return new Set(rows.map((r) => r.slug));
}

/**
 * A stamp that changes whenever the taxonomy does (a concept or term added): the last change and
 * the first concept id, which also tells one database from another. Null when there is none.
 */
export async function taxonomyStamp(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('concepts')
    .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.min('id').as('first')])
    .executeTakeFirst();
  return row?.at ? `${String(row.at)}|${String(row.first)}` : null;
}

/** Inserts a concept row. */
export async function insertConcept(db: Db, row: ConceptTable): Promise<void> {
  await db.insertInto('concepts').values(row).execute();
}

/**
 * Inserts a concept row unless its slug is taken (another process installing the same shipped
 * concepts at the same moment); returns the id the slug has now and whether this insert made it.
 */
export async function insertConceptOnce(
  db: Db,
  row: ConceptTable,
): Promise<{ id: string; inserted: boolean }> {
  const result = await db
    .insertInto('concepts')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { id: row.id, inserted: true };
  const existing = await db
    .selectFrom('concepts')
    .select('id')
    .where('slug', '=', row.slug)
    .executeTakeFirstOrThrow();
  return { id: existing.id, inserted: false };
}

/** Inserts term rows, skipping one the concept already has in that language. */
export async function insertTerms(db: Db, rows: ConceptTermTable[]): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const result = await db
      .insertInto('concept_terms')
      .values(row)
      .onConflict((oc) => oc.columns(['concept_id', 'language', 'term']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Marks a concept changed now (its tagger must be rebuilt). */
export async function touchConcept(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('concepts').set({ updated_at: at }).where('id', '=', id).execute();
}

/** Records tags, keeping those already there. */
export async function insertTags(db: Db, rows: ConceptTagTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('concept_tags')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['concept_id', 'source_id']).doNothing())
      .execute();
  }
}

/** Removes every tag of a passage (it was rejected, or is tagged anew). */
export async function deleteTagsOf(db: Db, sourceIds: string[]): Promise<void> {
  for (const chunk of shapedChunks(sourceIds, 512))
    await db.deleteFrom('concept_tags').where('source_id', 'in', chunk).execute();
}

/** How many public passages carry each concept, by concept id (drafts in preparation left out). */
export async function countTags(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('concept_tags as t')
    .select(['t.concept_id', (eb) => eb.fn.countAll<number>().as('n')])
    // A correlated lookup by key for each tag of the window (source_id is unique in the index), so
    // that no engine may instead walk the whole search index to join it (PostgreSQL did, with a
    // small table's statistics): the page costs the window, whatever is stored.
    .where(
      (eb) =>
        eb
          .selectFrom('search_items as s')
          .leftJoin('versions as v', 'v.id', 's.version_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('s.source_id', '=', 't.source_id')
          .where((w) => w.or([w('v.public', '=', 1), w('s.version_id', 'is', null)])),
      '=',
      1,
    )
    .groupBy('t.concept_id')
    .execute();
  return new Map(rows.map((r) => [r.concept_id, Number(r.n)]));
}

/** How many public passages are tagged with any of these concepts (each passage once). */
export async function countTaggedPassages(db: Db, conceptIds: string[]): Promise<number> {
  if (conceptIds.length === 0) return 0;
  const row = await db
    .selectFrom('concept_tags as t')
    .innerJoin('search_items as s', 's.source_id', 't.source_id')
    .leftJoin('versions as v', 'v.id', 's.version_id')
    .select((eb) => eb.fn.count<number>('t.source_id').distinct().as('n'))
    .where('t.concept_id', 'in', conceptIds)
    .where((eb) => eb.or([eb('v.public', '=', 1), eb('s.version_id', 'is', null)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The newest public passages tagged with any of these concepts, with what a reader needs to find
 * them, at most `limit`, newest first (by date, then source id), after the key `after` when
 * given. A paragraph of a version still in preparation is left out: anyone may read this list.
 */
export async function listTaggedPassages(
  db: Db,
  conceptIds: string[],
  limit: number,
  after?: readonly [at: string, sourceId: string],
): Promise<TaggedPassage[]> {
  if (conceptIds.length === 0) return [];
  // A passage tagged with two of the concepts is listed once: rows are read in batches until
  // `limit` passages are found or the rows end.
  const seen = new Set<string>();
  const passages: TaggedPassage[] = [];
  let key = after;
  for (;;) {
    const from = key;
    let query = db
      .selectFrom('concept_tags as t')
      .innerJoin('search_items as s', 's.source_id', 't.source_id')
      .leftJoin('versions as v', 'v.id', 's.version_id')
      .select([
        't.source_id',
        't.kind',
        't.at',
        's.title',
        's.address',
        's.symbol',
        's.href',
        's.language',
        's.organisation_name',
        's.text',
      ])
      .where('t.concept_id', 'in', conceptIds)
      .where((eb) => eb.or([eb('v.public', '=', 1), eb('s.version_id', 'is', null)]))
      .orderBy('t.at', 'desc')
      .orderBy('t.source_id')
      .limit(limit * 2);
    if (from)
      query = query.where((eb) =>
        eb.or([
          eb('t.at', '<', from[0]),
          eb.and([eb('t.at', '=', from[0]), eb('t.source_id', '>', from[1])]),
        ]),
      );
    const rows = await query.execute();
    for (const r of rows) {
      if (seen.has(r.source_id)) continue;
      seen.add(r.source_id);
      passages.push({
        sourceId: r.source_id,
        kind: r.kind,
        at: r.at,
        title: r.title,
        address: r.address,
        symbol: r.symbol,
        href: r.href,
        language: r.language,
        organisationName: r.organisation_name,
        text: r.text,
      });
      if (passages.length === limit) return passages;
    }
    const last = rows.at(-1);
    if (rows.length < limit * 2 || !last) return passages;
    key = [last.at, last.source_id];
  }
}

/** Search items in pages of `size`, after `afterSeq`, for tagging what was indexed before. */
export async function listSearchItemsAfter(
  db: Db,
  afterSeq: number,
  size: number,
): Promise<
  {
    seq: number;
    source_id: string;
    kind: string;
    process_id: string;
    date: string;
    language: string;
    text: string;
  }[]
> {
  return db
    .selectFrom('search_items')
    .select(['seq', 'source_id', 'kind', 'process_id', 'date', 'language', 'text'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(size)
    .execute();
}

/** Indexed passages by their source ids (those still in the index), for tagging. */
export async function listSearchItemsBySource(
  db: Db,
  sourceIds: string[],
): Promise<
  {
    source_id: string;
    kind: string;
    process_id: string;
    date: string;
    language: string;
    text: string;
  }[]
> {
  const rows = [];
  for (const chunk of shapedChunks(sourceIds, 512)) {
    rows.push(
      ...(await db
        .selectFrom('search_items')
        .select(['source_id', 'kind', 'process_id', 'date', 'language', 'text'])
        .where('source_id', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** Deletes a term of a concept; false when the concept has no such term. */
export async function deleteTerm(db: Db, conceptId: string, termId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('concept_terms')
    .where('id', '=', termId)
    .where('concept_id', '=', conceptId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes every tag of a concept (before tagging again with its remaining terms). */
export async function deleteTagsOfConcept(db: Db, conceptId: string): Promise<void> {
  await db.deleteFrom('concept_tags').where('concept_id', '=', conceptId).execute();
}

/**
 * The concepts tagged most often among the last `window` tags of public passages, most first, at
 * most `limit`: a bounded read (the newest tags by the index on their date), whatever the number
 * of passages stored.
 */
export async function listActiveConcepts(
  db: Db,
  window: number,
  limit: number,
): Promise<{ conceptId: string; passages: number }[]> {
  const rows = await db
    .selectFrom(
      db
        .selectFrom('concept_tags')
        .select(['concept_id', 'source_id'])
        .orderBy('at', 'desc')
        .limit(window)
        .as('t'),
    )
    .select(['t.concept_id', (eb) => eb.fn.countAll<number>().as('n')])
    // A correlated lookup by key for each tag of the window (source_id is unique in the index), so
    // that no engine may instead walk the whole search index to join it (PostgreSQL did, with a
    // small table's statistics): the page costs the window, whatever is stored.
    .where(
      (eb) =>
        eb
          .selectFrom('search_items as s')
          .leftJoin('versions as v', 'v.id', 's.version_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('s.source_id', '=', 't.source_id')
          .where((w) => w.or([w('v.public', '=', 1), w('s.version_id', 'is', null)])),
      '=',
      1,
    )
    .groupBy('t.concept_id')
    .orderBy('n', 'desc')
    .orderBy('t.concept_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ conceptId: r.concept_id, passages: Number(r.n) }));
}
