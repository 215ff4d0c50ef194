/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1), pure: leaf and node hashes,
 * the compact range (the hashes of the complete subtrees on the right edge) that a log appends
 * to, inclusion and consistency proofs built from complete subtrees, and their verification.
 *
 * A complete subtree is named by its level (0 for a leaf) and its index at that level: it covers
 * the leaves [index·2^level, (index+1)·2^level). Every hash a proof needs is one of those, or the
 * hash of a range on the right edge of a tree, which is folded from complete subtrees; so a log
 * that stores every leaf and every completed interior node answers any proof in O(log n) reads.
 */
import { createHash, hash as oneShot } from 'node:crypto';

/** A complete subtree: its level (0 for a leaf) and its index among the subtrees of that level. */
export interface NodeId {
  level: number;
  index: number;
}

/** SHA-256 of the empty string: the root of the empty tree. */
export const emptyRoot: Buffer = createHash('sha256').digest();

const leafPrefix = Buffer.from([0]);
const nodePrefix = Buffer.from([1]);

// One-shot hashing (crypto.hash) costs a third of a Hash object's: a million leaves are hashed
// when a log is verified.

/** The hash of a leaf: SHA-256(0x00 || entry). */
export function leafHash(entry: Uint8Array | string): Buffer {
  const bytes = typeof entry === 'string' ? Buffer.from(entry) : entry;
  return oneShot('sha256', Buffer.concat([leafPrefix, bytes]), 'buffer');
}

/** The hash of an interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return oneShot('sha256', Buffer.concat([nodePrefix, left, right], 65), 'buffer');
}

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees covering [start, end), left to right, largest first; `start` must be a
 * multiple of a power of two at least end − start (true of every range the RFC's recursion makes).
 */
export function rangeNodes(start: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (size * 2 <= end - at && at % (size * 2) === 0) size *= 2;
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

/** The hash of a range from the hashes of its complete subtrees (left to right), as RFC 9162 defines it. */
export function foldRange(hashes: Uint8Array[]): Buffer {
  if (hashes.length === 0) return emptyRoot;
  let hash: Buffer = Buffer.from(hashes.at(-1)!);
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i]!, hash);
  return hash;
}

/**
 * The compact range of a tree: its size and the hashes of the complete subtrees of [0, size)
 * (one per bit set in size, largest first). Appending needs nothing else.
 */
export interface Frontier {
  size: number;
  hashes: Buffer[];
}

/** The frontier of the empty tree. */
export const emptyFrontier: Frontier = { size: 0, hashes: [] };

/**
 * A compact range growing one leaf at a time: the complete subtrees on the right edge, as a
 * stack. `completed` hears every complete subtree a leaf makes.
 */
export class CompactRange {
  private readonly stack: (NodeId & { hash: Buffer })[];
  private count: number;

  constructor(frontier: Frontier = emptyFrontier) {
    this.stack = rangeNodes(0, frontier.size).map((node, i) => ({
      ...node,
      hash: frontier.hashes[i]!,
    }));
    this.count = frontier.size;
  }

  /** Appends a leaf hash. */
  push(leaf: Uint8Array, completed?: (node: NodeId, hash: Buffer) => void): void {
    let top: NodeId & { hash: Buffer } = { level: 0, index: this.count, hash: Buffer.from(leaf) };
    completed?.(top, top.hash);
    this.count += 1;
    // Two subtrees of one level side by side make one of the next level.
    while (this.stack.length > 0 && this.stack.at(-1)!.level === top.level) {
      const left = this.stack.pop()!;
      top = { level: top.level + 1, index: left.index / 2, hash: nodeHash(left.hash, top.hash) };
      completed?.(top, top.hash);
    }
    this.stack.push(top);
  }

  /** The number of leaves. */
  get size(): number {
    return this.count;
  }

  /** The frontier: the size and the hashes of the stack. */
  frontier(): Frontier {
    return { size: this.count, hashes: this.stack.map((node) => node.hash) };
  }
}

/**
 * Appends leaf hashes to a tree given by its frontier; `completed` hears every complete subtree
 * the leaves make, leaves and interior nodes alike (what a log stores). Returns the new frontier.
 */
export function appendLeaves(
  frontier: Frontier,
  leaves: Uint8Array[],
  completed?: (node: NodeId, hash: Buffer) => void,
): Frontier {
  const range = new CompactRange(frontier);
  for (const leaf of leaves) range.push(leaf, completed);
  return range.frontier();
}

/** The root hash of the tree a frontier describes. */
export function frontierRoot(frontier: Frontier): Buffer {
  return foldRange(frontier.hashes);
}

/** The root hash of a tree of these leaf hashes (all in memory). */
export function rootOfLeaves(leaves: Uint8Array[]): Buffer {
  return frontierRoot(appendLeaves(emptyFrontier, leaves));
}

/**
 * The inclusion proof of leaf m in the tree of size n (RFC 9162 §2.1.3.1), as the complete
 * subtrees whose folds are its hashes, from the leaf up.
 */
export function inclusionPlan(m: number, n: number): NodeId[][] {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m >= n)
    throw new RangeError(`No leaf ${m} in a tree of size ${n}.`);
  const path: NodeId[][] = [];
  const walk = (start: number, end: number): void => {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (m < start + k) {
      walk(start, start + k);
      path.push(rangeNodes(start + k, end));
    } else {
      walk(start + k, end);
      path.push(rangeNodes(start, start + k));
    }
  };
  walk(0, n);
  return path;
}

/**
 * The consistency proof between the trees of sizes m and n (RFC 9162 §2.1.4.1), as the complete
 * subtrees whose folds are its hashes. Empty when m is 0 or m equals n.
 */
export function consistencyPlan(m: number, n: number): NodeId[][] {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n)
    throw new RangeError(`No consistency between sizes ${m} and ${n}.`);
  const proof: NodeId[][] = [];
  if (m === 0 || m === n) return proof;
  const sub = (size: number, start: number, end: number, whole: boolean): void => {
    if (size === end - start) {
      if (!whole) proof.push(rangeNodes(start, end));
      return;
    }
    const k = splitPoint(end - start);
    if (size <= k) {
      sub(size, start, start + k, whole);
      proof.push(rangeNodes(start + k, end));
    } else {
      sub(size - k, start + k, end, false);
      proof.push(rangeNodes(start, start + k));
    }
  };
  sub(m, 0, n, true);
  return proof;
}

/** The distinct complete subtrees a plan reads. */
export function nodesOf(plan: NodeId[][]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const node of plan.flat()) seen.set(`${node.level}:${node.index}`, node);
  return [...seen.values()];
}

/** The hashes of a plan, given a reader of complete subtrees. */
export function proofFromPlan(plan: NodeId[][], hashOf: (node: NodeId) => Buffer): Buffer[] {
  return plan.map((nodes) => foldRange(nodes.map(hashOf)));
}

const isHash = (value: unknown): value is Uint8Array =>
  value instanceof Uint8Array && value.length === 32;

const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** True when the proof shows the leaf hash at this index of the tree with this size and root (RFC 9162 §2.1.3.2). */
export function verifyInclusion(given: {
  leafIndex: number;
  treeSize: number;
  leafHash: Uint8Array;
  proof: Uint8Array[];
  root: Uint8Array;
}): boolean {
  const { leafIndex, treeSize, proof } = given;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  if (!isHash(given.leafHash) || !isHash(given.root) || !Array.isArray(proof)) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(given.leafHash);
  for (const p of proof) {
    if (!isHash(p) || sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(given.root);
}

/** True when the proof shows the tree of size `first` is a prefix of the tree of size `second` (RFC 9162 §2.1.4.2). */
export function verifyConsistency(given: {
  first: number;
  second: number;
  firstRoot: Uint8Array;
  secondRoot: Uint8Array;
  proof: Uint8Array[];
}): boolean {
  const { first, second, firstRoot, secondRoot } = given;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return false;
  if (first < 0 || first > second || !Array.isArray(given.proof)) return false;
  if (!isHash(firstRoot) || !isHash(secondRoot) || !given.proof.every(isHash)) return false;
  if (first === 0) return given.proof.length === 0 && Buffer.from(firstRoot).equals(emptyRoot);
  if (first === second)
    return given.proof.length === 0 && Buffer.from(firstRoot).equals(secondRoot);
  if (given.proof.length === 0) return false;
  const proof = Number.isInteger(Math.log2(first)) ? [firstRoot, ...given.proof] : given.proof;
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = Buffer.from(proof[0]!);
  let sr: Buffer = Buffer.from(proof[0]!);
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}
