/** plenum search QUERY: find passages from the command line; plenum search --reindex: rebuild the index. */
import { inWriteTransaction } from '../db/database.ts';
import { operatorViewer } from '../accounts/accounts.schema.ts';
import type { SearchHit } from '../search/search.schema.ts';
import { indexAllMeasures } from '../registry/measure-search.ts';
import { rebuildSearchIndex, searchPassages } from '../search/search.service.ts';
import { openCliDatabase, parseFlags, UsageError } from './output.ts';

/** Usage of plenum search. */
export const searchUsage = `plenum search QUERY [--process REF] [--document ID|SYMBOL] [--language ar|zh|en|fr|ru|es]
              [--group GROUP] [--country ISO3] [--kind paragraph|footnote|submission]
              [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sort relevance|newest] [--page N]
              [--json] [--db URL|PATH]
plenum search --reindex [--db URL|PATH]

Finds paragraphs, footnotes and published submissions holding every word of QUERY (in any
inflected form: Snowball stemmers for English, French, Spanish, Russian and Arabic), in any of
the six UN languages, best first (--sort newest: newest first), 20 a page: each with its address
(A/AC.290/2021/CRP.2, para 38), date, language, link, the passage with the matches in
[brackets], and the other languages of the same paragraph; then the counts by process,
language, year and the other facets. "Quoted words" must appear side by side. --json prints
what GET /api/search answers. The operator sees versions still in preparation too.

--reindex rebuilds the search index from every document and published submission (after an
upgrade from a plenum without search, or to be sure); progress goes to stderr.`;

/** A hit as a line of text: the citation, then the passage with its matches in brackets. */
function hitText(hit: SearchHit): string {
  let text = '';
  let at = 0;
  for (const [start, end] of hit.marks) {
    text += `${hit.snippet.slice(at, start)}[${hit.snippet.slice(start, end)}]`;
    at = end;
  }
  text += hit.snippet.slice(at);
  const who =
    hit.kind === 'submission'
      ? `${hit.citation}${hit.symbol ? ` on ${hit.symbol}` : ''}`
      : hit.citation;
  const others = hit.otherLanguages.map((l) => `${l.language} ${l.href}`).join(', ');
  return `${who} (${hit.date}, ${hit.language}) ${hit.href}\n  ${text.replace(/\s+/g, ' ')}\n${others ? `  also in: ${others}\n` : ''}`;
}

/** Runs plenum search; returns the exit code. */
export async function searchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    process: { type: 'string' },
    document: { type: 'string' },
    language: { type: 'string' },
    group: { type: 'string' },
    country: { type: 'string' },
    kind: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean', default: false },
    reindex: { type: 'boolean', default: false },
    db: { type: 'string' },
  });
  if (values.reindex && positionals.length > 0)
    throw new UsageError('--reindex takes no query: plenum search --reindex');
  if (!values.reindex && positionals.length === 0)
    throw new UsageError('usage: plenum search QUERY [--language TAG] [--json]');
  const opened = await openCliDatabase(values.db);
  try {
    if (values.reindex) {
      const started = performance.now();
      const counts = await rebuildSearchIndex(
        (work) => inWriteTransaction(opened.db, opened.engine, work),
        (what, done) => process.stderr.write(`indexed ${done} ${what}\n`),
      );
      // The registry's measures, which search cannot read: the registry hands them over.
      const measures = await indexAllMeasures((work) =>
        inWriteTransaction(opened.db, opened.engine, work),
      );
      process.stderr.write(`indexed ${measures.length} passages of national measures\n`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `search index rebuilt in ${seconds} s: ${counts.items} passages, ${counts.postings} postings\n`,
      );
      if (values.json) process.stdout.write(`${JSON.stringify(counts)}\n`);
      return 0;
    }
    const result = await searchPassages(opened.db, operatorViewer, {
      q: positionals.join(' '),
      process: values.process,
      document: values.document,
      language: values.language,
      group: values.group,
      country: values.country,
      kind: values.kind,
      from: values.from,
      to: values.to,
      sort: values.sort,
      page: values.page,
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const count = result.totalExact ? `${result.total}` : `more than ${result.total}`;
    process.stdout.write(
      `${count} result${result.total === 1 ? '' : 's'} found${result.page > 1 ? ` (page ${result.page})` : ''}${result.truncated ? '; the newest matches are ranked, add words or filters' : result.facetsOf < result.passages ? `; the newest ${result.facetsOf} of ${result.passages} passages are ranked and counted by facet` : ''}\n`,
    );
    for (const hit of result.hits) process.stdout.write(hitText(hit));
    if (result.hasNext) process.stdout.write(`more: --page ${result.page + 1}\n`);
    for (const [facet, values] of Object.entries(result.facets)) {
      if (values.length === 0) continue;
      process.stdout.write(
        `${facet}: ${values.map((v) => `${v.label} (${v.count})`).join(', ')}\n`,
      );
    }
    return 0;
  } finally {
    await opened.close();
  }
}
