/** HTML of stances: the form that records one, the stance map of a concept, a country's page. */
import { html, raw } from 'hono/html';
import type { Concept } from '../concepts/concepts.schema.ts';
import { countries, countryName, regionalGroupName } from '../organisations/countries.ts';
import type { Organisation } from '../organisations/organisations.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, localAddress } from '../web/i18n.ts';
import { csrfField, directionOf, page, type Markup } from '../web/layout.ts';
import { chartRows, stanceChart, stanceMark } from './stance-chart.ts';
import { canRemoveStance } from './stances.policy.ts';
import { stanceKinds, type Stance } from './stances.schema.ts';
import type { StanceSource } from './stances.store.ts';
import { conceptName, contentString, contentText } from '../web/view-parts.ts';

/** The actor's name in the reader's language: the organisation, or the state. */
export function actorName(ctx: PageContext, stance: Stance): string {
  if (stance.actor.name) return stance.actor.name;
  return stance.actor.country ? countryName(stance.actor.country, ctx.ui.lang) : '?';
}

function actorLink(ctx: PageContext, stance: Stance): Markup {
  const name = actorName(ctx, stance);
  if (stance.actor.organisationSlug)
    return html`<a href="/organisations/${stance.actor.organisationSlug}" dir="auto">${name}</a>`;
  return stance.actor.country
    ? html`<a href="/countries/${stance.actor.country}" dir="auto">${name}</a>`
    : name;
}

function sourceLabel(ctx: PageContext, stance: Stance): string {
  const { source } = stance;
  if (source.kind === 'submission') return ctx.ui.m.concepts.submission;
  return [source.symbol, source.address ? localAddress(ctx.ui, source.address) : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * The quote with its source, as the table and lists show it. The quotation marks are the reader's
 * language's (from the catalogue, not the browser's <q>, which draws them reversed around
 * right-to-left text in a left-to-right run and the other way round); the quote itself is isolated
 * (<bdi>), so its full stop stays at its own end whatever the page's direction.
 */
function evidence(ctx: PageContext, stance: Stance): Markup {
  const t = ctx.ui.m.translations;
  return html`<span class="quote">${t.quoteOpen}<bdi>${stance.exact}</bdi>${t.quoteClose}</span> (<a href="${stance.source.href}"><bdi>${sourceLabel(ctx, stance) || stance.source.title}</bdi></a>)${
    stance.note ? html`<br /><span class="meta">${stance.note}</span>` : ''
  }`;
}

/** The table of stances: the same facts as the chart, for everyone and for screen readers. */
function stanceTable(ctx: PageContext, stances: Stance[], caption: string): Markup {
  const { ui } = ctx;
  const m = ui.m.stances;
  return html`<section class="table-scroll" tabindex="0" aria-label="${caption}"><table class="stances">
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${m.actorColumn}</th><th scope="col">${m.groupColumn}</th><th scope="col">${m.regionColumn}</th><th scope="col">${m.stance}</th><th scope="col">${ui.m.concepts.title}</th><th scope="col">${m.dateColumn}</th><th scope="col">${m.processColumn}</th><th scope="col">${m.quoteColumn}</th></tr></thead>
    <tbody>
      ${stances.map(
        (s) => html`<tr>
          <td>${actorLink(ctx, s)}</td>
          <td>${ui.m.organisations.groups[s.actor.stakeholderGroup]}${
            s.actor.verified
              ? ''
              : html` <span class="unverified" title="${ui.m.organisations.notVerifiedTitle}">${ui.m.organisations.notVerified}</span>`
          }</td>
          <td>${s.actor.regionalGroup ? regionalGroupName(s.actor.regionalGroup as never, ui.lang) : ''}</td>
          <td><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${raw(stanceMark(s.stance, 8, 8, 5))}</svg> ${m.kinds[s.stance]}</td>
          <td><a href="/concepts/${s.conceptSlug}">${conceptName(ctx, { names: { en: s.conceptSlug, ...s.conceptNames } })}</a></td>
          <td>${ui.date(s.saidOn)}</td>
          <td><bdi>${contentText(ctx, { type: 'process', id: s.processId, field: 'name' }, s.processName)}</bdi></td>
          <td>${evidence(ctx, s)}${
            canRemoveStance(ctx.viewer, s)
              ? html`<form method="post" action="/stances/${s.id}/delete" class="inline">${csrfField(ctx)}<button type="submit" class="link">${m.remove}</button></form>`
              : ''
          }</td>
        </tr>`,
      )}
    </tbody>
  </table></section>`;
}

/** The stance map of a concept: the chart and the table. */
export function stanceMapSection(ctx: PageContext, concept: Concept, stances: Stance[]): Markup {
  const { ui } = ctx;
  const m = ui.m.stances;
  if (stances.length === 0)
    return html`<h2 id="stances">${m.mapTitle}</h2><p class="empty">${m.noStances}</p>`;
  const rows = chartRows(stances, (s) => actorName(ctx, s));
  const dates = stances.map((s) => s.saidOn).toSorted();
  const chart = stanceChart(rows, {
    rtl: directionOf(ui.lang) === 'rtl',
    title: `${m.mapTitle}: ${conceptName(ctx, concept)}`,
    description: fill(m.mapDescription, {
      n: ui.n(stances.length),
      actors: ui.n(rows.length),
      from: ui.date(dates[0]!),
      to: ui.date(dates.at(-1)!),
    }),
    legend: Object.fromEntries(stanceKinds.map((k) => [k, m.kinds[k]])) as Record<
      (typeof stanceKinds)[number],
      string
    >,
    markTitle: (row, s) =>
      fill(m.markTitle, {
        actor: row.label,
        stance: m.kinds[s.stance],
        concept: conceptName(ctx, { names: { en: s.conceptSlug, ...s.conceptNames } }),
        date: ui.date(s.saidOn),
        process: contentString(
          ctx,
          { type: 'process', id: s.processId, field: 'name' },
          s.processName,
        ),
      }),
    formatDate: (d) => ui.date(d),
    groupLabel: (g) => ui.m.organisations.groups[g as keyof typeof ui.m.organisations.groups],
  });
  return html`<h2 id="stances">${m.mapTitle}</h2>
    <figure class="stance-map">${chart}</figure>
    ${stanceTable(ctx, stances, m.tableCaption)}`;
}

/** The form that records a stance from a passage. */
export function stanceFormPage(
  ctx: PageContext,
  data: {
    source: StanceSource;
    concepts: Concept[];
    organisations: Organisation[];
    problem?: Markup;
    values?: Record<string, string>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.stances;
  const v = data.values ?? {};
  const { source } = data;
  const where =
    source.kind === 'submission'
      ? ui.m.concepts.submission
      : [source.symbol, source.address ? localAddress(ui, source.address) : null]
          .filter(Boolean)
          .join(', ');
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    <h2>${m.passage}</h2>
    <p class="meta"><a href="${source.href}">${where || source.title}</a> · ${ui.date(source.date)}</p>
    <blockquote>${source.text}</blockquote>
    ${data.problem ? html`<div class="problem" role="alert">${data.problem}</div>` : ''}
    <form method="post" action="/stances">
      ${csrfField(ctx)}
      <input type="hidden" name="source" value="${source.id}" />
      <p><label for="concept">${m.concept}</label><br /><select id="concept" name="concept" required>
        ${data.concepts.map((c) => html`<option value="${c.slug}" ${v.concept === c.slug ? 'selected' : ''}>${conceptName(ctx, c)}</option>`)}
      </select></p>
      <fieldset><legend>${m.stance}</legend>
        ${stanceKinds.map(
          (k) =>
            html`<label><input type="radio" name="stance" value="${k}" required ${v.stance === k ? 'checked' : ''} /> ${m.kinds[k]}</label> `,
        )}
      </fieldset>
      <p><label for="exact">${m.quote}</label><br /><textarea id="exact" name="exact" rows="4" cols="70" required minlength="3" maxlength="2000">${v.exact ?? ''}</textarea></p>
      <fieldset><legend>${m.actor}</legend>
        <p class="hint">${m.actorHint}</p>
        <p><label for="organisation">${m.organisation}</label><br /><select id="organisation" name="organisation">
          <option value="">${source.kind === 'submission' ? m.ownOrganisation : m.none}</option>
          ${data.organisations.map((o) => html`<option value="${o.slug}" ${v.organisation === o.slug ? 'selected' : ''}>${o.name}</option>`)}
        </select></p>
        <p><label for="country">${m.country}</label><br /><select id="country" name="country">
          <option value="">${m.none}</option>
          ${countries
            .map((c) => ({ code: c.iso3, name: countryName(c.iso3, ui.lang) }))
            .toSorted((a, b) => a.name.localeCompare(b.name, ui.lang))
            .map(
              (c) =>
                html`<option value="${c.code}" ${v.country === c.code ? 'selected' : ''}>${c.name}</option>`,
            )}
        </select></p>
      </fieldset>
      <p><label for="saidOn">${m.saidOn}</label><br /><input id="saidOn" name="saidOn" type="date" value="${v.saidOn ?? ''}" /></p>
      <p><label for="note">${m.note}</label><br /><textarea id="note" name="note" rows="2" cols="70" maxlength="1000">${v.note ?? ''}</textarea></p>
      <p><button type="submit">${m.save}</button></p>
    </form>`;
  return page(ctx, { title: m.title, main });
}
