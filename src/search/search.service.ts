/**
 * Search: indexing paragraphs, footnotes and published submissions as they arrive, and finding
 * passages by their words, ranked. A query starts from its rarest word and reads the passages
 * that hold it and every other word (newest first, at most `rankCap`), each with the weight
 * of each word in it, and counts the rest in SQL (up to `countCap`); ranking is BM25 (rarity
 * from `search_terms` times those weights), a mild recency factor, then a phrase and proximity
 * bonus on the best results. Every score is an
 * integer made in plenum's code, so SQLite and PostgreSQL give the same answers.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { anchorsFor } from '../documents/anchors.ts';
import { getDocument } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { lookupProcess } from '../processes/processes.service.ts';
import {
  analyse,
  foldForSearch,
  holdsPhrases,
  holdsWords,
  matchRanges,
  parseQuery,
  proximity,
  proximityWords,
  queryTermsOf,
  type Analysis,
  type SearchQuery,
} from './search-terms.ts';
import { zodError } from '../validation.ts';
import { versionsHiddenFrom } from './search.policy.ts';
import {
  maxQueryLength,
  searchFiltersSchema,
  searchPageSize,
  type SearchFacet,
  type SearchHit,
  type SearchResult,
} from './search.schema.ts';
import {
  clearSearchIndex,
  countCandidates,
  countSearchIndex,
  deleteSearchItem,
  facetLabels,
  findCandidates,
  findLanguageVersionForIndex,
  findSearchItemsBySource,
  findSubmissionsForIndex,
  inSearchSession,
  insertSearchItems,
  listHiddenVersions,
  listLanguageVersionIds,
  listParagraphLanguages,
  listPublishedSubmissionIds,
  loadSearchItems,
  loadSearchTexts,
  termPassages,
  type Candidate,
  type ItemFilters,
  type NewSearchItem,
  type SearchItemRow,
} from './search.store.ts';

/** Most distinct terms a query may have (a long Chinese run makes one per character pair). */
export const maxQueryTerms = 24;

/**
 * Words looked up in SQL; a query's further words are checked on the candidate passages. Eight:
 * a Chinese query of two words makes six or more (a word per character pair), and analysing each
 * candidate's text for the fifth cost 100–200 ms over a million passages, where a lookup in the
 * postings per word and candidate costs a few microseconds.
 */
const maxSqlWords = 8;

/**
 * Most matching passages a page of results reads, ranks, groups and counts by facet: past this
 * the newest are ranked, and the counts come from countCap. Reading a passage for ranking costs
 * about a microsecond in SQL and as much again in code; 10,000 of them made a common word's
 * search 100–300 ms over a million passages.
 */
export const rankCap = 2_000;

/**
 * Most matching passages counted by one query (in SQL, from the postings and the narrow index of
 * the passages, without reading them): past this the count says "more than".
 */
export const countCap = 10_000;

/**
 * Most matching passages a walk through the results (the API's cursor) reads: it goes on past the
 * pages a person reads, so it ranks more of them.
 */
export const walkCap = 10_000;

/**
 * Most postings of the driving word read by one query (newest first); a word in more passages
 * has only its newest read, and the answer says the scan stopped.
 */
const scanBudget = 100_000;

/** Results whose phrase and proximity bonus is computed (the rest keep their BM25 order). */
const rerankDepth = 100;

/** BM25's parameters, and the passage length (in words) taken as average. */
const bm25 = { k1: 1.2, b: 0.75, averageLength: 40 };

/** Weight of a heading's or a submission title's words against a body's. */
const headingWeight = 2;

/** Recency: a passage of the newest day gets 10 % more, one ten years older nothing more. */
const recency = { bonus: 100, days: 3650 };

/** Longest snippet shown of a long passage. */
const snippetLength = 320;

/** Days since 1970-01-01 of a YYYY-MM-DD date or an ISO instant. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** The primary language subtag, lower case: "zh-Hans" → "zh". */
function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * The term-frequency part of BM25 for a term occurring `count` times (fields weighted) in a
 * passage of `length` words, times 1,000 and rounded: what a posting stores.
 */
export function termWeight(count: number, length: number): number {
  const { k1, b, averageLength } = bm25;
  const norm = k1 * (1 - b + (b * Math.max(1, length)) / averageLength);
  return Math.round((1000 * count * (k1 + 1)) / (count + norm));
}

/** The weight of each term of an analysed passage, as its postings store them. */
export function postingWeights(analysis: Analysis): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [term, count] of analysis.counts)
    weights.set(term, termWeight(count, analysis.sequence.length));
  return weights;
}

/** A passage to index, with its fields: a heading or title weighs more than a body. */
interface ItemToIndex {
  item: NewSearchItem;
  fields: { text: string; weight?: number }[];
}

/**
 * Indexes the passages not indexed yet (indexing twice is harmless) and with at least one term,
 * in few statements; returns the source ids of those it indexed.
 */
async function addItems(db: Db, items: ItemToIndex[]): Promise<string[]> {
  const existing = await findSearchItemsBySource(
    db,
    items.map((i) => i.item.source_id),
  );
  const added: { item: NewSearchItem; weights: Map<string, number> }[] = [];
  for (const { item, fields } of items) {
    if (existing.has(item.source_id)) continue;
    const weights = postingWeights(analyse(fields, item.language));
    if (weights.size === 0) continue;
    added.push({ item: { ...item, folded: foldForSearch(item.text) }, weights });
  }
  await insertSearchItems(db, added);
  return added.map(({ item }) => item.source_id);
}

/**
 * Indexes the blocks of a language version (paragraphs, headings, list items, tables and
 * footnotes), each with the address and fragment it is read at; returns the source ids of the
 * passages it added. A version in preparation is indexed too, and found only by its process staff.
 */
export async function indexLanguageVersion(db: Db, languageVersionId: string): Promise<string[]> {
  const lv = await findLanguageVersionForIndex(db, languageVersionId);
  if (!lv) return [];
  const anchors = anchorsFor(lv.blocks.map((b) => b.address));
  const date = (lv.versionDate ?? lv.importedAt).slice(0, 10);
  const language = primaryLanguage(lv.language);
  const page = `/documents/${lv.documentId}/v/${lv.versionSeq}/${encodeURIComponent(lv.language)}`;
  const items: ItemToIndex[] = [];
  for (const [i, block] of lv.blocks.entries()) {
    const text =
      block.kind === 'table' && block.rows
        ? (JSON.parse(block.rows) as string[][]).map((r) => r.join(' | ')).join('\n')
        : block.text;
    if (text.trim() === '') continue;
    const item: NewSearchItem = {
      source_id: block.id,
      kind: block.kind === 'footnote' ? 'footnote' : 'paragraph',
      day: dayNumber(date),
      date,
      language,
      process_id: lv.processId,
      document_id: lv.documentId,
      version_id: lv.versionId,
      symbol: lv.symbol,
      title: lv.title,
      address: block.address,
      href: `${page}#${anchors[i]!}`,
      organisation_id: null,
      organisation_name: null,
      stakeholder_group: null,
      country: null,
      text,
      folded: '',
    };
    items.push({ item, fields: [{ text, weight: block.kind === 'heading' ? headingWeight : 1 }] });
  }
  return addItems(db, items);
}

/**
 * Brings the submissions' places in the index in line with their status: a published submission
 * is findable, any other (in review, rejected, returned, awaiting co-signers) is not. Few
 * statements for many: one read of the submissions, one of their passages, multi-row inserts of
 * the new passages and their postings. Returns the source ids indexed and removed.
 */
export async function syncSubmissionsIndex(
  db: Db,
  submissionIds: string[],
): Promise<{ indexed: string[]; removed: string[] }> {
  const ids = [...new Set(submissionIds)];
  if (ids.length === 0) return { indexed: [], removed: [] };
  const submissions = await findSubmissionsForIndex(db, ids);
  const published = submissions.filter((s) => s.status === 'published');
  const items = published.map((s): ItemToIndex => {
    const date = (s.publishedAt ?? s.receivedAt).slice(0, 10);
    const item: NewSearchItem = {
      source_id: s.id,
      kind: 'submission',
      day: dayNumber(date),
      date,
      language: primaryLanguage(s.language),
      process_id: s.processId,
      document_id: s.documentId,
      version_id: s.versionId,
      symbol: s.symbol,
      title: s.title ?? s.organisationName,
      address: null,
      href: `/submissions/${s.id}`,
      organisation_id: s.organisationId,
      organisation_name: s.organisationName,
      stakeholder_group: s.stakeholderGroup,
      country: s.country,
      text: s.title ? `${s.title}\n${s.body}` : s.body,
      folded: '',
    };
    const title = s.title ? [{ text: s.title, weight: headingWeight }] : [];
    return { item, fields: [...title, { text: s.body }] };
  });
  // Any other status (or no submission): out of the index.
  const publishedIds = new Set(published.map((s) => s.id));
  const unpublished = await findSearchItemsBySource(
    db,
    ids.filter((id) => !publishedIds.has(id)),
  );
  for (const indexed of unpublished.values()) await deleteSearchItem(db, indexed);
  return { indexed: await addItems(db, items), removed: [...unpublished.keys()] };
}

/**
 * A passage a feature above search keeps findable (a registry measure in one of its languages):
 * search cannot read that feature, so the feature hands the passage over (see indexOutsidePassages).
 */
export interface OutsidePassage {
  sourceId: string;
  kind: 'measure';
  /** YYYY-MM-DD: the day shown and sorted by. */
  date: string;
  /** BCP 47; its primary subtag chooses the analyser. */
  language: string;
  title: string;
  /** Where it is read on this site. */
  href: string;
  country: string | null;
  /** Its heading (weighs as a document heading) and its body. */
  heading: string;
  body: string;
}

/**
 * Makes the index hold, of the passages `sourceIds`, exactly those given (a feature above search
 * calls it, from its follower, when what it keeps findable changed): a passage whose text and
 * language are unchanged is left as it is, a changed one replaced, one no longer given removed.
 * Returns the source ids indexed and removed, for the followers after search to hear.
 */
export async function indexOutsidePassages(
  db: Db,
  sourceIds: string[],
  passages: OutsidePassage[],
): Promise<{ indexed: string[]; removed: string[] }> {
  const existing = await findSearchItemsBySource(db, [
    ...new Set([...sourceIds, ...passages.map((p) => p.sourceId)]),
  ]);
  const items: ItemToIndex[] = [];
  const kept = new Set<string>();
  for (const p of passages) {
    const text = p.body ? `${p.heading}\n${p.body}` : p.heading;
    const language = primaryLanguage(p.language);
    const before = existing.get(p.sourceId);
    if (before && before.text === text && before.language === language) {
      kept.add(p.sourceId);
      continue;
    }
    items.push({
      item: {
        source_id: p.sourceId,
        kind: p.kind,
        day: dayNumber(p.date),
        date: p.date,
        language,
        // No process: the process facet and filter leave it out.
        process_id: '',
        document_id: null,
        version_id: null,
        symbol: null,
        title: p.title,
        address: null,
        href: p.href,
        organisation_id: null,
        organisation_name: null,
        stakeholder_group: null,
        country: p.country,
        text,
        folded: '',
      },
      fields: [{ text: p.heading, weight: headingWeight }, { text: p.body }],
    });
  }
  const removed: string[] = [];
  for (const [sourceId, item] of existing) {
    if (kept.has(sourceId)) continue;
    await deleteSearchItem(db, item);
    removed.push(sourceId);
  }
  const indexed = await addItems(db, items);
  const again = new Set(indexed);
  return { indexed, removed: removed.filter((id) => !again.has(id)) };
}

/**
 * Rebuilds the whole index from the documents and published submissions, one batch per
 * transaction (`inTransaction` opens each); `progress` hears how far it got.
 */
export async function rebuildSearchIndex(
  inTransaction: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
  progress: (what: 'language versions' | 'submissions', done: number) => void = () => {},
): Promise<{ items: number; postings: number; sourceIds: string[] }> {
  await inTransaction((db) => clearSearchIndex(db));
  const sourceIds: string[] = [];
  let done = 0;
  for (let after = ''; ;) {
    const ids = await inTransaction(async (db) => {
      const page = await listLanguageVersionIds(db, after, 20);
      for (const id of page) sourceIds.push(...(await indexLanguageVersion(db, id)));
      return page;
    });
    if (ids.length === 0) break;
    done += ids.length;
    progress('language versions', done);
    after = ids.at(-1)!;
  }
  done = 0;
  for (let after = ''; ;) {
    const ids = await inTransaction(async (db) => {
      const page = await listPublishedSubmissionIds(db, after, 500);
      sourceIds.push(...(await syncSubmissionsIndex(db, page)).indexed);
      return page;
    });
    if (ids.length === 0) break;
    done += ids.length;
    progress('submissions', done);
    after = ids.at(-1)!;
  }
  return { ...(await inTransaction((db) => countSearchIndex(db))), sourceIds };
}

/** The words of a search, checked: SEARCH_QUERY_EMPTY or SEARCH_QUERY_TOO_LONG otherwise. */
export function checkQuery(q: unknown): { text: string; parsed: SearchQuery } {
  const text = typeof q === 'string' ? q.trim() : '';
  if (text.length > maxQueryLength)
    throw new PlenumError('SEARCH_QUERY_TOO_LONG', `It has ${text.length} characters.`);
  const parsed = parseQuery(text);
  if (parsed.words.length === 0) throw new PlenumError('SEARCH_QUERY_EMPTY');
  if (parsed.words.length > maxQueryTerms)
    throw new PlenumError('SEARCH_QUERY_TOO_LONG', `It makes ${parsed.words.length} terms.`);
  return { text, parsed };
}

/**
 * Resolves the process and document filters to ids; an unknown one, or a document the viewer
 * may not know of, is a NOT_FOUND error.
 */
async function itemFilters(
  db: Db,
  viewer: Viewer | null,
  filters: ReturnType<typeof searchFiltersSchema.parse>,
): Promise<ItemFilters> {
  const out: ItemFilters = {};
  if (filters.process) {
    const process = await lookupProcess(db, filters.process);
    if (!process) throw new PlenumError('PROCESS_NOT_FOUND', `"${filters.process}"`);
    out.processId = process.id;
  }
  if (filters.document) {
    out.documentId = (await getDocument(db, filters.document, viewer)).id;
  }
  if (filters.language) out.language = filters.language;
  if (filters.group) out.group = filters.group;
  if (filters.country) out.country = filters.country;
  if (filters.kind) out.kind = filters.kind;
  if (filters.from) out.fromDay = dayNumber(filters.from);
  if (filters.to) out.toDay = dayNumber(filters.to);
  return out;
}

/**
 * One page of results matching every word of the query (and its Han runs and quoted phrases),
 * best first (or newest first), that the viewer may read, with counts and facets; a paragraph
 * found in several languages is one result. Input is the query string's fields: q, process,
 * document, language, group, country, kind, from, to, sort, page.
 */
export async function searchPassages(
  db: Db,
  viewer: Viewer | null,
  input: Record<string, string | undefined>,
  walk?: SearchWalk,
): Promise<SearchResult & { after: SearchAfter | null }> {
  const { q, ...rest } = input;
  const { text, parsed } = checkQuery(q);
  const checked = searchFiltersSchema.safeParse(rest);
  if (!checked.success) throw zodError(checked.error);
  if (walk?.after && walk.after.sort !== checked.data.sort)
    throw new PlenumError('INVALID_REQUEST', 'cursor: This cursor was given for another sort.', {
      fields: [{ field: 'cursor', message: 'This cursor was given for another sort.' }],
    });
  return inSearchSession(db, (session) =>
    findPassages(session, viewer, text, parsed, checked.data, walk),
  );
}

/**
 * Where a walk through the results stands, after its last result: the sort, that result's
 * (score, day, passage number) and what its scores were computed with on the first page (the
 * newest passage then, each word's rarity and the newest day), so that every later page ranks
 * the passages there at the start with the same scores and leaves out those added since.
 */
export interface SearchAfter {
  sort: 'relevance' | 'newest';
  score: number;
  day: number;
  item: number;
  horizon: number;
  newest: number;
  rarity: Record<string, number>;
}

/** A walk through the results by key rather than by page number. */
export interface SearchWalk {
  /** Absent for the first page. */
  after?: SearchAfter;
  limit: number;
}

/** A candidate that holds the whole query, with its score. */
interface Scored {
  candidate: Candidate;
  score: number;
}

/** Results made of passages: the same paragraph in several languages is one result. */
interface Result {
  key: string;
  best: Scored;
  members: Scored[];
}

/** The rarity part of BM25 for a word in `passages` of `all` passages, times 100 and rounded. */
export function wordRarity(passages: number, all: number): number {
  const n = Math.min(passages, all);
  return Math.round(100 * Math.log(1 + (all - n + 0.5) / (n + 0.5)));
}

/**
 * The key a passage is grouped by: its paragraph (version and address), else itself. Its twin in
 * SQL, for counts, is resultKeySql in search.store.ts; search-counts.test.ts holds the two alike.
 */
export function resultKey(
  c: Pick<Candidate, 'kind' | 'sourceId' | 'versionId' | 'address'>,
): string {
  // A measure's languages are one result: its source ids are its id, then "~" and a language.
  if (c.kind === 'measure') return `measure|${c.sourceId.split('~')[0]!}`;
  return c.kind !== 'submission' && c.versionId && c.address
    ? `${c.kind === 'footnote' ? 'fn' : 'p'}|${c.versionId}|${c.address}`
    : c.sourceId;
}

/** searchPassages once its input is checked, on the connection of one search. */
async function findPassages(
  db: Db,
  viewer: Viewer | null,
  text: string,
  parsed: SearchQuery,
  input: ReturnType<typeof searchFiltersSchema.parse>,
  walk?: SearchWalk,
): Promise<SearchResult & { after: SearchAfter | null }> {
  const filters = await itemFilters(db, viewer, input);
  const stats = await termPassages(db, queryTermsOf(parsed));
  // A word's passages: those of its terms together (a passage has the one of its language).
  const words = parsed.words
    .map((terms) => ({
      terms,
      // The terms the word is looked up by: those in some passage (a Latin word has a term per
      // language; with two the driver's postings can no longer be read newest first along the
      // index, and all of them were read and sorted: 75,000 for "States" over a million).
      lookup: terms.some((t) => stats.byTerm.has(t))
        ? terms.filter((t) => stats.byTerm.has(t))
        : terms,
      passages: terms.reduce((n, t) => n + (stats.byTerm.get(t) ?? 0), 0),
    }))
    // Rarest first: the driver has the fewest postings, and the others fail fastest in order.
    .sort((a, b) => a.passages - b.passages || compare(a.terms.join(), b.terms.join()));
  // A later page of a walk scores with the first page's rarities, so that passages added since
  // (which move every word's rarity) leave the scores of the others as they were.
  const frozen = walk?.after?.rarity;
  const rarity = words.map((w) => frozen?.[w.terms.join(' ')] ?? wordRarity(w.passages, stats.all));
  const inSql = words.slice(0, maxSqlWords);
  const checkedHere = words.slice(maxSqlWords);
  const needsText =
    checkedHere.length > 0 || parsed.phrases.length > 0 || parsed.hanRuns.length > 0;
  // Han runs alone are looked for in the folded text, stored beside the text: folding thousands
  // of candidates' texts again was most of a Chinese search.
  const hanRunsOnly = needsText && checkedHere.length === 0 && parsed.phrases.length === 0;
  const budget = inSql[0]!.passages > scanBudget ? scanBudget : undefined;
  const cap = walk ? walkCap : rankCap;
  const candidateQuery = {
    words: inSql.map((w) => w.lookup),
    filters,
    hiddenVersions: versionsHiddenFrom(viewer, await listHiddenVersions(db)),
    budget,
  };
  const candidates =
    inSql[0]!.passages === 0
      ? []
      : await findCandidates(
          db,
          {
            ...candidateQuery,
            withText: hanRunsOnly ? 'folded' : needsText ? 'text' : false,
          },
          cap + 1,
        );
  const capped = candidates.length > cap;
  // More matches than are read: counted in SQL up to countCap, when the words alone decide what
  // matches (a phrase, a Han run or a ninth word is checked on the text of what is read).
  const counted =
    capped && !walk && !needsText
      ? await countCandidates(db, candidateQuery, countCap + 1)
      : undefined;
  const horizon = walk?.after?.horizon;
  const kept = candidates.slice(0, cap).filter((c) => horizon === undefined || c.item <= horizon);
  const scored = scoreCandidates(kept, {
    query: parsed,
    rarity,
    checkedHere: checkedHere.map((w) => w.lookup),
    needsText,
    ...(walk?.after ? { newest: walk.after.newest } : {}),
  });
  const results = groupResults(scored);
  if (input.sort === 'newest') results.sort(newestFirst);
  else {
    results.sort(byScore);
    await rerankByProximity(db, results, parsed);
  }
  const exact =
    budget === undefined && (!capped || (counted !== undefined && counted.rows <= countCap));
  if (!walk)
    return {
      ...(await pageOfResults(db, {
        text,
        parsed,
        page: input.page,
        sort: input.sort,
        results,
        passages: scored,
        ...(counted
          ? {
              total: Math.min(counted.results, countCap),
              found: Math.min(counted.passages, countCap),
            }
          : {}),
        exact,
      })),
      after: null,
    };
  // A walk: the results after the last one given, by the order's own key.
  const after = walk.after;
  const order = input.sort === 'newest' ? newestFirst : byScore;
  const rest = after
    ? results.filter(
        (r) =>
          order(r, {
            key: '',
            best: {
              score: after.score,
              candidate: { ...r.best.candidate, day: after.day, item: after.item },
            },
            members: [],
          }) > 0,
      )
    : results;
  const page = await pageOfResults(db, {
    text,
    parsed,
    page: 1,
    pageSize: walk.limit,
    sort: input.sort,
    results: rest,
    total: results.length,
    passages: scored,
    exact,
  });
  const last = rest[walk.limit - 1];
  return {
    ...page,
    after:
      rest.length > walk.limit && last
        ? {
            sort: input.sort,
            score: last.best.score,
            day: last.best.candidate.day,
            item: last.best.candidate.item,
            horizon: after?.horizon ?? kept.reduce((m, c) => Math.max(m, c.item), 0),
            newest: after?.newest ?? newestDay(kept),
            rarity:
              after?.rarity ??
              Object.fromEntries(words.map((w, k) => [w.terms.join(' '), rarity[k]!])),
          }
        : null,
  };
}

/** The day of the newest candidate, from which recency is counted. */
function newestDay(candidates: Candidate[]): number {
  return candidates.reduce((d, c) => Math.max(d, c.day), 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first: day, then the passage's number, both descending. */
function newestFirst(a: Result, b: Result): number {
  return (
    b.best.candidate.day - a.best.candidate.day || b.best.candidate.item - a.best.candidate.item
  );
}

/** Highest score first, then newest. */
function byScore(a: Result, b: Result): number {
  return b.best.score - a.best.score || newestFirst(a, b);
}

/**
 * The candidates that hold the whole query (words checked here, phrases, Han runs), each with
 * its score: BM25 (each word's rarity times its weight in the passage) and the recency factor.
 */
function scoreCandidates(
  candidates: Candidate[],
  how: {
    query: SearchQuery;
    rarity: number[];
    checkedHere: string[][];
    needsText: boolean;
    newest?: number;
  },
): Scored[] {
  const newest = how.newest ?? newestDay(candidates);
  const scored: Scored[] = [];
  const seen = new Map<number, Scored>();
  for (const candidate of candidates) {
    const weights = [...candidate.weights];
    if (how.needsText && how.checkedHere.length === 0 && how.query.phrases.length === 0) {
      // Han runs alone: SQL held every word (their pairs), the runs are read in the folded text
      // (the candidate's `text` is the stored folded text then).
      const folded = candidate.text ?? '';
      if (!holdsPhrases({ sequence: [] }, () => folded, how.query)) continue;
      candidate.text = null;
    } else if (how.needsText) {
      const analysis = analyse([{ text: candidate.text ?? '' }], candidate.language);
      if (!holdsWords(analysis.counts, how.query)) continue;
      if (!holdsPhrases(analysis, () => foldForSearch(candidate.text ?? ''), how.query)) continue;
      for (const terms of how.checkedHere) {
        const count = Math.max(...terms.map((t) => analysis.counts.get(t) ?? 0));
        weights.push(termWeight(count, analysis.sequence.length));
      }
    }
    let bm25Score = 0;
    for (const [k, weight] of weights.entries()) bm25Score += how.rarity[k]! * (weight ?? 0);
    const age = Math.max(0, newest - candidate.day);
    const bonus = Math.round((recency.bonus * Math.max(0, recency.days - age)) / recency.days);
    const score = Math.floor((bm25Score * (1000 + bonus)) / 1000);
    // A driver with two terms in one passage gives it twice: the better row counts.
    const before = seen.get(candidate.item);
    if (before) {
      before.score = Math.max(before.score, score);
      continue;
    }
    const entry = { candidate, score };
    seen.set(candidate.item, entry);
    scored.push(entry);
  }
  return scored;
}

/** Groups the passages by paragraph; a result is as good as its best passage. */
function groupResults(scored: Scored[]): Result[] {
  const byKey = new Map<string, Result>();
  for (const s of scored) {
    const key = resultKey(s.candidate);
    const result = byKey.get(key);
    if (!result) byKey.set(key, { key, best: s, members: [s] });
    else {
      result.members.push(s);
      if (
        s.score > result.best.score ||
        (s.score === result.best.score && s.candidate.item < result.best.candidate.item)
      )
        result.best = s;
    }
  }
  return [...byKey.values()];
}

/**
 * The phrase and proximity bonus on the best results: up to half more for the query's words
 * close together, and as much again for all of them in a row in the query's order.
 */
async function rerankByProximity(db: Db, results: Result[], query: SearchQuery): Promise<void> {
  if (proximityWords(query).length < 2) return;
  const top = results.slice(0, rerankDepth);
  const needing = top
    .filter((r) => r.best.candidate.text === null)
    .map((r) => r.best.candidate.item);
  const texts = await loadSearchTexts(db, needing);
  for (const result of top) {
    const c = result.best.candidate;
    const { sequence } = analyse([{ text: c.text ?? texts.get(c.item) ?? '' }], c.language);
    const closeness = proximity(sequence, query);
    result.best.score = Math.floor(
      (result.best.score * (4 + Math.round(closeness * 100) / 100)) / 4,
    );
  }
  top.sort(byScore);
  results.splice(0, top.length, ...top);
}

/** The year of a day number, as YYYY (a passage's `date` is its day's). */
function yearOf(day: number): string {
  let year = years.get(day);
  if (year === undefined) {
    year = new Date(day * 86_400_000).toISOString().slice(0, 4);
    years.set(day, year);
  }
  return year;
}
const years = new Map<number, string>();

/** Counts of the matching passages by facet value, most first (ten at most), with labels. */
async function facetsOf(db: Db, passages: Scored[]): Promise<SearchResult['facets']> {
  const count = (pick: (c: Candidate) => string | null): SearchFacet[] => {
    const counts = new Map<string, number>();
    for (const { candidate } of passages) {
      const value = pick(candidate);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
      .slice(0, 10)
      .map(([value, n]) => ({ value, label: value, count: n }));
  };
  const facets = {
    process: count((c) => c.processId || null),
    document: count((c) => c.documentId),
    language: count((c) => c.language),
    group: count((c) => c.stakeholderGroup),
    country: count((c) => c.country),
    year: count((c) => yearOf(c.day)),
  };
  const labels = await facetLabels(db, {
    processIds: facets.process.map((f) => f.value),
    documentIds: facets.document.map((f) => f.value),
  });
  for (const f of [...facets.process, ...facets.document]) f.label = labels.get(f.value) ?? f.value;
  facets.year.sort((a, b) => compare(b.value, a.value));
  return facets;
}

/** The page asked for, with its passages loaded, their other languages, counts and facets. */
async function pageOfResults(
  db: Db,
  page: {
    text: string;
    parsed: SearchQuery;
    page: number;
    pageSize?: number;
    sort: 'relevance' | 'newest';
    results: Result[];
    /**
     * Every result found, when `results` are only those after a walk's cursor or more were
     * counted than read.
     */
    total?: number;
    /** The passages read, ranked and counted by facet. */
    passages: Scored[];
    /** Every passage found, when more were counted than read. */
    found?: number;
    exact: boolean;
  },
): Promise<SearchResult> {
  const size = page.pageSize ?? searchPageSize;
  const offset = (page.page - 1) * size;
  const shown = page.results.slice(offset, offset + size);
  const rows = await loadSearchItems(
    db,
    shown.map((r) => r.best.candidate.item),
  );
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const languages = await listParagraphLanguages(
    db,
    shown.flatMap(({ best: { candidate: c } }) =>
      c.kind !== 'submission' && c.versionId && c.address
        ? [{ versionId: c.versionId, address: c.address }]
        : [],
    ),
  );
  const hits = shown.flatMap((result) => {
    const row = bySeq.get(result.best.candidate.item);
    if (!row) return [];
    const others = languages
      .filter(
        (l) =>
          l.versionId === row.version_id &&
          l.address === row.address &&
          l.language !== row.language,
      )
      .map((l) => ({ language: l.language, href: l.href }));
    return [{ ...toHit(row, page.parsed), score: result.best.score, otherLanguages: others }];
  });
  return {
    query: page.text,
    page: page.page,
    pageSize: size,
    sort: page.sort,
    hits,
    total: page.total ?? page.results.length,
    passages: page.found ?? page.passages.length,
    totalExact: page.exact,
    hasNext: page.results.length > offset + size,
    truncated: !page.exact,
    facets: await facetsOf(db, page.passages),
    facetsOf: page.passages.length,
  };
}

/** A stored passage as a result: its citation, link, and the part of it that matched. */
function toHit(
  row: SearchItemRow,
  query: SearchQuery,
): Omit<SearchHit, 'score' | 'otherLanguages'> {
  const ranges = matchRanges(row.text, query, row.language);
  const { snippet, start, length } = snippetOf(row.text, ranges[0]?.[0] ?? 0);
  const marks = ranges
    .map(([a, b]): [number, number] => [a - start, b - start])
    .filter(([a, b]) => a >= 0 && b <= length);
  const citation =
    row.kind === 'submission'
      ? (row.organisation_name ?? row.title)
      : row.kind === 'measure'
        ? `${row.title} (${row.country ?? ''})`
        : `${row.symbol ?? row.title}, ${row.address ?? ''}`;
  return {
    kind: row.kind as SearchHit['kind'],
    id: row.source_id,
    citation,
    symbol: row.symbol,
    title: row.title,
    address: row.address,
    href: row.href,
    language: row.language,
    date: row.date,
    processId: row.process_id,
    documentId: row.document_id,
    country: row.country,
    organisation:
      row.organisation_id && row.organisation_name
        ? {
            id: row.organisation_id,
            name: row.organisation_name,
            stakeholderGroup: row.stakeholder_group ?? '',
            country: row.country,
          }
        : null,
    snippet,
    marks,
  };
}

/** The whole text when short, else about `snippetLength` characters around the first match. */
function snippetOf(text: string, at: number): { snippet: string; start: number; length: number } {
  if (text.length <= snippetLength) return { snippet: text, start: 0, length: text.length };
  let start = Math.max(0, at - 80);
  // Start at a word boundary, so no word is cut in half (no effect inside Han text).
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space >= 0 && start - space < 30) start = space + 1;
  }
  const end = Math.min(text.length, start + snippetLength);
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  return {
    snippet: `${prefix}${text.slice(start, end)}${suffix}`,
    start: start - prefix.length,
    /** Where the text ends in the snippet (before " …"). */
    length: prefix.length + end - start,
  };
}

/** The words of a query, rarest first (by their passages in the index): a scan's driver first. */
export async function wordsRarestFirst(db: Db, query: SearchQuery): Promise<string[][]> {
  const stats = await termPassages(db, queryTermsOf(query));
  return query.words
    .map((terms) => ({ terms, n: terms.reduce((n, t) => n + (stats.byTerm.get(t) ?? 0), 0) }))
    .sort((a, b) => a.n - b.n || compare(a.terms.join(), b.terms.join()))
    .map((w) => w.terms);
}

/**
 * How many passages each of these terms is in (a term in none is left out): what the watch index
 * files each watch under its rarest word by. Read in chunks, for the terms of every watch.
 */
export async function termFrequencies(db: Db, terms: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < terms.length; i += 512) {
    const { byTerm } = await termPassages(db, terms.slice(i, i + 512));
    for (const [term, n] of byTerm) out.set(term, n);
  }
  return out;
}
