/**
 * Concepts: the taxonomy shipped as data and editable in the app, and the tagging of every
 * paragraph and published submission with the concepts it mentions, as it arrives.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { PlenumError } from '../errors.ts';
import { recordEvent } from '../events/events.store.ts';
import { unLanguages, type UnLanguage } from '../text/detect-language.ts';
import { zodError } from '../validation.ts';
import { ConceptTagger } from './concept-tagger.ts';
import { conceptSeeds, type ConceptSeed } from './concepts.data.ts';
import { checkCanEditConcepts } from './concepts.policy.ts';
import {
  newConceptSchema,
  newTermSchema,
  type Concept,
  type PassageToTag,
  type TaggedPassage,
} from './concepts.schema.ts';
import {
  countTaggedPassages,
  countTags,
  deleteTagsOf,
  deleteTagsOfConcept,
  deleteTerm,
  findConcept,
  insertConcept,
  insertConceptOnce,
  insertTags,
  insertTerms,
  listActiveConcepts,
  listConcepts,
  listConceptSlugs,
  listSearchItemsAfter,
  listTaggedPassages,
  taxonomyStamp,
  touchConcept,
} from './concepts.store.ts';

/** The seed of a stored concept, for the tagger: its names and terms by language. */
function seedOf(concept: Concept, slugOf: Map<string, string>): ConceptSeed {
  const terms: Partial<Record<UnLanguage, string[]>> = {};
  for (const t of concept.terms) (terms[t.language] ??= []).push(t.term);
  return {
    slug: concept.slug,
    ...(concept.parentId && slugOf.has(concept.parentId)
      ? { parent: slugOf.get(concept.parentId)! }
      : {}),
    names: concept.names,
    terms,
  };
}

/**
 * The tagger of the stored taxonomy, built once and rebuilt when the taxonomy changes (checked
 * by one small query per call, so every process sees another's edits).
 */
let cached: { stamp: string; tagger: ConceptTagger; idOf: Map<string, string> } | undefined;

async function taggerFor(
  db: Db,
): Promise<{ tagger: ConceptTagger; idOf: Map<string, string> } | undefined> {
  const stamp = await taxonomyStamp(db);
  if (stamp === null) return undefined;
  if (cached?.stamp !== stamp) {
    const concepts = await listConcepts(db);
    const slugOf = new Map(concepts.map((c) => [c.id, c.slug]));
    cached = {
      stamp,
      tagger: new ConceptTagger(concepts.map((c) => seedOf(c, slugOf))),
      idOf: new Map(concepts.map((c) => [c.slug, c.id])),
    };
  }
  return cached;
}

/**
 * Adds the shipped concepts the database does not have yet (by slug), with their terms; a
 * concept already there keeps its edits. Returns how many were added.
 */
export async function installShippedConcepts(db: Db, now = new Date()): Promise<number> {
  const have = await listConceptSlugs(db);
  const at = now.toISOString();
  const ids = new Map<string, string>();
  for (const c of await listConcepts(db)) ids.set(c.slug, c.id);
  let added = 0;
  for (const seed of conceptSeeds) {
    if (have.has(seed.slug)) continue;
    // Several servers starting on one new database install at once: the first insert wins.
    const { id, inserted } = await insertConceptOnce(db, {
      id: newId(),
      slug: seed.slug,
      parent_id: seed.parent ? (ids.get(seed.parent) ?? null) : null,
      names: JSON.stringify(seed.names),
      created_at: at,
      updated_at: at,
    });
    ids.set(seed.slug, id);
    if (!inserted) continue;
    await insertTerms(
      db,
      unLanguages.flatMap((language) =>
        (seed.terms[language] ?? []).map((term) => ({
          id: newId(),
          concept_id: id,
          language,
          term,
          created_by: null,
          created_at: at,
        })),
      ),
    );
    added += 1;
  }
  return added;
}

/** The ids of these concepts and of every narrower one below them, in a loaded taxonomy. */
export function withNarrower(all: Concept[], conceptIds: string[]): Set<string> {
  const wanted = new Set<string>();
  const add = (id: string): void => {
    if (wanted.has(id)) return;
    wanted.add(id);
    for (const child of all.filter((c) => c.parentId === id)) add(child.id);
  };
  for (const id of conceptIds) add(id);
  return wanted;
}

/**
 * A tagger of only these concepts and the narrower ones below them: what a briefing uses to
 * pick, in a passage, the sentences that touch on the concepts chosen.
 */
export async function taggerForConcepts(db: Db, conceptIds: string[]): Promise<ConceptTagger> {
  const all = await listConcepts(db);
  const slugOf = new Map(all.map((c) => [c.id, c.slug]));
  const wanted = withNarrower(all, conceptIds);
  return new ConceptTagger(all.filter((c) => wanted.has(c.id)).map((c) => seedOf(c, slugOf)));
}

/** The concept with this slug or id, with its terms, if any (for features that name a concept). */
export async function lookupConcept(db: Db, ref: string): Promise<Concept | undefined> {
  return findConcept(db, ref);
}

/** The ids of these concepts and of every narrower one below them. */
export async function conceptIdsBelow(db: Db, conceptIds: string[]): Promise<string[]> {
  return [...withNarrower(await listConcepts(db), conceptIds)];
}

/**
 * Every concept, with how many passages mention it or a narrower one, each passage once: the
 * count its own page says (getConcept). A concept without narrower ones is counted from one
 * grouped query; one with narrower ones by its own count.
 */
export async function getConcepts(
  db: Db,
): Promise<{ concepts: Concept[]; counts: Map<string, number> }> {
  const concepts = await listConcepts(db);
  const counts = await countTags(db);
  for (const concept of concepts) {
    if (!concepts.some((c) => c.parentId === concept.id)) continue;
    counts.set(
      concept.id,
      await countTaggedPassages(db, [...withNarrower(concepts, [concept.id])]),
    );
  }
  return { concepts, counts };
}

/** How many of the last tagged passages read at most by getActiveConcepts. */
export const activeConceptWindow = 2000;

/**
 * The concepts most mentioned lately: among the last `activeConceptWindow` public passages
 * tagged, most first, at most `limit`, each with its count.
 */
export async function getActiveConcepts(
  db: Db,
  limit = 8,
): Promise<{ concept: Concept; passages: number }[]> {
  const out: { concept: Concept; passages: number }[] = [];
  for (const { conceptId, passages } of await listActiveConcepts(db, activeConceptWindow, limit)) {
    const concept = await findConcept(db, conceptId);
    if (concept) out.push({ concept, passages });
  }
  return out;
}

/**
 * A concept, its broader and narrower concepts, and the newest passages that mention it or a
 * narrower one (those after the key `after`, `[at, sourceId]` of the last one read, when given).
 */
export async function getConcept(
  db: Db,
  ref: string,
  limit = 20,
  after?: readonly [at: string, sourceId: string],
): Promise<{
  concept: Concept;
  parent: Concept | undefined;
  children: Concept[];
  passages: TaggedPassage[];
  count: number;
}> {
  const concept = await findConcept(db, ref);
  if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND');
  const all = await listConcepts(db);
  const ids = [...withNarrower(all, [concept.id])];
  return {
    concept,
    parent: all.find((c) => c.id === concept.parentId),
    children: all.filter((c) => c.parentId === concept.id),
    passages: await listTaggedPassages(db, ids, limit, after),
    // The count of what the list is drawn from: the concept and its narrower ones, each passage once.
    count: await countTaggedPassages(db, ids),
  };
}

/** Adds a concept to the taxonomy (administrators). */
export async function createConcept(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<Concept> {
  checkCanEditConcepts(viewer);
  const parsed = newConceptSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const form = parsed.data;
  if (await findConcept(db, form.slug))
    throw new PlenumError('CONCEPT_CONFLICT', `"${form.slug}" is already a concept.`);
  const parent = form.parent ? await findConcept(db, form.parent) : undefined;
  if (form.parent && !parent)
    throw new PlenumError('CONCEPT_NOT_FOUND', `There is no broader concept "${form.parent}".`);
  const english = form.names.en!;
  const names = Object.fromEntries(unLanguages.map((l) => [l, form.names[l] || english])) as Record<
    UnLanguage,
    string
  >;
  const id = newId();
  const at = now.toISOString();
  await insertConcept(db, {
    id,
    slug: form.slug,
    parent_id: parent?.id ?? null,
    names: JSON.stringify(names),
    created_at: at,
    updated_at: at,
  });
  await recordEvent(
    db,
    {
      actor: viewer!.id,
      action: 'concept.created',
      subjectType: 'concept',
      subjectId: id,
      data: { slug: form.slug },
    },
    now,
  );
  await tagIndexedPassages(db, [id]);
  return (await findConcept(db, id))!;
}

/**
 * Adds a term to a concept (administrators), then tags the passages already indexed that use
 * it, so the concept's page is complete at once.
 */
export async function addConceptTerm(
  db: Db,
  viewer: Viewer | null,
  ref: string,
  input: unknown,
  now = new Date(),
): Promise<{ concept: Concept; tagged: number }> {
  checkCanEditConcepts(viewer);
  const concept = await findConcept(db, ref);
  if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND');
  const parsed = newTermSchema.safeParse(input);
  if (!parsed.success) throw zodError(parsed.error);
  const at = now.toISOString();
  const added = await insertTerms(db, [
    {
      id: newId(),
      concept_id: concept.id,
      language: parsed.data.language,
      term: parsed.data.term,
      created_by: viewer!.id,
      created_at: at,
    },
  ]);
  if (added === 0)
    throw new PlenumError('CONCEPT_CONFLICT', `"${parsed.data.term}" is already a term of it.`);
  await touchConcept(db, concept.id, at);
  await recordEvent(
    db,
    {
      actor: viewer!.id,
      action: 'concept.term_added',
      subjectType: 'concept',
      subjectId: concept.id,
      data: { language: parsed.data.language, term: parsed.data.term },
    },
    now,
  );
  const tagged = await tagIndexedPassages(db, [concept.id]);
  return { concept: (await findConcept(db, concept.id))!, tagged };
}

/**
 * Removes a term from a concept (administrators) and tags the indexed passages again with the
 * terms left, so no passage stays tagged by the removed one. Returns the concept.
 */
export async function removeConceptTerm(
  db: Db,
  viewer: Viewer | null,
  ref: string,
  termId: string,
  now = new Date(),
): Promise<Concept> {
  checkCanEditConcepts(viewer);
  const concept = await findConcept(db, ref);
  if (!concept) throw new PlenumError('CONCEPT_NOT_FOUND');
  const term = concept.terms.find((t) => t.id === termId);
  if (!term || !(await deleteTerm(db, concept.id, termId)))
    throw new PlenumError('NOT_FOUND', 'This concept has no such term.');
  await touchConcept(db, concept.id, now.toISOString());
  await recordEvent(
    db,
    {
      actor: viewer!.id,
      action: 'concept.term_removed',
      subjectType: 'concept',
      subjectId: concept.id,
      data: { language: term.language, term: term.term },
    },
    now,
  );
  await deleteTagsOfConcept(db, concept.id);
  await tagIndexedPassages(db, [concept.id]);
  return (await findConcept(db, concept.id))!;
}

/**
 * Tags passages as they arrive (the concept follower calls it once search has indexed them):
 * a passage tagged before is tagged anew, so an edited passage loses what it no longer says.
 * Returns the concept ids of each passage that mentions any.
 */
export async function tagPassages(
  db: Db,
  passages: PassageToTag[],
): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  const found = await taggerFor(db);
  if (!found) return tags;
  const rows = passages.flatMap((p) =>
    found.tagger.tag(p.text, p.language).map((slug) => ({
      concept_id: found.idOf.get(slug)!,
      source_id: p.sourceId,
      kind: p.kind,
      process_id: p.processId,
      at: p.at,
    })),
  );
  await deleteTagsOf(
    db,
    passages.map((p) => p.sourceId),
  );
  await insertTags(db, rows);
  for (const row of rows) {
    const list = tags.get(row.source_id);
    if (list) list.push(row.concept_id);
    else tags.set(row.source_id, [row.concept_id]);
  }
  return tags;
}

/** Removes the tags of passages no longer public (submissions rejected or returned). */
export async function untagPassages(db: Db, sourceIds: string[]): Promise<void> {
  await deleteTagsOf(db, sourceIds);
}

/**
 * Tags every indexed passage with the given concepts (all when none are given): after a term is
 * added, or for a database indexed before its concepts were installed. Reads the index in pages.
 */
export async function tagIndexedPassages(
  db: Db,
  conceptIds?: string[],
  onProgress?: (done: number) => void,
): Promise<number> {
  const found = await taggerFor(db);
  if (!found) return 0;
  const wanted = conceptIds ? new Set(conceptIds) : undefined;
  let tagged = 0;
  let done = 0;
  for (let after = 0; ;) {
    const items = await listSearchItemsAfter(db, after, 2000);
    if (items.length === 0) break;
    const rows = items.flatMap((item) =>
      found.tagger
        .tag(item.text, item.language)
        .map((slug) => found.idOf.get(slug)!)
        .filter((id) => !wanted || wanted.has(id))
        .map((id) => ({
          concept_id: id,
          source_id: item.source_id,
          kind: item.kind,
          process_id: item.process_id,
          at: item.date,
        })),
    );
    await insertTags(db, rows);
    tagged += rows.length;
    done += items.length;
    onProgress?.(done);
    after = items.at(-1)!.seq;
  }
  return tagged;
}
