/**
 * HTML of the organisation list, an organisation's own part of its page (src/pages/ adds its
 * submissions) and the registration form.
 */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import { countries, countryName, regionalGroupName } from './countries.ts';
import { organisationLabel } from './organisation-label.ts';
import { stakeholderGroups, type Organisation } from './organisations.schema.ts';

/** Every organisation, by stakeholder group. */
export function organisationListPage(ctx: PageContext, organisations: Organisation[]): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const main = html`<h1>${m.title}</h1>
    <p><a href="/organisations/new">${m.register}</a></p>
    ${
      organisations.length === 0
        ? html`<p class="empty">${m.none}</p>`
        : stakeholderGroups.map((group) => {
            const members = organisations.filter((o) => o.stakeholderGroup === group);
            if (members.length === 0) return '';
            return html`<h2>${m.groups[group]}</h2><ul>${members.map((o) => html`<li>${organisationLabel(ctx, o)}</li>`)}</ul>`;
          })
    }`;
  return page(ctx, { title: m.title, main });
}

/**
 * An organisation's own part of its page: its group, country, verification and the forms of
 * those who may verify it or add a representative.
 */
export function organisationDetails(
  ctx: PageContext,
  organisation: Organisation,
  data: { canVerify: boolean; canAddRepresentative: boolean },
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  return html`<p class="meta">${m.groups[organisation.stakeholderGroup]}${
    organisation.country
      ? html` · ${countryName(organisation.country, ui.lang)} (${organisation.country}, M49 ${organisation.countryM49})${
          organisation.regionalGroup
            ? html` · ${regionalGroupName(organisation.regionalGroup as never, ui.lang)}`
            : ''
        }`
      : ''
  }</p>
    <h1>${organisation.name}</h1>
    <p>${organisation.verified ? html`<span class="badge">✓ ${m.verified}</span>` : m.unverified}${
      organisation.website
        ? html` · <a href="${organisation.website}" rel="nofollow noopener">${organisation.website}</a>`
        : ''
    }</p>
    ${
      data.canVerify && !organisation.verified
        ? html`<form method="post" action="/organisations/${organisation.slug}/verify">${csrfField(ctx)}<button type="submit">${m.verify}</button></form>`
        : ''
    }
    ${
      data.canAddRepresentative
        ? html`<form method="post" action="/organisations/${organisation.slug}/representatives" class="inline-form">
            ${csrfField(ctx)}<label>${m.representativeEmail} <input type="email" name="email" required /></label>
            <button type="submit">${m.representatives}</button>
          </form>`
        : ''
    }`;
}

/** The registration form. */
export function newOrganisationPage(
  ctx: PageContext,
  options: { error?: Markup; values?: Record<string, string> } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.organisations;
  const v = options.values ?? {};
  const sorted = countries
    .map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, ui.lang) }))
    .toSorted((a, b) => a.name.localeCompare(b.name, ui.lang));
  const main = html`<h1>${m.register}</h1>
    ${options.error ? html`<p class="problem" role="alert">${options.error}</p>` : ''}
    <form method="post" action="/organisations" class="stack narrow">
      ${csrfField(ctx)}
      <label>${m.name} <input name="name" required maxlength="200" value="${v.name ?? ''}" /></label>
      <label>${m.group}
        <select name="stakeholderGroup" required>${stakeholderGroups.map((g) =>
          g === v.stakeholderGroup
            ? html`<option value="${g}" selected>${m.groups[g]}</option>`
            : html`<option value="${g}">${m.groups[g]}</option>`,
        )}</select>
      </label>
      <label>${m.country}
        <select name="country" aria-describedby="country-help"><option value="">—</option>${sorted.map(
          (c) =>
            c.iso3 === v.country
              ? html`<option value="${c.iso3}" selected>${c.name}</option>`
              : html`<option value="${c.iso3}">${c.name}</option>`,
        )}</select>
      </label>
      <p class="help" id="country-help">${m.countryHelp}</p>
      <label>${m.website} <input type="url" name="website" maxlength="300" value="${v.website ?? ''}" /></label>
      <button type="submit">${m.submit}</button>
    </form>`;
  return page(ctx, { title: m.register, main });
}
