/**
 * Near-duplicate detection for campaigns, as pure functions: text normalised in every language
 * (NFKC, case folding, accents and punctuation removed; Chinese and Japanese, written without
 * spaces, taken a character at a time), shingles of `shingleSize` consecutive tokens, a MinHash
 * signature with fixed seeds (the same text gives the same signature on every machine and run),
 * and the keys of its locality-sensitive hashing bands. Two texts whose shingle sets have a
 * Jaccard similarity s share at least one band key with probability 1 − (1 − s^rows)^bands.
 */

/** Tokens per shingle: three words (or three characters in Chinese and Japanese). */
export const shingleSize = 3;
/** Bands of the LSH index. */
export const bands = 20;
/** Signature values per band. */
export const rowsPerBand = 3;
/** Values in a signature. */
export const signatureLength = bands * rowsPerBand;

/**
 * Estimated Jaccard similarity at and above which two texts of one language are near-duplicates:
 * chosen by measurement on the planted corpus (README, "Campaigns"): at 0.4 no distinct comment
 * was joined to a campaign and 99.4–99.7 % of the planted pairs were found; 0.5 lost 2.5 % of
 * them (short templates with a name and an organisation inserted twice), 0.3 began to join
 * distinct comments sharing stock sentences. Twenty bands of three values make a pair at 0.4 a
 * candidate with probability 0.73 and one at 0.5 with 0.93 (campaigns hold together through
 * their other members).
 */
export const sameCampaignThreshold = 0.4;

/** Han, Hiragana, Katakana (and their compatibility forms after NFKC): one token per character. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const marks = /\p{M}+/gu;
const punctuationAndSymbols = /[\p{P}\p{S}]+/gu;

/**
 * The tokens of a text: NFKC, lower case, accents and other combining marks dropped, punctuation
 * and symbols made spaces; words split on spaces, and runs of Chinese or Japanese characters
 * split into single characters.
 */
export function normalisedTokens(text: string): string[] {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(marks, '')
    .replace(punctuationAndSymbols, ' ');
  const tokens: string[] = [];
  for (const word of folded.split(/\s+/u)) {
    if (word === '') continue;
    if (!unspacedScript.test(word)) {
      tokens.push(word);
      continue;
    }
    let run = '';
    for (const char of word) {
      if (unspacedScript.test(char)) {
        if (run) tokens.push(run);
        run = '';
        tokens.push(char);
      } else run += char;
    }
    if (run) tokens.push(run);
  }
  return tokens;
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers that mixes every bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a token's UTF-16 code units. */
function tokenHash(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct 32-bit hashes of a text's shingles (a text shorter than a shingle is one). */
export function shingleHashes(text: string): Uint32Array {
  const tokens = normalisedTokens(text).map(tokenHash);
  if (tokens.length === 0) return new Uint32Array(0);
  const count = Math.max(1, tokens.length - shingleSize + 1);
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + shingleSize, tokens.length); j++)
      h = mix32(Math.imul(h, 31) ^ tokens[j]!);
    seen.add(h);
  }
  return Uint32Array.from(seen);
}

/** Fixed seeds, one per signature value: the same on every run, so stored signatures stay valid. */
const seeds = (() => {
  const out = new Uint32Array(signatureLength);
  let state = 0x2545f491;
  for (let i = 0; i < signatureLength; i++) {
    state = mix32(state + 0x9e3779b9);
    out[i] = state;
  }
  return out;
})();

/**
 * The MinHash signature of a text: for each seed, the least of its shingles' hashes under that
 * seed's bijection. Undefined for a text without a word (nothing to compare).
 */
export function minhashSignature(text: string): Uint32Array | undefined {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return undefined;
  const signature = new Uint32Array(signatureLength).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < signatureLength; i++) {
      const h = mix32(x ^ seeds[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** A language tag as a number mixed into band keys: texts in two languages share no bucket. */
export function languageHash(language: string): number {
  return tokenHash(language.toLowerCase());
}

/**
 * The key of each band of a signature in a language: 32 bits each, the band's number mixed in,
 * so equal keys mean (almost surely) equal rows in the same band and the same language.
 */
export function bandKeys(signature: Uint32Array, language: string): Uint32Array {
  const keys = new Uint32Array(bands);
  const lang = languageHash(language);
  for (let b = 0; b < bands; b++) {
    let h = mix32(lang ^ Math.imul(b + 1, 0x9e3779b9));
    for (let r = 0; r < rowsPerBand; r++)
      h = mix32(Math.imul(h, 31) ^ signature[b * rowsPerBand + r]!);
    keys[b] = h;
  }
  return keys;
}

/**
 * A band key as one number across bands (band × 2³² + key): the bucket stored in the database,
 * below 2⁵³ so that it is exact in JavaScript and in a 64-bit integer column.
 */
export function bucketOf(band: number, key: number): number {
  return band * 0x1_0000_0000 + key;
}

/** The Jaccard similarity of two texts as their signatures estimate it (share of equal values). */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array, bOffset = 0, aOffset = 0): number {
  let equal = 0;
  for (let i = 0; i < signatureLength; i++) if (a[aOffset + i] === b[bOffset + i]) equal++;
  return equal / signatureLength;
}

/** A signature as stored: its values little-endian, 4 bytes each. */
export function signatureBytes(signature: Uint32Array): Buffer {
  const out = Buffer.alloc(signatureLength * 4);
  for (let i = 0; i < signatureLength; i++) out.writeUInt32LE(signature[i]!, i * 4);
  return out;
}

/** A stored signature read back; undefined when its length is not a signature's. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array | undefined {
  if (bytes.byteLength !== signatureLength * 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(signatureLength);
  for (let i = 0; i < signatureLength; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
