/**
 * HTML of the registry's comparisons: the world map (an SVG drawn on the server, with the table
 * that says the same in words), two States side by side, and the timeline of entries into force.
 * No script: every choice is a GET form.
 */
import { html, raw } from 'hono/html';
import {
  countries,
  countryName,
  findCountry,
  regionalGroupName,
  type RegionalGroup,
} from '../organisations/countries.ts';
import { fill, shortList } from '../web/i18n.ts';
import { page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import {
  conflictRules,
  type MapCategory,
  type MapData,
  type PairElement,
  type Timeline,
} from './compare.service.ts';
import { baseMap, mapHeight, mapWidth } from './registry.map.ts';
import type { Measure, MeasureFilter, RegistryTerm } from './registry.schema.ts';
import {
  atQuery,
  byName,
  filterForm,
  measureTitle,
  registryNav,
  statusLabel,
  termName,
} from './registry.views.ts';

/** The bands of the indicator's share the map colours by. */
const bands = [0.1, 0.25] as const;

function band(share: number): 'b0' | 'b1' | 'b2' | 'b3' {
  if (share === 0) return 'b0';
  if (share < bands[0]) return 'b1';
  if (share < bands[1]) return 'b2';
  return 'b3';
}

function percentFormat(lang: string): Intl.NumberFormat {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
}

/** The world map by element or indicator, and the tables behind it. */
export function mapPage(
  ctx: PageContext,
  filter: MeasureFilter,
  data: MapData,
  terms: RegistryTerm[],
): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views;
  const lang = ctx.ui.lang;
  const element = termName(ctx, terms, data.element.slug);
  const percent = percentFormat(lang);
  const figures = data.matrix.fragmentation.filter((f) => f.element === data.element.slug);
  const shareOf = new Map<RegionalGroup, number>(figures.map((f) => [f.region, f.share]));
  const categoryLabel: Record<MapCategory, string> = {
    fragmenting: v.catFragmenting,
    measures: v.catMeasures,
    none: v.catNone,
  };
  const bandLabel = {
    b0: v.bandZero,
    b1: fill(v.bandLow, { p: percent.format(bands[0]) }),
    b2: fill(v.bandMid, { p: percent.format(bands[0]), q: percent.format(bands[1]) }),
    b3: fill(v.bandHigh, { p: percent.format(bands[1]) }),
  };
  const classOf = (iso3: string): { cls: string; label: string } => {
    if (data.show === 'indicator') {
      const group = findCountry(iso3)?.group;
      const share = group ? (shareOf.get(group) ?? 0) : 0;
      const b = band(share);
      return { cls: `map-${b}`, label: `${percent.format(share)} (${bandLabel[b]})` };
    }
    const category = data.categories.get(iso3) ?? 'none';
    return { cls: `map-${category}`, label: categoryLabel[category] };
  };
  // A fictional State takes its own category in either view: it has no regional group's share.
  const fictionalClass = (category: MapCategory): { cls: string; label: string } =>
    data.show === 'indicator'
      ? { cls: 'map-none', label: v.notInIndicator }
      : { cls: `map-${category}`, label: categoryLabel[category] };
  const base = baseMap();
  const shapes = base.states.map((s) => {
    const { cls, label } = classOf(s.iso3);
    const title = html`<title>${countryName(s.iso3, lang)}: ${label}</title>`;
    return 'd' in s
      ? html`<path class="${cls}" d="${raw(s.d)}">${title}</path>`
      : html`<circle class="${cls}" cx="${s.x}" cy="${s.y}" r="3">${title}</circle>`;
  });
  const legend =
    data.show === 'indicator'
      ? (['b0', 'b1', 'b2', 'b3'] as const).map((b) => ({ cls: `map-${b}`, label: bandLabel[b] }))
      : (['fragmenting', 'measures', 'none'] as const).map((c) => ({
          cls: `map-${c}`,
          label: categoryLabel[c],
        }));
  const members = countries
    .filter((c) => !c.observer)
    .map((c) => ({ ...c, name: countryName(c.iso3, lang) }))
    .toSorted(byName(lang));
  const select = (name: string, label: string, items: Markup[]) =>
    html`<label>${label}<select name="${name}">${items}</select></label>`;
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? 'selected' : ''}>${label}</option>`;
  const mapLabel = fill(v.mapLabel, { element });
  return page(ctx, {
    title: v.mapTitle,
    crumbs: [{ label: r.title, href: '/registry' }, { label: v.map }],
    main: html`<h1>${v.mapTitle}</h1>
      <p>${v.mapIntro}</p>
      ${registryNav(ctx, filter)}
      <form class="filters" method="get" action="/registry/map">
        <fieldset><legend>${v.map}</legend>
          ${select(
            'element',
            r.element,
            data.matrix.elements.map((e) =>
              option(e.slug, termName(ctx, terms, e.slug), e.slug === data.element.slug),
            ),
          )}
          ${select('show', v.colourBy, [
            option('states', v.showStates, data.show === 'states'),
            option('indicator', v.showIndicator, data.show === 'indicator'),
          ])}
          ${filter.region ? html`<input type="hidden" name="region" value="${filter.region}" />` : ''}
          ${filter.kind ? html`<input type="hidden" name="kind" value="${filter.kind}" />` : ''}
          ${filter.status ? html`<input type="hidden" name="status" value="${filter.status}" />` : ''}
          ${filter.voice ? html`<input type="hidden" name="voice" value="${filter.voice}" />` : ''}
          <label>${r.at}<input type="date" name="at" value="${filter.at?.slice(0, 10) ?? ''}" /></label>
          <button type="submit">${r.show}</button>
        </fieldset>
      </form>
      ${data.matrix.at ? html`<p>${fill(r.asAt, { date: ctx.ui.date(data.matrix.at) })}</p>` : ''}
      <figure class="world-map">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${mapWidth} ${mapHeight}" role="img" aria-label="${mapLabel}" focusable="false">
          <g class="map-other">${base.other.map((d) => html`<path d="${raw(d)}"></path>`)}</g>
          <g>${shapes}</g>
        </svg>
        <figcaption>
          <span class="legend-title">${v.legend}:</span>
          <ul class="legend">${legend.map(
            (l) =>
              html`<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="${l.cls}" width="10" height="10"></rect></svg> ${l.label}</li>`,
          )}</ul>
          <p class="meta">${v.dots}</p>
        </figcaption>
      </figure>
      ${
        data.fictional.length
          ? html`<div class="fictional-states"><p>${v.fictionalApart}</p>
        <ul class="legend">${data.fictional.map((f) => {
          const c = fictionalClass(f.category);
          return html`<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="${c.cls}" width="10" height="10"></rect></svg> <a href="/registry/countries/${f.iso3}${atQuery(filter.at)}">${countryName(f.iso3, lang)}</a>: ${c.label}</li>`;
        })}</ul></div>`
          : ''
      }
      ${
        data.show === 'indicator'
          ? html`<div class="table-scroll" tabindex="0" role="region" aria-label="${fill(v.regionCaption, { element })}"><table class="list">
        <caption>${fill(v.regionCaption, { element })}</caption>
        <thead><tr><th scope="col">${r.region}</th><th scope="col">${r.fragmenting}</th><th scope="col">${r.states}</th><th scope="col">${r.share}</th></tr></thead>
        <tbody>${figures.map(
          (f) =>
            html`<tr><th scope="row">${regionalGroupName(f.region, lang)}</th><td>${ctx.ui.n(f.fragmenting.length)}</td><td>${ctx.ui.n(f.states)}</td><td>${percent.format(f.share)}</td></tr>`,
        )}</tbody>
      </table></div>`
          : ''
      }
      <div class="table-scroll" tabindex="0" role="region" aria-label="${fill(v.mapCaption, { element })}"><table class="list">
        <caption>${fill(v.mapCaption, { element })}</caption>
        <thead><tr><th scope="col">${r.country}</th><th scope="col">${r.region}</th><th scope="col">${v.onMap}</th></tr></thead>
        <tbody>${members.map(
          (c) =>
            html`<tr><th scope="row"><a href="/registry/countries/${c.iso3}${atQuery(filter.at)}">${c.name}</a></th><td>${c.group ? regionalGroupName(c.group, lang) : ''}</td><td>${classOf(c.iso3).label}</td></tr>`,
        )}${data.fictional.map(
          (f) =>
            html`<tr><th scope="row"><a href="/registry/countries/${f.iso3}${atQuery(filter.at)}">${countryName(f.iso3, lang)}</a></th><td></td><td>${fictionalClass(f.category).label}</td></tr>`,
        )}</tbody>
      </table></div>`,
  });
}

function measureItems(ctx: PageContext, measures: Measure[], at: string | undefined): Markup {
  if (measures.length === 0) return ctx.ui.m.registry.views.noMeasure;
  return html`<ul class="cell">${measures.map(
    (m) =>
      html`<li class="status-${m.status}"><a href="/registry/measures/${m.id}${atQuery(at)}">${measureTitle(ctx, m)}</a> — ${statusLabel(ctx, m)}</li>`,
  )}</ul>`;
}

function countrySelect(
  ctx: PageContext,
  name: string,
  label: string,
  selected: string | undefined,
): Markup {
  const lang = ctx.ui.lang;
  const members = countries
    .filter((c) => !c.observer)
    .map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, lang) }))
    .toSorted(byName(lang));
  return html`<label>${label}<select name="${name}" required><option value=""></option>${members.map(
    (c) =>
      html`<option value="${c.iso3}" ${selected === c.iso3 ? 'selected' : ''}>${c.name}</option>`,
  )}</select></label>`;
}

/** Two States side by side: per element, their measures, the kinds only one has, the conflicts. */
export function pairPage(
  ctx: PageContext,
  chosen: { a?: string; b?: string; at?: string },
  pair:
    | {
        a: string;
        b: string;
        at: string | undefined;
        elements: PairElement[];
        terms: RegistryTerm[];
      }
    | undefined,
  terms: RegistryTerm[],
): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views;
  const lang = ctx.ui.lang;
  const name = (iso3: string) => countryName(iso3, lang);
  const kinds = (slugs: string[]) =>
    shortList(
      ctx.ui,
      slugs.map((k) => termName(ctx, terms, k)),
    );
  const titles = (ms: Measure[]) =>
    shortList(
      ctx.ui,
      ms.map((m) => m.titleTranslations[lang] ?? m.title),
    );
  const title = pair ? fill(v.pairTitle, { a: name(pair.a), b: name(pair.b) }) : v.pair;
  return page(ctx, {
    title,
    crumbs: [{ label: r.title, href: '/registry' }, { label: v.pair }],
    main: html`<h1>${title}</h1>
      <p>${v.pairIntro}</p>
      ${registryNav(ctx, {})}
      <form class="filters" method="get" action="/registry/pair">
        <fieldset><legend>${v.pairChoose}</legend>
          ${countrySelect(ctx, 'a', v.first, chosen.a)}
          ${countrySelect(ctx, 'b', v.second, chosen.b)}
          <label>${r.at}<input type="date" name="at" value="${chosen.at?.slice(0, 10) ?? ''}" /></label>
          <button type="submit">${r.show}</button>
        </fieldset>
      </form>
      ${pair?.at ? html`<p>${fill(r.asAt, { date: ctx.ui.date(pair.at) })}</p>` : ''}
      ${
        pair
          ? pair.elements.map(
              (e) => html`<section class="pair-element">
          <h2>${termName(ctx, terms, e.element)}</h2>
          <div class="table-scroll" tabindex="0" role="region" aria-label="${termName(ctx, terms, e.element)}"><table class="list">
            <caption>${termName(ctx, terms, e.element)}</caption>
            <thead><tr><th scope="col"><a href="/registry/countries/${pair.a}${atQuery(pair.at)}">${name(pair.a)}</a></th><th scope="col"><a href="/registry/countries/${pair.b}${atQuery(pair.at)}">${name(pair.b)}</a></th></tr></thead>
            <tbody><tr><td>${measureItems(ctx, e.a, pair.at)}</td><td>${measureItems(ctx, e.b, pair.at)}</td></tr></tbody>
          </table></div>
          <h3>${v.differences}</h3>
          ${
            e.onlyA.length || e.onlyB.length
              ? html`<ul>${e.onlyA.length ? html`<li>${fill(v.onlyIn, { country: name(pair.a), kinds: kinds(e.onlyA) })}</li>` : ''}${
                  e.onlyB.length
                    ? html`<li>${fill(v.onlyIn, { country: name(pair.b), kinds: kinds(e.onlyB) })}</li>`
                    : ''
                }</ul>`
              : html`<p>${v.sameKinds}</p>`
          }
          <h3>${v.conflicts}</h3>
          ${
            e.conflicts.length
              ? html`<ul class="conflicts">${e.conflicts.map(
                  (c) =>
                    html`<li><a href="#rule-${c.rule}">${v.ruleNames[c.rule]}</a>: ${name(pair.a)} — ${c.a.length ? titles(c.a) : v.noMeasure}; ${name(pair.b)} — ${c.b.length ? titles(c.b) : v.noMeasure}</li>`,
                )}</ul>`
              : html`<p>${v.noConflict}</p>`
          }
        </section>`,
            )
          : ''
      }
      <h2 id="rules">${v.rulesTitle}</h2>
      <p>${v.rulesIntro}</p>
      <dl class="terms">${conflictRules.map(
        (rule) => html`<dt id="rule-${rule}">${v.ruleNames[rule]}</dt><dd>${v.rules[rule]}</dd>`,
      )}</dl>`,
  });
}

/** The measures entering into force per year and element. */
export function timelinePage(
  ctx: PageContext,
  filter: MeasureFilter,
  timeline: Timeline,
  terms: RegistryTerm[],
): Markup {
  const r = ctx.ui.m.registry;
  const v = r.views;
  return page(ctx, {
    title: v.timelineTitle,
    crumbs: [{ label: r.title, href: '/registry' }, { label: v.timeline }],
    main: html`<h1>${v.timelineTitle}</h1>
      <p>${v.timelineIntro}</p>
      ${registryNav(ctx, filter)}
      ${filterForm(ctx, '/registry/timeline', filter, terms, { country: false, element: false })}
      ${timeline.at ? html`<p>${fill(r.asAt, { date: ctx.ui.date(timeline.at) })}</p>` : ''}
      ${
        timeline.years.length === 0
          ? html`<p>${r.none}</p>`
          : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${v.timelineCaption}"><table class="list timeline">
        <caption>${v.timelineCaption}</caption>
        <thead><tr><th scope="col">${v.year}</th>${timeline.elements.map((e) => html`<th scope="col">${termName(ctx, terms, e.slug)}</th>`)}<th scope="col">${v.total}</th></tr></thead>
        <tbody>${timeline.years.map(
          (y) =>
            html`<tr><th scope="row">${y.year}</th>${timeline.elements.map((e) => {
              return html`<td>${ctx.ui.n(y.counts[e.slug] ?? 0)}</td>`;
            })}<td>${ctx.ui.n(y.total)}</td></tr>`,
        )}</tbody>
      </table></div>`
      }`,
  });
}
