/** HTML of the search page: the form with its filters, and the passages found with their matches marked. */
import { html } from 'hono/html';
import { countryName } from '../organisations/countries.ts';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress, shortList } from '../web/i18n.ts';
import { directionOf, languageName, page, type Markup } from '../web/layout.ts';
import { contentString } from '../web/view-parts.ts';
import {
  maxQueryLength,
  searchKinds,
  searchLanguages,
  type SearchHit,
  type SearchResult,
} from './search.schema.ts';

/** The fields of the search form as the reader sent them. */
export type SearchForm = Record<
  'q' | 'process' | 'document' | 'language' | 'group' | 'country' | 'kind' | 'from' | 'to' | 'sort',
  string
>;

/** The snippet with its matched ranges in <mark>, escaped. */
function marked(hit: SearchHit): Markup {
  const parts: Markup[] = [];
  let at = 0;
  for (const [start, end] of hit.marks) {
    parts.push(html`${hit.snippet.slice(at, start)}<mark>${hit.snippet.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(html`${hit.snippet.slice(at)}`);
  return html`${parts}`;
}

/** How a passage is cited: "A/AC.290/2021/CRP.2, para 38", "Submission by X on A/AC.…", or a measure's title. */
function citation(ctx: PageContext, hit: SearchHit): string {
  const m = ctx.ui.m.search;
  if (hit.kind === 'measure') return hit.title;
  if (hit.kind === 'submission') {
    const by = fill(m.submissionBy, { name: hit.organisation?.name ?? hit.title });
    return hit.symbol ? `${by} · ${fill(m.onDocument, { document: hit.symbol })}` : by;
  }
  return shortList(ctx.ui, [hit.symbol ?? hit.title, localAddress(ctx.ui, hit.address ?? '')]);
}

function resultItem(ctx: PageContext, hit: SearchHit): Markup {
  const { ui } = ctx;
  const dir = directionOf(hit.language);
  return html`<li class="submission">
    <p class="who"><a href="${hit.href}"><bdi>${citation(ctx, hit)}</bdi></a></p>
    <p class="meta">${ui.m.search.kinds[hit.kind]} · ${languageName(hit.language, ui.lang).display} · ${ui.date(hit.date)}${
      hit.kind === 'submission'
        ? ''
        : hit.kind === 'measure'
          ? html` · <a href="/registry/countries/${hit.country ?? ''}">${countryName(hit.country ?? '', ui.lang)}</a>`
          : html` · <bdi>${hit.title}</bdi>`
    }</p>
    <p lang="${hit.language}" dir="${dir}">${marked(hit)}</p>
    ${
      hit.otherLanguages.length > 0
        ? html`<p class="meta">${ui.m.search.alsoIn} ${hit.otherLanguages.map(
            (l, i) =>
              html`${i > 0 ? ' · ' : ''}<a href="${l.href}" hreflang="${l.language}">${languageName(l.language, ui.lang).display}</a>`,
          )}</p>`
        : ''
    }
  </li>`;
}

/** The facets of the results: each value a link to the same search narrowed to it, with its count. */
function facetsNav(ctx: PageContext, form: SearchForm, result: SearchResult): Markup {
  const { ui } = ctx;
  const m = ui.m.search;
  const c = ui.m.consultations;
  const narrowed = (changes: Partial<SearchForm>) => pageHref({ ...form, ...changes }, 1);
  const groupName = (g: string) => (ui.m.organisations.groups as Record<string, string>)[g] ?? g;
  const facets: {
    title: string;
    values: SearchResult['facets']['process'];
    href: (v: string) => string;
    label: (v: string, l: string) => string;
  }[] = [
    {
      title: m.process,
      values: result.facets.process,
      href: (v) => narrowed({ process: v }),
      label: (v, l) => contentString(ctx, { type: 'process', id: v, field: 'name' }, l),
    },
    {
      title: m.document,
      values: result.facets.document,
      href: (v) => narrowed({ document: v }),
      label: (_, l) => l,
    },
    {
      title: c.language,
      values: result.facets.language,
      href: (v) => narrowed({ language: v }),
      label: (v) => languageName(v, ui.lang).display,
    },
    {
      title: c.stakeholderGroup,
      values: result.facets.group,
      href: (v) => narrowed({ group: v }),
      label: (v) => groupName(v),
    },
    {
      title: c.country,
      values: result.facets.country,
      href: (v) => narrowed({ country: v }),
      label: (v) => v,
    },
    {
      title: m.year,
      values: result.facets.year,
      href: (v) => narrowed({ from: `${v}-01-01`, to: `${v}-12-31` }),
      label: (v) => v,
    },
  ];
  const shown = facets.filter((f) => f.values.length > 0);
  if (shown.length === 0) return html``;
  return html`<nav class="facets" aria-label="${m.refine}">
    <h2>${m.refine}</h2>
    ${shown.map(
      (f) => html`<h3>${f.title}</h3>
        <ul>${f.values.map((v) => html`<li><a href="${f.href(v.value)}"><bdi>${f.label(v.value, v.label)}</bdi></a> (${ui.n(v.count)})</li>`)}</ul>`,
    )}
  </nav>`;
}

/** The address of a results page with the same query and filters. */
function pageHref(form: SearchForm, pageNumber: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value) params.set(key, value);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  return `/search?${params.toString()}`;
}

/** The search page: the form, then the results, an error, or nothing yet. */
export function searchPage(
  ctx: PageContext,
  form: SearchForm,
  processes: Process[],
  outcome: { result?: SearchResult; error?: Markup },
): Markup {
  const { ui } = ctx;
  const m = ui.m.search;
  const c = ui.m.consultations;
  const option = (value: string, label: string, current: string) =>
    value === current
      ? html`<option value="${value}" selected>${label}</option>`
      : html`<option value="${value}">${label}</option>`;
  const filtered = [
    'process',
    'document',
    'language',
    'group',
    'country',
    'kind',
    'from',
    'to',
  ].some((k) => form[k as keyof SearchForm] !== '');
  const result = outcome.result;
  const summary = result
    ? result.totalExact
      ? ui.plural(m.found, result.total) +
        (result.passages > result.total
          ? ` ${fill(m.foundPassages, { n: ui.n(result.passages) })}`
          : '')
      : fill(m.foundAtLeast, { n: ui.n(result.total) })
    : '';
  // Fewer passages read than found: the ranking and the facets are of the newest read.
  const ranked =
    result && result.totalExact && result.facetsOf < result.passages
      ? ` ${fill(m.rankedAmong, { n: ui.n(result.facetsOf) })}`
      : '';
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    <form class="filters" method="get" action="/search" role="search" aria-label="${m.title}">
      <p>
        <label for="search-q">${m.label}</label>
        <input type="search" id="search-q" name="q" value="${form.q}" maxlength="${maxQueryLength}" required />
        <button type="submit">${m.button}</button>
      </p>
      <details${filtered ? html` open` : ''}>
        <summary>${m.filters}</summary>
        <fieldset>
          <legend>${m.filters}</legend>
          <label>${m.process}
            <select name="process">${option('', c.any, form.process)}${processes.map((p) => option(p.slug, p.shortName ?? contentString(ctx, { type: 'process', id: p.id, field: 'name' }, p.name), form.process))}</select>
          </label>
          <label>${m.document}
            <input type="text" name="document" size="18" maxlength="200" value="${form.document}" placeholder="A/AC.290/2021/CRP.2" />
          </label>
          <label>${c.language}
            <select name="language">${option('', c.any, form.language)}${searchLanguages.map((l) => option(l, languageName(l, ui.lang).display, form.language))}</select>
          </label>
          <label>${m.kind}
            <select name="kind">${option('', c.any, form.kind)}${searchKinds.map((k) => option(k, m.kinds[k], form.kind))}</select>
          </label>
          <label>${c.stakeholderGroup}
            <select name="group">${option('', c.any, form.group)}${stakeholderGroups.map((g) => option(g, ui.m.organisations.groups[g], form.group))}</select>
          </label>
          <label>${c.country}
            <input type="text" name="country" size="4" maxlength="3" pattern="[A-Za-z]{3}" value="${form.country}" placeholder="FRA" />
          </label>
          <label>${m.from} <input type="date" name="from" value="${form.from}" /></label>
          <label>${m.to} <input type="date" name="to" value="${form.to}" /></label>
          <label>${m.sort}
            <select name="sort">${option('relevance', m.relevance, form.sort || 'relevance')}${option('newest', m.newest, form.sort)}</select>
          </label>
          <button type="submit">${c.apply}</button>
        </fieldset>
      </details>
    </form>
    ${outcome.error ? html`<p class="problem" role="alert">${outcome.error}</p>` : ''}
    ${
      result
        ? html`<p class="meta" role="status">${summary}${ranked}${result.truncated ? html` ${m.truncated}` : ''}</p>
          ${
            result.hits.length > 0
              ? html`<ol class="submissions" start="${(result.page - 1) * result.pageSize + 1}">${result.hits.map((h) => resultItem(ctx, h))}</ol>`
              : html`<p class="empty">${m.nothing}</p>`
          }
          ${
            result.page > 1 || result.hasNext
              ? html`<nav aria-label="${m.pages}"><p>${
                  result.page > 1
                    ? html`<a rel="prev" href="${pageHref(form, result.page - 1)}">${m.previous}</a>`
                    : ''
                }${result.page > 1 && result.hasNext ? ' · ' : ''}${
                  result.hasNext
                    ? html`<a rel="next" href="${pageHref(form, result.page + 1)}">${m.next}</a>`
                    : ''
                }</p></nav>`
              : ''
          }
          ${facetsNav(ctx, form, result)}`
        : ''
    }`;
  return page(ctx, {
    title: form.q ? `${form.q} · ${m.title}` : m.title,
    main,
  });
}
