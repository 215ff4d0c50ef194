/** SQL of the transparency log: its head, entries, tree nodes, signed tree heads and keys. */
import { engineOf, type Db } from '../db/database.ts';
import { insertPrepared } from '../db/prepared-inserts.ts';
import { shapedChunks, shapedList } from '../db/statement-shapes.ts';
import type { NodeId } from './merkle.ts';
import type {
  TransparencyEntryTable,
  TransparencyKeyTable,
  TransparencyNodeTable,
  TransparencyTreeHeadTable,
} from './transparency.table.ts';

/** The log's size and compact range. */
export interface HeadRow {
  size: number;
  frontier: Buffer[];
}

/**
 * The head, locked until the caller's transaction ends: on PostgreSQL by `for update`, on
 * SQLite by the write transaction itself (one writer). Every append starts here, so appends from
 * any number of processes take their turn and the tree never forks.
 */
export async function lockHead(db: Db): Promise<HeadRow> {
  let query = db.selectFrom('transparency_head').select(['size', 'frontier']).where('id', '=', 1);
  if (engineOf(db) === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  return {
    size: Number(row.size),
    frontier: row.frontier ? row.frontier.split(',').map((h) => Buffer.from(h, 'hex')) : [],
  };
}

/** Writes the new head (inside the transaction that locked it). */
export async function saveHead(db: Db, head: HeadRow): Promise<void> {
  await db
    .updateTable('transparency_head')
    .set({ size: head.size, frontier: head.frontier.map((h) => h.toString('hex')).join(',') })
    .where('id', '=', 1)
    .execute();
}

const entryColumns = [
  'leaf_index',
  'leaf_hash',
  'entry',
  'kind',
  'subject_id',
  'version_id',
] as const;

/** Writes entries and completed interior nodes, in few statements (SQL made once: hot path). */
export async function insertLeavesAndNodes(
  db: Db,
  { entries, nodes }: { entries: TransparencyEntryTable[]; nodes: TransparencyNodeTable[] },
): Promise<void> {
  await insertPrepared(db, 'transparency_entries', entryColumns, entries);
  await insertPrepared(db, 'transparency_nodes', ['level', 'idx', 'hash'], nodes, 128);
}

/** Writes a signed tree head. */
export async function insertTreeHead(db: Db, row: TransparencyTreeHeadTable): Promise<void> {
  await db.insertInto('transparency_tree_heads').values(row).execute();
}

const keyOf = (node: NodeId) => `${node.level}:${node.index}`;

/** The hashes of these complete subtrees, by `level:index`; those not stored are absent. */
export async function findNodeHashes(db: Db, nodes: NodeId[]): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const leaves = nodes.filter((n) => n.level === 0).map((n) => n.index);
  const inner = nodes.filter((n) => n.level > 0);
  if (leaves.length > 0) {
    const rows = await db
      .selectFrom('transparency_entries')
      .select(['leaf_index', 'leaf_hash'])
      .where('leaf_index', 'in', shapedList(leaves))
      .execute();
    for (const r of rows) found.set(`0:${Number(r.leaf_index)}`, Buffer.from(r.leaf_hash, 'hex'));
  }
  if (inner.length > 0) {
    const rows = await db
      .selectFrom('transparency_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) =>
        eb.or(
          shapedList(inner).map((n) =>
            eb.and([eb('level', '=', n.level), eb('idx', '=', n.index)]),
          ),
        ),
      )
      .execute();
    for (const r of rows)
      found.set(keyOf({ level: r.level, index: Number(r.idx) }), Buffer.from(r.hash, 'hex'));
  }
  return found;
}

/** An entry at a position, if the log has one. */
export async function findEntryAt(
  db: Db,
  leafIndex: number,
): Promise<TransparencyEntryTable | undefined> {
  return db
    .selectFrom('transparency_entries')
    .selectAll()
    .where('leaf_index', '=', leafIndex)
    .executeTakeFirst();
}

/**
 * The first entry with this leaf hash, if any: from the hash table the transparency follower
 * fills, else among the entries appended since it last ran (read by position, few).
 */
export async function findEntryByHash(
  db: Db,
  leafHash: string,
): Promise<TransparencyEntryTable | undefined> {
  const indexed = await db
    .selectFrom('transparency_leaf_hashes')
    .select('leaf_index')
    .where('leaf_hash', '=', leafHash)
    .orderBy('leaf_index')
    .limit(1)
    .executeTakeFirst();
  if (indexed) return findEntryAt(db, Number(indexed.leaf_index));
  return db
    .selectFrom('transparency_entries')
    .selectAll()
    .where('leaf_index', '>=', await indexedSize(db))
    .where('leaf_hash', '=', leafHash)
    .orderBy('leaf_index')
    .limit(1)
    .executeTakeFirst();
}

/** Entries below this position have their row in transparency_leaf_hashes. */
async function indexedSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom('transparency_hash_progress')
    .select('indexed_size')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.indexed_size ?? 0);
}

/**
 * Writes the hash rows of the entries appended since the last call, up to `limit` of them, and
 * moves the progress past them (in the caller's transaction); returns how many it wrote.
 */
export async function indexLeafHashes(db: Db, limit: number): Promise<number> {
  let query = db
    .selectFrom('transparency_hash_progress')
    .select('indexed_size')
    .where('id', '=', 1);
  if (engineOf(db) === 'postgres') query = query.forUpdate();
  const from = Number((await query.executeTakeFirstOrThrow()).indexed_size);
  const rows = await db
    .selectFrom('transparency_entries')
    .select(['leaf_hash', 'leaf_index'])
    .where('leaf_index', '>=', from)
    .orderBy('leaf_index')
    .limit(limit)
    .execute();
  if (rows.length === 0) return 0;
  for (const chunk of shapedChunks(rows, 256))
    await db.insertInto('transparency_leaf_hashes').values(chunk).execute();
  await db
    .updateTable('transparency_hash_progress')
    .set({ indexed_size: Number(rows.at(-1)!.leaf_index) + 1 })
    .where('id', '=', 1)
    .execute();
  return rows.length;
}

/** The first entry of a kind about a subject, if any. */
export async function findFirstEntryOf(
  db: Db,
  { subjectId, kind }: { subjectId: string; kind: string },
): Promise<TransparencyEntryTable | undefined> {
  return db
    .selectFrom('transparency_entries')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .orderBy('leaf_index')
    .limit(1)
    .executeTakeFirst();
}

/** The entries at positions [start, end), in order. */
export async function listEntryRows(
  db: Db,
  { start, end }: { start: number; end: number },
): Promise<TransparencyEntryTable[]> {
  return db
    .selectFrom('transparency_entries')
    .selectAll()
    .where('leaf_index', '>=', start)
    .where('leaf_index', '<', end)
    .orderBy('leaf_index')
    .execute();
}

/** The signed tree head of this size, if one was published. */
export async function findTreeHead(
  db: Db,
  treeSize: number,
): Promise<TransparencyTreeHeadTable | undefined> {
  return db
    .selectFrom('transparency_tree_heads')
    .selectAll()
    .where('tree_size', '=', treeSize)
    .executeTakeFirst();
}

/** The smallest signed tree head holding the entry at this position: the one of its group. */
export async function findFirstTreeHeadHolding(
  db: Db,
  leafIndex: number,
): Promise<TransparencyTreeHeadTable | undefined> {
  return db
    .selectFrom('transparency_tree_heads')
    .selectAll()
    .where('tree_size', '>', leafIndex)
    .orderBy('tree_size')
    .limit(1)
    .executeTakeFirst();
}

/** Signed tree heads, largest first, below `before` when given. */
export async function listTreeHeadRows(
  db: Db,
  { limit, before }: { limit: number; before?: number },
): Promise<TransparencyTreeHeadTable[]> {
  let query = db.selectFrom('transparency_tree_heads').selectAll();
  if (before !== undefined) query = query.where('tree_size', '<', before);
  return query.orderBy('tree_size', 'desc').limit(limit).execute();
}

/** The key that signs now: the newest not retired. */
export async function findSigningKey(db: Db): Promise<TransparencyKeyTable | undefined> {
  return db
    .selectFrom('transparency_keys')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every key of the installation, newest first. */
export async function listKeyRows(db: Db): Promise<TransparencyKeyTable[]> {
  return db.selectFrom('transparency_keys').selectAll().orderBy('created_at', 'desc').execute();
}

/** Retires every signing key and adds a new one (in one transaction). */
export async function replaceSigningKey(db: Db, key: TransparencyKeyTable): Promise<void> {
  await db
    .updateTable('transparency_keys')
    .set({ retired_at: key.created_at })
    .where('retired_at', 'is', null)
    .execute();
  await db.insertInto('transparency_keys').values(key).execute();
}
