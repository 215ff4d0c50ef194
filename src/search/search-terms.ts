/**
 * Search terms in the six UN languages, made in plenum's code so that SQLite and PostgreSQL index
 * and look up exactly the same strings, and concept tagging and watches compare the same terms.
 * Words are stemmed by Snowball stemmers (English, French, Spanish, Russian, Arabic) and case-
 * and accent-folded; Arabic words lose their vowel marks, alef variants and definite article;
 * Han (and kana) text is indexed as every character and every overlapping pair of characters,
 * which finds one- and two-character words and longer ones without a dictionary.
 */
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { detectLanguage } from '../text/detect-language.ts';

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

/** A folded Arabic word without its definite article (with its conjunction), when two letters remain. */
function withoutArticle(word: string): string {
  for (const prefix of arabicArticles) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2)
      return word.slice(prefix.length);
  }
  return word;
}

/** The languages whose own Snowball stemmer stems Latin-script words. */
const latinStemmed = ['en', 'fr', 'es'] as const;
type LatinStemmed = (typeof latinStemmed)[number];
const latinStemmers: Record<LatinStemmed, (word: string) => string> = {
  en: english,
  fr: french,
  es: spanish,
};

/** The stemmer of a Latin word in a passage of `language`: its own, else English's. */
function latinStemmerOf(language: string | undefined): LatinStemmed {
  return (latinStemmed as readonly string[]).includes(language ?? '')
    ? (language as LatinStemmed)
    : 'en';
}

/** Stems already made, by stemmer: a corpus has far fewer distinct words than words. */
const stemCache = new Map<string, Map<string, string>>();
const stemCacheLimit = 200_000;

function cached(stemmer: string, word: string, stem: (w: string) => string): string {
  let cache = stemCache.get(stemmer);
  if (!cache) stemCache.set(stemmer, (cache = new Map()));
  let out = cache.get(word);
  if (out === undefined) {
    if (cache.size >= stemCacheLimit) cache.clear();
    out = stem(word);
    cache.set(word, out);
  }
  return out;
}

/**
 * THE term of a word (lower case, NFKC, no Han in it) in a passage of `language`: what search
 * indexes and looks up, and what concept tagging and watches compare, so the three agree.
 * Snowball stemmers (@orama/stemmers): Arabic (after its letters are folded and its article
 * taken off), Russian (before й is folded, which its endings need), and English, French or
 * Spanish for a Latin word by the passage's language (English for a passage in any other),
 * after accents are folded, so "securite" and "sécurité" are one term. A word with a digit is
 * only folded.
 */
export function stemWord(word: string, language: string | undefined): string {
  // Terms already made, by the stemmer a Latin word would get (other scripts' terms do not
  // depend on the language, so any bucket may hold them): folding a Cyrillic or accented word
  // costs more than the stem, and a corpus has far fewer distinct words than words.
  const cache = termCache[latinStemmerOf(language)];
  let term = cache.get(word);
  if (term === undefined) {
    if (cache.size >= stemCacheLimit) cache.clear();
    term = termOf(word, language);
    cache.set(word, term);
  }
  return term;
}

const termCache: Record<LatinStemmed, Map<string, string>> = {
  en: new Map(),
  fr: new Map(),
  es: new Map(),
};

/** stemWord without its cache. */
function termOf(word: string, language: string | undefined): string {
  let term: string;
  if (arabic.test(word)) {
    term = cached('ar', withoutArticle(foldArabic(word)), arabicStemmer);
  } else if (cyrillic.test(word)) {
    const plain = word.replace(/ё/g, 'е');
    term = /\d/.test(plain) ? foldAccents(plain) : foldAccents(cached('ru', plain, russian));
  } else if (latin.test(word)) {
    const folded = foldAccents(word).replace(/ß/g, 'ss');
    const stemmer = latinStemmerOf(language);
    term = /\d/.test(folded) ? folded : cached(stemmer, folded, latinStemmers[stemmer]);
  } else term = foldAccents(word);
  return term.slice(0, maxTermLength);
}

/**
 * The terms a word of a query may be indexed under: one, or for a Latin word of a query in no
 * particular language, its English, French and Spanish stems (a passage has the one of its
 * language), distinct.
 */
function queryTerms(word: string, language: string | undefined): string[] {
  if (language !== undefined || !latin.test(word) || cyrillic.test(word) || arabic.test(word))
    return [stemWord(word, language)];
  return [...new Set(latinStemmed.map((l) => stemWord(word, l)))];
}

/** One piece of a word: a run of Han/kana, or a run of anything else. */
interface Piece {
  text: string;
  han: boolean;
}

/** Splits a word into its Han runs and its other runs. */
function piecesOf(word: string): Piece[] {
  if (!cjk.test(word)) return [{ text: word, han: false }];
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
function hanTerms(run: string, into: Map<string, number>, weight: number): void {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    add(into, chars[i]!, weight);
    if (i + 1 < chars.length) add(into, chars[i]! + chars[i + 1]!, weight);
  }
}

function add(into: Map<string, number>, term: string, weight: number): void {
  into.set(term, (into.get(term) ?? 0) + weight);
}

/** The text as words are cut from it: NFKC and lower case (folding is per word, after stemming). */
function lowered(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const hyphen = /[-‐‑]/;

/** A word as wordsOf gives it: its parts (split at hyphens), each its Han and other runs. */
function wordOf(word: string): { parts: Piece[][]; joined: string | null } {
  const parts = word.split(hyphen).map(piecesOf);
  const plain = parts.every((p) => p.length === 1 && !p[0]!.han);
  return {
    parts,
    joined: parts.length > 1 && plain ? parts.map((p) => p[0]!.text).join('') : null,
  };
}

/** Han runs and other words of a text, with hyphenated words split into their parts. */
function* wordsOf(text: string): Generator<{ parts: Piece[][]; joined: string | null }> {
  for (const match of lowered(text).matchAll(wordPattern)) yield wordOf(match[0]);
}

/** A text as ranking and phrases see it: how often each term occurs, and its words in order. */
export interface Analysis {
  /** Term → occurrences, a field's occurrences counted by the field's weight. */
  counts: Map<string, number>;
  /** The terms of its words in order (a hyphenated word's parts, a Han run's characters). */
  sequence: string[];
}

/**
 * Analyses a passage of `language` (when unknown, detected from the text): fields are its
 * parts with their weights (a heading or a submission's title weighs more than a body). A
 * hyphenated word gives its parts and the parts run together ("multi-stakeholder": multi,
 * stakeholder, multistakeholder).
 */
export function analyse(
  fields: { text: string; weight?: number }[],
  language: string | undefined,
): Analysis {
  // One passage is analysed by search, then by concept tagging, then by the watches, each a
  // follower of the same events in the same process: the last few single-field analyses are
  // kept, so the second and third are lookups. (Callers only read an Analysis.)
  const only = fields.length === 1 && (fields[0]!.weight ?? 1) === 1 ? fields[0]!.text : null;
  if (only === null) return analyseFields(fields, language);
  const key = `${language ?? ''}\u0000${only}`;
  let analysis = recentAnalyses.get(key);
  if (analysis) {
    recentAnalyses.delete(key);
  } else {
    analysis = analyseFields(fields, language);
    if (recentAnalyses.size >= recentAnalysesLimit)
      recentAnalyses.delete(recentAnalyses.keys().next().value!);
  }
  recentAnalyses.set(key, analysis);
  return analysis;
}

/** Single-field analyses most recently asked for, least recent first. */
const recentAnalyses = new Map<string, Analysis>();
const recentAnalysesLimit = 4096;

function analyseFields(
  fields: { text: string; weight?: number }[],
  language: string | undefined,
): Analysis {
  const lang = language ?? detectLanguage(fields.map((f) => f.text).join('\n'));
  const counts = new Map<string, number>();
  const sequence: string[] = [];
  for (const { text, weight = 1 } of fields) {
    const lower = lowered(text);
    // Most words are one piece: no hyphen, no Han (a text without Han has no Han word). They
    // are stemmed as they are cut, without the parts wordOf makes of the others.
    const mayHaveHan = cjk.test(lower);
    for (const match of lower.matchAll(wordPattern)) {
      const word = match[0];
      if (!mayHaveHan && !hyphen.test(word)) {
        const term = stemWord(word, lang);
        add(counts, term, weight);
        sequence.push(term);
        continue;
      }
      const { parts, joined } = wordOf(word);
      for (const pieces of parts) {
        for (const piece of pieces) {
          if (piece.han) {
            hanTerms(piece.text, counts, weight);
            sequence.push(...piece.text);
          } else {
            const term = stemWord(piece.text, lang);
            add(counts, term, weight);
            sequence.push(term);
          }
        }
      }
      if (joined) add(counts, stemWord(joined, lang), weight);
    }
  }
  return { counts, sequence };
}

/** The distinct terms a passage of `language` (when unknown, detected) is indexed under. */
export function indexTerms(text: string, language?: string): string[] {
  return [...analyse([{ text }], language).counts.keys()];
}

/** A query as the index answers it. */
export interface SearchQuery {
  /**
   * Every word a passage must hold (all required), each as the terms it may be indexed under
   * (one of them suffices: a Latin word has a stem per stemming language).
   */
  words: string[][];
  /** Quoted phrases: words (as above) that must follow one another in the passage. */
  phrases: string[][][];
  /**
   * Han runs of three characters or more, which a passage's folded text must contain, so
   * 公共核心 never matches text with 公共 and 核心 apart (a run of two is its one pair term).
   */
  hanRuns: string[];
}

/** The words of a piece of query, in order, each as its terms; Han runs apart. */
function queryWordsOf(
  text: string,
  language: string | undefined,
  hanRuns: Set<string>,
): { words: string[][]; sequence: string[][] } {
  const words: string[][] = [];
  const sequence: string[][] = [];
  for (const { parts, joined } of wordsOf(text)) {
    if (joined) words.push(queryTerms(joined, language));
    for (const pieces of parts) {
      for (const piece of pieces) {
        if (!piece.han) {
          const terms = queryTerms(piece.text, language);
          sequence.push(terms);
          if (!joined) words.push(terms);
          continue;
        }
        const chars = [...piece.text];
        sequence.push(...chars.map((c) => [c]));
        if (chars.length === 1) words.push([chars[0]!]);
        else {
          for (let i = 0; i + 1 < chars.length; i++) words.push([chars[i]! + chars[i + 1]!]);
          if (chars.length > 2) hanRuns.add(foldForSearch(piece.text));
        }
      }
    }
  }
  return { words, sequence };
}

/**
 * The words, phrases and Han runs of a query. Words are all required; a Han run of one
 * character needs that character, a longer one needs its pairs (and the run itself when longer
 * than two); "quoted words" must follow one another. A hyphenated query word asks for the words
 * run together, which the index holds for both "multi-stakeholder" and "multistakeholder".
 * `language`: the query's language when known (a language filter, a concept's term), else each
 * Latin word may be in English, French or Spanish.
 */
export function parseQuery(query: string, language?: string): SearchQuery {
  const hanRuns = new Set<string>();
  const phrases: string[][][] = [];
  const quoted = [...lowered(query).matchAll(/["“”«»„]([^"“”«»„]+)["“”«»„]/g)].map((m) => m[1]!);
  for (const phrase of quoted) {
    const { sequence } = queryWordsOf(phrase, language, hanRuns);
    if (sequence.length > 1) phrases.push(sequence);
  }
  const seen = new Set<string>();
  const words: string[][] = [];
  for (const word of queryWordsOf(query, language, hanRuns).words) {
    const key = word.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return { words, phrases, hanRuns: [...hanRuns] };
}

/** Every distinct term a query may look up (the alternatives of all its words). */
export function queryTermsOf(query: SearchQuery): string[] {
  return [...new Set(query.words.flat())];
}

/** True when a passage's terms hold every word of the query (one term of each). */
export function holdsWords(terms: { has(term: string): boolean }, query: SearchQuery): boolean {
  return query.words.every((word) => word.some((t) => terms.has(t)));
}

/** Where in the sequence the phrase starts, or -1: each of its words in turn, one after another. */
function phraseAt(sequence: string[], phrase: string[][], from = 0): number {
  for (let i = from; i + phrase.length <= sequence.length; i++) {
    if (phrase.every((terms, j) => terms.includes(sequence[i + j]!))) return i;
  }
  return -1;
}

/**
 * True when a passage holds the query's phrases (its words in order) and Han runs (in its
 * folded text, which `folded` gives when asked).
 */
export function holdsPhrases(
  analysis: Pick<Analysis, 'sequence'>,
  folded: () => string,
  query: SearchQuery,
): boolean {
  if (!query.phrases.every((phrase) => phraseAt(analysis.sequence, phrase) >= 0)) return false;
  if (query.hanRuns.length === 0) return true;
  const text = folded();
  return query.hanRuns.every((run) => text.includes(run));
}

/**
 * The words of a query that proximity weighs: Han pairs are not in a passage's sequence (its
 * characters are), so proximity is of the other words; with fewer than two there is none.
 */
export function proximityWords(query: SearchQuery): string[][] {
  return query.words.filter((w) => !w.some((t) => cjk.test(t)));
}

/**
 * How close together a passage holds the query's words, from 0 (far apart, or one word only) to
 * 2 (all of them in a row, in the query's order): the phrase and proximity bonus of ranking.
 * Closeness is the words' count over the span of the shortest stretch holding one of each.
 */
export function proximity(sequence: string[], query: SearchQuery): number {
  const words = proximityWords(query);
  if (words.length < 2 || sequence.length === 0) return 0;
  const inOrder = phraseAt(sequence, words) >= 0 ? 1 : 0;
  const last = new Array<number>(words.length).fill(-1);
  let shortest = Infinity;
  for (let i = 0; i < sequence.length; i++) {
    let hit = false;
    for (let w = 0; w < words.length; w++) {
      if (words[w]!.includes(sequence[i]!)) {
        last[w] = i;
        hit = true;
      }
    }
    if (!hit || last.some((p) => p < 0)) continue;
    shortest = Math.min(shortest, i - Math.min(...last) + 1);
  }
  if (!Number.isFinite(shortest)) return inOrder;
  return inOrder + Math.min(1, words.length / shortest);
}

/**
 * Where a passage of `language` matches a query, as [start, end) ranges of the original text
 * for <mark>: words whose term the query asks for, and the query's Han words where they occur.
 */
export function matchRanges(
  text: string,
  query: SearchQuery,
  language?: string,
): [number, number][] {
  const wanted = new Set(queryTermsOf(query));
  const lang = language ?? detectLanguage(text);
  const termOf = (word: string) => originalTerm(word, lang);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    const whole = match[0];
    const hyphenated = hyphen.test(whole);
    // Most words are one piece (no hyphen, no Han): the word is its only part and piece. A
    // run of Han alone has no other piece (its matches are found below).
    if (!hyphenated) {
      if (!cjk.test(whole)) {
        if (wanted.has(termOf(whole))) ranges.push([start, start + whole.length]);
        continue;
      }
      if (hanOnly.test(whole)) continue;
    }
    if (hyphenated && !cjk.test(whole) && wanted.has(termOf(whole.replace(/[-‐‑]/g, '')))) {
      ranges.push([start, start + whole.length]);
      continue;
    }
    // Each part of the original word, found by its own pattern so offsets stay in the original.
    for (const part of whole.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      let offset = start + part.index;
      for (const piece of piecesOfOriginal(part[0])) {
        if (!cjk.test(piece) && wanted.has(termOf(piece)))
          ranges.push([offset, offset + piece.length]);
        offset += piece.length;
      }
    }
  }
  const hanQueries = new Set([
    ...query.hanRuns,
    ...[...wanted].filter((t) => [...t].length <= 2 && cjk.test(t)),
  ]);
  for (const run of hanQueries) {
    for (let at = text.indexOf(run); at >= 0; at = text.indexOf(run, at + run.length))
      ranges.push([at, at + run.length]);
  }
  return mergeRanges(ranges);
}

/** A word of Han (or kana) characters only. */
const hanOnly = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+$/u;

/**
 * The term of a word as written in a text (not yet lower case or NFKC), by language: marking the
 * matches of twenty passages met the same words again and again, and normalising each cost more
 * than its stem.
 */
function originalTerm(word: string, language: string | undefined): string {
  let cache = originalTerms.get(language ?? '');
  if (!cache) originalTerms.set(language ?? '', (cache = new Map()));
  let term = cache.get(word);
  if (term === undefined) {
    if (cache.size >= stemCacheLimit) cache.clear();
    term = stemWord(word.normalize('NFKC').toLowerCase(), language);
    cache.set(word, term);
  }
  return term;
}
const originalTerms = new Map<string, Map<string, string>>();

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
