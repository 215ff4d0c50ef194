/**
 * HTML of the registry: the list with its filters, a measure with its history, a State's practice
 * at a date, the comparison matrix with its fragmentation indicator, and the elements and kinds.
 */
import { html, raw } from 'hono/html';
import { anchorOf } from '../documents/anchors.ts';
import {
  countries,
  countryName,
  findCountry,
  regionalGroupName,
  regionalGroups,
  type RegionalGroup,
} from '../organisations/countries.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import { fill, localAddress, shortList } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import type { Matrix } from './registry.service.ts';
import type { AnswerFile } from './rounds.service.ts';
import {
  measureStatuses,
  type Measure,
  type MeasureFilter,
  type RegistryTerm,
} from './registry.schema.ts';

/** What the views need besides the measures: the terms and the organisations named. */
export interface RegistryLookups {
  terms: RegistryTerm[];
  organisations: Map<string, Organisation>;
}

/** A term's name in the reader's language. */
export function termName(ctx: PageContext, terms: RegistryTerm[], slug: string): string {
  const term = terms.find((t) => t.slug === slug);
  if (!term) return slug;
  return (term.texts[ctx.ui.lang] ?? term.texts.en).name;
}

/** The measure's title in the reader's language when translated, else in its original. */
export function measureTitle(ctx: PageContext, m: Measure): Markup {
  const translated = m.titleTranslations[ctx.ui.lang];
  if (translated && m.titleLanguage.split('-')[0] !== ctx.ui.lang)
    return html`<bdi>${translated}</bdi>`;
  return html`<span lang="${m.titleLanguage}" dir="auto">${m.title}</span>`;
}

/** The status with its date, in words (the colour of a cell only repeats it). */
export function statusLabel(ctx: PageContext, m: Measure): Markup {
  const r = ctx.ui.m.registry;
  const date = m.statusDates[m.status];
  return html`<span class="measure-status status-${m.status}">${r.statuses[m.status]}</span>${
    date ? html` <span class="meta-inline">${ctx.ui.date(date)}</span>` : ''
  }`;
}

/** Whose word it is: the State's, or a report by an organisation (or by an account). */
function voiceLabel(ctx: PageContext, m: Measure, lookups: RegistryLookups): Markup {
  const r = ctx.ui.m.registry;
  const organisation = m.organisationId ? lookups.organisations.get(m.organisationId) : undefined;
  if (m.voice === 'state')
    return html`<span class="state-word">${r.stateWord}</span>${
      organisation ? html` (<bdi>${organisation.name}</bdi>)` : ''
    }`;
  return html`<span class="unverified">${r.reported}</span>${
    organisation
      ? html` <a href="/organisations/${organisation.slug}"><bdi>${organisation.name}</bdi></a>`
      : ''
  }`;
}

function sourceLinks(ctx: PageContext, m: Measure): Markup {
  if (!m.source) return ctx.ui.m.registry.noSource;
  const id = m.source.documentId;
  return html`${m.source.blocks.map(
    (b, i) =>
      html`${i > 0 ? ', ' : ''}<a href="/documents/${id}#${anchorOf(b.address)}"><bdi>${localAddress(ctx.ui, b.address)}</bdi></a>`,
  )}`;
}

export function atQuery(at: string | undefined): string {
  return at ? `?at=${encodeURIComponent(at)}` : '';
}

/** The table of measures, as the list, a State's page and the CSV give them. */
export function measureTable(
  ctx: PageContext,
  measures: Measure[],
  lookups: RegistryLookups,
  caption: string,
  at?: string,
): Markup {
  const r = ctx.ui.m.registry;
  if (measures.length === 0) return html`<p>${r.none}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${caption}"><table class="list registry">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${r.country}</th><th scope="col">${r.titleColumn}</th><th scope="col">${r.instrument}</th><th scope="col">${r.status}</th><th scope="col">${r.elements}</th><th scope="col">${r.kinds}</th><th scope="col">${r.reach}</th><th scope="col">${r.source}</th><th scope="col">${r.statedBy}</th></tr></thead>
    <tbody>${measures.map(
      (m) => html`<tr>
        <td><a href="/registry/countries/${m.country}${atQuery(at)}">${countryName(m.country, ctx.ui.lang)}</a></td>
        <td><a href="/registry/measures/${m.id}${atQuery(at)}">${measureTitle(ctx, m)}</a></td>
        <td>${r.instruments[m.instrument]}</td>
        <td>${statusLabel(ctx, m)}</td>
        <td>${shortList(
          ctx.ui,
          m.elements.map((e) => termName(ctx, lookups.terms, e)),
        )}</td>
        <td>${shortList(
          ctx.ui,
          m.kinds.map((k) => termName(ctx, lookups.terms, k)),
        )}</td>
        <td>${r.reaches[m.reach]}</td>
        <td>${sourceLinks(ctx, m)}</td>
        <td>${voiceLabel(ctx, m, lookups)}</td>
      </tr>`,
    )}</tbody>
  </table></div>`;
}

function option(value: string, label: string, selected: string | undefined): Markup {
  return html`<option value="${value}" ${selected === value ? 'selected' : ''}>${label}</option>`;
}

/** The filter form of the list and the matrix (GET, no script). */
export function filterForm(
  ctx: PageContext,
  action: string,
  filter: MeasureFilter,
  terms: RegistryTerm[],
  options: { country: boolean; element: boolean },
): Markup {
  const r = ctx.ui.m.registry;
  const lang = ctx.ui.lang;
  const sortedCountries = countries
    .filter((c) => !c.observer)
    .map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, lang) }))
    .toSorted(byName(lang));
  const select = (name: string, label: string, items: Markup[]) =>
    html`<label>${label}<select name="${name}"><option value="">${r.any}</option>${items}</select></label>`;
  return html`<form class="filters" method="get" action="${action}">
    <fieldset><legend>${r.filters}</legend>
      ${
        options.country
          ? select(
              'country',
              r.country,
              sortedCountries.map((c) => option(c.iso3, c.name, filter.country)),
            )
          : ''
      }
      ${select(
        'region',
        r.region,
        regionalGroups.map((g) => option(g, regionalGroupName(g, lang), filter.region)),
      )}
      ${
        options.element
          ? select(
              'element',
              r.element,
              terms
                .filter((t) => t.type === 'element')
                .map((t) => option(t.slug, termName(ctx, terms, t.slug), filter.element)),
            )
          : ''
      }
      ${select(
        'kind',
        r.kind,
        terms
          .filter((t) => t.type === 'kind')
          .map((t) => option(t.slug, termName(ctx, terms, t.slug), filter.kind)),
      )}
      ${select(
        'status',
        r.status,
        measureStatuses.map((s) => option(s, r.statuses[s], filter.status)),
      )}
      ${select(
        'voice',
        r.voice,
        (['state', 'reported'] as const).map((v) => option(v, r.voices[v], filter.voice)),
      )}
      <label>${r.at}<input type="date" name="at" value="${filter.at?.slice(0, 10) ?? ''}" /></label>
      <button type="submit">${r.show}</button>
    </fieldset>
  </form>`;
}

/** The filters as a query string (empty ones left out). */
export function query(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (typeof v === 'string' && v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The links between the registry's pages, keeping the filters that apply. */
export function registryNav(ctx: PageContext, filter: MeasureFilter): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views;
  const kept = { ...filter, element: undefined, country: undefined };
  return html`<p><a href="/registry${query(filter)}">${r.title}</a> · <a href="/registry/compare${query(kept)}">${r.compare}</a> · <a href="/registry/map${query({ ...kept, element: filter.element })}">${v.map}</a> · <a href="/registry/pair">${v.pair}</a> · <a href="/registry/timeline${query(kept)}">${v.timeline}</a> · <a href="/registry/terms">${r.terms}</a></p>`;
}

/** The registry's front page: filters, the measures that match, the CSV of them. */
export function registryPage(
  ctx: PageContext,
  filter: MeasureFilter,
  measures: Measure[],
  lookups: RegistryLookups,
): Markup {
  const r = ctx.ui.m.registry;
  // The feed follows the State and element chosen, as the list does.
  const feed = `/registry/feed.atom${query({ country: filter.country, element: filter.element })}`;
  return page(ctx, {
    title: r.title,
    crumbs: [{ label: r.title }],
    links: html`<link rel="alternate" type="application/atom+xml" href="${feed}" title="${r.views.rounds.feed}" />`,
    main: html`<h1>${r.title}</h1>
      <p>${r.intro}</p>
      <p><a href="${feed}">${r.views.rounds.feed}</a></p>
      ${registryNav(ctx, filter)}
      ${filterForm(ctx, '/registry', filter, lookups.terms, { country: true, element: true })}
      <p>${ctx.ui.plural(r.count, measures.length)} · <a href="/registry.csv${query(filter)}">${r.csv}</a></p>
      ${measureTable(ctx, measures, lookups, r.title, filter.at)}`,
  });
}

/** A measure as it stood at a date, with the list of its versions up to then. */
export function measurePage(
  ctx: PageContext,
  found: { measure: Measure; history: Measure[] },
  lookups: RegistryLookups,
  at: string | undefined,
  answered?: { roundId: string; roundTitle: string; files: AnswerFile[] },
): Markup {
  const r = ctx.ui.m.registry;
  const m = found.measure;
  const translations = Object.entries(m.titleTranslations);
  const dates = measureStatuses.filter((s) => m.statusDates[s]);
  return page(ctx, {
    title: m.titleTranslations[ctx.ui.lang] ?? m.title,
    crumbs: [
      { label: r.title, href: '/registry' },
      { label: countryName(m.country, ctx.ui.lang), href: `/registry/countries/${m.country}` },
      { label: r.titleColumn },
    ],
    main: html`<h1>${measureTitle(ctx, m)}</h1>
      <p class="meta">${fill(r.versionOf, { n: ctx.ui.n(m.version), latest: ctx.ui.n(m.latestVersion) })} · ${fill(r.recordedOn, { date: ctx.ui.date(m.recordedAt) })}${
        at
          ? html` · ${fill(r.asAt, { date: ctx.ui.date(at) })} <a href="/registry/measures/${m.id}">${r.latest}</a>`
          : ''
      }</p>
      <dl class="facts">
        <dt>${r.country}</dt><dd><a href="/registry/countries/${m.country}">${countryName(m.country, ctx.ui.lang)}</a></dd>
        <dt>${r.statedBy}</dt><dd>${voiceLabel(ctx, m, lookups)}</dd>
        <dt>${r.originalTitle}</dt><dd><span lang="${m.titleLanguage}" dir="auto">${m.title}</span></dd>
        ${
          translations.length
            ? html`<dt>${r.translations}</dt><dd><ul>${translations.map(
                ([l, t]) => html`<li><span lang="${l}" dir="auto">${t}</span></li>`,
              )}</ul></dd>`
            : ''
        }
        <dt>${r.instrument}</dt><dd>${r.instruments[m.instrument]}</dd>
        <dt>${r.status}</dt><dd>${statusLabel(ctx, m)}</dd>
        <dt>${r.dates}</dt><dd><ul>${dates.map((s) => html`<li>${r.statuses[s]}: ${ctx.ui.date(m.statusDates[s]!)}</li>`)}</ul></dd>
        <dt>${r.elements}</dt><dd>${shortList(
          ctx.ui,
          m.elements.map((e) => termName(ctx, lookups.terms, e)),
        )}</dd>
        <dt>${r.kinds}</dt><dd>${shortList(
          ctx.ui,
          m.kinds.map((k) => termName(ctx, lookups.terms, k)),
        )}</dd>
        <dt>${r.reach}</dt><dd>${r.reaches[m.reach]}</dd>
        <dt>${r.source}</dt><dd>${sourceLinks(ctx, m)}</dd>
        ${m.note ? html`<dt>${r.note}</dt><dd dir="auto">${m.note}</dd>` : ''}
        ${
          answered
            ? html`<dt>${r.views.rounds.fromRound}</dt><dd><a href="/registry/rounds/${answered.roundId}" dir="auto">${answered.roundTitle}</a></dd>
        <dt>${r.views.rounds.measureFiles}</dt><dd>${answerFilesList(ctx, answered.files)}</dd>`
            : ''
        }
      </dl>
      <h2>${r.history}</h2>
      <div class="table-scroll" tabindex="0" role="region" aria-label="${r.historyCaption}"><table class="list">
        <caption>${r.historyCaption}</caption>
        <thead><tr><th scope="col">${r.version}</th><th scope="col">${r.recorded}</th><th scope="col">${r.status}</th><th scope="col">${r.statedBy}</th></tr></thead>
        <tbody>${found.history.map(
          (v) => html`<tr>
            <td>${v.version === m.version ? html`<span aria-current="true">${ctx.ui.n(v.version)}</span>` : html`<a href="/registry/measures/${v.id}?at=${encodeURIComponent(v.recordedAt)}" title="${r.read}">${r.version} ${ctx.ui.n(v.version)}</a>`}</td>
            <td>${ctx.ui.date(v.recordedAt)}</td>
            <td>${statusLabel(ctx, v)}</td>
            <td>${voiceLabel(ctx, v, lookups)}</td>
          </tr>`,
        )}</tbody>
      </table></div>`,
  });
}

/** A State's practice at a date: its own word first, what others report apart. */
export function countryPracticePage(
  ctx: PageContext,
  practice: { country: string; state: Measure[]; reported: Measure[] },
  lookups: RegistryLookups,
  at: string | undefined,
): Markup {
  const r = ctx.ui.m.registry;
  // A State marked fictional has no M49 code, no regional group and no country report.
  const country = findCountry(practice.country);
  const iso3 = practice.country;
  const name = countryName(iso3, ctx.ui.lang);
  return page(ctx, {
    title: fill(r.countryTitle, { country: name }),
    crumbs: [{ label: r.title, href: '/registry' }, { label: name }],
    main: html`<h1>${fill(r.countryTitle, { country: name })}</h1>
      ${
        country
          ? html`<p class="meta">${fill(r.countryFacts, {
              iso3: country.iso3,
              m49: country.m49,
              group: country.group ? regionalGroupName(country.group, ctx.ui.lang) : '',
            })} <a href="/countries/${country.iso3}">${name}</a></p>`
          : ''
      }
      <form class="filters" method="get" action="/registry/countries/${iso3}">
        <fieldset><legend>${r.practice}</legend>
          <label>${r.at}<input type="date" name="at" value="${at?.slice(0, 10) ?? ''}" /></label>
          <button type="submit">${r.show}</button>
        </fieldset>
      </form>
      ${at ? html`<p>${fill(r.asAt, { date: ctx.ui.date(at) })}</p>` : ''}
      <h2>${r.stateSection}</h2>
      ${practice.state.length ? measureTable(ctx, practice.state, lookups, r.stateSection, at) : html`<p>${r.noneState}</p>`}
      <h2>${r.reportedSection}</h2>
      ${practice.reported.length ? measureTable(ctx, practice.reported, lookups, r.reportedSection, at) : html`<p>${r.noneReported}</p>`}`,
  });
}

const collators = new Map<string, Intl.Collator>();

/** Orders named rows by name in the reader's language (one collator per language, not one per comparison). */
export function byName(lang: string): (a: { name: string }, b: { name: string }) => number {
  let collator = collators.get(lang);
  if (!collator) collators.set(lang, (collator = new Intl.Collator(lang)));
  const c = collator;
  return (a, b) => c.compare(a.name, b.name);
}

/** Escapes text for HTML (the matrix body is built as one string: ~1,200 cells, each a template call was most of the page's time). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The matrix's rows: per cell the count (a link to the list of those measures) and the count per status. */
function matrixBody(
  ctx: PageContext,
  filter: MeasureFilter,
  matrix: Matrix,
  rows: { country: string; name: string; cells: Matrix['rows'][number]['cells'] }[],
): Markup {
  const r = ctx.ui.m.registry;
  const at = escapeHtml(atQuery(filter.at));
  const statusLabels = Object.fromEntries(
    measureStatuses.map((s) => [s, escapeHtml(r.statuses[s])]),
  );
  const reported = escapeHtml(r.reported);
  const elements = matrix.elements.map((e) => e.slug);
  // The same few numbers recur in thousands of cells: format each once.
  const numbers = new Map<number, string>();
  const n = (value: number) => {
    let text = numbers.get(value);
    if (text === undefined) numbers.set(value, (text = ctx.ui.n(value)));
    return text;
  };
  const counts = new Map<number, string>();
  const countText = (value: number) => {
    let text = counts.get(value);
    if (text === undefined)
      counts.set(value, (text = escapeHtml(ctx.ui.plural(r.cellCount, value))));
    return text;
  };
  const kept = query({ ...filter, country: undefined, element: undefined });
  const listBase = escapeHtml(`/registry${kept ? `${kept}&` : '?'}`);
  const elementParams = elements.map((e) => `&amp;element=${encodeURIComponent(e)}">`);
  const statusOpen = measureStatuses.map((s) => `<li class="status-${s}">${statusLabels[s]}: `);
  // One string grown in place: cheaper than thousands of pieces joined (a rope V8 flattens once).
  let out = '';
  for (const row of rows) {
    out += `<tr><th scope="row"><a href="/registry/countries/${row.country}${at}">${escapeHtml(row.name)}</a></th>`;
    const cellBase = `<td><a class="cell-count" href="${listBase}country=${row.country}`;
    for (let i = 0; i < elements.length; i++) {
      const cell = row.cells[elements[i]!];
      if (!cell) {
        out += '<td></td>';
        continue;
      }
      out += `${cellBase}${elementParams[i]}${countText(cell.total)}</a><ul class="cell">`;
      for (let k = 0; k < measureStatuses.length; k++) {
        const count = cell.byStatus[measureStatuses[k]!];
        if (count) out += `${statusOpen[k]}${n(count)}</li>`;
      }
      if (cell.reported) out += `<li>${reported}: ${n(cell.reported)}</li>`;
      out += '</ul></td>';
    }
    out += '</tr>';
  }
  return raw(out);
}

/** The matrix of States × elements and the fragmentation indicator with its inputs. */
export function comparePage(
  ctx: PageContext,
  filter: MeasureFilter,
  matrix: Matrix,
  lookups: RegistryLookups,
): Markup {
  const r = ctx.ui.m.registry;
  const lang = ctx.ui.lang;
  const rows = matrix.rows
    .map((row) => ({ ...row, name: countryName(row.country, lang) }))
    .toSorted(byName(lang));
  const fragmentingKinds = lookups.terms.filter((t) => t.type === 'kind' && t.fragmenting);
  const percent = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const regions = filter.region ? [filter.region as RegionalGroup] : [...regionalGroups];
  return page(ctx, {
    title: r.compareTitle,
    crumbs: [{ label: r.title, href: '/registry' }, { label: r.compare }],
    main: html`<h1>${r.compareTitle}</h1>
      <p>${r.compareIntro}</p>
      ${registryNav(ctx, filter)}
      ${filterForm(ctx, '/registry/compare', filter, lookups.terms, { country: false, element: false })}
      ${matrix.at ? html`<p>${fill(r.asAt, { date: ctx.ui.date(matrix.at) })}</p>` : ''}
      ${
        rows.length === 0
          ? html`<p>${r.none}</p>`
          : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${r.matrixCaption}"><table class="list matrix">
        <caption>${r.matrixCaption}</caption>
        <thead><tr><th scope="col">${r.country}</th>${matrix.elements.map((e) => html`<th scope="col">${termName(ctx, lookups.terms, e.slug)}</th>`)}</tr></thead>
        <tbody>${matrixBody(ctx, filter, matrix, rows)}</tbody>
      </table></div>`
      }
      <h2 id="fragmentation">${r.fragTitle}</h2>
      <p>${r.fragFormula}</p>
      <p>${fill(r.fragKinds, {
        kinds: shortList(
          ctx.ui,
          fragmentingKinds.map((k) => termName(ctx, lookups.terms, k.slug)),
        ),
      })}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-label="${r.fragCaption}"><table class="list">
        <caption>${r.fragCaption}</caption>
        <thead><tr><th scope="col">${r.element}</th><th scope="col">${r.region}</th><th scope="col">${r.fragmenting}</th><th scope="col">${r.states}</th><th scope="col">${r.share}</th><th scope="col">${r.withMeasures}</th></tr></thead>
        <tbody>${matrix.fragmentation
          .filter((f) => regions.includes(f.region))
          .map(
            (f) => html`<tr>
              <td>${termName(ctx, lookups.terms, f.element)}</td>
              <td>${regionalGroupName(f.region, lang)}</td>
              <td>${ctx.ui.n(f.fragmenting.length)}${
                f.fragmenting.length
                  ? html` (${shortList(
                      ctx.ui,
                      f.fragmenting.map((c) => countryName(c, lang)),
                    )})`
                  : ''
              }</td>
              <td>${ctx.ui.n(f.states)}</td>
              <td>${percent.format(f.share)}</td>
              <td>${ctx.ui.n(f.withMeasures.length)}</td>
            </tr>`,
          )}</tbody>
      </table></div>`,
  });
}

/** The elements and kinds of measure, with their definitions and concepts. */
export function termsPage(ctx: PageContext, terms: RegistryTerm[]): Markup {
  const r = ctx.ui.m.registry;
  const list = (type: 'element' | 'kind', heading: string) =>
    html`<h2>${heading}</h2><dl class="terms">${terms
      .filter((t) => t.type === type)
      .map((t) => {
        const text = t.texts[ctx.ui.lang] ?? t.texts.en;
        return html`<dt id="${t.slug}">${text.name}</dt><dd>${text.definition}${
          t.conceptSlug
            ? html` ${r.concept}: <a href="/concepts/${t.conceptSlug}">${t.conceptSlug}</a>.`
            : ''
        }${t.fragmenting ? html` <span class="badge">${r.fragmentingMark}</span>` : ''}</dd>`;
      })}</dl>`;
  return page(ctx, {
    title: r.terms,
    crumbs: [{ label: r.title, href: '/registry' }, { label: r.terms }],
    main: html`<h1>${r.terms}</h1><p>${r.termsIntro}</p>${list('element', r.elements)}${list('kind', r.kinds)}`,
  });
}

/** The legal texts of an answer as a list of downloads (name, size), or a line saying there is none. */
export function answerFilesList(
  ctx: PageContext,
  files: AnswerFile[],
  options: { importable?: boolean } = {},
): Markup {
  const v = ctx.ui.m.registry.views.rounds;
  if (files.length === 0) return html`<p>${v.noFiles}</p>`;
  // The round's secretariat may import each as a document of the process (an import draft).
  const importForm = (f: AnswerFile) =>
    options.importable
      ? html` <form method="post" action="/registry/answer-files/${f.id}/import" class="inline">${csrfField(ctx)}<button type="submit">${v.importAsDocument}</button></form>`
      : '';
  return html`<ul class="answer-files">${files.map(
    (f) =>
      html`<li><a href="${f.href}" download><bdi>${f.filename}</bdi></a> (${fill(v.fileSize, { kb: ctx.ui.n(Math.ceil(f.size / 1024)) })})${importForm(f)}</li>`,
  )}</ul>`;
}
