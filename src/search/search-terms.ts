/**
 * Search terms in the six UN languages, made in plenum's code so that SQLite and PostgreSQL index
 * and look up exactly the same strings. Latin and Cyrillic words are case- and accent-folded and
 * lightly stemmed; Arabic words lose their vowel marks, alef variants and definite article; Han
 * (and kana) text is indexed as every character and every overlapping pair of characters, which
 * finds one- and two-character words and longer ones without a dictionary.
 */

/** The longest term kept; longer "words" (hashes, URLs run together) are cut to this. */
const maxTermLength = 48;

/** Han ideographs, kana and the prolonged-sound mark: the scripts written without spaces. */
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const arabic = /\p{Script=Arabic}/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const latin = /\p{Script=Latin}/u;

/** A word as found in a text: letters, marks and digits, with hyphenated parts kept together. */
const wordPattern = /[\p{L}\p{M}\p{N}]+(?:[-‐‑][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The text as search compares it: NFKC, lower case, accents folded on Latin, Greek and Cyrillic
 * letters, Arabic marks and letter variants folded, Arabic-Indic digits as ASCII. Every query
 * phrase is folded the same way before it is looked for in a passage.
 */
export function foldForSearch(text: string): string {
  let out = '';
  for (const piece of text
    .normalize('NFKC')
    .toLowerCase()
    .split(/(\p{Script_Extensions=Arabic}+)/u)) {
    if (piece === '') continue;
    out += arabic.test(piece) ? foldArabic(piece) : foldAccents(piece);
  }
  return out.replace(/ß/g, 'ss').replace(/\s+/g, ' ');
}

/** Accents off (é → e, ñ → n, ё → е, й → и), letters recomposed; everything else unchanged. */
function foldAccents(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no work: the common case is fast
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/(\P{M})\p{M}+/gu, (whole, base: string) => (cjk.test(base) ? whole : base))
    .normalize('NFC')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

/**
 * Arabic as search compares it: no tashkeel (harakat, shadda, sukun, superscript alef) and no
 * tatweel; أ إ آ ٱ → ا, ى and Persian ی → ي, ة → ه, Persian ک → ك; Arabic-Indic digits as ASCII.
 */
function foldArabic(text: string): string {
  return text
    .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));
}

/** Arabic prefixes that are the definite article, alone or after و ب ك ف (and و + ب/ك), or ل + ل. */
const arabicArticles = ['وبال', 'وكال', 'ولل', 'وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/** An Arabic word (already folded) without its definite article, when two letters remain. */
function stemArabic(word: string): string {
  for (const prefix of arabicArticles) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2)
      return word.slice(prefix.length);
  }
  return word;
}

/**
 * A light stemmer for Latin-script words of any language (the query's language is unknown, so
 * one rule set serves all): English, French and Spanish plurals, -ing, -ed, -ly, a final e.
 */
export function stemLatin(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (/(?:[sxz]|ch|sh|on)es$/.test(w) && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const strip = (suffix: string): boolean => {
    if (!w.endsWith(suffix)) return false;
    const stem = w.slice(0, -suffix.length);
    if (stem.length < 3 || !/[aeiouy]/.test(stem)) return false;
    w = stem;
    return true;
  };
  if (strip('ing') || strip('ed')) {
    // committed → commit, running → run; fall/pass/buzz keep their double letter.
    if (/([b-df-hj-km-rtv-xz])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  } else strip('ly');
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Russian endings (after ё → е and й → и), longest first. */
const cyrillicEndings = [
  'иями',
  'ями',
  'ами',
  'иях',
  'ием',
  'иям',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ия',
  'ии',
  'ию',
  'ие',
  'ых',
  'их',
  'ах',
  'ях',
  'ов',
  'ев',
  'еи',
  'ои',
  'ыи',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ую',
  'юю',
  'ом',
  'ем',
  'ам',
  'ям',
  'ым',
  'им',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
];

/** A Cyrillic word without its case or number ending, when at least three letters remain. */
export function stemCyrillic(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  for (const ending of cyrillicEndings) {
    if (word.endsWith(ending) && word.length - ending.length >= 3)
      return word.slice(0, -ending.length);
  }
  return word;
}

/** The term of one folded word that has no Han in it. */
function wordTerm(word: string): string {
  let term: string;
  if (arabic.test(word)) term = stemArabic(word);
  else if (cyrillic.test(word)) term = stemCyrillic(word);
  else if (latin.test(word)) term = stemLatin(word);
  else term = word;
  return term.slice(0, maxTermLength);
}

/** One piece of a folded word: a run of Han/kana, or a run of anything else. */
interface Piece {
  text: string;
  han: boolean;
}

/** Splits a folded word into its Han runs and its other runs. */
function piecesOf(word: string): Piece[] {
  const pieces: Piece[] = [];
  for (const ch of word) {
    const han = cjk.test(ch);
    const last = pieces.at(-1);
    if (last && last.han === han) last.text += ch;
    else pieces.push({ text: ch, han });
  }
  return pieces;
}

/** Every unigram and overlapping bigram of a Han run. */
function hanTerms(run: string, into: Set<string>): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
}

/** Han runs and other words of a folded text, with hyphenated words split into their parts. */
function* wordsOf(folded: string): Generator<{ parts: Piece[][]; joined: string | null }> {
  for (const match of folded.matchAll(wordPattern)) {
    const parts = match[0].split(/[-‐‑]/).map(piecesOf);
    const plain = parts.every((p) => p.length === 1 && !p[0]!.han);
    yield {
      parts,
      joined: parts.length > 1 && plain ? parts.map((p) => p[0]!.text).join('') : null,
    };
  }
}

/**
 * The distinct terms a passage is indexed under. A hyphenated word gives its parts and the
 * parts run together ("multi-stakeholder": multi, stakeholder, multistakeholder).
 */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const { parts, joined } of wordsOf(foldForSearch(text))) {
    for (const pieces of parts) {
      for (const piece of pieces) {
        if (piece.han) hanTerms(piece.text, terms);
        else terms.add(wordTerm(piece.text));
      }
    }
    if (joined) terms.add(wordTerm(joined));
  }
  return [...terms];
}

/** A query as the index answers it. */
export interface SearchQuery {
  /** Every term a passage must be indexed under (all required), distinct. */
  terms: string[];
  /**
   * Folded strings a passage's folded text must contain: Han runs of two characters or more
   * and quoted phrases, so 公共核心 never matches text with 公共 and 核心 apart.
   */
  phrases: string[];
}

/**
 * The terms and phrases of a query. Words are all required; a Han run of one character needs
 * that character, a longer one needs its bigrams and then the run itself; "quoted words" must
 * appear as written (after folding). A hyphenated query word asks for the words run together,
 * which the index holds for both "multi-stakeholder" and "multistakeholder".
 */
export function parseQuery(query: string): SearchQuery {
  const terms = new Set<string>();
  const phrases = new Set<string>();
  const folded = foldForSearch(query);
  const quoted = [...folded.matchAll(/["“”«»„]([^"“”«»„]+)["“”«»„]/g)].map((m) => m[1]!);
  for (const phrase of quoted) {
    const words = [...phrase.matchAll(wordPattern)].map((m) => m[0]);
    if (words.length > 1) phrases.add(words.join(' '));
  }
  for (const { parts, joined } of wordsOf(folded)) {
    if (joined) {
      terms.add(wordTerm(joined));
      continue;
    }
    for (const pieces of parts) {
      for (const piece of pieces) {
        if (!piece.han) {
          terms.add(wordTerm(piece.text));
          continue;
        }
        const chars = [...piece.text];
        if (chars.length === 1) terms.add(chars[0]!);
        else {
          for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
          phrases.add(piece.text);
        }
      }
    }
  }
  return { terms: [...terms], phrases: [...phrases] };
}

/**
 * The overlapping pairs of a Han run of two characters or more (the terms its query asks for),
 * or undefined for any other phrase. A passage that holds the run holds every pair of it.
 */
export function hanPairs(phrase: string): string[] | undefined {
  const chars = [...phrase];
  if (chars.length < 2 || !chars.every((ch) => cjk.test(ch))) return undefined;
  return chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/**
 * True when a passage's folded text holds every phrase of the query. Phrases of words are
 * compared with spacing and punctuation made single spaces on both sides.
 */
export function containsPhrases(foldedText: string, phrases: string[]): boolean {
  if (phrases.length === 0) return true;
  let spaced: string | undefined;
  for (const phrase of phrases) {
    if (foldedText.includes(phrase)) continue;
    spaced ??= foldedText.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
    if (!spaced.includes(phrase)) return false;
  }
  return true;
}

/**
 * Where a passage matches a query, as [start, end) ranges of the original text for <mark>:
 * words whose term the query asks for, and the query's Han runs where they occur.
 */
export function matchRanges(text: string, query: SearchQuery): [number, number][] {
  const wanted = new Set(query.terms);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const whole = match[0];
    const folded = foldForSearch(whole);
    const joined = folded.replace(/[-‐‑]/g, '');
    if (/[-‐‑]/.test(folded) && !cjk.test(folded) && wanted.has(wordTerm(joined))) {
      ranges.push([start, start + whole.length]);
      continue;
    }
    // Each part of the original word, found by its own pattern so offsets stay in the original.
    for (const part of whole.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      let offset = start + part.index;
      for (const piece of piecesOfOriginal(part[0])) {
        if (!cjk.test(piece) && wanted.has(wordTerm(foldForSearch(piece))))
          ranges.push([offset, offset + piece.length]);
        offset += piece.length;
      }
    }
  }
  const hanQueries = [
    ...query.phrases.filter((p) => cjk.test(p)),
    ...query.terms.filter((t) => [...t].length === 1 && cjk.test(t)),
  ];
  for (const run of hanQueries) {
    for (let at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + run.length))
      ranges.push([at, at + run.length]);
  }
  return mergeRanges(ranges);
}

/** Splits an original (unfolded) word into Han and non-Han runs, keeping its characters. */
function piecesOfOriginal(word: string): string[] {
  const out: string[] = [];
  let current = '';
  let currentHan: boolean | undefined;
  for (const ch of word) {
    const han = cjk.test(ch);
    if (currentHan !== undefined && han !== currentHan) {
      out.push(current);
      current = '';
    }
    current += ch;
    currentHan = han;
  }
  if (current) out.push(current);
  return out;
}

/** Sorted, non-overlapping ranges. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
