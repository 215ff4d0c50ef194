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

/** How a UTF-16 code unit takes part in tokens. */
const separator = 0;
const letter = 1;
/** Chinese or Japanese (Han, Hiragana, Katakana): a token of its own. */
const unspaced = 2;
/** A combining mark (accents, Arabic short vowels once decomposed): part of a word, dropped. */
const mark = 3;
const unknown = 255;

const unspacedPattern = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const letterPattern = /[\p{L}\p{N}]/u;
const markPattern = /\p{M}/u;

/**
 * The class of each code unit, found by the patterns above the first time it is met (a pattern
 * per character is several times slower than a table). Surrogates: a high surrogate of the
 * planes of CJK extensions (U+20000–U+3FFFF) starts a Chinese character, other pairs are letters.
 */
const classes = new Uint8Array(0x10000).fill(unknown);

function classOf(code: number): number {
  let c = classes[code]!;
  if (c !== unknown) return c;
  if (code >= 0xd840 && code <= 0xd8bf) c = unspaced;
  else if (code >= 0xd800 && code <= 0xdfff) c = letter;
  else {
    const char = String.fromCharCode(code);
    c = unspacedPattern.test(char)
      ? unspaced
      : letterPattern.test(char)
        ? letter
        : markPattern.test(char)
          ? mark
          : separator;
  }
  classes[code] = c;
  return c;
}

/** A text decomposed (NFKD: compatibility forms made plain, accents apart) and lower-cased. */
function folded(text: string): string {
  return text.normalize('NFKD').toLowerCase();
}

/**
 * Calls `each` with the FNV-1a hash of every token of a folded text and where it lies: a run of
 * letters and digits with its marks left out, or one Chinese or Japanese character (with the
 * low half of a surrogate pair).
 */
function eachToken(text: string, each: (hash: number, start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = classOf(text.charCodeAt(i));
    if (c === unspaced) {
      const start = i;
      let h = Math.imul(0x811c9dc5 ^ text.charCodeAt(i++), 0x01000193);
      if (i < length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)
        h = Math.imul(h ^ text.charCodeAt(i++), 0x01000193);
      each(h >>> 0, start, i);
      continue;
    }
    if (c === separator || c === mark) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      const k = classOf(code);
      if (k === letter) h = Math.imul(h ^ code, 0x01000193);
      else if (k !== mark) break;
    }
    each(h >>> 0, start, i);
  }
}

/**
 * The tokens of a text: compatibility forms made plain, lower case, accents and short vowels
 * dropped; punctuation and symbols separate words; Chinese and Japanese a character at a time.
 */
export function normalisedTokens(text: string): string[] {
  const plain = folded(text);
  const tokens: string[] = [];
  eachToken(plain, (_hash, start, end) => {
    let token = '';
    for (let i = start; i < end; i++)
      if (classOf(plain.charCodeAt(i)) !== mark) token += plain.charAt(i);
    tokens.push(token);
  });
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

/** The hashes of a text's tokens. */
function tokenHashes(text: string): number[] {
  const hashes: number[] = [];
  eachToken(folded(text), (hash) => hashes.push(hash));
  return hashes;
}

/** FNV-1a over a string's UTF-16 code units. */
function stringHash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The 32-bit hashes of a text's shingles, a hash per place in the text (a shingle repeated
 * repeats its hash, which changes no minimum); a text shorter than a shingle is one shingle.
 */
export function shingleHashes(text: string): Uint32Array {
  const tokens = tokenHashes(text);
  if (tokens.length === 0) return new Uint32Array(0);
  const count = Math.max(1, tokens.length - shingleSize + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + shingleSize, tokens.length); j++)
      h = mix32(Math.imul(h, 31) ^ tokens[j]!);
    out[i] = h;
  }
  return out;
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
  const signature = new Uint32Array(signatureLength);
  for (let i = 0; i < signatureLength; i++) {
    const seed = seeds[i]!;
    let least = 0xffffffff;
    for (let s = 0; s < shingles.length; s++) {
      // Shingle hashes are mixed already: a multiply and a shift make each seed's order its own.
      let h = Math.imul(shingles[s]! ^ seed, 0x85ebca6b);
      h = (h ^ (h >>> 13)) >>> 0;
      if (h < least) least = h;
    }
    signature[i] = least;
  }
  return signature;
}

/** A language tag as a number mixed into band keys: texts in two languages share no bucket. */
export function languageHash(language: string): number {
  return stringHash(language.toLowerCase());
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
 * A band key as one number across bands and scopes (a period): band × 2³² + the key mixed with
 * the scope's hash, below 2⁵³ so that it is exact in JavaScript and in a 64-bit integer column.
 */
export function bucketOf(band: number, key: number, scope: string): number {
  return band * 0x1_0000_0000 + mix32(key ^ stringHash(scope));
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
