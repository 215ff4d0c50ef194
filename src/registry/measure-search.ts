/**
 * National measures in plenum's search: each measure is findable by its title in its original
 * language and in each translation (one passage per language, grouped as one result), with the
 * names of its elements and kinds in that language and its note. Search sits below the registry,
 * so the registry hands its passages over (indexOutsidePassages) from its own follower; concepts
 * and watches then hear of them as of any passage.
 */
import type { Db } from '../db/database.ts';
import { indexOutsidePassages, type OutsidePassage } from '../search/search.service.ts';
import { registryLanguages, type RegistryLanguage } from './registry.data.ts';
import type { Measure, RegistryTerm } from './registry.schema.ts';
import { getTerms } from './registry.service.ts';
import { listLatestVersions, listMeasureIds } from './registry.store.ts';

/** The search source id of a measure's passage in a language (the original's is the measure's id). */
export function measureSourceId(measureId: string, language?: RegistryLanguage): string {
  return language ? `${measureId}~${language}` : measureId;
}

/** Every source id a measure's passages may have had. */
function allSourceIds(measureId: string): string[] {
  return [measureId, ...registryLanguages.map((l) => measureSourceId(measureId, l))];
}

function primary(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** The names of the measure's elements and kinds in a language (English for a language the terms lack). */
function termNames(m: Measure, terms: RegistryTerm[], language: string): string {
  const lang = (registryLanguages as readonly string[]).includes(language)
    ? (language as RegistryLanguage)
    : 'en';
  return [...m.elements, ...m.kinds]
    .map((slug) => terms.find((t) => t.slug === slug))
    .filter((t) => t !== undefined)
    .map((t) => (t.texts[lang] ?? t.texts.en).name)
    .join(' · ');
}

/** The passages of a measure as it now stands: its original title, then each translated one. */
export function measurePassages(m: Measure, terms: RegistryTerm[]): OutsidePassage[] {
  const date = m.recordedAt.slice(0, 10);
  const href = `/registry/measures/${m.id}`;
  const original = primary(m.titleLanguage);
  const passages: OutsidePassage[] = [
    {
      sourceId: measureSourceId(m.id),
      kind: 'measure',
      date,
      language: m.titleLanguage,
      title: m.title,
      href,
      country: m.country,
      heading: m.title,
      body: [termNames(m, terms, original), m.note ?? ''].filter(Boolean).join('\n'),
    },
  ];
  for (const language of registryLanguages) {
    const title = m.titleTranslations[language];
    if (!title || language === original) continue;
    passages.push({
      sourceId: measureSourceId(m.id, language),
      kind: 'measure',
      date,
      language,
      title,
      href,
      country: m.country,
      heading: title,
      body: termNames(m, terms, language),
    });
  }
  return passages;
}

/**
 * Brings the search index in line with these measures' latest versions (the registry's follower
 * calls it): returns the source ids indexed and removed, for concepts and watches to hear.
 */
export async function indexMeasures(
  db: Db,
  measureIds: string[],
): Promise<{ indexed: string[]; removed: string[] }> {
  const ids = [...new Set(measureIds)];
  if (ids.length === 0) return { indexed: [], removed: [] };
  const terms = await getTerms(db);
  const indexed: string[] = [];
  const removed: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const measures = await listLatestVersions(db, chunk);
    const done = await indexOutsidePassages(
      db,
      chunk.flatMap(allSourceIds),
      measures.flatMap((m) => measurePassages(m, terms)),
    );
    indexed.push(...done.indexed);
    removed.push(...done.removed);
  }
  return { indexed, removed };
}

/**
 * Indexes every measure, a batch per transaction (`inTransaction` opens each): after the search
 * index was rebuilt, which knows nothing of the registry. Returns the source ids indexed.
 */
export async function indexAllMeasures(
  inTransaction: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
): Promise<string[]> {
  const sourceIds: string[] = [];
  for (let after = ''; ;) {
    const ids = await inTransaction(async (db) => {
      const page = await listMeasureIds(db, after, 500);
      sourceIds.push(...(await indexMeasures(db, page)).indexed);
      return page;
    });
    if (ids.length === 0) break;
    after = ids.at(-1)!;
  }
  return sourceIds;
}
