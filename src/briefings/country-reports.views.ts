/** HTML of the countries list and of a country's report page. */
import { html, raw } from 'hono/html';
import { countryName, regionalGroupName } from '../organisations/countries.ts';
import { unLanguages } from '../text/detect-language.ts';
import type { PageContext } from '../web/page-context.ts';
import { languageName, page, type Markup } from '../web/layout.ts';
import { briefingText } from './briefing-text.ts';
import { paperSizes } from './briefings.schema.ts';
import type { CountryReport, RegionCounts } from './country-reports.schema.ts';
import { paperHtmlBody } from './paper-writers.ts';

/** The member States by regional group, each with what it said and a link to its report. */
export function countriesPage(ctx: PageContext, regions: RegionCounts[]): Markup {
  const { ui } = ctx;
  const m = ui.m.countries;
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    ${regions.map((r) => {
      const title = r.group ? regionalGroupName(r.group, ui.lang) : m.observers;
      const id = `region-${r.group ?? 'observers'}`;
      const rows = r.countries
        .map((c) => ({ ...c, name: countryName(c.iso3, ui.lang) }))
        .toSorted((a, b) => a.name.localeCompare(b.name, ui.lang));
      return html`<section aria-labelledby="${id}">
        <h2 id="${id}">${title}</h2>
        <table class="list countries">
          <thead><tr><th scope="col">${m.state}</th><th scope="col">${m.submissions}</th><th scope="col">${m.stances}</th></tr></thead>
          <tbody>${rows.map(
            (c) =>
              html`<tr data-country="${c.iso3}"><th scope="row"><a href="/countries/${c.iso3}">${c.name}</a></th><td>${ui.n(c.submissions)}</td><td>${ui.n(c.stances)}</td></tr>`,
          )}</tbody>
        </table>
      </section>`;
    })}`;
  return page(ctx, { title: m.title, main, crumbs: [{ label: m.title }] });
}

/**
 * A State's report inside the site's frame: the choice of language, format and paper (a GET
 * form, so a report's address can be shared), then the report itself, then the pages of
 * submissions.
 */
export function countryReportPage(
  ctx: PageContext,
  report: CountryReport,
  options: { before?: string },
): Markup {
  const { ui } = ctx;
  const m = ui.m.countries;
  const bt = briefingText[ui.lang];
  const p = report.paper;
  const name = countryName(report.iso3, ui.lang);
  const selected = (a: string, b: string) => (a === b ? 'selected' : '');
  const main = html`<form method="get" action="/countries/${report.iso3}" class="report-choice" aria-label="${m.report}">
      ${options.before ? html`<input type="hidden" name="before" value="${options.before}" />` : ''}
      <p><label for="language">${m.language}</label> <select id="language" name="language">
        ${unLanguages.map((l) => html`<option value="${l}" ${selected(l, p.language)}>${languageName(l, ui.lang).display}</option>`)}
      </select>
      <label for="format">${m.format}</label> <select id="format" name="format">
        <option value="page">plenum (HTML)</option>
        <option value="html">HTML (${bt.paper})</option>
        <option value="md">Markdown</option>
        <option value="docx">DOCX (Word)</option>
        <option value="pdf">PDF</option>
      </select>
      <label for="paper">${m.paper}</label> <select id="paper" name="paper">
        ${paperSizes.map((size) => html`<option value="${size}" ${selected(size, p.paper)}>${bt.paperSizes[size]}</option>`)}
      </select>
      <button type="submit">${m.get}</button></p>
    </form>
    <article class="paper" lang="${p.language}" dir="${p.language === 'ar' ? 'rtl' : 'ltr'}">
      ${raw(paperHtmlBody(p))}
    </article>
    ${
      options.before || report.next
        ? html`<nav class="pages" aria-label="${m.submissions}"><ul>
            ${options.before ? html`<li><a href="/countries/${report.iso3}?language=${p.language}">${m.newest}</a></li>` : ''}
            ${report.next ? html`<li><a href="/countries/${report.iso3}?language=${p.language}&amp;before=${encodeURIComponent(report.next)}">${m.older}</a></li>` : ''}
          </ul></nav>`
        : ''
    }`;
  return page(ctx, {
    title: p.title,
    main,
    crumbs: [{ label: m.title, href: '/countries' }, { label: name }],
  });
}
