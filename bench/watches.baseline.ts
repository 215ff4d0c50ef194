/**
 * The watch index as it was before it was made to scale (commit 8644ff2), kept only so that
 * bench/watches.ts can time it beside the current one in the same run: each query filed under
 * its word with the longest terms, every candidate's words tested through holdsWords, and every
 * concept watch listed and then filtered. Not used by plenum.
 */
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  holdsWords,
  parseQuery,
  type SearchQuery,
} from '../src/search/search-terms.ts';
import type { IndexedPassage, Watch } from '../src/watches/watches.schema.ts';

interface Entry {
  id: string;
  query: SearchQuery;
}

class BaselineStandingQueries {
  private readonly byKey = new Map<string, Entry[]>();

  addText(id: string, text: string): void {
    const query = parseQuery(text);
    let key: string[] | undefined;
    const length = (word: string[]) => Math.min(...word.map((t) => t.length));
    for (const word of query.words) if (key === undefined || length(word) > length(key)) key = word;
    if (key === undefined) return;
    const entry = { id, query };
    for (const term of key) {
      const list = this.byKey.get(term);
      if (list) list.push(entry);
      else this.byKey.set(term, [entry]);
    }
  }

  match(text: string, language?: string): string[] {
    const analysis = analyse([{ text }], language);
    const terms = analysis.counts;
    const found = new Set<string>();
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

export interface BaselineIndex {
  byId: Map<string, Watch>;
  queries: BaselineStandingQueries;
  byConcept: Map<string, string[]>;
}

export function indexWatchesBefore(watches: Watch[]): BaselineIndex {
  const index: BaselineIndex = {
    byId: new Map(watches.map((w) => [w.id, w])),
    queries: new BaselineStandingQueries(),
    byConcept: new Map(),
  };
  for (const w of watches) {
    if (w.query) index.queries.addText(w.id, w.query);
    for (const c of w.conceptIds) {
      const list = index.byConcept.get(c);
      if (list) list.push(w.id);
      else index.byConcept.set(c, [w.id]);
    }
  }
  return index;
}

export function watchesMatchingBefore(
  index: BaselineIndex,
  passage: IndexedPassage,
  conceptIds: string[],
): Watch[] {
  const byWords = new Set(index.queries.match(passage.text, passage.language));
  const byConcepts = new Set(conceptIds.flatMap((c) => index.byConcept.get(c) ?? []));
  const matched: Watch[] = [];
  for (const id of new Set([...byWords, ...byConcepts])) {
    const w = index.byId.get(id)!;
    if (w.query && !byWords.has(id)) continue;
    if (w.conceptIds.length > 0 && !byConcepts.has(id)) continue;
    if (w.processIds.length > 0 && !w.processIds.includes(passage.processId)) continue;
    if (
      w.groups.length > 0 &&
      (passage.stakeholderGroup === null || !w.groups.includes(passage.stakeholderGroup as never))
    )
      continue;
    matched.push(w);
  }
  return matched;
}
