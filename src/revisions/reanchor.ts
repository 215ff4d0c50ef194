/**
 * Re-anchoring a reader's quote on a revised paragraph. A comment on version 1 is stored as a W3C Web
 * Annotation TextQuoteSelector (the quoted text with up to 32 characters either side) plus its
 * TextPositionSelector; when version 2 comes, the quote is looked for in the blocks the alignment
 * offers (see align.ts), first exactly, then approximately, else it is an orphan.
 *
 * Approximate search is Myers' bit-parallel edit distance (Myers 1999, in 32-row blocks as Hyyrö
 * 2003 and edlib do it, with Ukkonen's cut-off): time at most text length × quote length / 32 and
 * no table of the whole problem, so a 300-character quote against a 2,000-character paragraph
 * takes a fraction of a millisecond. Offsets are UTF-16 code units, as in the DOM and the W3C
 * selectors; a returned span never splits a surrogate pair.
 */

/** A W3C TextQuoteSelector, with the TextPositionSelector of the same span when one was kept. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  /** Where the quote began in the old text (UTF-16 offset). */
  start?: number;
  /** Where the quote ended in the old text (UTF-16 offset, exclusive). */
  end?: number;
}

/** Where a quote was found again. */
export interface Reanchored {
  blockId: string;
  start: number;
  end: number;
  /** The text now at start..end: the quote itself, or its edited form for a fuzzy match. */
  exact: string;
  method: 'exact' | 'fuzzy';
  /**
   * Confidence 0..1. Exact: 0.9 + 0.1 × agreement of the surrounding text with the old prefix and
   * suffix. Fuzzy: similarity of the found text to the quote, 1 − edits / longer length.
   */
  score: number;
}

/**
 * Similarity at which an edited quote is still the same quote. At 0.75 a 60-character quote survives
 * "must ensure" → "should ensure" (5 edits, 0.92) or an inserted "and effective " (14 edits, 0.77),
 * but not a rewrite of half its words, which should come back to the reader as an orphan.
 */
const FUZZY_ACCEPT = 0.75;
/** Characters of prefix and suffix a selector keeps, as Hypothesis and the W3C examples do. */
const CONTEXT = 32;
/**
 * A quote shorter than this ("the State") is within FUZZY_ACCEPT of too many places: found fuzzily,
 * it must also have at least half of its old prefix and suffix around it.
 */
const SHORT_QUOTE = 32;
/** Exact occurrences weighed at most ("the" in every candidate): the rest are not looked at. */
const MAX_OCCURRENCES = 1_000;
/** End positions examined per candidate when several are equally close. */
const MAX_ENDS = 16;
/** Most (characters × quote blocks) of approximate search per candidate; beyond, exact only. */
const MAX_WORK = 20_000_000;
/** A light edit, searched for first: at most one edit in this many characters. */
const LIGHT_EDIT = 5;
/** How much a later candidate must do better to be preferred over an earlier one, per place. */
const RANK_COST = 0.02;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when `at` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, at: number): boolean =>
  at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

/** Builds a selector (exact, 32 chars of prefix and suffix, positions) for a span of a text. */
export function quoteSelector(
  text: string,
  start: number,
  end: number,
): QuoteSelector & { start: number; end: number } {
  const t = typeof text === 'string' ? text : '';
  const clamp = (v: number, lo: number): number =>
    Number.isFinite(v) ? Math.min(t.length, Math.max(lo, Math.trunc(v))) : lo;
  let s = clamp(start, 0);
  let e = clamp(end, s);
  if (splitsPair(t, s)) s--;
  if (splitsPair(t, e)) e++;
  let before = Math.max(0, s - CONTEXT);
  if (splitsPair(t, before)) before++;
  let after = Math.min(t.length, e + CONTEXT);
  if (splitsPair(t, after)) after--;
  return {
    exact: t.slice(s, e),
    prefix: t.slice(before, s),
    suffix: t.slice(e, after),
    start: s,
    end: e,
  };
}

/** A pattern prepared for the bit-parallel search: per code unit, a bit per pattern position. */
interface Bits {
  length: number;
  blocks: number;
  /** Bit of the last pattern row within the last block. */
  lastBit: number;
  /** `blocks` words per distinct code unit of the pattern. */
  rows: Int32Array;
  /** Offset in `rows` of an ASCII code unit, −1 if the pattern has none: most text is ASCII. */
  ascii: Int32Array;
  /** Offset in `rows` of every code unit of the pattern. */
  other: Map<number, number>;
}

function bitsOf(pattern: string, reversed = false): Bits {
  const length = pattern.length;
  const blocks = Math.ceil(length / 32);
  const ascii = new Int32Array(128).fill(-1);
  const other = new Map<number, number>();
  const rows: number[] = [];
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(reversed ? length - 1 - i : i);
    let at = other.get(code);
    if (at === undefined) {
      at = rows.length;
      other.set(code, at);
      for (let b = 0; b < blocks; b++) rows.push(0);
      if (code < 128) ascii[code] = at;
    }
    rows[at + (i >> 5)]! |= 1 << (i & 31);
  }
  return { length, blocks, lastBit: (length - 1) & 31, rows: Int32Array.from(rows), ascii, other };
}

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** No bound on the distance: every block of pattern rows is computed. */
const UNBOUNDED = 1 << 29;

/**
 * Edit distances between the pattern and the text read from `from` by `step` (1 forwards, −1
 * backwards) for `count` characters: result[c] is the distance after c characters, or k + 1 for
 * anything above `k`. `anchored`: the match starts at `from` (D[0][c] = c); otherwise anywhere
 * (D[0][c] = 0), so result[c] is the best match ending there.
 *
 * Myers' bit-vector step is edlib's calculateBlock; with a bound `k` only the blocks of pattern rows
 * that can still be within `k` are computed (Ukkonen's cut-off, per block as edlib keeps it).
 */
function distances(
  bits: Bits,
  text: string,
  from: number,
  step: 1 | -1,
  count: number,
  anchored: boolean,
  k = UNBOUNDED,
): Int32Array {
  const out = new Int32Array(count + 1).fill(k + 1);
  if (bits.length <= k) out[0] = bits.length;
  const { blocks, rows, ascii, other } = bits;
  const last = blocks - 1;
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  // D at the bottom row of each block (the last block's padding rows included)
  const bottom = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) bottom[b] = (b + 1) * 32;
  const below = bits.lastBit === 31 ? 0 : -1 << (bits.lastBit + 1);
  const top = anchored ? 1 : 0;
  let lastBlock = Math.min(blocks, Math.ceil((k + 1) / 32)) - 1;
  for (let c = 1, pos = from; c <= count; c++, pos += step) {
    const code = text.charCodeAt(pos);
    const at = code < 128 ? ascii[code]! : (other.get(code) ?? -1);
    let hin = top;
    // The next block joins when the bottom row above it was within k one column back: only then
    // can any of its rows come within k now. Its rows were beyond k: taken as rising by one each.
    const rowAbove = lastBlock < 0 ? (anchored ? c - 1 : 0) : bottom[lastBlock]!;
    const limit = lastBlock < last && rowAbove <= k ? lastBlock + 1 : lastBlock;
    for (let b = 0; b <= limit; b++) {
      if (b > lastBlock) {
        pv[b] = -1;
        mv[b] = 0;
        bottom[b] = rowAbove + 32;
      }
      const eqRaw = at >= 0 ? rows[at + b]! : 0;
      const p = pv[b]!;
      const m = mv[b]!;
      const hinNeg = hin < 0 ? 1 : 0;
      const xv = eqRaw | m;
      const eq = eqRaw | hinNeg;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = m | ~(xh | p);
      let mh = p & xh;
      const hout = (ph >>> 31) - (mh >>> 31);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNeg;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
      bottom[b]! += hout;
    }
    lastBlock = limit;
    while (lastBlock >= 0 && bottom[lastBlock]! >= k + 32) lastBlock--;
    if (lastBlock === last) {
      const d = bottom[last]! - popcount(pv[last]! & below) + popcount(mv[last]! & below);
      if (d <= k) out[c] = d;
    }
  }
  return out;
}

/** The old prefix and suffix, prepared once per quote. */
interface Context {
  prefix: Bits | null;
  suffix: Bits | null;
}

/**
 * How well the text around start..end agrees with the old prefix and suffix, 0..1: 1 − edits /
 * length for each, weighted by length, letting a few characters be inserted or dropped at the far
 * end. 1 when the selector kept no context.
 */
function agreement(context: Context, text: string, start: number, end: number): number {
  let total = 0;
  let weight = 0;
  const { prefix, suffix } = context;
  if (prefix) {
    const d = distances(prefix, text, start - 1, -1, Math.min(start, 2 * prefix.length), true);
    total += prefix.length - Math.min(...d);
    weight += prefix.length;
  }
  if (suffix) {
    const count = Math.min(text.length - end, 2 * suffix.length);
    const d = distances(suffix, text, end, 1, count, true);
    total += suffix.length - Math.min(...d);
    weight += suffix.length;
  }
  return weight === 0 ? 1 : Math.max(0, total / weight);
}

/** One place a quote could now be. */
interface Spot {
  rank: number;
  start: number;
  end: number;
  similarity: number;
  agreement: number;
}

/** Finds where a quote from an earlier version now is, searching the candidate blocks in order of preference; undefined = orphan. */
export function reanchorQuote(
  selector: QuoteSelector,
  candidates: Array<{ blockId: string; text: string }>,
): Reanchored | undefined {
  if (!selector || !Array.isArray(candidates)) return undefined;
  const exact = typeof selector.exact === 'string' ? selector.exact : '';
  if (!exact) return undefined;
  const texts = candidates.map((c) => (typeof c?.text === 'string' ? c.text : ''));
  // Other tools keep longer context; twice ours is plenty to tell places apart and stays cheap.
  const prefix = typeof selector.prefix === 'string' ? selector.prefix.slice(-2 * CONTEXT) : '';
  const suffix = typeof selector.suffix === 'string' ? selector.suffix.slice(0, 2 * CONTEXT) : '';
  const context: Context = {
    prefix: prefix ? bitsOf(prefix, true) : null,
    suffix: suffix ? bitsOf(suffix) : null,
  };
  const oldStart = Number.isFinite(selector.start) ? selector.start! : null;

  const pick = (spots: Spot[], key: (s: Spot) => number): Spot | undefined => {
    let best: Spot | undefined;
    let bestKey = -Infinity;
    for (const s of spots) {
      const k = key(s);
      const closer =
        oldStart !== null &&
        best !== undefined &&
        Math.abs(s.start - oldStart) < Math.abs(best.start - oldStart);
      if (k > bestKey + 1e-9 || (Math.abs(k - bestKey) <= 1e-9 && closer)) {
        best = s;
        bestKey = k;
      }
    }
    return best;
  };
  const result = (spot: Spot, method: Reanchored['method'], score: number): Reanchored => {
    const text = texts[spot.rank]!;
    let { start, end } = spot;
    if (splitsPair(text, start)) start--;
    if (splitsPair(text, end)) end++;
    return {
      blockId: String(candidates[spot.rank]!.blockId),
      start,
      end,
      exact: text.slice(start, end),
      method,
      score: Math.round(score * 1000) / 1000,
    };
  };

  // ---- exact: every occurrence, the surrounding text decides ----
  const found: Spot[] = [];
  for (let rank = 0; rank < texts.length && found.length < MAX_OCCURRENCES; rank++) {
    const text = texts[rank]!;
    for (let at = text.indexOf(exact); at >= 0 && found.length < MAX_OCCURRENCES;) {
      found.push({ rank, start: at, end: at + exact.length, similarity: 1, agreement: 0 });
      at = text.indexOf(exact, at + 1);
    }
  }
  if (found.length > 0) {
    for (const s of found) s.agreement = agreement(context, texts[s.rank]!, s.start, s.end);
    const best = pick(found, (s) => s.agreement - RANK_COST * s.rank)!;
    return result(best, 'exact', 0.9 + 0.1 * best.agreement);
  }

  // ---- fuzzy: the closest substring of each candidate ----
  const bits = bitsOf(exact);
  const reversed = bitsOf(exact, true);
  const m = exact.length;
  // similarity ≥ FUZZY_ACCEPT with a found text up to m + edits long allows at most this many edits
  const maxEdits = Math.floor(((1 - FUZZY_ACCEPT) * m) / FUZZY_ACCEPT);
  if (maxEdits < 1) return undefined;
  const spotsWithin = (k: number): Spot[] => {
    const spots: Spot[] = [];
    texts.forEach((text, rank) => {
      const n = text.length;
      if (n === 0 || n < m - k || bits.blocks * (n + m) > MAX_WORK) return;
      const d = distances(bits, text, 0, 1, n, false, k);
      let least = k + 1;
      for (let c = 1; c <= n; c++) least = Math.min(least, d[c]!);
      if (least > k) return;
      let ends = 0;
      for (let e = 1; e <= n && ends < MAX_ENDS; e++) {
        // the last end of each run of equally good ends: a substitution, not a deletion, at the end
        if (d[e] !== least || (e < n && d[e + 1] === least)) continue;
        ends++;
        const window = Math.min(e, m + least);
        const back = distances(reversed, text, e - 1, -1, window, true);
        let length = 0;
        for (let t = 1; t <= window; t++) {
          const better = back[t]! < back[length]!;
          const tie = back[t] === back[length] && Math.abs(t - m) < Math.abs(length - m);
          if (better || tie) length = t;
        }
        const similarity = 1 - back[length]! / Math.max(m, length);
        if (similarity < FUZZY_ACCEPT || length === 0) continue;
        const around = agreement(context, text, e - length, e);
        if (m < SHORT_QUOTE && around < 0.5) continue;
        spots.push({ rank, start: e - length, end: e, similarity, agreement: around });
      }
    });
    return spots;
  };
  // Most edited quotes lost a word or two: a narrow search first, cheap, then the full width.
  const light = Math.min(maxEdits, Math.ceil(m / LIGHT_EDIT));
  let spots = spotsWithin(light);
  if (spots.length === 0 && light < maxEdits) spots = spotsWithin(maxEdits);
  const best = pick(spots, (s) => s.similarity + 0.1 * s.agreement - RANK_COST * s.rank);
  return best ? result(best, 'fuzzy', best.similarity) : undefined;
}
