/**
 * An organisation's label as every list draws it (the organisation list, a submission's author
 * and co-signers): the organisations feature's own view part, which the features above draw too.
 */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { fill, shortList } from '../web/i18n.ts';
import type { Markup } from '../web/layout.ts';
import { countryName } from './countries.ts';
import { anonymousVoiceId, type Organisation } from './organisations.schema.ts';

/**
 * An organisation's name with its verified badge or its "not verified" mark, group and country.
 * A person's own voice is their name and "Individual", with the affiliation they gave marked
 * not verified; the Anonymous voice names nobody.
 */
export function organisationLabel(
  ctx: PageContext,
  organisation: Organisation,
  options: { affiliation?: string | null } = {},
): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  const o = ui.m.organisations;
  if (organisation.id === anonymousVoiceId)
    return html`<span class="voice">${o.anonymous}</span> <span class="meta">(${o.groups.individual})</span>`;
  if (organisation.stakeholderGroup === 'individual')
    return html`<a href="/organisations/${organisation.slug}">${organisation.name}</a> <span class="meta">(${o.groups.individual}${
      options.affiliation
        ? html`; ${fill(o.affiliation, { affiliation: options.affiliation })}`
        : ''
    })</span>`;
  return html`<a href="/organisations/${organisation.slug}">${organisation.name}</a>${
    organisation.verified
      ? html` <span class="badge" title="${m.verifiedTitle}">✓ ${m.verified}</span>`
      : html` <span class="unverified" title="${o.notVerifiedTitle}">${o.notVerified}</span>`
  } <span class="meta">(${shortList(ui, [o.groups[organisation.stakeholderGroup], ...(organisation.country ? [countryName(organisation.country, ui.lang)] : [])])})</span>`;
}
