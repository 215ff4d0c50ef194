/** Row types of version alignments and carried anchors, as stored. */

/** A row of `block_alignments`: one from/to block pair of an alignment link between two texts. */
export interface BlockAlignmentTable {
  id: string;
  from_language_version_id: string;
  to_language_version_id: string;
  link_seq: number;
  from_block_id: string | null;
  to_block_id: string | null;
  change: string;
  renumbered: number;
  moved: number;
  similarity: number;
}

/** A row of `carried_anchors`: where an anchor on an earlier version lands in a later one. */
export interface CarriedAnchorTable {
  anchor_id: string;
  to_version_id: string;
  /** Null when the anchor could not be re-anchored (an orphan). */
  block_id: string | null;
  address: string | null;
  start: number | null;
  end: number | null;
  /** 'paragraph', 'exact', 'fuzzy' or 'orphan'. */
  method: string;
  score: number;
}

/**
 * A row of `paragraph_counts`: the published submissions with an anchor on a paragraph of a
 * version, and with one carried to it from an earlier version, kept as they change.
 */
export interface ParagraphCountTable {
  version_id: string;
  address: string;
  direct: number;
  carried: number;
}
