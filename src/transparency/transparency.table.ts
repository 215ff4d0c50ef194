/** Row types of the transparency log, as stored. */

/** A row of `transparency_entries`: one leaf of the log, in the order appended. */
export interface TransparencyEntryTable {
  leaf_index: number;
  /** Hex SHA-256(0x00 || entry). */
  leaf_hash: string;
  /** The canonical JSON the leaf hashes. */
  entry: string;
  kind: string;
  subject_id: string;
  /** The document version whose readers may read the entry; null when everyone may. */
  version_id: string | null;
}

/**
 * A row of `transparency_leaf_hashes`: where a leaf hash is in the log, written by the
 * transparency follower after the entry's commit (not in it: random keys are costly to commit).
 */
export interface TransparencyLeafHashTable {
  leaf_hash: string;
  leaf_index: number;
}

/** The one row of `transparency_hash_progress`: entries below indexed_size have their hash row. */
export interface TransparencyHashProgressTable {
  id: number;
  indexed_size: number;
}

/**
 * A row of `transparency_nodes`: a completed interior node of the Merkle tree, level 4 and up
 * (lower ones are made from their leaves; logs written before that have every level ≥ 1).
 */
export interface TransparencyNodeTable {
  level: number;
  idx: number;
  hash: string;
}

/** The one row of `transparency_head`: the log's size and compact range, locked by every append. */
export interface TransparencyHeadTable {
  id: number;
  size: number;
  /** Hex hashes of the complete subtrees of [0, size), largest first, comma-separated. */
  frontier: string;
}

/** A row of `transparency_tree_heads`: a signed tree head the log published. */
export interface TransparencyTreeHeadTable {
  tree_size: number;
  root_hash: string;
  timestamp: string;
  key_id: string;
  /** Base64 Ed25519 signature of the tree head's signed text. */
  signature: string;
}

/** A row of `transparency_keys`: an Ed25519 key pair of this installation (DER, base64). */
export interface TransparencyKeyTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
  retired_at: string | null;
}
