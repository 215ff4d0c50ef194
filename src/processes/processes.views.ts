/** HTML of the process list and the head of a process page. */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { page, type Markup } from '../web/layout.ts';
import type { Process } from './processes.schema.ts';

/** The home page: every process plenum holds. */
export function processListPage(
  ctx: PageContext,
  processes: (Process & { documentCount: number })[],
): Markup {
  const m = ctx.ui.m.processes;
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    ${
      processes.length === 0
        ? html`<p class="empty">${m.none}</p>`
        : html`<table class="list">
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
                    <a href="/processes/${p.slug}" lang="en" dir="ltr">${p.name}</a>${p.shortName ? html` (${p.shortName})` : ''}${
                      others.length > 0
                        ? html`<br /><small>${m.alsoKnownAs} ${others.join(', ')}</small>`
                        : ''
                    }
                  </td>
                  <td lang="en" dir="ltr">${p.parentBody}${p.established ? html`, ${p.established}` : ''}</td>
                  <td>${p.status}</td>
                  <td>${ctx.ui.n(p.documentCount)}</td>
                </tr>`;
              })}
            </tbody>
          </table>`
    }`;
  return page(ctx, { title: m.title, main });
}

/** The head of a process page: the body that set it up, its names, its status and its mandate. */
export function processDetails(ctx: PageContext, process: Process): Markup {
  const m = ctx.ui.m.processes;
  const others = process.aliases.filter((a) => a !== process.shortName);
  return html`<p class="meta" lang="en" dir="ltr">
      ${process.parentBody}${process.established ? html` · ${fill(m.setUp, { year: process.established })}` : ''} ·
      ${process.status}
    </p>
    <h1 lang="en" dir="ltr">${process.name}${process.shortName ? html` (${process.shortName})` : ''}</h1>
    ${others.length > 0 ? html`<p>${m.alsoKnownAs}: ${others.join(', ')}.</p>` : ''}
    <h2>${m.mandate}</h2>
    <p lang="en" dir="ltr">${process.mandate}</p>`;
}
