/**
 * Standing queries: many saved queries (the terms of concepts, users' watches) matched against
 * each new passage as it arrives. Each query is filed under one of its words, its key, in an
 * inverted index (under every term that word may be indexed under); a passage looks up only the
 * queries keyed by terms it contains, then checks their other words and phrases. So a passage
 * costs a few lookups per word, not one search per saved query. Terms come from search-terms.ts
 * (stemWord, through analyse and parseQuery), exactly as search makes them, so a watch finds
 * what the same search would find.
 */
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  holdsWords,
  parseQuery,
  type SearchQuery,
} from './search-terms.ts';

interface Entry<Id> {
  id: Id;
  query: SearchQuery;
}

/**
 * The key of a query: its word with the longest terms, as a guess at its rarest (long words are
 * rarer than short ones, and a Han pair rarer than one character), so few passages wake it
 * needlessly.
 */
function keyOf(query: SearchQuery): string[] | undefined {
  let key: string[] | undefined;
  const length = (word: string[]) => Math.min(...word.map((t) => t.length));
  for (const word of query.words) if (key === undefined || length(word) > length(key)) key = word;
  return key;
}

/** A set of standing queries, each with the id of what it stands for. */
export class StandingQueries<Id> {
  private readonly byKey = new Map<string, Entry<Id>[]>();
  private readonly keysOf = new Map<Id, string[]>();
  private count = 0;

  /** How many queries are filed. */
  get size(): number {
    return this.count;
  }

  /** Files a query for `id`; an id may have several (a concept's terms). False if it has no word. */
  add(id: Id, query: SearchQuery): boolean {
    const key = keyOf(query);
    if (key === undefined) return false;
    const entry = { id, query };
    for (const term of key) {
      const list = this.byKey.get(term);
      if (list) list.push(entry);
      else this.byKey.set(term, [entry]);
    }
    const keys = this.keysOf.get(id);
    if (keys) keys.push(...key);
    else this.keysOf.set(id, [...key]);
    this.count += 1;
    return true;
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
    const removed = new Set<Entry<Id>>();
    for (const key of this.keysOf.get(id) ?? []) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const kept = list.filter((e) => {
        if (e.id !== id) return true;
        removed.add(e);
        return false;
      });
      if (kept.length > 0) this.byKey.set(key, kept);
      else this.byKey.delete(key);
    }
    this.count -= removed.size;
    this.keysOf.delete(id);
  }

  /**
   * The ids whose queries match the passage (in `language`; detected when not given), each once,
   * in the order first matched.
   */
  match(text: string, language?: string): Id[] {
    const analysis = analyse([{ text }], language);
    const terms = analysis.counts;
    const found = new Set<Id>();
    let folded: string | undefined;
    const foldedText = () => (folded ??= foldForSearch(text));
    for (const term of terms.keys()) {
      const list = this.byKey.get(term);
      if (!list) continue;
      for (const { id, query } of list) {
        if (found.has(id)) continue;
        if (!holdsWords(terms, query)) continue;
        if (!holdsPhrases(analysis, foldedText, query)) continue;
        found.add(id);
      }
    }
    return [...found];
  }
}
