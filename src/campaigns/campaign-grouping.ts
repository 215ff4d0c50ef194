/**
 * The grouping rule, in memory: texts are added one at a time; a text joins every campaign of
 * which a member shares one of its LSH buckets and is a near-duplicate of it (same language,
 * estimated Jaccard ≥ the threshold), and campaigns it joins become one (union–find, the earliest
 * text's campaign absorbing the others). A bucket keeps one representative per campaign: the
 * first member that brought the bucket to it. The follower applies the same rule to the rows of
 * the database; this form serves the full regroup of a period, the evaluation and the benchmark.
 */
import {
  bandKeys,
  bands,
  estimatedJaccard,
  minhashSignature,
  sameCampaignThreshold,
  signatureLength,
} from './minhash.ts';

/** Representatives compared at most per bucket (a bucket many campaigns share is rare). */
export const maxComparisonsPerBucket = 32;

/** Options of an in-memory grouping. */
export interface GroupingOptions {
  /** Texts it will hold at most. */
  capacity: number;
  /** Estimated Jaccard at and above which two texts are near-duplicates. */
  threshold?: number;
}

/** Groups texts into campaigns as they are added; campaigns are read by the index of a text. */
export class CampaignGrouper {
  private readonly capacity: number;
  private readonly threshold: number;
  private readonly signatures: Uint32Array;
  private readonly hasSignature: Uint8Array;
  private readonly languages: Uint16Array;
  private readonly languageIds = new Map<string, number>();
  private readonly parent: Int32Array;
  // An open-addressing table of buckets: its key, and the first entry of its list of members.
  private readonly slotKeys: Uint32Array;
  private readonly slotHeads: Int32Array;
  private readonly slotMask: number;
  // Entries of the buckets' lists: the member and the next entry.
  private readonly entryMembers: Int32Array;
  private readonly entryNext: Int32Array;
  private entries = 0;
  private count = 0;

  constructor({ capacity, threshold = sameCampaignThreshold }: GroupingOptions) {
    this.capacity = capacity;
    this.threshold = threshold;
    this.signatures = new Uint32Array(capacity * signatureLength);
    this.hasSignature = new Uint8Array(capacity);
    this.languages = new Uint16Array(capacity);
    this.parent = new Int32Array(capacity);
    let slots = 1024;
    while (slots < capacity * bands * 2) slots *= 2;
    this.slotKeys = new Uint32Array(slots);
    this.slotHeads = new Int32Array(slots).fill(-1);
    this.slotMask = slots - 1;
    this.entryMembers = new Int32Array(capacity * bands);
    this.entryNext = new Int32Array(capacity * bands);
  }

  /** Texts added so far. */
  get size(): number {
    return this.count;
  }

  /** Adds a text in a language; returns its index (the order of adding). */
  add(text: string, language: string): number {
    return this.addSignature(minhashSignature(text), language);
  }

  /** Adds a text by its signature (undefined for a text without words: a campaign of its own). */
  addSignature(signature: Uint32Array | undefined, language: string): number {
    if (this.count >= this.capacity) throw new RangeError('campaign grouping is full');
    const i = this.count++;
    this.parent[i] = i;
    this.languages[i] = this.languageId(language);
    if (!signature) return i;
    this.signatures.set(signature, i * signatureLength);
    this.hasSignature[i] = 1;
    const keys = bandKeys(signature, language);
    for (let b = 0; b < bands; b++) this.joinNearDuplicates(i, this.slotOf(keys[b]!));
    // Slots are looked up again: two new keys may have probed to the same empty slot.
    for (let b = 0; b < bands; b++) this.represent(i, keys[b]!);
    return i;
  }

  /** The campaign of a text: the index of its campaign's earliest text. */
  campaignOf(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  }

  private languageId(language: string): number {
    let id = this.languageIds.get(language);
    if (id === undefined) {
      id = this.languageIds.size;
      this.languageIds.set(language, id);
    }
    return id;
  }

  /** The slot of a bucket key: where it is, or the empty slot where it goes. */
  private slotOf(key: number): number {
    let slot = key & this.slotMask;
    while (this.slotHeads[slot] !== -1 && this.slotKeys[slot] !== key)
      slot = (slot + 1) & this.slotMask;
    return slot;
  }

  /** Joins the campaigns of the bucket's members that are near-duplicates of text i. */
  private joinNearDuplicates(i: number, slot: number): void {
    let compared = 0;
    for (let e = this.slotHeads[slot]!; e !== -1; e = this.entryNext[e]!) {
      const m = this.entryMembers[e]!;
      if (this.campaignOf(m) === this.campaignOf(i)) continue;
      if (++compared > maxComparisonsPerBucket) return;
      if (this.languages[m] !== this.languages[i] || !this.hasSignature[m]) continue;
      const similarity = estimatedJaccard(
        this.signatures,
        this.signatures,
        m * signatureLength,
        i * signatureLength,
      );
      if (similarity >= this.threshold) this.union(i, m);
    }
  }

  /** Puts text i in the bucket unless a member of its campaign is there already. */
  private represent(i: number, key: number): void {
    const slot = this.slotOf(key);
    const campaign = this.campaignOf(i);
    let seen = 0;
    for (
      let e = this.slotHeads[slot]!;
      e !== -1 && seen < 4 * maxComparisonsPerBucket;
      e = this.entryNext[e]!
    ) {
      if (this.campaignOf(this.entryMembers[e]!) === campaign) return;
      seen++;
    }
    const e = this.entries++;
    this.entryMembers[e] = i;
    this.entryNext[e] = this.slotHeads[slot]!;
    this.slotHeads[slot] = e;
    this.slotKeys[slot] = key;
  }

  private union(a: number, b: number): void {
    const ra = this.campaignOf(a);
    const rb = this.campaignOf(b);
    if (ra === rb) return;
    // The earliest text names the campaign, as the stored campaigns do.
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}
