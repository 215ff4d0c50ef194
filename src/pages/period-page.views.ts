/** The frame of a comment period's page: the period's head, then its submissions. */
import { html } from 'hono/html';
import type { PeriodContext } from '../consultations/consultations.service.ts';
import { page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';

/** The page of a comment period: what it is about, its state, and what was submitted. */
export function periodPage(
  ctx: PageContext,
  { period, process }: PeriodContext,
  sections: { details: Markup; submissions: Markup },
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const here = `/consultations/${period.id}`;
  const main = html`${sections.details}
    ${sections.submissions}`;
  return page(ctx, {
    title: period.title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: period.title },
    ],
    links: html`<link rel="alternate" type="application/atom+xml" href="${here}/feed.atom" title="${m.feed}" />`,
  });
}
