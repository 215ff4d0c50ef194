/**
 * PDF import, step 1: from the positioned pieces of text of a page to its lines. Pure.
 *
 * A piece sits on a baseline; pieces on one baseline form a line, and a smaller piece raised above a
 * line (a superscript footnote marker) joins that line. A line is cut where a gap wider than a few
 * characters separates its pieces (two columns, a header's left and right parts, a number and the
 * tabbed text after it); the pieces of each fragment are then put in reading order, right-to-left
 * runs reversed (see bidi).
 */

/** One piece of text as the PDF places it: its baseline's start, width and font size, in points. */
export interface PdfTextPiece {
  text: string;
  x: number;
  /** The baseline, measured from the page's foot (PDF coordinates: up is larger). */
  y: number;
  width: number;
  size: number;
}

/** One page's pieces and size. */
export interface PdfPageText {
  width: number;
  height: number;
  pieces: PdfTextPiece[];
}

/** A piece of a line: text, its place, and whether it is a raised, smaller footnote marker. */
export interface LinePiece extends PdfTextPiece {
  raised: boolean;
}

/** A run of text on one baseline with no wide gap in it. */
export interface PdfFragment {
  page: number;
  x0: number;
  x1: number;
  y: number;
  /** The font size of most of its characters. */
  size: number;
  pieces: LinePiece[];
}

// Arabic presentation forms (the shaped glyphs a PDF maps some characters to) back to letters.
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/g;

/** The text of a piece as typed: presentation forms undone, invisible and control characters out. */
export function cleanPieceText(text: string): string {
  return text
    .replace(PRESENTATION_FORMS, (c) => c.normalize('NFKC'))
    .replace(/[\p{Cc}\u00AD\u200B\uFEFF]/gu, '');
}

/** Groups a page's pieces into fragments, in no particular order. */
export function pageFragments(page: PdfPageText, pageNumber: number): PdfFragment[] {
  const pieces = attachCombiningMarks(
    page.pieces
      .map((p) => ({ ...p, text: cleanPieceText(p.text) }))
      .filter((p) => p.text.trim() !== '' && p.size > 0),
  );
  const baselines = groupByBaseline(pieces);
  attachRaisedPieces(baselines);
  return baselines.flatMap((line) => splitAtGaps(line, pageNumber));
}

const MARKS_ONLY = /^\s*\p{M}+\s*$/u;

/**
 * A piece made only of combining marks (an Arabic vowel sign placed by the font, a little above
 * the line) goes after the letter it stands on: the piece whose width covers its place.
 */
function attachCombiningMarks(pieces: PdfTextPiece[]): PdfTextPiece[] {
  const bases = pieces.filter((p) => !MARKS_ONLY.test(p.text));
  for (const mark of pieces.filter((p) => MARKS_ONLY.test(p.text))) {
    const candidates = bases.filter(
      (b) =>
        Math.abs(b.y - mark.y) <= 0.6 * b.size &&
        mark.x >= b.x - 0.5 &&
        mark.x <= b.x + b.width + 0.5,
    );
    const inside = candidates.find((b) => mark.x > b.x + 0.1 && mark.x < b.x + b.width - 0.1);
    const base = inside ?? candidates[0];
    if (base) base.text += mark.text.trim();
    else bases.push(mark);
  }
  return bases;
}

interface Baseline {
  y: number;
  size: number;
  pieces: LinePiece[];
}

function dominantSize(pieces: { text: string; size: number }[]): number {
  const weight = new Map<number, number>();
  for (const p of pieces) {
    const k = Math.round(p.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + p.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight || (w === bestWeight && size > best)) [best, bestWeight] = [size, w];
  }
  return best;
}

/** Pieces whose baselines are within a tenth of their size of each other. */
function groupByBaseline(pieces: PdfTextPiece[]): Baseline[] {
  const sorted = pieces.toSorted((a, b) => b.y - a.y);
  const lines: Baseline[] = [];
  for (const p of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - p.y) <= 0.12 * Math.max(p.size, last.size)) {
      last.pieces.push({ ...p, raised: false });
    } else {
      lines.push({ y: p.y, size: p.size, pieces: [{ ...p, raised: false }] });
    }
  }
  for (const l of lines) l.size = dominantSize(l.pieces);
  return lines;
}

/**
 * A baseline of smaller text that sits within a larger line's height, above its baseline, joins
 * that line as raised pieces (superscript markers).
 */
function attachRaisedPieces(lines: Baseline[]): void {
  for (let i = 0; i < lines.length; i++) {
    const small = lines[i]!;
    const host = lines.find(
      (l) =>
        l !== small &&
        l.pieces.length > 0 &&
        small.size <= 0.85 * l.size &&
        small.y - l.y >= 0.15 * l.size &&
        small.y - l.y <= 0.6 * l.size &&
        small.pieces.every((p) => near(p, l.pieces, l.size)),
    );
    if (host) host.pieces.push(...small.pieces.map((p) => ({ ...p, raised: true })));
    else {
      const above = i > 0 ? wrappedMarkerHost(small, lines[i - 1]!) : undefined;
      if (!above) continue;
      // placed after the line's last character, where the marker was written
      const rtl = isRightToLeft(above.pieces);
      const start = Math.min(...above.pieces.map((p) => p.x));
      const end = Math.max(...above.pieces.map((p) => p.x + p.width));
      above.pieces.push(
        ...small.pieces.map((p) => ({ ...p, x: rtl ? start - p.width : end, raised: true })),
      );
    }
    small.pieces = [];
  }
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.pieces.length === 0) lines.splice(i, 1);
}

/**
 * A marker that a line break sent alone to the next line (Chinese text breaks anywhere, before a
 * superscript too): a line of nothing but a small number, just below a line of text and at that
 * line's start, belongs to the end of that line.
 */
function wrappedMarkerHost(small: Baseline, above: Baseline): Baseline | undefined {
  const digits = small.pieces.every((p) =>
    /^[0-9\u0660-\u0669\u06F0-\u06F9]{1,3}$/.test(p.text.trim()),
  );
  if (!digits || above.pieces.length === 0 || small.size > 0.85 * above.size) return undefined;
  if (above.y - small.y > 1.6 * above.size) return undefined;
  const start = Math.min(...above.pieces.map((p) => p.x));
  const end = Math.max(...above.pieces.map((p) => p.x + p.width));
  const atStart = small.pieces.every(
    (p) => Math.abs(p.x - start) < above.size || Math.abs(p.x + p.width - end) < above.size,
  );
  return atStart ? above : undefined;
}

function near(p: PdfTextPiece, others: PdfTextPiece[], size: number): boolean {
  return others.some((o) => p.x <= o.x + o.width + size && p.x + p.width >= o.x - size);
}

/** Cuts a baseline where its pieces are more than one font size apart. */
function splitAtGaps(line: Baseline, page: number): PdfFragment[] {
  const sorted = line.pieces.toSorted((a, b) => a.x - b.x);
  const out: PdfFragment[] = [];
  let current: LinePiece[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const body = current.filter((p) => !p.raised);
    out.push({
      page,
      x0: Math.min(...current.map((p) => p.x)),
      x1: Math.max(...current.map((p) => p.x + p.width)),
      y: line.y,
      size: dominantSize(body.length > 0 ? body : current),
      pieces: current,
    });
    current = [];
  };
  let end = -Infinity;
  for (const p of sorted) {
    if (current.length > 0 && p.x - end > 1.0 * line.size) flush();
    current.push(p);
    end = Math.max(end, p.x + p.width);
  }
  flush();
  return out;
}

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const STRONG_LTR = /[A-Za-z\u00C0-\u024F\u0370-\u052F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;
const NUMBER = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};

/** Whether a fragment's text reads right to left (more right-to-left letters than others). */
export function isRightToLeft(pieces: { text: string }[]): boolean {
  let rtl = 0;
  let ltr = 0;
  for (const p of pieces) {
    for (const c of p.text) {
      if (STRONG_RTL.test(c)) rtl++;
      else if (STRONG_LTR.test(c)) ltr++;
    }
  }
  return rtl > ltr;
}

/**
 * A piece that is not right-to-left text holds its characters as printed, left to right; one
 * that mixes numbers and punctuation (".1", the "1." of a right-to-left paragraph) is cut into
 * runs, each with its share of the width, so that the punctuation finds its side.
 */
function explodeMixedPiece<P extends { text: string; x: number; width: number }>(p: P): P[] {
  if (STRONG_RTL.test(p.text) || [...p.text].length < 2) return [p];
  const runs = p.text.match(
    /[\p{L}\p{N}\p{M}]+(?:[.,:/-][\p{L}\p{N}\p{M}]+)*|[^\p{L}\p{N}\p{M}]+/gu,
  );
  if (!runs || runs.length < 2) return [p];
  const total = [...p.text].length;
  let offset = 0;
  return runs.map((run) => {
    const n = [...run].length;
    const piece = {
      ...p,
      text: run,
      x: p.x + (p.width * offset) / total,
      width: (p.width * n) / total,
    };
    offset += n;
    return piece;
  });
}

/**
 * The pieces of a right-to-left line (given left to right, as printed) in reading order: the order
 * reversed, runs of left-to-right text and numbers kept as printed, brackets between right-to-left
 * words mirrored back (a PDF maps the mirrored glyph of "(" to ")").
 */
export function bidiOrder<P extends { text: string; x: number; width: number }>(pieces: P[]): P[] {
  const visual = pieces.flatMap((p) => explodeMixedPiece(p));
  const kind = visual.map((p): 'R' | 'L' | 'N' =>
    STRONG_RTL.test(p.text) ? 'R' : STRONG_LTR.test(p.text) || NUMBER.test(p.text) ? 'L' : 'N',
  );
  // a neutral between two left-to-right pieces reads with them; otherwise with the line
  const resolved = kind.map((k, i) => {
    if (k !== 'N') return k;
    const before = kind.slice(0, i).findLast((x) => x !== 'N');
    const after = kind.slice(i + 1).find((x) => x !== 'N');
    return before === 'L' && after === 'L' ? 'L' : 'R';
  });
  const out: P[] = [];
  let i = visual.length - 1;
  while (i >= 0) {
    if (resolved[i] === 'L') {
      let start = i;
      while (start > 0 && resolved[start - 1] === 'L') start--;
      out.push(...visual.slice(start, i + 1));
      i = start - 1;
      continue;
    }
    const p = visual[i]!;
    const mirrored = kind[i] === 'N' ? [...p.text].map((c) => MIRRORED[c] ?? c).join('') : p.text;
    out.push(mirrored === p.text ? p : { ...p, text: mirrored });
    i--;
  }
  return out;
}
