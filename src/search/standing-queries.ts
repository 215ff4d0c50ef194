/**
 * Standing queries: many saved queries (the terms of concepts, users' watches) matched against
 * each new passage as it arrives. Each query is filed under one of its terms, its key, in an
 * inverted index; a passage looks up only the queries keyed by terms it contains, then checks
 * their other terms and phrases. So a passage costs a few lookups per word, not one search per
 * saved query. Terms and phrases come from search-terms.ts, exactly as search makes them, so a
 * watch finds what the same search would find.
 */
import {
  containsPhrases,
  foldForSearch,
  indexTerms,
  parseQuery,
  type SearchQuery,
} from './search-terms.ts';

interface Entry<Id> {
  id: Id;
  query: SearchQuery;
}

/**
 * The key of a query: its longest term, as a guess at its rarest (long words are rarer than
 * short ones, and a Han pair rarer than one character), so few passages wake it needlessly.
 */
function keyOf(query: SearchQuery): string | undefined {
  let key: string | undefined;
  for (const term of query.terms) if (key === undefined || term.length > key.length) key = term;
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

  /** Files a query for `id`; an id may have several (a concept's terms). False if it has no term. */
  add(id: Id, query: SearchQuery): boolean {
    const key = keyOf(query);
    if (key === undefined) return false;
    const list = this.byKey.get(key);
    if (list) list.push({ id, query });
    else this.byKey.set(key, [{ id, query }]);
    const keys = this.keysOf.get(id);
    if (keys) keys.push(key);
    else this.keysOf.set(id, [key]);
    this.count += 1;
    return true;
  }

  /** Files the query a user typed (words all required, "quoted phrases" as written). */
  addText(id: Id, text: string): boolean {
    return this.add(id, parseQuery(text));
  }

  /** Files a term that must occur as written (after folding): a concept's name or alias. */
  addPhrase(id: Id, phrase: string): boolean {
    return this.add(id, parseQuery(`"${phrase.replace(/["“”«»„]/g, ' ')}"`));
  }

  /** Removes every query of `id`. */
  remove(id: Id): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const list = this.byKey.get(key);
      if (!list) continue;
      const kept = list.filter((e) => e.id !== id);
      this.count -= list.length - kept.length;
      if (kept.length > 0) this.byKey.set(key, kept);
      else this.byKey.delete(key);
    }
    this.keysOf.delete(id);
  }

  /** The ids whose queries match the passage, each once, in the order first matched. */
  match(text: string): Id[] {
    const terms = new Set(indexTerms(text));
    const found = new Set<Id>();
    let folded: string | undefined;
    for (const term of terms) {
      const list = this.byKey.get(term);
      if (!list) continue;
      for (const { id, query } of list) {
        if (found.has(id)) continue;
        if (!query.terms.every((t) => terms.has(t))) continue;
        if (query.phrases.length > 0) {
          folded ??= foldForSearch(text);
          if (!containsPhrases(folded, query.phrases)) continue;
        }
        found.add(id);
      }
    }
    return [...found];
  }
}
