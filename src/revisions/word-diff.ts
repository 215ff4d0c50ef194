/**
 * Word-level differences between two versions of a paragraph, as a reader wants to see them: whole
 * words in and out (Chinese cut into words by Intl.Segmenter, not into characters), whitespace and
 * punctuation as tokens of their own so that nothing of either text is lost.
 */

/** One run of the difference: text in both versions, only in the later, or only in the earlier. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Most edit steps (words in plus words out) worked out exactly between the common start and end.
 * Myers' algorithm costs time (tokens × edits) and memory (edits²); beyond this the middle is shown
 * as deleted then inserted whole, which is still a correct difference, only a coarse one.
 */
const MAX_EDITS = 2_000;
/** Most tokens × edits worked through before falling back, for the same reason. */
const MAX_WORK = 40_000_000;

const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for the language; an unknown or malformed tag gets the root rules. */
function segmenterFor(language: string | undefined): Intl.Segmenter {
  const key = language ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(language || undefined, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    // callers pass the language of a document: a handful of tags, but bounded all the same
    if (segmenters.size >= 64) segmenters.clear();
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** The text cut into words, runs of whitespace and single punctuation marks; joined, they give it back. */
export function wordTokens(text: string, language?: string): string[] {
  return Array.from(segmenterFor(language).segment(text), (s) => s.segment);
}

/** Word-level differences between two texts; joining equal+delete parts gives `before`, equal+insert gives `after`. */
export function diffWords(before: string, after: string, language?: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const a = wordTokens(before, language);
  const b = wordTokens(after, language);
  // Tokens compared as small integers: the inner loop of Myers' algorithm compares a lot.
  const ids = new Map<string, number>();
  const intern = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a, intern);
  const y = Int32Array.from(b, intern);

  return toParts(editScript(x, y), a, b);
}

/**
 * One op per token of either side, in order: the common start and end first taken off, the middle
 * by Myers, or deleted then inserted whole when that would be too long to work out.
 */
function editScript(x: Int32Array, y: Int32Array): Op[] {
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  )
    tail++;
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push(EQUAL);
  const middle = myers(x.subarray(head, x.length - tail), y.subarray(head, y.length - tail));
  if (middle) for (const op of middle) ops.push(op);
  else {
    for (let k = head; k < x.length - tail; k++) ops.push(DELETE);
    for (let k = head; k < y.length - tail; k++) ops.push(INSERT);
  }
  for (let k = 0; k < tail; k++) ops.push(EQUAL);
  return ops;
}

/**
 * Index pairs (i in `a`, j in `b`) of a longest common subsequence of two sequences of numbers, by
 * the same means as diffWords: shorter than the longest when the difference is too long to work
 * out exactly, never wrong.
 */
export function commonPairs(a: Int32Array, b: Int32Array): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const op of editScript(a, b)) {
    if (op === EQUAL) pairs.push([i++, j++]);
    else if (op === DELETE) i++;
    else j++;
  }
  return pairs;
}

const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;
type Op = typeof EQUAL | typeof DELETE | typeof INSERT;

/**
 * Myers' O(ND) shortest edit script, one op per token of either side in order; undefined when the
 * script would be longer than MAX_EDITS or cost more than MAX_WORK.
 */
function myers(a: Int32Array, b: Int32Array): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...Array<Op>(n).fill(DELETE), ...Array<Op>(m).fill(INSERT)];
  const limit = Math.min(n + m, MAX_EDITS, Math.floor(MAX_WORK / (n + m)));
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  // trace[d] holds v for diagonals -d..d after step d: enough to walk back, and only d² in all.
  const trace: Int32Array[] = [];
  let steps = -1;
  search: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let px =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && a[px] === b[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        steps = d;
        break search;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (steps < 0) return undefined;

  const reversed: Op[] = [];
  let px = n;
  let py = m;
  for (let d = steps; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number): number => prev[k + d - 1]!;
    const k = px - py;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      reversed.push(EQUAL);
      px--;
      py--;
    }
    reversed.push(down ? INSERT : DELETE);
    px = prevX;
    py = prevY;
  }
  for (; px > 0; px--) reversed.push(EQUAL);
  return reversed.reverse();
}

/**
 * Ops to parts. Within a run of changes the deleted text comes before the inserted text, and a
 * lone space between two replacements joins them ("must ensure" → "should guarantee" is one
 * replacement, not two), which reads better and keeps both reconstructions exact.
 */
function toParts(ops: Op[], a: string[], b: string[]): DiffPart[] {
  interface Run {
    equal: string;
    deleted: string;
    inserted: string;
  }
  const runs: Run[] = [];
  let run: Run = { equal: '', deleted: '', inserted: '' };
  let x = 0;
  let y = 0;
  for (const op of ops) {
    if (op === EQUAL) {
      if (run.deleted || run.inserted) {
        runs.push(run);
        run = { equal: '', deleted: '', inserted: '' };
      }
      run.equal += a[x++];
      y++;
    } else if (op === DELETE) run.deleted += a[x++];
    else run.inserted += b[y++];
  }
  runs.push(run);

  // each run is: equal text, then the changes that follow it
  for (let k = 1; k < runs.length; k++) {
    const prev = runs[k - 1]!;
    const cur = runs[k]!;
    const replacement = (r: Run): boolean => r.deleted !== '' && r.inserted !== '';
    if (replacement(prev) && replacement(cur) && /^\s+$/.test(cur.equal)) {
      prev.deleted += cur.equal + cur.deleted;
      prev.inserted += cur.equal + cur.inserted;
      runs.splice(k--, 1);
    }
  }

  const parts: DiffPart[] = [];
  for (const r of runs) {
    if (r.equal) parts.push({ op: 'equal', text: r.equal });
    if (r.deleted) parts.push({ op: 'delete', text: r.deleted });
    if (r.inserted) parts.push({ op: 'insert', text: r.inserted });
  }
  return parts;
}
