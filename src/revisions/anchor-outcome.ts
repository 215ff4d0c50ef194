/**
 * What became of a comment's anchor at each later version of its draft: the names programs read
 * (carried, moved, split, merged, lost_quote, orphan), from how the anchor was carried and the
 * alignment link of the paragraph it was carried from. Pure: the stores read the rows.
 */

/** What became of an anchor in a later version. */
export type CarriedOutcome = 'carried' | 'moved' | 'split' | 'merged' | 'lost_quote' | 'orphan';

/** A carried anchor's row, with the version it was carried to (its order among the versions). */
export interface CarriedStepRow {
  anchorId: string;
  toVersionSeq: number;
  /** The block it landed in; null for an orphan. */
  blockId: string | null;
  /** The language version of that block; null for an orphan. */
  languageVersionId: string | null;
  method: string;
}

/** The alignment link a block of an earlier version followed, as a store reads it. */
export interface FollowedLink {
  fromBlockId: string;
  toLanguageVersionId: string;
  toBlockId: string | null;
  change: string;
  moved: boolean;
}

/**
 * The block each carried step came from: the anchor's own block for its first step, then the
 * block it landed in at the step before. Rows in any order; the answer follows the rows' order.
 */
export function carriedFrom(
  rows: readonly CarriedStepRow[],
  ownBlock: ReadonlyMap<string, string>,
): (string | null)[] {
  const byAnchor = new Map<string, CarriedStepRow[]>();
  for (const row of rows) byAnchor.set(row.anchorId, [...(byAnchor.get(row.anchorId) ?? []), row]);
  const from = new Map<CarriedStepRow, string | null>();
  for (const [anchorId, steps] of byAnchor) {
    let previous: string | null = ownBlock.get(anchorId) ?? null;
    for (const step of steps.toSorted((a, b) => a.toVersionSeq - b.toVersionSeq)) {
      from.set(step, previous);
      previous = step.blockId;
    }
  }
  return rows.map((row) => from.get(row) ?? null);
}

/** The outcome of each step, given the block it came from and the links read for those blocks. */
export function carriedOutcomes(
  rows: readonly CarriedStepRow[],
  fromBlocks: readonly (string | null)[],
  links: readonly FollowedLink[],
): CarriedOutcome[] {
  const byKey = new Map<string, { to: Set<string>; change: string; moved: boolean }>();
  for (const l of links) {
    const key = `${l.fromBlockId} ${l.toLanguageVersionId}`;
    const link = byKey.get(key) ?? { to: new Set<string>(), change: l.change, moved: l.moved };
    if (l.toBlockId) link.to.add(l.toBlockId);
    byKey.set(key, link);
  }
  return rows.map((row, i) => {
    if (row.method === 'orphan' || row.blockId === null) return 'orphan';
    if (row.method === 'lost_quote') return 'lost_quote';
    const link = byKey.get(`${fromBlocks[i]} ${row.languageVersionId}`);
    // The quoted words were found outside what the paragraph became: they moved.
    if (!link || !link.to.has(row.blockId)) return 'moved';
    if (link.change === 'split') return 'split';
    if (link.change === 'merged') return 'merged';
    return link.moved ? 'moved' : 'carried';
  });
}
