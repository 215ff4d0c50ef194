/**
 * Search: indexing paragraphs, footnotes and published submissions as they arrive, and finding
 * passages by their words. A query starts from its rarest term and walks that term's postings
 * newest first, a window at a time, keeping the passages that hold every other term too; the
 * scan stops once a page (and a little more, for the count) is found, so a common word costs no
 * more than a rare one.
 */
import type { Viewer } from '../accounts/accounts.schema.ts';
import type { Db } from '../db/database.ts';
import { anchorsFor } from '../documents/anchors.ts';
import { getDocument } from '../documents/documents.service.ts';
import { PlenumError } from '../errors.ts';
import { lookupProcess } from '../processes/processes.service.ts';
import {
  containsPhrases,
  foldForSearch,
  hanPairs,
  indexTerms,
  matchRanges,
  parseQuery,
  type SearchQuery,
} from './search-terms.ts';
import { zodError } from '../validation.ts';
import { versionsHiddenFrom } from './search.policy.ts';
import {
  maxQueryLength,
  searchFiltersSchema,
  searchPageSize,
  type SearchHit,
  type SearchResult,
} from './search.schema.ts';
import {
  clearSearchIndex,
  countPostings,
  countSearchIndex,
  deleteSearchItem,
  findLanguageVersionForIndex,
  findSearchItemsBySource,
  findSubmissionsForIndex,
  inSearchSession,
  insertSearchItems,
  listHiddenVersions,
  listLanguageVersionIds,
  listPublishedSubmissionIds,
  loadSearchItems,
  matchWindow,
  postingWindowEnd,
  type ItemFilters,
  type NewSearchItem,
  type PostingCursor,
  type SearchItemRow,
} from './search.store.ts';

/** Most distinct terms a query may have (a long Chinese run makes one per character pair). */
export const maxQueryTerms = 24;

/**
 * Postings of the driving term read by each window: small first (a page of common words is
 * found at once), then larger, so a sparse match costs few round trips.
 */
const windowSizes = [1000, 4000, 16_000];

/** Postings counted per term to find the rarest; a term with more counts as this many. */
const countCap = 5000;

/** Terms looked up in SQL; a query's further terms are checked on the candidate passages. */
const maxSqlTerms = 4;

/** Most postings of the driving term read by one query; past this it answers "at least". */
const scanBudget = 100_000;

/** Passages counted beyond the page, so the page can say "about N". */
const countAhead = 100;

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
 * Indexes the passages not indexed yet (indexing twice is harmless) and with at least one term,
 * in few statements; returns the source ids of those it indexed.
 */
async function addItems(db: Db, items: NewSearchItem[]): Promise<string[]> {
  const existing = await findSearchItemsBySource(
    db,
    items.map((i) => i.source_id),
  );
  const added: { item: NewSearchItem; terms: string[] }[] = [];
  for (const item of items) {
    if (existing.has(item.source_id)) continue;
    const terms = indexTerms(item.text);
    if (terms.length === 0) continue;
    added.push({ item: { ...item, folded: foldForSearch(item.text) }, terms });
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
  const items: NewSearchItem[] = [];
  for (const [i, block] of lv.blocks.entries()) {
    const text =
      block.kind === 'table' && block.rows
        ? (JSON.parse(block.rows) as string[][]).map((r) => r.join(' | ')).join('\n')
        : block.text;
    if (text.trim() === '') continue;
    items.push({
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
    });
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
  const items = published.map((s): NewSearchItem => {
    const date = (s.publishedAt ?? s.receivedAt).slice(0, 10);
    return {
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
  });
  // Any other status (or no submission): out of the index.
  const publishedIds = new Set(published.map((s) => s.id));
  const unpublished = await findSearchItemsBySource(
    db,
    ids.filter((id) => !publishedIds.has(id)),
  );
  for (const indexed of unpublished.values())
    await deleteSearchItem(db, indexed, indexTerms(indexed.text));
  return { indexed: await addItems(db, items), removed: [...unpublished.keys()] };
}

/**
 * Rebuilds the whole index from the documents and published submissions, one batch per
 * transaction (`inTransaction` opens each); `progress` hears how far it got.
 */
export async function rebuildSearchIndex(
  inTransaction: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
  progress: (what: 'language versions' | 'submissions', done: number) => void = () => {},
): Promise<{ items: number; postings: number }> {
  await inTransaction((db) => clearSearchIndex(db));
  let done = 0;
  for (let after = ''; ;) {
    const ids = await inTransaction(async (db) => {
      const page = await listLanguageVersionIds(db, after, 20);
      for (const id of page) await indexLanguageVersion(db, id);
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
      await syncSubmissionsIndex(db, page);
      return page;
    });
    if (ids.length === 0) break;
    done += ids.length;
    progress('submissions', done);
    after = ids.at(-1)!;
  }
  return inTransaction((db) => countSearchIndex(db));
}

/** The words of a search, checked: SEARCH_QUERY_EMPTY or SEARCH_QUERY_TOO_LONG otherwise. */
export function checkQuery(q: unknown): { text: string; parsed: SearchQuery } {
  const text = typeof q === 'string' ? q.trim() : '';
  if (text.length > maxQueryLength)
    throw new PlenumError('SEARCH_QUERY_TOO_LONG', `It has ${text.length} characters.`);
  const parsed = parseQuery(text);
  if (parsed.terms.length === 0) throw new PlenumError('SEARCH_QUERY_EMPTY');
  if (parsed.terms.length > maxQueryTerms)
    throw new PlenumError('SEARCH_QUERY_TOO_LONG', `It makes ${parsed.terms.length} terms.`);
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
 * One page of passages matching every word of the query (and its Han runs and quoted phrases),
 * newest first, that the viewer may read. Input is the query string's fields: q, process,
 * document, language, group, country, kind, from, to, page.
 */
export async function searchPassages(
  db: Db,
  viewer: Viewer | null,
  input: Record<string, string | undefined>,
): Promise<SearchResult> {
  const { q, ...rest } = input;
  const { text, parsed } = checkQuery(q);
  const checked = searchFiltersSchema.safeParse(rest);
  if (!checked.success) throw zodError(checked.error);
  return inSearchSession(db, (session) =>
    findPassages(session, viewer, text, parsed, checked.data),
  );
}

/** searchPassages once its input is checked, on the connection of one search. */
async function findPassages(
  db: Db,
  viewer: Viewer | null,
  text: string,
  parsed: SearchQuery,
  input: ReturnType<typeof searchFiltersSchema.parse>,
): Promise<SearchResult> {
  const filters = await itemFilters(db, viewer, input);
  const page = input.page;
  const offset = (page - 1) * searchPageSize;
  const target = offset + searchPageSize + countAhead;

  const counts = await Promise.all(
    parsed.terms.map(async (term) => ({
      term,
      n: await countPostings(db, term, countCap, filters),
    })),
  );
  // Rarest first: the driver has the fewest postings, and the others fail fastest in that order.
  counts.sort((a, b) => a.n - b.n || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  // Past a few terms the rest are checked on the candidate passages instead: every term more
  // in SQL is one more join for the planner (PostgreSQL's planning time grows fast with them).
  // The pairs of a Han run need no check of their own: the run is looked for as a substring.
  const implied = new Set(parsed.phrases.flatMap((phrase) => hanPairs(phrase) ?? []));
  // A Han run of two characters is its one pair term: the postings already say it is there, so
  // its passages need no reading. Longer runs and quoted words are checked on the passage.
  const phrases = parsed.phrases.filter((phrase) => hanPairs(phrase)?.length !== 1);
  const inSql = counts.slice(0, maxSqlTerms);
  const checkedHere = counts
    .slice(maxSqlTerms)
    .map((c) => c.term)
    .filter((t) => !implied.has(t));
  const hiddenVersions = versionsHiddenFrom(viewer, await listHiddenVersions(db));
  const matches: PostingCursor[] = [];
  let exhausted = inSql[0]!.n === 0;
  let scanned = 0;
  let cursor: PostingCursor | undefined;
  for (let window = 0; !exhausted && matches.length < target; window++) {
    const windowSize = windowSizes[Math.min(window, windowSizes.length - 1)]!;
    const end =
      scanned === 0 && inSql[0]!.n < windowSize
        ? undefined
        : await postingWindowEnd(db, inSql[0]!.term, windowSize, cursor, filters);
    const wanted = target - matches.length;
    const rows = await matchWindow(
      db,
      {
        driver: inSql[0]!.term,
        others: inSql.slice(1).map((c) => c.term),
        filters,
        hiddenVersions,
        withFolded: phrases.length > 0 || checkedHere.length > 0,
      },
      cursor,
      end,
      wanted,
    );
    for (const row of rows) {
      if (phrases.length > 0 && !containsPhrases(row.folded ?? '', phrases)) continue;
      if (checkedHere.length > 0) {
        const terms = new Set(indexTerms(row.folded ?? ''));
        if (!checkedHere.every((t) => terms.has(t))) continue;
      }
      matches.push({ day: row.day, item: row.item });
    }
    scanned += windowSize;
    if (rows.length === wanted) {
      // The window may hold more: go on from the last passage read, not from its far end.
      const last = rows.at(-1)!;
      cursor = { day: last.day, item: last.item };
    } else if (!end) exhausted = true;
    else cursor = end;
    if (!exhausted && matches.length < target && scanned >= scanBudget) break;
  }
  const pageMatches = matches.slice(offset, offset + searchPageSize);
  const rows = await loadSearchItems(
    db,
    pageMatches.map((m) => m.item),
  );
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const hits = pageMatches
    .map((m) => bySeq.get(m.item))
    .filter((r): r is SearchItemRow => r !== undefined)
    .map((r) => toHit(r, parsed));
  const totalExact = exhausted && matches.length < target;
  return {
    query: text,
    page,
    pageSize: searchPageSize,
    hits,
    total: matches.length,
    totalExact,
    hasNext: matches.length > offset + searchPageSize,
    truncated: !exhausted && matches.length < target,
  };
}

/** A stored passage as a result: its citation, link, and the part of it that matched. */
function toHit(row: SearchItemRow, query: SearchQuery): SearchHit {
  const ranges = matchRanges(row.text, query);
  const { snippet, start, length } = snippetOf(row.text, ranges[0]?.[0] ?? 0);
  const marks = ranges
    .map(([a, b]): [number, number] => [a - start, b - start])
    .filter(([a, b]) => a >= 0 && b <= length);
  const citation =
    row.kind === 'submission'
      ? (row.organisation_name ?? row.title)
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
