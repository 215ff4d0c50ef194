/** SQL for version alignments and the anchors carried across them. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { insertPrepared } from '../db/prepared-inserts.ts';
import type { AlignmentChange, AlignmentLink } from './align.ts';
import type {
  BlockAlignmentTable,
  CarriedAnchorTable,
  ParagraphCountTable,
} from './revisions.table.ts';

/** True when the two language versions have been aligned. */
export async function hasAlignment(db: Db, fromId: string, toId: string): Promise<boolean> {
  const row = await db
    .selectFrom('block_alignments')
    .select('id')
    .where('to_language_version_id', '=', toId)
    .where('from_language_version_id', '=', fromId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts the rows of an alignment. */
export async function insertAlignmentRows(db: Db, rows: BlockAlignmentTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('block_alignments')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** The links of an alignment, in the order stored. */
export async function findAlignment(
  db: Db,
  fromId: string,
  toId: string,
): Promise<AlignmentLink[]> {
  const rows = await db
    .selectFrom('block_alignments')
    .selectAll()
    .where('to_language_version_id', '=', toId)
    .where('from_language_version_id', '=', fromId)
    .orderBy('link_seq')
    .orderBy('id')
    .execute();
  const links = new Map<number, AlignmentLink>();
  for (const row of rows) {
    const seq = Number(row.link_seq);
    let link = links.get(seq);
    if (!link) {
      link = {
        fromIds: [],
        toIds: [],
        change: row.change as AlignmentChange,
        renumbered: Number(row.renumbered) === 1,
        moved: Number(row.moved) === 1,
        similarity: Number(row.similarity),
      };
      links.set(seq, link);
    }
    if (row.from_block_id && !link.fromIds.includes(row.from_block_id))
      link.fromIds.push(row.from_block_id);
    if (row.to_block_id && !link.toIds.includes(row.to_block_id)) link.toIds.push(row.to_block_id);
  }
  return [...links.values()];
}

/** An anchor to carry forward: where it stands in the earlier version. */
export interface AnchorPosition {
  anchorId: string;
  blockId: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
}

/**
 * The anchors standing in a language version: made on its blocks, or carried into them from an
 * earlier version (with their new positions; a lost quote is carried as the paragraph only).
 */
export async function listAnchorsIn(
  db: Db,
  languageVersionId: string,
  versionId: string,
  /** Only these anchors (a submission's own, when it arrives late); all when absent. */
  onlyAnchorIds?: string[],
): Promise<AnchorPosition[]> {
  let directQuery = db
    .selectFrom('submission_anchors as a')
    .innerJoin('blocks as b', 'b.id', 'a.block_id')
    .select(['a.id', 'a.block_id', 'a.exact', 'a.prefix', 'a.suffix', 'a.start', 'a.end'])
    .where('b.language_version_id', '=', languageVersionId);
  if (onlyAnchorIds) directQuery = directQuery.where('a.id', 'in', onlyAnchorIds);
  const direct = (await directQuery.execute()).map((r) => ({
    anchorId: r.id,
    blockId: r.block_id,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    start: r.start === null ? null : Number(r.start),
    end: r.end === null ? null : Number(r.end),
  }));
  if (onlyAnchorIds) return direct;
  const carried = await db
    .selectFrom('carried_anchors as ca')
    .innerJoin('blocks as b', 'b.id', 'ca.block_id')
    .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
    .select([
      'ca.anchor_id',
      'ca.block_id',
      'ca.method',
      'ca.start',
      'ca.end',
      'a.exact',
      'a.prefix',
      'a.suffix',
    ])
    .where('ca.to_version_id', '=', versionId)
    .where('b.language_version_id', '=', languageVersionId)
    .execute();
  return [
    ...direct,
    ...carried.map((r) => ({
      anchorId: r.anchor_id,
      blockId: r.block_id!,
      // A quote already lost stays lost: it is carried as the paragraph only.
      exact: r.method === 'lost_quote' ? null : r.exact,
      prefix: r.prefix,
      suffix: r.suffix,
      start: r.start === null ? null : Number(r.start),
      end: r.end === null ? null : Number(r.end),
    })),
  ];
}

/**
 * Inserts carried anchors, replacing what an earlier run stored for the same anchor and version,
 * and keeps the carried counts of the versions true: `fresh` rows carry anchors just written
 * (none was carried before), so the counts grow by their published submissions; otherwise the
 * carried counts of the versions reached are counted anew (a version aligned, a rare step).
 */
export async function insertCarriedAnchors(
  db: Db,
  rows: CarriedAnchorTable[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db
      .insertInto('carried_anchors')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['anchor_id', 'to_version_id']).doUpdateSet((eb) => ({
          block_id: eb.ref('excluded.block_id'),
          address: eb.ref('excluded.address'),
          start: eb.ref('excluded.start'),
          end: eb.ref('excluded.end'),
          method: eb.ref('excluded.method'),
          score: eb.ref('excluded.score'),
        })),
      )
      .execute();
  }
  if (rows.length === 0) return;
  if (!fresh) {
    for (const versionId of new Set(rows.map((r) => r.to_version_id)))
      await recountCarried(db, versionId);
    return;
  }
  const submissionOf = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 500) {
    const found = await db
      .selectFrom('submission_anchors')
      .select(['id', 'submission_id'])
      .where(
        'id',
        'in',
        rows.slice(i, i + 500).map((r) => r.anchor_id),
      )
      .where('published', '=', 1)
      .execute();
    for (const a of found) submissionOf.set(a.id, a.submission_id);
  }
  const counted = new Set<string>();
  const changes: ParagraphCountChange[] = [];
  for (const r of rows) {
    const submission = submissionOf.get(r.anchor_id);
    if (submission === undefined || r.address === null) continue;
    const key = JSON.stringify([submission, r.to_version_id, r.address]);
    if (counted.has(key)) continue;
    counted.add(key);
    changes.push({ versionId: r.to_version_id, address: r.address, direct: 0, carried: 1 });
  }
  await addToParagraphCounts(db, changes);
}

/** A change of the kept published counts of one paragraph of a version. */
export interface ParagraphCountChange {
  versionId: string;
  address: string;
  direct: number;
  carried: number;
}

/**
 * Adds changes to the kept per-paragraph counts, merged per paragraph and in the order of their
 * keys (so that two transactions on PostgreSQL take the rows' locks in the same order).
 */
export async function addToParagraphCounts(db: Db, changes: ParagraphCountChange[]): Promise<void> {
  const merged = new Map<string, ParagraphCountTable>();
  for (const c of changes) {
    const key = `${c.versionId}\u0000${c.address}`;
    const row = merged.get(key) ?? {
      version_id: c.versionId,
      address: c.address,
      direct: 0,
      carried: 0,
    };
    row.direct += c.direct;
    row.carried += c.carried;
    merged.set(key, row);
  }
  const rows = [...merged.entries()]
    .filter(([, r]) => r.direct !== 0 || r.carried !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  // Every group commit of submissions adds to these: SQL made once per shape, in chunks of the
  // few shapes of shapedChunks (a count of every length would be a statement to prepare each).
  await insertPrepared(
    db,
    'paragraph_counts',
    ['version_id', 'address', 'direct', 'carried'],
    rows,
    256,
    'on conflict ("version_id", "address") do update set "direct" = "paragraph_counts"."direct" + excluded."direct", "carried" = "paragraph_counts"."carried" + excluded."carried"',
  );
}

/** Counts anew the published submissions carried to each paragraph of a version. */
export async function recountCarried(db: Db, versionId: string): Promise<void> {
  await db
    .updateTable('paragraph_counts')
    .set({ carried: 0 })
    .where('version_id', '=', versionId)
    .where('carried', '<>', 0)
    .execute();
  await sql`
    insert into paragraph_counts (version_id, address, direct, carried)
    select ca.to_version_id, ca.address, 0, count(distinct a.submission_id)
    from carried_anchors ca join submission_anchors a on a.id = ca.anchor_id
    where ca.to_version_id = ${versionId} and ca.address is not null and a.published = 1
    group by ca.to_version_id, ca.address
    on conflict (version_id, address) do update set carried = excluded.carried`.execute(db);
}

/** The kept published counts of a version's paragraphs (direct, carried), by address. */
export async function readParagraphCounts(
  db: Db,
  versionId: string,
): Promise<Map<string, { direct: number; carried: number }>> {
  const rows = await paragraphCountsQuery(db, versionId).execute();
  return new Map(
    rows.map((r) => [r.address, { direct: Number(r.direct), carried: Number(r.carried) }]),
  );
}

/** The statement of readParagraphCounts (exported for the test of its plan). */
export function paragraphCountsQuery(db: Db, versionId: string) {
  return db
    .selectFrom('paragraph_counts')
    .select(['address', 'direct', 'carried'])
    .where('version_id', '=', versionId)
    .where((eb) => eb.or([eb('direct', '<>', 0), eb('carried', '<>', 0)]));
}

/** The carried anchors into a version that lost their quote or their paragraph, with their submission. */
export async function listOrphans(
  db: Db,
  toVersionId: string,
): Promise<
  {
    anchorId: string;
    submissionId: string;
    method: string;
    address: string | null;
    fromAddress: string;
    exact: string | null;
  }[]
> {
  const rows = await db
    .selectFrom('carried_anchors as ca')
    .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .select([
      'ca.anchor_id',
      'a.submission_id',
      'ca.method',
      'ca.address',
      'a.address as from_address',
      'a.exact',
    ])
    .where('ca.to_version_id', '=', toVersionId)
    .where('ca.method', 'in', ['orphan', 'lost_quote'])
    .where('s.status', '=', 'published')
    .orderBy('a.submission_id')
    .execute();
  return rows.map((r) => ({
    anchorId: r.anchor_id,
    submissionId: r.submission_id,
    method: r.method,
    address: r.address,
    fromAddress: r.from_address,
    exact: r.exact,
  }));
}

/** Published comments per block of a version carried from earlier ones, and made on a version, per block id. */
export async function countCommentsByBlock(
  db: Db,
  versionId: string,
): Promise<{ direct: Map<string, number>; carried: Map<string, number> }> {
  const direct = await db
    .selectFrom('submission_anchors as a')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .select(['a.block_id'])
    .select((eb) => eb.fn.count<number>('s.id').distinct().as('n'))
    .where('a.version_id', '=', versionId)
    .where('s.status', '=', 'published')
    .groupBy('a.block_id')
    .execute();
  const carried = await db
    .selectFrom('carried_anchors as ca')
    .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
    .innerJoin('submissions as s', 's.id', 'a.submission_id')
    .select(['ca.block_id'])
    .select((eb) => eb.fn.count<number>('s.id').distinct().as('n'))
    .where('ca.to_version_id', '=', versionId)
    .where('ca.block_id', 'is not', null)
    .where('s.status', '=', 'published')
    .groupBy('ca.block_id')
    .execute();
  return {
    direct: new Map(direct.map((r) => [r.block_id, Number(r.n)])),
    carried: new Map(
      carried.flatMap((r) => (r.block_id ? [[r.block_id, Number(r.n)] as const] : [])),
    ),
  };
}

/** The language versions aligned from this version's texts, with the later version they belong to. */
export async function listAlignedSuccessors(
  db: Db,
  versionId: string,
): Promise<{ fromId: string; toId: string; toVersionId: string }[]> {
  const rows = await db
    .selectFrom('block_alignments as ba')
    .innerJoin('language_versions as f', 'f.id', 'ba.from_language_version_id')
    .innerJoin('language_versions as t', 't.id', 'ba.to_language_version_id')
    .select(['ba.from_language_version_id', 'ba.to_language_version_id', 't.version_id'])
    .where('f.version_id', '=', versionId)
    .distinct()
    .execute();
  return rows.map((r) => ({
    fromId: r.from_language_version_id,
    toId: r.to_language_version_id,
    toVersionId: r.version_id,
  }));
}

/** A published comment's anchor carried into a version, with what a program needs to say where it went. */
export interface CarriedIntoRow {
  anchorId: string;
  submissionId: string;
  ownBlockId: string;
  ownAddress: string;
  exact: string | null;
  toVersionSeq: number;
  blockId: string | null;
  address: string | null;
  languageVersionId: string | null;
  method: string;
}

/**
 * The anchors of published submissions carried into a version from the texts of one language,
 * and every earlier step of those anchors (to tell where each step came from), oldest first.
 */
export async function listCarriedInto(
  db: Db,
  toVersionId: string,
  language: string,
): Promise<{ into: CarriedIntoRow[]; earlier: CarriedIntoRow[] }> {
  const base = () =>
    db
      .selectFrom('carried_anchors as ca')
      .innerJoin('versions as v', 'v.id', 'ca.to_version_id')
      .innerJoin('submission_anchors as a', 'a.id', 'ca.anchor_id')
      .innerJoin('submissions as s', 's.id', 'a.submission_id')
      .leftJoin('blocks as b', 'b.id', 'ca.block_id')
      .select([
        'ca.anchor_id',
        'a.submission_id',
        'a.block_id as own_block_id',
        'a.address as own_address',
        'a.exact',
        'v.seq',
        'ca.block_id',
        'ca.address',
        'b.language_version_id',
        'ca.method',
      ])
      .where('s.status', '=', 'published');
  const toRow = (r: Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]) => ({
    anchorId: r.anchor_id,
    submissionId: r.submission_id,
    ownBlockId: r.own_block_id,
    ownAddress: r.own_address,
    exact: r.exact,
    toVersionSeq: Number(r.seq),
    blockId: r.block_id,
    address: r.address,
    languageVersionId: r.language_version_id,
    method: r.method,
  });
  // The anchor's own block says its language (an orphan has no block in the new version).
  const into = (
    await base()
      .innerJoin('blocks as ob', 'ob.id', 'a.block_id')
      .innerJoin('language_versions as olv', 'olv.id', 'ob.language_version_id')
      .where('ca.to_version_id', '=', toVersionId)
      .where('olv.language', '=', language)
      .orderBy('a.submission_id')
      .orderBy('a.seq')
      .execute()
  ).map(toRow);
  const earlier: CarriedIntoRow[] = [];
  const seq = into[0]?.toVersionSeq;
  for (let i = 0; i < into.length; i += 256) {
    const rows = await base()
      .where(
        'ca.anchor_id',
        'in',
        into.slice(i, i + 256).map((r) => r.anchorId),
      )
      .where('v.seq', '<', seq!)
      .execute();
    earlier.push(...rows.map(toRow));
  }
  return { into, earlier };
}

/** The alignment links followed from these blocks to the later versions' blocks. */
export async function findFollowedLinks(
  db: Db,
  blockIds: string[],
): Promise<
  {
    fromBlockId: string;
    toLanguageVersionId: string;
    toBlockId: string | null;
    change: string;
    moved: boolean;
  }[]
> {
  const out = [];
  const ids = [...new Set(blockIds)];
  for (let i = 0; i < ids.length; i += 256) {
    const rows = await db
      .selectFrom('block_alignments')
      .select(['from_block_id', 'to_language_version_id', 'to_block_id', 'change', 'moved'])
      .where('from_block_id', 'in', ids.slice(i, i + 256))
      .execute();
    out.push(
      ...rows.map((r) => ({
        fromBlockId: r.from_block_id!,
        toLanguageVersionId: r.to_language_version_id,
        toBlockId: r.to_block_id,
        change: r.change,
        moved: Number(r.moved) === 1,
      })),
    );
  }
  return out;
}
