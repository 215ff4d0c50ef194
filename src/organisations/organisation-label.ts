/**
 * An organisation's label as every list draws it (the organisation list, a submission's author
 * and co-signers): the organisations feature's own view part, which the features above draw too.
 */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { shortList } from '../web/i18n.ts';
import type { Markup } from '../web/layout.ts';
import { countryName } from './countries.ts';
import type { Organisation } from './organisations.schema.ts';

/** An organisation's name with its verified badge, group and country. */
export function organisationLabel(ctx: PageContext, organisation: Organisation): Markup {
  const { ui } = ctx;
  const m = ui.m.submissions;
  return html`<a href="/organisations/${organisation.slug}">${organisation.name}</a>${
    organisation.verified
      ? html` <span class="badge" title="${m.verifiedTitle}">✓ ${m.verified}</span>`
      : ''
  } <span class="meta">(${shortList(ui, [ui.m.organisations.groups[organisation.stakeholderGroup], ...(organisation.country ? [countryName(organisation.country, ui.lang)] : [])])})</span>`;
}
