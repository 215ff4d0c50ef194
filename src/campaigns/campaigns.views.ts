/** HTML of campaigns: the page of one campaign, listing its members. */
import { html } from 'hono/html';
import { organisationLabel } from '../organisations/organisation-label.ts';
import type { Submission } from '../submissions/submissions.schema.ts';
import { fill } from '../web/i18n.ts';
import { directionOf, page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import type { CampaignPage } from './campaigns.service.ts';

/** The first words of a text, for a list (the whole text is one link away). */
function opening(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 280 ? `${flat.slice(0, 280)}…` : flat;
}

function memberItem(ctx: PageContext, s: Submission): Markup {
  const { ui } = ctx;
  return html`<li class="submission" id="s-${s.id}">
    <p class="who">${organisationLabel(ctx, s.organisation, { affiliation: s.affiliation })}
      · <bdi><time datetime="${s.publishedAt ?? s.receivedAt}">${ui.instant(s.publishedAt ?? s.receivedAt, 'UTC')}</time></bdi>
      · <a href="/submissions/${s.id}" aria-label="${ui.m.submissions.view}: ${s.organisation.name}">${ui.m.submissions.view}</a></p>
    <p class="body" lang="${s.language}" dir="${directionOf(s.language)}">${opening(s.body)}</p>
  </li>`;
}

/** One campaign: what it is, how many, and its members, each a link to its submission. */
export function campaignPage(ctx: PageContext, data: CampaignPage): Markup {
  const { ui } = ctx;
  const m = ui.m.campaigns;
  const { period, process } = data.context;
  const here = `/consultations/${period.id}/campaigns/${data.campaignId}`;
  const first = data.members[0];
  const title = fill(m.pageTitle, {
    title: first ? opening(first.body).slice(0, 60) : data.campaignId,
  });
  const main = html`<p class="meta">${process.shortName ?? process.name} · <a href="/consultations/${period.id}">${period.title}</a></p>
    <h1 dir="auto">${title}</h1>
    <p><strong>${ui.plural(m.members, data.count)}</strong> · ${ui.plural(m.variants, data.variants)}</p>
    <p class="meta">${m.explain}</p>
    <ol class="submissions">${data.members.map((s) => memberItem(ctx, s))}</ol>
    ${data.next ? html`<p><a href="${here}?after=${data.next}">${m.next}</a></p>` : ''}`;
  return page(ctx, {
    title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: period.title, href: `/consultations/${period.id}` },
      { label: m.title },
    ],
  });
}
