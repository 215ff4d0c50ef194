/**
 * The transparency log: canonical entries appended to an RFC 9162 Merkle tree in the caller's
 * transaction (so nothing committed is missing from it), a signed tree head per append, and the
 * proofs anyone may ask for. It knows nothing of what its entries are about: the features that
 * log (submissions) give it the entry's fields, its subject and the version whose readers may
 * read it.
 */
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { canReadVersion } from '../documents/documents.policy.ts';
import { findVersionReadAccess } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { canonicalJson } from './canonical-json.ts';
import {
  appendLeaves,
  consistencyPlan,
  frontierRoot,
  inclusionPlan,
  leafHash,
  nodesOf,
  proofFromPlan,
  rootOfLeaves,
  rangeNodes,
  type NodeId,
} from './merkle.ts';
import {
  signedText,
  type Consistency,
  type Inclusion,
  type InclusionProof,
  type LogEntry,
  type LogEntryKind,
  type LogKey,
  type TreeHead,
} from './transparency.schema.ts';
import {
  findEntryAt,
  findEntryByHash,
  findFirstEntryOf,
  findFirstTreeHeadHolding,
  findNodeHashes,
  findSigningKey,
  findTreeHead,
  insertLeavesAndNodes,
  insertTreeHead,
  listEntryRows,
  listKeyRows,
  listTreeHeadRows,
  lockHead,
  replaceSigningKey,
  saveHead,
} from './transparency.store.ts';
import type { TransparencyNodeTable, TransparencyTreeHeadTable } from './transparency.table.ts';

/** An entry to append: its fields (the kind is added), what it is about, and who may read it. */
export interface NewLogEntry {
  kind: LogEntryKind;
  subjectId: string;
  fields: Record<string, unknown>;
  /** The document version whose readers may read the entry; null when everyone may. */
  versionId: string | null;
}

/** What one append made: the position of its first entry, its signed tree head, the proofs. */
export interface AppendedGroup {
  first: number;
  treeHead: TreeHead;
  /** The i-th appended entry and the proof that the group's tree head holds it. */
  inclusionOf(i: number): Inclusion;
}

/** The canonical JSON of an entry, as it is hashed and published. */
export function entryText(entry: Pick<NewLogEntry, 'kind' | 'fields'>): string {
  return canonicalJson({ ...entry.fields, kind: entry.kind });
}

const nodeKey = (node: NodeId) => `${node.level}:${node.index}`;

/**
 * Appends entries in the caller's write transaction and signs the new tree head: the head row
 * is locked first, so appends from every process take their turn. Each completed subtree is
 * stored, so any later proof reads O(log n) rows; the proofs of this group are computed from
 * what the append holds in memory.
 */
export async function appendToLog(
  db: Db,
  entries: NewLogEntry[],
  now: Date,
): Promise<AppendedGroup> {
  if (entries.length === 0) throw new Error('Nothing to append.');
  const head = await lockHead(db);
  const texts = entries.map(entryText);
  const leaves = texts.map((text) => leafHash(text));
  // The hashes a proof of this group may need: the old compact range and every new subtree.
  const known = new Map<string, Buffer>(
    rangeNodes(0, head.size).map((node, i) => [nodeKey(node), head.frontier[i]!]),
  );
  const nodes: TransparencyNodeTable[] = [];
  const frontier = appendLeaves(
    { size: head.size, hashes: head.frontier },
    leaves,
    (node, hash) => {
      known.set(nodeKey(node), hash);
      if (node.level >= storedFromLevel)
        nodes.push({ level: node.level, idx: node.index, hash: hash.toString('hex') });
    },
  );
  await insertLeavesAndNodes(db, {
    entries: entries.map((e, i) => ({
      leaf_index: head.size + i,
      leaf_hash: leaves[i]!.toString('hex'),
      entry: texts[i]!,
      kind: e.kind,
      subject_id: e.subjectId,
      version_id: e.versionId,
    })),
    nodes,
  });
  await saveHead(db, { size: frontier.size, frontier: frontier.hashes });
  const treeHead = await signTreeHead(db, {
    treeSize: frontier.size,
    rootHash: frontierRoot(frontier).toString('hex'),
    timestamp: now.toISOString(),
  });
  return {
    first: head.size,
    treeHead,
    inclusionOf: (i) => {
      const leafIndex = head.size + i;
      const plan = inclusionPlan(leafIndex, frontier.size);
      return {
        leafIndex,
        entry: texts[i]!,
        leafHash: leaves[i]!.toString('hex'),
        treeHead,
        auditPath: proofFromPlan(plan, (node) => known.get(nodeKey(node))!).map((h) =>
          h.toString('hex'),
        ),
      };
    },
  };
}

/** Signing keys already parsed, by id. */
const parsedKeys = new Map<string, KeyObject>();

/** Signs a tree head with the installation's current key and stores it. */
async function signTreeHead(
  db: Db,
  head: { treeSize: number; rootHash: string; timestamp: string },
): Promise<TreeHead> {
  const key = await findSigningKey(db);
  if (!key) throw new Error('The transparency log has no signing key (run the migrations).');
  let privateKey = parsedKeys.get(key.id);
  if (!privateKey) {
    privateKey = createPrivateKey({
      key: Buffer.from(key.private_key, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    parsedKeys.set(key.id, privateKey);
  }
  const unsigned = { ...head, keyId: key.id };
  const signature = sign(null, Buffer.from(signedText(unsigned)), privateKey).toString('base64');
  await insertTreeHead(db, {
    tree_size: head.treeSize,
    root_hash: head.rootHash,
    timestamp: head.timestamp,
    key_id: key.id,
    signature,
  });
  return { ...unsigned, signature };
}

/** A tree head as published. */
function treeHeadOf(row: TransparencyTreeHeadTable): TreeHead {
  return {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    timestamp: row.timestamp,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/**
 * The lowest level of interior nodes an append stores. A node below it (a subtree of at most
 * 2^(storedFromLevel − 1) leaves) is made again from its leaves when a proof needs it: a proof
 * needs at most one such node per level, so at most 14 more leaf hashes read in the same query,
 * while an append writes a sixteenth of the node rows it would otherwise write (a receipt's
 * commit is the cost that counts). Logs written before this kept every level; both are read.
 */
const storedFromLevel = 4;

/** The hashes of a plan, read from the store (low interior nodes made from their leaves). */
async function proofOf(db: Db, plan: NodeId[][]): Promise<string[]> {
  const needed = nodesOf(plan);
  const leavesOf = (node: NodeId): NodeId[] =>
    Array.from({ length: 2 ** node.level }, (_, i) => ({
      level: 0,
      index: node.index * 2 ** node.level + i,
    }));
  // Low nodes are asked for with their leaves at once: one read whether they are stored or not.
  const low = needed.filter((n) => n.level > 0 && n.level < storedFromLevel);
  const found = await findNodeHashes(db, [...needed, ...low.flatMap(leavesOf)]);
  for (const node of low) {
    if (found.has(nodeKey(node))) continue;
    const leaves = leavesOf(node).map((leaf) => found.get(nodeKey(leaf)));
    if (leaves.every((h) => h !== undefined)) found.set(nodeKey(node), rootOfLeaves(leaves));
  }
  return proofFromPlan(plan, (node) => {
    const hash = found.get(nodeKey(node));
    // Every complete subtree of a published tree is stored, or made from its stored leaves.
    if (!hash) throw new Error(`Transparency log node ${nodeKey(node)} is missing.`);
    return hash;
  }).map((h) => h.toString('hex'));
}

/**
 * The first entry of this kind about a subject and its proof in the tree head of the append that
 * logged it (what a receipt carries); undefined when it was never logged (stored before the log).
 */
export async function findInclusionOf(
  db: Db,
  { subjectId, kind }: { subjectId: string; kind: LogEntryKind },
): Promise<Inclusion | undefined> {
  const entry = await findFirstEntryOf(db, { subjectId, kind });
  if (!entry) return undefined;
  const leafIndex = Number(entry.leaf_index);
  const head = await findFirstTreeHeadHolding(db, leafIndex);
  if (!head) return undefined;
  const treeHead = treeHeadOf(head);
  return {
    leafIndex,
    entry: entry.entry,
    leafHash: entry.leaf_hash,
    treeHead,
    auditPath: await proofOf(db, inclusionPlan(leafIndex, treeHead.treeSize)),
  };
}

/** The latest signed tree head; LOG_ENTRY_NOT_FOUND while the log is empty. */
export async function getLatestTreeHead(db: Db): Promise<TreeHead> {
  const [row] = await listTreeHeadRows(db, { limit: 1 });
  if (!row) throw new PlenumError('LOG_ENTRY_NOT_FOUND', 'The log is empty.');
  return treeHeadOf(row);
}

/** Signed tree heads, largest first, a page at a time, and the `before` of the next page. */
export async function listTreeHeads(
  db: Db,
  page: { limit?: number; before?: number } = {},
): Promise<{ treeHeads: TreeHead[]; next: number | null }> {
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 1000);
  const rows = await listTreeHeadRows(db, {
    limit: limit + 1,
    ...(page.before === undefined ? {} : { before: page.before }),
  });
  const treeHeads = rows.slice(0, limit).map(treeHeadOf);
  return { treeHeads, next: rows.length > limit ? treeHeads.at(-1)!.treeSize : null };
}

/** A published tree head of this size, or LOG_ENTRY_NOT_FOUND. */
async function publishedTreeHead(db: Db, treeSize: number | undefined): Promise<TreeHead> {
  if (treeSize === undefined) return getLatestTreeHead(db);
  const row = await findTreeHead(db, treeSize);
  if (!row) throw new PlenumError('LOG_ENTRY_NOT_FOUND', `No tree head of size ${treeSize}.`);
  return treeHeadOf(row);
}

/**
 * The proof that a published tree head (the latest when no size is given) holds an entry, named
 * by its position or its leaf hash. Only hashes: it tells nothing of what the entry says.
 */
export async function getInclusionProof(
  db: Db,
  { leaf, size }: { leaf: string; size?: number },
): Promise<InclusionProof> {
  const entry = /^\d+$/.test(leaf)
    ? await findEntryAt(db, Number(leaf))
    : await findEntryByHash(db, leaf.toLowerCase());
  if (!entry) throw new PlenumError('LOG_ENTRY_NOT_FOUND');
  const treeHead = await publishedTreeHead(db, size);
  const leafIndex = Number(entry.leaf_index);
  if (leafIndex >= treeHead.treeSize)
    throw new PlenumError(
      'LOG_ENTRY_NOT_FOUND',
      `The tree of size ${treeHead.treeSize} does not hold it.`,
    );
  return {
    leafIndex,
    leafHash: entry.leaf_hash,
    treeHead,
    auditPath: await proofOf(db, inclusionPlan(leafIndex, treeHead.treeSize)),
  };
}

/** The proof that the tree of one published head is a prefix of a later one's. */
export async function getConsistencyProof(
  db: Db,
  { first, second }: { first: number; second: number },
): Promise<Consistency> {
  if (first > second)
    throw new PlenumError('INVALID_REQUEST', 'first must not be larger than second.');
  const [a, b] = [await publishedTreeHead(db, first), await publishedTreeHead(db, second)];
  return { first: a, second: b, proof: await proofOf(db, consistencyPlan(first, second)) };
}

/** At most this many entries a page. */
export const entriesPageLimit = 1000;

/**
 * The entries at positions [start, end), at most a thousand: each with its leaf hash, and its
 * text unless it concerns a document version the viewer may not read yet (a comment on a draft
 * in preparation), which would tell of that version.
 */
export async function listEntries(
  db: Db,
  viewer: Viewer | null,
  { start, end }: { start: number; end?: number },
): Promise<LogEntry[]> {
  const last = Math.min(end ?? start + entriesPageLimit, start + entriesPageLimit);
  if (last <= start) throw new PlenumError('INVALID_REQUEST', 'end must be larger than start.');
  const rows = await listEntryRows(db, { start, end: last });
  const readable = new Map<string, boolean>();
  const entries: LogEntry[] = [];
  for (const row of rows) {
    let shown = true;
    if (row.version_id) {
      if (!readable.has(row.version_id)) {
        const access = await findVersionReadAccess(db, row.version_id);
        readable.set(
          row.version_id,
          access !== undefined && canReadVersion(viewer, access, access.processId),
        );
      }
      shown = readable.get(row.version_id)!;
    }
    entries.push({
      leafIndex: Number(row.leaf_index),
      leafHash: row.leaf_hash,
      entry: shown ? row.entry : null,
    });
  }
  return entries;
}

/** Every signing key of the installation, the current one first. */
export async function listLogKeys(db: Db): Promise<LogKey[]> {
  return (await listKeyRows(db)).map((row) => {
    const der = Buffer.from(row.public_key, 'base64');
    return {
      keyId: row.id,
      algorithm: 'Ed25519' as const,
      publicKey: row.public_key,
      pem: createPublicKey({ key: der, format: 'der', type: 'spki' })
        .export({ format: 'pem', type: 'spki' })
        .toString(),
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    };
  });
}

/** Makes a new key the signing key; the previous ones are kept, retired, to check what they signed. */
export async function rotateSigningKey(
  db: Db,
  key: { id: string; publicKey: string; privateKey: string; now: Date },
): Promise<void> {
  await replaceSigningKey(db, {
    id: key.id,
    public_key: key.publicKey,
    private_key: key.privateKey,
    created_at: key.now.toISOString(),
    retired_at: null,
  });
}
