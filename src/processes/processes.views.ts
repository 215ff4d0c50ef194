/** HTML of the process list and the head of a process page. */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import type { Markup } from '../web/layout.ts';
import { contentText } from '../web/view-parts.ts';
import type { Process } from './processes.schema.ts';

/** The name of a process in the reader's language (marked when it is the English original). */
export function processName(ctx: PageContext, process: Process): Markup {
  return contentText(ctx, { type: 'process', id: process.id, field: 'name' }, process.name);
}

/** The table of every process plenum holds, with its status and number of documents. */
export function processTable(
  ctx: PageContext,
  processes: (Process & { documentCount: number })[],
): Markup {
  const m = ctx.ui.m.processes;
  if (processes.length === 0) return html`<p class="empty">${m.none}</p>`;
  return html`<section class="table-scroll" tabindex="0" aria-label="${m.caption}"><table class="list">
    <caption class="skip-caption">${m.caption}</caption>
    <thead>
      <tr>
        <th scope="col">${m.process}</th>
        <th scope="col">${m.setUpBy}</th>
        <th scope="col">${m.status}</th>
        <th scope="col">${m.documents}</th>
      </tr>
    </thead>
    <tbody>
      ${processes.map((p) => {
        const others = p.aliases.filter((a) => a !== p.shortName);
        return html`<tr>
          <td>
            <a href="/processes/${p.slug}">${processName(ctx, p)}</a>${p.shortName ? html` <bdi>(${p.shortName})</bdi>` : ''}${
              others.length > 0
                ? html`<br /><small>${m.alsoKnownAs} <bdi lang="en">${others.join(', ')}</bdi></small>`
                : ''
            }
          </td>
          <td lang="en" dir="ltr">${p.parentBody}${p.established ? html`, ${p.established}` : ''}</td>
          <td>${ctx.ui.m.home.statuses[p.status]}</td>
          <td>${ctx.ui.n(p.documentCount)}</td>
        </tr>`;
      })}
    </tbody>
  </table></section>`;
}

/** The head of a process page: the body that set it up, its names, its status and its mandate. */
export function processDetails(
  ctx: PageContext,
  process: Process,
  options: { canTranslate: boolean } = { canTranslate: false },
): Markup {
  const m = ctx.ui.m.processes;
  const others = process.aliases.filter((a) => a !== process.shortName);
  return html`<p class="meta">
      <bdi lang="en">${process.parentBody}</bdi>${process.established ? html` · ${fill(m.setUp, { year: process.established })}` : ''} ·
      ${ctx.ui.m.home.statuses[process.status]}
    </p>
    <h1>${processName(ctx, process)}${process.shortName ? html` <bdi>(${process.shortName})</bdi>` : ''}</h1>
    ${others.length > 0 ? html`<p>${m.alsoKnownAs}: <bdi lang="en">${others.join(', ')}</bdi>.</p>` : ''}
    ${
      options.canTranslate
        ? html`<p><a class="button" href="/processes/${process.slug}/translations">${ctx.ui.m.translations.link}</a></p>`
        : ''
    }
    <h2>${m.mandate}</h2>
    <p>${contentText(ctx, { type: 'process', id: process.id, field: 'mandate' }, process.mandate)}</p>`;
}
