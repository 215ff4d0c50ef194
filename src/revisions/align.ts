/**
 * Aligning two versions of a draft: which block of the earlier version became which block of the later
 * one. Blocks are matched by their text, never by their number, because a revised UN draft renumbers
 * everything after the first inserted paragraph.
 *
 * How: every block becomes a bag of features (its case- and accent-folded words, cut by
 * Intl.Segmenter where the script has no spaces, as Chinese, plus each pair of neighbouring words:
 * the pairs keep unrelated paragraphs on the same subject apart), weighted by rarity (a word
 * found in every paragraph says little about which paragraph this is). An inverted index on the
 * rarer features proposes a few candidates per block, so the cost grows with the document rather
 * than with its square. Then:
 *
 * 1. Candidate links, best first: identical texts, one-to-one links at MATCH_ANYWHERE or better, and
 *    splits and merges (a block whose text reappears spread over consecutive blocks). Among equally
 *    good candidates the one nearest to where the block is expected (from the blocks whose text is
 *    identical and unique in both versions) wins, so duplicate texts pair in order.
 * 2. Blocks still alone between the same two linked neighbours (a few of them) are linked in order
 *    at MATCH_IN_PLACE: a paragraph rewritten where it stood.
 * 3. `moved` comes from a longest increasing subsequence over the links: the links outside it are the
 *    ones whose relative order changed; insertions and deletions only shift the others.
 */

import { foldKey } from '../text/fold.ts';
import { commonPairs } from './word-diff.ts';

/** One block of one version, as the aligner needs it. */
export interface AlignBlock {
  id: string;
  kind: 'heading' | 'paragraph' | 'list_item' | 'table' | 'footnote';
  /** The block's own number ("38", "b", "12"), null if unnumbered. */
  number: string | null;
  /** The human address ("para 38(b)"). */
  address: string;
  /** Id of the enclosing block (a sub-paragraph's paragraph), null at the top level. */
  parentId: string | null;
  text: string;
}

/** What became of a block from one version to the next. */
export type AlignmentChange = 'unchanged' | 'changed' | 'split' | 'merged' | 'deleted' | 'new';

/** One link between the versions: blocks of the earlier version and what they became. */
export interface AlignmentLink {
  /** Earlier blocks: one, several for a merge, none for a new block. */
  fromIds: string[];
  /** Later blocks: one, several for a split, none for a deleted block. */
  toIds: string[];
  change: AlignmentChange;
  /**
   * The block's own number differs (one-to-one links only): para 38 → 39 is renumbered, while its
   * sub-paragraph (b) stays (b) and is not, though its address follows its parent's.
   */
  renumbered: boolean;
  /** The block's place relative to the other linked blocks changed (not merely shifted). */
  moved: boolean;
  /**
   * Share of words and pairs of neighbouring words in common (Dice, case and accents folded),
   * rounded to 3 decimals; 1 only for identical text (whitespace aside), 0 for deleted and new.
   */
  similarity: number;
}

/**
 * Weighted similarity at which two blocks are one block wherever each stands. Measured on generated
 * UN-style drafts, whose paragraphs share their boilerplate as real ones do: an unrelated paragraph
 * never reached it in 200 tries, a paragraph keeping 55% of its words always did, one keeping 40%
 * one time in six (too little to claim it moved).
 */
const MATCH_ANYWHERE = 0.5;
/**
 * The lower bar for two blocks left alone between the same two linked neighbours: a paragraph
 * rewritten where it stood. An unrelated paragraph put in the place of a deleted one reached it once
 * in 200 tries; a paragraph keeping a third of its words, two times in three.
 */
const MATCH_IN_PLACE = 0.35;
/** Share of a piece's (weighted) text that must come from the whole for a split or merge. */
const PIECE_CONTAINMENT = 0.6;
/** How much better than the best one-to-one link a split or merge must explain the text. */
const GROUP_MARGIN = 0.05;
/** Candidates examined exactly per later block; the index ranks them by rare features. */
const CANDIDATES_PER_BLOCK = 24;
/** Most pieces considered for one split or merge. */
const MAX_PIECES = 8;
/**
 * Most blocks left alone on either side between two linked neighbours for the in-place pass: beyond
 * that, "the same place" no longer means much and MATCH_ANYWHERE has had its say.
 */
const MAX_GAP_BLOCKS = 8;

type KindClass = 0 | 1 | 2;
const kindClass = (kind: AlignBlock['kind']): KindClass =>
  kind === 'footnote' ? 2 : kind === 'heading' ? 1 : 0;

/** What linking blocks of different kinds costs: footnotes stay footnotes, headings headings. */
function kindPenalty(a: AlignBlock['kind'], b: AlignBlock['kind']): number {
  if (a === b) return 0;
  const ca = kindClass(a);
  const cb = kindClass(b);
  if (ca === cb) return 0.05;
  return ca === 2 || cb === 2 ? 0.3 : 0.15;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
/** Scripts written without spaces between words: only the segmenter's dictionaries can cut them. */
const UNSPACED =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The words of folded text (see foldKey). Text in spaced scripts is already cut by its single
 * spaces, and splitting there is several times faster than the segmenter, which the rest needs.
 */
function words(folded: string): string[] {
  if (UNSPACED.test(folded)) {
    const out: string[] = [];
    for (const s of segmenter.segment(folded)) if (s.isWordLike) out.push(s.segment);
    return out;
  }
  return folded.split(' ').filter((w) => LETTER_OR_DIGIT.test(w));
}

/** Text compared for "unchanged": importers differ in how they join wrapped lines. */
const sameTextKey = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A block's features: ids ascending, with how often each occurs. */
interface Bag {
  ids: Int32Array;
  counts: Int32Array;
}

/** One version, prepared: features per block and their weighted size. */
interface Side {
  keys: string[];
  bags: Bag[];
  /** Σ weight × count over the block's features. */
  mass: Float64Array;
}

/** Features of both versions: interned words and word pairs, document frequency, weight. */
class Features {
  private words = new Map<string, number>();
  /** Word pairs by (first word id × 2^26 + second word id): no strings built per pair. */
  private pairs = new Map<number, number>();
  df: number[] = [];
  weight = new Float64Array(0);

  /** The block's words and word pairs, counted. */
  of(text: string): Bag {
    const found: number[] = [];
    let prev = -1;
    for (const word of words(foldKey(text))) {
      const w = this.intern(this.words, word);
      found.push(w);
      if (prev >= 0) found.push(this.intern(this.pairs, prev * 67_108_864 + w));
      prev = w;
    }
    const sorted = Int32Array.from(found).sort();
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const counts = new Int32Array(distinct);
    let at = -1;
    for (let k = 0; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) {
        ids[++at] = sorted[k]!;
        this.df[sorted[k]!]!++;
      }
      counts[at]!++;
    }
    return { ids, counts };
  }

  private intern<K>(table: Map<K, number>, key: K): number {
    let id = table.get(key);
    if (id === undefined) {
      id = this.df.length;
      this.df.push(0);
      table.set(key, id);
    }
    return id;
  }

  /** Rarity weights once every block has been counted: smoothed inverse document frequency. */
  settle(blockCount: number): void {
    this.weight = new Float64Array(this.df.length);
    for (let f = 0; f < this.df.length; f++)
      this.weight[f] = Math.log(1 + blockCount / this.df[f]!);
  }
}

function prepare(blocks: AlignBlock[], features: Features): Side {
  return {
    keys: blocks.map((b) => sameTextKey(b.text)),
    bags: blocks.map((b) => features.of(b.text)),
    mass: new Float64Array(blocks.length),
  };
}

function settleMass(side: Side, weight: Float64Array): void {
  side.bags.forEach((bag, i) => {
    let m = 0;
    for (let k = 0; k < bag.ids.length; k++) m += weight[bag.ids[k]!]! * bag.counts[k]!;
    side.mass[i] = m;
  });
}

/** Σ weight × min(count) over the features two bags share (weight null: plain counts). */
function shared(a: Bag, b: Bag, weight: Float64Array | null): number {
  let s = 0;
  let x = 0;
  let y = 0;
  while (x < a.ids.length && y < b.ids.length) {
    const fa = a.ids[x]!;
    const fb = b.ids[y]!;
    if (fa < fb) x++;
    else if (fa > fb) y++;
    else {
      s += (weight ? weight[fa]! : 1) * Math.min(a.counts[x]!, b.counts[y]!);
      x++;
      y++;
    }
  }
  return s;
}

/** Several blocks' features as one bag. */
function sumBags(bags: Bag[]): Bag {
  if (bags.length === 1) return bags[0]!;
  const counts = new Map<number, number>();
  for (const bag of bags)
    bag.ids.forEach((id, k) => counts.set(id, (counts.get(id) ?? 0) + bag.counts[k]!));
  const ids = Int32Array.from(counts.keys()).sort();
  return { ids, counts: ids.map((id) => counts.get(id)!) };
}

/** Plain Dice over feature counts: the similarity reported on links. */
function plainDice(a: Bag, b: Bag): number {
  const na = a.counts.reduce((t, c) => t + c, 0);
  const nb = b.counts.reduce((t, c) => t + c, 0);
  if (na + nb === 0) return 1;
  return (2 * shared(a, b, null)) / (na + nb);
}

/** A scored pair of one earlier and one later block. */
interface Pair {
  i: number;
  j: number;
  /** Weighted Dice: 2 × shared mass / (mass of both). */
  score: number;
  /** Share of the later block's mass found in the earlier one. */
  toInFrom: number;
  /** Share of the earlier block's mass found in the later one. */
  fromInTo: number;
}

/** A candidate link: earlier and later block indices (ascending), and its rank. */
interface Hypothesis {
  froms: number[];
  tos: number[];
  /**
   * Weighted similarity less the kind penalty (what the thresholds apply to), less a tiny penalty
   * for distance from the expected place: the sort key.
   */
  rank: number;
}

/** The `k` indices with the highest score (ties: lower index), without sorting them all. */
function topByScore(indices: number[], score: Float64Array, k: number): number[] {
  const top: number[] = [];
  const better = (x: number, y: number): boolean =>
    score[x]! > score[y]! || (score[x] === score[y] && x < y);
  for (const i of indices) {
    if (top.length === k && !better(i, top[k - 1]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(i, top[at - 1]!)) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
  }
  return top;
}

/** Positions of each distinct value, leaving out those already linked. */
function groupBy(values: string[], linked: Int32Array): Map<string, number[]> {
  const out = new Map<string, number[]>();
  values.forEach((v, k) => {
    if (linked[k]! >= 0) return;
    const list = out.get(v);
    if (list) list.push(k);
    else out.set(v, [k]);
  });
  return out;
}

/** Indices of a longest strictly increasing subsequence of `values` (ties: the earliest found). */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Int32Array(values.length).fill(-1);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) out.add(k);
  return out;
}

/** Aligns the blocks of two versions of a draft (in reading order). */
export function alignVersions(from: AlignBlock[], to: AlignBlock[]): AlignmentLink[] {
  const alignment = new Alignment(from, to);
  alignment.pairIdenticalInOrder();
  alignment.pairCandidates();
  alignment.linkBestFirst();
  alignment.linkGaps();
  return alignment.links();
}

/** The state of one alignment as its passes build it: the pairs scored so far and the links made. */
class Alignment {
  readonly from: AlignBlock[];
  readonly to: AlignBlock[];
  readonly n: number;
  readonly m: number;
  readonly features = new Features();
  readonly A: Side;
  readonly B: Side;
  readonly weight: Features['weight'];
  readonly pairs = new Map<number, Pair>();
  readonly linkOfFrom: Int32Array;
  readonly linkOfTo: Int32Array;
  readonly accepted: Hypothesis[] = [];
  /** Where each later block is expected in the earlier version, from the identical blocks in order. */
  readonly expected: Float64Array;

  constructor(from: AlignBlock[], to: AlignBlock[]) {
    this.from = from;
    this.to = to;
    this.n = from.length;
    this.m = to.length;
    this.A = prepare(from, this.features);
    this.B = prepare(to, this.features);
    this.features.settle(this.n + this.m);
    this.weight = this.features.weight;
    settleMass(this.A, this.weight);
    settleMass(this.B, this.weight);
    this.linkOfFrom = new Int32Array(this.n).fill(-1);
    this.linkOfTo = new Int32Array(this.m).fill(-1);
    this.expected = new Float64Array(this.m);
  }

  /** The similarity of an earlier and a later block, computed once. */
  pairOf(i: number, j: number): Pair {
    const { A, B, m, weight } = this;
    const key = i * m + j;
    let p = this.pairs.get(key);
    if (!p) {
      const s = shared(A.bags[i]!, B.bags[j]!, weight);
      const ma = A.mass[i]!;
      const mb = B.mass[j]!;
      const same = A.keys[i] === B.keys[j];
      p = {
        i,
        j,
        score: same ? 1 : ma + mb === 0 ? 0 : (2 * s) / (ma + mb),
        toInFrom: same ? 1 : mb === 0 ? 0 : s / mb,
        fromInTo: same ? 1 : ma === 0 ? 0 : s / ma,
      };
      this.pairs.set(key, p);
    }
    return p;
  }

  /** Links the blocks of a hypothesis unless one of them is linked already. */
  accept(h: Hypothesis): void {
    const { linkOfFrom, linkOfTo, accepted } = this;
    if (h.froms.some((i) => linkOfFrom[i]! >= 0) || h.tos.some((j) => linkOfTo[j]! >= 0)) return;
    for (const i of h.froms) linkOfFrom[i] = accepted.length;
    for (const j of h.tos) linkOfTo[j] = accepted.length;
    accepted.push(h);
  }

  /** A small cost for a link far from where the later block is expected. */
  placePenalty(i: number, j: number): number {
    return 0.01 * Math.min(1, Math.abs(i - this.expected[j]!) / 20);
  }

  /** Pass 0: identical blocks in order, then identical texts left over, and the expected places. */
  pairIdenticalInOrder(): void {
    const { from, to, n, m, A, B, linkOfFrom, linkOfTo, accepted } = this;
    // ---- pass 0: identical blocks of one kind, in the same order, paired as a diff would ----
    for (const [i, j] of identicalInOrder(from, to, A.keys, B.keys))
      this.accept({ froms: [i], tos: [j], rank: 1 });
    // They are the anchors of the place where each later block is expected in the earlier version.
    const anchorOf = new Int32Array(m).fill(-1);
    for (const h of accepted) anchorOf[h.tos[0]!] = h.froms[0]!;
    // Identical texts left over (moved, or of another kind) pair with each other, a large group
    // ("[Deleted]" fifty times) only within a band around the same rank.
    const fromByKey = groupBy(A.keys, linkOfFrom);
    const toByKey = groupBy(B.keys, linkOfTo);
    for (const [key, tos] of toByKey) {
      const froms = fromByKey.get(key);
      if (!froms) continue;
      const band = froms.length * tos.length <= 4096 ? Infinity : 32;
      tos.forEach((j, r) => {
        const centre = (r * froms.length) / tos.length;
        froms.forEach((i, q) => {
          if (Math.abs(q - centre) <= band) this.pairOf(i, j);
        });
      });
    }
    const expected = this.expected;
    {
      let last = -1;
      for (let j = 0; j < m; j++) {
        if (anchorOf[j]! >= 0) last = j;
        expected[j] = last >= 0 ? anchorOf[last]! + (j - last) : NaN;
      }
      let next = -1;
      for (let j = m - 1; j >= 0; j--) {
        if (anchorOf[j]! >= 0) next = j;
        if (Number.isNaN(expected[j]!))
          expected[j] =
            next >= 0 ? anchorOf[next]! - (next - j) : m > 1 ? (j * (n - 1)) / (m - 1) : 0;
      }
    }
  }

  /** Scores the later blocks not linked yet against their likeliest earlier blocks. */
  pairCandidates(): void {
    const { n, m, A, B, features, weight, linkOfFrom, linkOfTo } = this;
    // ---- candidates from an inverted index on the rarer features of the earlier version ----
    const maxDf = Math.max(16, Math.ceil(2 * Math.sqrt(n + m)));
    // postings as flat arrays (earlier block, count) per feature: the hot loop touches no Map
    const starts = new Int32Array(features.df.length + 1);
    A.bags.forEach((bag, i) => {
      if (linkOfFrom[i]! < 0)
        for (const f of bag.ids) if (features.df[f]! <= maxDf) starts[f + 1]!++;
    });
    for (let f = 0; f < features.df.length; f++) starts[f + 1]! += starts[f]!;
    const postBlock = new Int32Array(starts[features.df.length]!);
    const postCount = new Int32Array(postBlock.length);
    const fill = starts.slice(0, -1);
    A.bags.forEach((bag, i) => {
      if (linkOfFrom[i]! >= 0) return;
      bag.ids.forEach((f, k) => {
        if (features.df[f]! > maxDf) return;
        postBlock[fill[f]!] = i;
        postCount[fill[f]!++] = bag.counts[k]!;
      });
    });
    const acc = new Float64Array(n);
    for (let j = 0; j < m; j++) {
      if (linkOfTo[j]! >= 0) continue;
      const touched: number[] = [];
      const bag = B.bags[j]!;
      for (let k = 0; k < bag.ids.length; k++) {
        const f = bag.ids[k]!;
        const c = bag.counts[k]!;
        const w = weight[f]!;
        for (let p = starts[f]!; p < starts[f + 1]!; p++) {
          const i = postBlock[p]!;
          if (acc[i] === 0) touched.push(i);
          acc[i]! += w * Math.min(c, postCount[p]!);
        }
      }
      for (const i of topByScore(touched, acc, CANDIDATES_PER_BLOCK)) this.pairOf(i, j);
      for (const i of touched) acc[i] = 0;
    }
  }

  /** Pass 1: every candidate link (one to one, splits and merges), best first. */
  linkBestFirst(): void {
    const { from, to, A, B, linkOfFrom, linkOfTo, accepted } = this;
    const hypotheses = [
      ...this.oneToOneHypotheses(),
      ...this.groupHypotheses('split'),
      ...this.groupHypotheses('merge'),
    ].sort(bestFirst);
    const inOrderCount = accepted.length;
    for (const h of hypotheses) this.accept(h);
    const greedy = accepted.slice(inOrderCount);
    untangleIdentical(greedy, from, to, A.keys, B.keys, linkOfFrom, linkOfTo);
  }

  /** Every scored pair good enough to link anywhere, as a one-to-one hypothesis. */
  oneToOneHypotheses(): Hypothesis[] {
    const { from, to, pairs } = this;
    const hypotheses: Hypothesis[] = [];
    for (const p of pairs.values()) {
      const adjusted = p.score - kindPenalty(from[p.i]!.kind, to[p.j]!.kind);
      if (adjusted >= MATCH_ANYWHERE)
        hypotheses.push({ froms: [p.i], tos: [p.j], rank: adjusted - this.placePenalty(p.i, p.j) });
    }
    return hypotheses;
  }

  /**
   * A split: one earlier block (the hub) spread over consecutive later blocks (the pieces); a
   * merge is the mirror image (a later hub gathering consecutive earlier pieces).
   */
  groupHypotheses(shape: 'split' | 'merge'): Hypothesis[] {
    const split = shape === 'split';
    const hubs = split ? this.from : this.to;
    const others = split ? this.to : this.from;
    const [hubSide, pieceSide] = split ? [this.A, this.B] : [this.B, this.A];
    const { best, pieces } = this.piecesOfHubs(shape);
    const hypotheses: Hypothesis[] = [];
    for (let hub = 0; hub < hubs.length; hub++) {
      for (const run of consecutiveRuns(pieces[hub]!)) {
        const g = bestGroup({
          hub,
          pieces: run,
          hubSide,
          pieceSide,
          best: best[hub]!,
          weight: this.weight,
        });
        if (!g) continue;
        const kindCost = Math.max(
          ...g.pieces.map((k) => kindPenalty(hubs[hub]!.kind, others[k]!.kind)),
        );
        const adjusted = g.score - kindCost;
        if (adjusted < MATCH_ANYWHERE) continue;
        hypotheses.push(
          split
            ? { froms: [hub], tos: g.pieces, rank: adjusted - this.placePenalty(hub, g.pieces[0]!) }
            : {
                froms: g.pieces,
                tos: [hub],
                rank: adjusted - this.placePenalty(g.pieces[0]!, hub),
              },
        );
      }
    }
    return hypotheses;
  }

  /**
   * For each hub (an earlier block for a split, a later one for a merge): its best pair score, and
   * the blocks on the other side of its own kind class that its text mostly contains.
   */
  piecesOfHubs(shape: 'split' | 'merge'): { best: Float64Array; pieces: number[][] } {
    const { from, to, pairs } = this;
    const split = shape === 'split';
    const count = split ? from.length : to.length;
    const best = new Float64Array(count);
    const pieces: number[][] = Array.from({ length: count }, () => []);
    for (const p of pairs.values()) {
      const hub = split ? p.i : p.j;
      best[hub] = Math.max(best[hub]!, p.score);
      const contained = split ? p.toInFrom : p.fromInTo;
      if (kindClass(from[p.i]!.kind) === kindClass(to[p.j]!.kind) && contained >= PIECE_CONTAINMENT)
        pieces[hub]!.push(split ? p.j : p.i);
    }
    return { best, pieces };
  }

  /** Pass 2: blocks left alone between the same two linked neighbours. */
  linkGaps(): void {
    const { from, to, n, m, linkOfFrom, linkOfTo, accepted } = this;
    // ---- pass 2: blocks left alone between the same two linked neighbours ----
    const order = accepted
      .map((_, k) => k)
      .sort((x, y) => accepted[x]!.tos[0]! - accepted[y]!.tos[0]!);
    const kept = longestIncreasing(order.map((k) => accepted[k]!.froms[0]!));
    const fences = [...kept].sort((x, y) => x - y).map((pos) => accepted[order[pos]!]!);
    for (let g = 0; g <= fences.length; g++) {
      const before = fences[g - 1];
      const after = fences[g];
      const fromLo = before ? before.froms.at(-1)! + 1 : 0;
      const fromHi = after ? after.froms[0]! : n;
      const toLo = before ? before.tos.at(-1)! + 1 : 0;
      const toHi = after ? after.tos[0]! : m;
      const fs: number[] = [];
      const ts: number[] = [];
      for (let i = fromLo; i < fromHi; i++) if (linkOfFrom[i]! < 0) fs.push(i);
      for (let j = toLo; j < toHi; j++) if (linkOfTo[j]! < 0) ts.push(j);
      if (fs.length === 0 || ts.length === 0) continue;
      if (fs.length > MAX_GAP_BLOCKS || ts.length > MAX_GAP_BLOCKS) continue;
      // the pairs in order with the most similarity in all: a longest common subsequence, weighted
      const worth = (x: number, y: number): number => {
        const i = fs[x]!;
        const j = ts[y]!;
        if (kindClass(from[i]!.kind) !== kindClass(to[j]!.kind)) return 0;
        const adjusted = this.pairOf(i, j).score - kindPenalty(from[i]!.kind, to[j]!.kind);
        return adjusted >= MATCH_IN_PLACE ? adjusted : 0;
      };
      const cols = ts.length + 1;
      const best = new Float64Array((fs.length + 1) * cols);
      for (let x = 1; x <= fs.length; x++)
        for (let y = 1; y <= ts.length; y++) {
          const w = worth(x - 1, y - 1);
          best[x * cols + y] = Math.max(
            best[(x - 1) * cols + y]!,
            best[x * cols + y - 1]!,
            w > 0 ? best[(x - 1) * cols + y - 1]! + w : 0,
          );
        }
      for (let x = fs.length, y = ts.length; x > 0 && y > 0;) {
        const here = best[x * cols + y]!;
        if (here === best[(x - 1) * cols + y]) x--;
        else if (here === best[x * cols + y - 1]) y--;
        else {
          this.accept({ froms: [fs[x - 1]!], tos: [ts[y - 1]!], rank: 0 });
          x--;
          y--;
        }
      }
    }
  }

  /** The links made, with every block of either version in one. */
  links(): AlignmentLink[] {
    const { from, to, A, B, accepted, linkOfFrom, linkOfTo } = this;
    return assemble(from, to, A, B, accepted, linkOfFrom, linkOfTo);
  }
}

/**
 * Pairs of blocks of one kind with identical text that keep their order: first those whose text is
 * unique in both versions (a longest increasing run of them, so that a moved one does not count),
 * then, between each two of those, a longest common subsequence of the rest, so that duplicates
 * ("[Placeholder]" twice) pair in order. This is patience diff, applied to blocks.
 */
function identicalInOrder(
  from: AlignBlock[],
  to: AlignBlock[],
  fromKeys: string[],
  toKeys: string[],
): Array<[number, number]> {
  const ids = new Map<string, number>();
  const intern = (kind: string, key: string): number => {
    const k = `${kind}\u0000${key}`;
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id;
  };
  const a = Int32Array.from(from, (b, i) => intern(b.kind, fromKeys[i]!));
  const b = Int32Array.from(to, (blk, j) => intern(blk.kind, toKeys[j]!));
  const seen = (xs: Int32Array): Map<number, number> => {
    const count = new Map<number, number>();
    for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
    return count;
  };
  const inA = seen(a);
  const inB = seen(b);
  const positionInA = new Map<number, number>();
  a.forEach((x, i) => positionInA.set(x, i));
  const unique: Array<[number, number]> = [];
  b.forEach((x, j) => {
    if (inA.get(x) === 1 && inB.get(x) === 1) unique.push([positionInA.get(x)!, j]);
  });
  const keep = longestIncreasing(unique.map(([i]) => i));
  const anchors = unique.filter((_, k) => keep.has(k));
  const out: Array<[number, number]> = [];
  let i0 = 0;
  let j0 = 0;
  for (const [i1, j1] of [...anchors, [a.length, b.length] as [number, number]]) {
    // Blocks whose text the other side of the gap lacks cannot be in common: left out, the
    // difference to work out shrinks to what could pair.
    const gapA = new Set(a.subarray(i0, i1));
    const gapB = new Set(b.subarray(j0, j1));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = i0; i < i1; i++) if (gapB.has(a[i]!)) xs.push(i);
    for (let j = j0; j < j1; j++) if (gapA.has(b[j]!)) ys.push(j);
    if (xs.length > 0 && ys.length > 0) {
      const common = commonPairs(
        Int32Array.from(xs, (i) => a[i]!),
        Int32Array.from(ys, (j) => b[j]!),
      );
      for (const [x, y] of common) out.push([xs[x]!, ys[y]!]);
    }
    if (i1 < a.length) out.push([i1, j1]);
    i0 = i1 + 1;
    j0 = j1 + 1;
  }
  return out;
}

/**
 * Identical texts are interchangeable, so when the greedy pass paired two of them crosswise (which
 * would report a move that nobody made) they are re-paired in reading order, kind by kind. Only the
 * greedy pass's links: pass 0 already paired identical texts in order.
 */
function untangleIdentical(
  accepted: Hypothesis[],
  from: AlignBlock[],
  to: AlignBlock[],
  fromKeys: string[],
  toKeys: string[],
  linkOfFrom: Int32Array,
  linkOfTo: Int32Array,
): void {
  const groups = new Map<string, Hypothesis[]>();
  for (const h of accepted) {
    if (h.froms.length !== 1 || h.tos.length !== 1) continue;
    const text = fromKeys[h.froms[0]!]!;
    if (text !== toKeys[h.tos[0]!]) continue;
    const key = `${from[h.froms[0]!]!.kind} ${to[h.tos[0]!]!.kind} ${text}`;
    const group = groups.get(key);
    if (group) group.push(h);
    else groups.set(key, [h]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const froms = group.map((h) => h.froms[0]!).sort((x, y) => x - y);
    const byTo = group.toSorted((x, y) => x.tos[0]! - y.tos[0]!);
    byTo.forEach((h, k) => {
      h.froms = [froms[k]!];
      linkOfFrom[froms[k]!] = linkOfTo[h.tos[0]!]!;
    });
  }
}

/** The links as the caller sees them, in the later version's reading order. */
function assemble(
  from: AlignBlock[],
  to: AlignBlock[],
  A: Side,
  B: Side,
  accepted: Hypothesis[],
  linkOfFrom: Int32Array,
  linkOfTo: Int32Array,
): AlignmentLink[] {
  const byTo = accepted
    .map((_, k) => k)
    .sort((x, y) => accepted[x]!.tos[0]! - accepted[y]!.tos[0]!);
  const inOrder = longestIncreasing(byTo.map((k) => accepted[k]!.froms[0]!));
  const moved = new Set(byTo.filter((_, pos) => !inOrder.has(pos)));

  const linkFor = (h: Hypothesis, k: number): AlignmentLink => {
    const fromBlocks = h.froms.map((i) => from[i]!);
    const toBlocks = h.tos.map((j) => to[j]!);
    const oneToOne = fromBlocks.length === 1 && toBlocks.length === 1;
    const unchanged = oneToOne && A.keys[h.froms[0]!] === B.keys[h.tos[0]!];
    const dice = plainDice(
      sumBags(h.froms.map((i) => A.bags[i]!)),
      sumBags(h.tos.map((j) => B.bags[j]!)),
    );
    return {
      fromIds: fromBlocks.map((b) => b.id),
      toIds: toBlocks.map((b) => b.id),
      change: unchanged
        ? 'unchanged'
        : oneToOne
          ? 'changed'
          : toBlocks.length > 1
            ? 'split'
            : 'merged',
      renumbered: oneToOne && fromBlocks[0]!.number !== toBlocks[0]!.number,
      moved: moved.has(k),
      similarity: unchanged ? 1 : Math.min(0.999, Math.round(dice * 1000) / 1000),
    };
  };
  const deletedAfter = new Map<number, AlignmentLink[]>();
  let lastLinked = -1;
  for (let i = 0; i < from.length; i++) {
    if (linkOfFrom[i]! >= 0) {
      lastLinked = linkOfFrom[i]!;
      continue;
    }
    const list = deletedAfter.get(lastLinked) ?? [];
    list.push({
      fromIds: [from[i]!.id],
      toIds: [],
      change: 'deleted',
      renumbered: false,
      moved: false,
      similarity: 0,
    });
    deletedAfter.set(lastLinked, list);
  }

  const out: AlignmentLink[] = [...(deletedAfter.get(-1) ?? [])];
  for (let j = 0; j < to.length; j++) {
    const k = linkOfTo[j]!;
    if (k < 0) {
      out.push({
        fromIds: [],
        toIds: [to[j]!.id],
        change: 'new',
        renumbered: false,
        moved: false,
        similarity: 0,
      });
      continue;
    }
    const h = accepted[k]!;
    if (h.tos[0] !== j) continue;
    out.push(linkFor(h, k), ...(deletedAfter.get(k) ?? []));
  }
  return out;
}

/** Hypotheses best first; ties in reading order, smaller groups first, so the result is stable. */
function bestFirst(x: Hypothesis, y: Hypothesis): number {
  return (
    y.rank - x.rank ||
    x.tos[0]! - y.tos[0]! ||
    x.froms[0]! - y.froms[0]! ||
    x.tos.length - y.tos.length ||
    x.froms.length - y.froms.length
  );
}

/** The runs of at least two consecutive block indices (at most MAX_PIECES long). */
function consecutiveRuns(indices: number[]): number[][] {
  const runs: number[][] = [];
  for (const k of [...new Set(indices)].sort((x, y) => x - y)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === k - 1 && run.length < MAX_PIECES) run.push(k);
    else runs.push([k]);
  }
  return runs.filter((r) => r.length >= 2);
}

/**
 * The best stretch of two or more consecutive pieces whose words together match the hub's, if it
 * beats the hub's best single link by GROUP_MARGIN.
 */
function bestGroup(o: {
  hub: number;
  pieces: number[];
  hubSide: Side;
  pieceSide: Side;
  best: number;
  weight: Float64Array;
}): { pieces: number[]; score: number } | undefined {
  const { hub, pieces, hubSide, pieceSide, best, weight } = o;
  // a score is at most 1: a hub already linked that well cannot be bettered
  if (best + GROUP_MARGIN > 1) return;
  const hubBag = hubSide.bags[hub]!;
  let found: { pieces: number[]; score: number } | undefined;
  for (let a = 0; a < pieces.length - 1; a++) {
    const union = new Map<number, number>();
    let total = hubSide.mass[hub]!;
    for (let b = a; b < pieces.length; b++) {
      const bag = pieceSide.bags[pieces[b]!]!;
      bag.ids.forEach((f, k) => union.set(f, (union.get(f) ?? 0) + bag.counts[k]!));
      total += pieceSide.mass[pieces[b]!]!;
      if (b === a) continue;
      let s = 0;
      hubBag.ids.forEach((f, k) => {
        s += weight[f]! * Math.min(hubBag.counts[k]!, union.get(f) ?? 0);
      });
      const score = total === 0 ? 0 : (2 * s) / total;
      if (!found || score > found.score + 1e-12) found = { pieces: pieces.slice(a, b + 1), score };
    }
  }
  if (!found || found.score < MATCH_ANYWHERE || found.score < best + GROUP_MARGIN) return;
  return found;
}
