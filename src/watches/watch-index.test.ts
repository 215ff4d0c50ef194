/**
 * Parity of the watch index with a brute-force matcher: every watch tested against every passage
 * with the definition of a match (all words, then phrases and Han runs, as search-terms.ts says;
 * one of its concepts among the passage's; within its processes and groups) finds the same
 * watches as the index, on a generated mix of watches and passages in several languages.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conceptSeeds } from '../concepts/concepts.data.ts';
import { StandingQueries } from '../search/standing-queries.ts';
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  holdsWords,
  parseQuery,
} from '../search/search-terms.ts';
import { indexWatches, watchesMatching } from './watches.service.ts';
import type { IndexedPassage, Watch } from './watches.schema.ts';

/** A small seeded generator, so a failure can be run again. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of each language, inflected forms and stop-words among them, few enough to match often. */
const vocabulary: Record<string, string[]> = {
  en: 'the of and internet governance root server servers zone public core forum security securities stakeholder multi-stakeholder multistakeholder domain names name system data privacy trade'.split(
    ' ',
  ),
  fr: "le la les de des l'internet gouvernance serveur serveurs racine noyau public publique sécurité securite données commerce système noms domaine".split(
    ' ',
  ),
  es: 'el la los de internet gobernanza servidor servidores raíz núcleo público seguridad datos comercio sistema nombres dominio'.split(
    ' ',
  ),
  ru: 'и в интернет интернета ядро ядра общедоступное общедоступного публичное управление безопасность данные система доменных имен'.split(
    ' ',
  ),
  ar: 'في من الإنترنت للإنترنت النواة العامة الحوكمة الأمن البيانات نظام أسماء النطاقات والأمن'.split(
    ' ',
  ),
  zh: '互联网 公共 核心 公共核心 治理 安全 数据 域名 系统 的 和 政策'.split(' '),
};
const languages = Object.keys(vocabulary);
const processes = ['p1', 'p2', 'p3'];
const groups = ['government', 'civil_society', 'private_sector'] as const;

function generate(seed: number, watchCount: number, passageCount: number) {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (language: string, n: number) =>
    Array.from({ length: n }, () => pick(vocabulary[language]!)).join(language === 'zh' ? '' : ' ');
  const watches: Watch[] = Array.from({ length: watchCount }, (_, i) => {
    const language = pick(languages);
    const kind = random();
    let query: string | null = null;
    let conceptIds: string[] = [];
    if (kind < 0.4) query = words(language, 1 + Math.floor(random() * 5));
    else if (kind < 0.6) query = `"${words(language, 2 + Math.floor(random() * 2))}"`;
    else if (kind < 0.7) query = `${words(language, 1)} "${words(language, 2)}"`;
    else if (kind < 0.85)
      conceptIds = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => pick(conceptSeeds).slug,
      );
    else {
      query = words(language, 1 + Math.floor(random() * 2));
      conceptIds = [pick(conceptSeeds).slug];
    }
    if (random() < 0.02) query = '?!';
    return {
      id: `w${i}`,
      accountId: 'a',
      name: `w${i}`,
      query,
      conceptIds,
      processIds: random() < 0.3 ? [pick(processes), pick(processes)] : [],
      groups: random() < 0.2 ? [pick(groups)] : [],
      webhookUrl: null,
      webhookSecret: null,
      emailDigest: false,
      createdAt: '2026-01-01T00:00:00Z',
    };
  });
  const passages = Array.from({ length: passageCount }, (_, i) => {
    const language = pick(languages);
    const passage: IndexedPassage = {
      sourceId: `s${i}`,
      kind: i % 4 === 0 ? 'submission' : 'paragraph',
      processId: pick(processes),
      stakeholderGroup: i % 4 === 0 ? pick(groups) : null,
      at: '2026-06-01',
      language,
      text: words(language, 4 + Math.floor(random() * 30)),
      public: true,
    };
    const tags = random() < 0.5 ? [] : [pick(conceptSeeds).slug, pick(conceptSeeds).slug];
    return { passage, tags };
  });
  return { watches, passages };
}

/** The definition: the query's words, then its phrases and Han runs, on the passage alone. */
const parsedQueries = new Map<string, ReturnType<typeof parseQuery>>();
function queryMatches(query: string, text: string, language: string): boolean {
  let parsed = parsedQueries.get(query);
  if (!parsed) parsedQueries.set(query, (parsed = parseQuery(query)));
  if (parsed.words.length === 0) return false;
  const analysis = analyse([{ text }], language);
  return (
    holdsWords(analysis.counts, parsed) && holdsPhrases(analysis, () => foldForSearch(text), parsed)
  );
}

function bruteForce(watches: Watch[], passage: IndexedPassage, tags: string[]): string[] {
  return watches
    .filter((w) => {
      if (!w.query && w.conceptIds.length === 0) return false;
      if (w.query && !queryMatches(w.query, passage.text, passage.language)) return false;
      if (w.conceptIds.length > 0 && !w.conceptIds.some((c) => tags.includes(c))) return false;
      if (w.processIds.length > 0 && !w.processIds.includes(passage.processId)) return false;
      if (w.groups.length > 0 && !w.groups.some((g) => g === passage.stakeholderGroup))
        return false;
      return true;
    })
    .map((w) => w.id)
    .toSorted();
}

describe('watch index', () => {
  test('finds the same watches as testing every watch against every passage', () => {
    const { watches, passages } = generate(15, 2000, 1000);
    // By the static estimate, and by counts of the passages (as the search index gives them).
    const counts = new Map<string, number>();
    for (const { passage } of passages)
      for (const t of analyse([{ text: passage.text }], passage.language).counts.keys())
        counts.set(t, (counts.get(t) ?? 0) + 1);
    const indexes = [indexWatches(watches, 'a'), indexWatches(watches, 'b', (t) => counts.get(t))];
    let total = 0;
    for (const { passage, tags } of passages) {
      const expected = bruteForce(watches, passage, tags);
      total += expected.length;
      for (const index of indexes) {
        const got = watchesMatching(index, passage, tags).map((w) => w.id);
        assert.equal(new Set(got).size, got.length, 'each watch once');
        assert.deepEqual(got.toSorted(), expected, `${passage.language}: ${passage.text}`);
      }
    }
    // The mix must actually match, or the comparison proves nothing.
    assert.ok(total > passages.length * 5, `only ${total} matches`);
  });

  test('standing queries: the same ids as the definition, also after some are removed', () => {
    const { watches, passages } = generate(16, 1500, 600);
    const queries = new StandingQueries<number>();
    const texts = new Map<number, string>();
    watches.forEach((w, i) => {
      if (w.query && queries.addText(i, w.query)) texts.set(i, w.query);
    });
    // Removing every third, some of whose queries others share.
    for (const i of [...texts.keys()].filter((i) => i % 3 === 0)) {
      queries.remove(i);
      texts.delete(i);
    }
    assert.equal(queries.size, texts.size);
    let total = 0;
    for (const { passage } of passages) {
      const expected = [...texts]
        .filter(([, q]) => queryMatches(q, passage.text, passage.language))
        .map(([i]) => i)
        .toSorted((a, b) => a - b);
      total += expected.length;
      const got = queries.match(passage.text, passage.language);
      assert.equal(new Set(got).size, got.length, 'each id once');
      assert.deepEqual(
        got.toSorted((a, b) => a - b),
        expected,
        passage.text,
      );
    }
    assert.ok(total > passages.length * 5, `only ${total} matches`);
  });
});
