/**
 * Tags a passage with the concepts it mentions: every name and term of every concept, in all six
 * languages, filed once as standing queries, so tagging a new paragraph or submission costs a
 * few lookups per word however many concepts there are.
 */
import { unLanguages } from '../text/detect-language.ts';
import { StandingQueries } from '../search/standing-queries.ts';
import type { ConceptSeed } from './concepts.data.ts';

/** Tags passages with the slugs of the concepts they mention. */
export class ConceptTagger {
  private readonly queries = new StandingQueries<string>();
  private readonly parents = new Map<string, string | undefined>();

  constructor(concepts: readonly ConceptSeed[]) {
    for (const concept of concepts) {
      this.parents.set(concept.slug, concept.parent);
      for (const language of unLanguages) {
        // A name with a parenthesis ("Domain name system (DNS)") is a label, not a way of
        // saying it in running text: its terms carry the parts.
        const name = concept.names[language];
        // Each is stemmed as a word of its language, as a passage in that language is.
        if (!name.includes('(') && !name.includes('（'))
          this.queries.addPhrase(concept.slug, name, language);
        for (const term of concept.terms[language] ?? [])
          this.queries.addPhrase(concept.slug, term, language);
      }
    }
  }

  /** How many names and terms are filed. */
  get termCount(): number {
    return this.queries.size;
  }

  /**
   * The concepts the passage mentions, as named (no broader concept added); `language` is the
   * passage's (detected from its text when not given).
   */
  tag(text: string, language?: string): string[] {
    return this.queries.match(text, language);
  }

  /** The concept and every broader one above it, nearest first. */
  ancestry(slug: string): string[] {
    const chain: string[] = [];
    for (let at: string | undefined = slug; at !== undefined && !chain.includes(at);) {
      chain.push(at);
      at = this.parents.get(at);
    }
    return chain;
  }
}
