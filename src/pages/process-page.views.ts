/** The frame of a process page: the process's head, then the sections of the other features. */
import { html } from 'hono/html';
import { processDetails } from '../processes/processes.views.ts';
import type { Process } from '../processes/processes.schema.ts';
import { page, type Markup } from '../web/layout.ts';
import type { PageContext } from '../web/page-context.ts';
import { contentString } from '../web/view-parts.ts';

/**
 * A process page: its mandate, then its meetings, comment periods and documents as drawn, and
 * (for its secretariat) the form that imports a document.
 */
export function processPage(
  ctx: PageContext,
  process: Process,
  sections: { meetings: Markup; periods: Markup; documents: Markup; imports: Markup },
  options: { canTranslate: boolean } = { canTranslate: false },
): Markup {
  const m = ctx.ui.m.processes;
  const feed = `/processes/${process.slug}/feed.atom`;
  const main = html`${processDetails(ctx, process, options)}
    ${sections.meetings}
    ${sections.periods}
    ${sections.documents}
    ${sections.imports}`;
  const name = contentString(ctx, { type: 'process', id: process.id, field: 'name' }, process.name);
  return page(ctx, {
    title: process.shortName ?? name,
    main,
    crumbs: [{ label: m.title, href: '/' }, { label: process.shortName ?? name }],
    links: html`<link rel="alternate" type="application/atom+xml" href="${feed}" title="${m.feed}" />`,
  });
}
