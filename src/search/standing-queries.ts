/**
 * Standing queries: many saved queries (the terms of concepts, users' watches) matched against
 * each new passage as it arrives. Each query is filed under ONE of its words, its key, in an
 * inverted index (under every term that word may be indexed under): its rarest word, by how many
 * passages of the search index hold it when that is known (`frequency`), else by a static
 * estimate (a stop-word is the commonest, then shorter terms before longer ones). A passage looks
 * up only the queries keyed by terms it contains, so a query on "the internet governance forum"
 * is woken by passages with "forum", not by every passage with "the". The key's word holds by
 * construction; the query's other words are then looked up in the passage's set of terms, and
 * its phrases and Han runs, the dearest checks, are made only when all its words hold. Terms come
 * from search-terms.ts (stemWord, through analyse and parseQuery), exactly as search makes them,
 * so a watch finds what the same search would find.
 */
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  parseQuery,
  stemWord,
  type SearchQuery,
} from './search-terms.ts';

/**
 * The commonest words of each language, never a key while a query has another word. Stemmed
 * when first needed, by every stemmer a query word may go through.
 */
const stopWords = {
  en: 'a an and are as at be by for from has have in is it its of on or that the this to was were will with which',
  fr: 'au aux avec ce ces dans de des du elle en est et il la le les leur l d mais ne par pas pour qu que qui sa se son sont sur un une',
  es: 'a al como con de del el en es esta este la las lo los para por que se su sus un una y o',
  ru: 'в во и и на не по с со к о об от для из за что как это его ее их а но или',
  ar: 'في من على إلى عن مع أن إن هذا هذه التي الذي و ما لا',
};
const hanStopCharacters = '的是和在了与及对等其各为以';
let stopTerms: Set<string> | undefined;

function isStopTerm(term: string): boolean {
  if (!stopTerms) {
    stopTerms = new Set(hanStopCharacters);
    for (const [language, words] of Object.entries(stopWords))
      for (const word of words.split(' ')) {
        stopTerms.add(stemWord(word, language));
        if (language === 'en' || language === 'fr' || language === 'es')
          for (const other of ['en', 'fr', 'es']) stopTerms.add(stemWord(word, other));
      }
  }
  return stopTerms.has(term);
}

/** How common a term is guessed to be without counts: stop-words first, then short terms. */
function estimate(term: string): number {
  if (isStopTerm(term)) return 1e9;
  return 1e6 / (term.length * term.length);
}

/** How many passages a term is in, when known (the search index's counts). */
export type TermFrequency = (term: string) => number | undefined;

/**
 * A set of standing queries, each with the id of what it stands for. Terms are numbered and the
 * queries' words kept as numbers in one flat array, so testing a candidate reads a few adjacent
 * numbers instead of following pointers through thousands of scattered objects (which, with a
 * hundred thousand queries, is what the time went into).
 */
export class StandingQueries<Id> {
  /** Term → its number. */
  private readonly termNumbers = new Map<string, number>();
  /** By term number: the last round whose passage holds it. */
  private termRound = new Int32Array(1024);
  /** By term number: the queries filed under it (their numbers). */
  private readonly filed: (number[] | undefined)[] = [];
  /**
   * By query number: the ids it stands for (queries alike are filed once: fifteen thousand
   * watches on one concept's phrase are one phrase check), its parsed form (for phrases), where
   * its other words start in `words`.
   */
  private readonly ids: Id[][] = [];
  /** Query number by what it asks (its words, phrases and Han runs). */
  private readonly numbersByQuery = new Map<string, number>();
  private readonly parsed: (SearchQuery | undefined)[] = [];
  private readonly restAt: number[] = [];
  /**
   * The queries' words other than their key, one after another: for each query, how many words,
   * then for each word how many terms and the terms' numbers. Negative "how many words" marks a
   * query with phrases or Han runs to check once its words hold.
   */
  private readonly words: number[] = [];
  /** Query numbers by id. */
  private readonly numbersOf = new Map<Id, number[]>();
  private readonly frequency: TermFrequency | undefined;
  /** By query number: the last round that found it (a key word has up to three terms). */
  private queryRound = new Int32Array(1024);
  /** True once some id stands for two queries: then the ids found need a set to stay distinct. */
  private shared = false;
  private round = 0;
  private count = 0;

  /**
   * `frequency`: how many passages hold a term (a term it does not know is taken as rare); each
   * query is filed under its rarest word by it. Without it, a static estimate chooses.
   */
  constructor(options: { frequency?: TermFrequency } = {}) {
    this.frequency = options.frequency;
  }

  /** How many queries are filed. */
  get size(): number {
    return this.count;
  }

  /** How common a word is (one of its terms suffices, so their counts add up). */
  private commonness(word: string[]): number {
    let n = 0;
    for (const term of word) {
      if (this.frequency) n += this.frequency(term) ?? 0;
      else n += estimate(term);
    }
    return n;
  }

  /** The rarest word of a query (ties: the one with the longest shortest term, then first). */
  private keyOf(query: SearchQuery): number {
    let best = -1;
    let bestN = Infinity;
    let bestLength = -1;
    for (let i = 0; i < query.words.length; i++) {
      const word = query.words[i]!;
      const n = this.commonness(word);
      const length = Math.min(...word.map((t) => t.length));
      if (n < bestN || (n === bestN && length > bestLength)) {
        best = i;
        bestN = n;
        bestLength = length;
      }
    }
    return best;
  }

  /** The number of a term, given one if new. */
  private numberOf(term: string): number {
    let n = this.termNumbers.get(term);
    if (n === undefined) {
      n = this.termNumbers.size;
      this.termNumbers.set(term, n);
      if (n >= this.termRound.length) {
        const grown = new Int32Array(this.termRound.length * 2);
        grown.set(this.termRound);
        this.termRound = grown;
      }
    }
    return n;
  }

  /** Files a query for `id`; an id may have several (a concept's terms). False if it has no word. */
  add(id: Id, query: SearchQuery): boolean {
    if (query.words.length === 0) return false;
    const same = JSON.stringify([query.words, query.phrases, query.hanRuns]);
    const known = this.numbersByQuery.get(same);
    if (known !== undefined) {
      this.ids[known]!.push(id);
      this.noteNumber(id, known);
      return true;
    }
    const at = this.keyOf(query);
    const number = this.ids.length;
    if (number >= this.queryRound.length) {
      const grown = new Int32Array(this.queryRound.length * 2);
      grown.set(this.queryRound);
      this.queryRound = grown;
    }
    this.numbersByQuery.set(same, number);
    this.ids.push([id]);
    const phrased = query.phrases.length > 0 || query.hanRuns.length > 0;
    this.parsed.push(phrased ? query : undefined);
    this.restAt.push(this.words.length);
    const rest = query.words.filter((_, i) => i !== at);
    this.words.push(phrased ? -1 - rest.length : rest.length);
    for (const word of rest) this.words.push(word.length, ...word.map((t) => this.numberOf(t)));
    for (const term of new Set(query.words[at])) {
      const t = this.numberOf(term);
      const list = this.filed[t];
      if (list) list.push(number);
      else this.filed[t] = [number];
    }
    this.noteNumber(id, number);
    return true;
  }

  private noteNumber(id: Id, number: number): void {
    const numbers = this.numbersOf.get(id);
    if (numbers) {
      numbers.push(number);
      this.shared = true;
    } else this.numbersOf.set(id, [number]);
    this.count += 1;
  }

  /**
   * Files the query a user typed (words all required, "quoted phrases" as written), in
   * `language` when known, else each Latin word in English, French or Spanish.
   */
  addText(id: Id, text: string, language?: string): boolean {
    return this.add(id, parseQuery(text, language));
  }

  /** Files words that must occur together, in their order: a concept's name or term. */
  addPhrase(id: Id, phrase: string, language?: string): boolean {
    return this.add(id, parseQuery(`"${phrase.replace(/["“”«»„]/g, ' ')}"`, language));
  }

  /** Removes every query of `id`. */
  remove(id: Id): void {
    const numbers = this.numbersOf.get(id) ?? [];
    if (numbers.length === 0) return;
    const emptied = new Set<number>();
    for (const n of numbers) {
      const ids = this.ids[n]!;
      const at = ids.indexOf(id);
      if (at >= 0) ids.splice(at, 1);
      if (ids.length === 0) emptied.add(n);
    }
    this.count -= numbers.length;
    this.numbersOf.delete(id);
    if (emptied.size === 0) return;
    // A query nobody stands for any more is taken out of the lists (and forgotten).
    for (let t = 0; t < this.filed.length; t++) {
      const list = this.filed[t];
      if (!list || !list.some((n) => emptied.has(n))) continue;
      const kept = list.filter((n) => !emptied.has(n));
      this.filed[t] = kept.length > 0 ? kept : undefined;
    }
    for (const [same, n] of this.numbersByQuery)
      if (emptied.has(n)) this.numbersByQuery.delete(same);
    for (const n of emptied) this.parsed[n] = undefined;
  }

  /**
   * The ids whose queries match the passage (in `language`; detected when not given), each once,
   * in the order first matched.
   */
  match(text: string, language?: string): Id[] {
    const analysis = analyse([{ text }], language);
    // A new round: the terms of this passage are marked with it.
    const round = ++this.round;
    const termRound = this.termRound;
    const present: number[] = [];
    for (const term of analysis.counts.keys()) {
      const t = this.termNumbers.get(term);
      if (t === undefined) continue;
      termRound[t] = round;
      if (this.filed[t] !== undefined) present.push(t);
    }
    const found = this.shared ? new Set<Id>() : undefined;
    const out: Id[] = [];
    const queryRound = this.queryRound;
    const words = this.words;
    let folded: string | undefined;
    const foldedText = () => (folded ??= foldForSearch(text));
    for (const t of present) {
      const list = this.filed[t]!;
      for (let i = 0; i < list.length; i++) {
        const number = list[i]!;
        if (queryRound[number] === round) continue;
        // Every other word: one of its terms in the passage.
        let at = this.restAt[number]!;
        const head = words[at++]!;
        const count = head < 0 ? -1 - head : head;
        let holds = true;
        for (let w = 0; w < count && holds; w++) {
          const terms = words[at++]!;
          holds = false;
          for (let k = 0; k < terms; k++) {
            if (termRound[words[at + k]!] === round) {
              holds = true;
              break;
            }
          }
          at += terms;
        }
        if (!holds) continue;
        const ids = this.ids[number]!;
        if (ids.length === 0) continue;
        if (head < 0 && !holdsPhrases(analysis, foldedText, this.parsed[number]!)) continue;
        queryRound[number] = round;
        if (found === undefined) {
          // Each id stands for one query, found once: no set needed.
          for (let k = 0; k < ids.length; k++) out.push(ids[k]!);
          continue;
        }
        for (let k = 0; k < ids.length; k++) {
          if (found.has(ids[k]!)) continue;
          found.add(ids[k]!);
          out.push(ids[k]!);
        }
      }
    }
    return out;
  }
}
