/** HTML of the process list and a process page. */
import { html } from 'hono/html';
import type { CommentPeriod } from '../consultations/consultations.schema.ts';
import type { ProcessWithDocuments } from '../documents/documents.service.ts';
import { documentKindLabel } from '../documents/documents.schema.ts';
import type { Meeting } from '../meetings/meetings.schema.ts';
import { processMeetingsSection } from '../meetings/meetings.views.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { languageName, page, type Markup } from '../web/layout.ts';
import type { Process } from './processes.schema.ts';
import { documentHref } from '../web/links.ts';

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

/** A process page: its mandate, its comment periods and its documents with versions and languages. */
export function processPage(
  ctx: PageContext,
  { process, documents }: ProcessWithDocuments,
  periods: CommentPeriod[],
  options: {
    canOpenPeriod: boolean;
    /** Upcoming meetings, and whether the viewer follows the process (null when signed out). */
    meetings: { upcoming: Meeting[]; following: boolean | null };
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.processes;
  const others = process.aliases.filter((a) => a !== process.shortName);
  const feed = `/processes/${process.slug}/feed.atom`;
  const periodList =
    periods.length === 0
      ? html`<p class="empty">${m.noConsultations}</p>`
      : html`<ul>
          ${periods.map(
            (p) =>
              html`<li>
                <a href="/consultations/${p.id}">${p.title}</a> · ${ui.m.consultations.states[p.state]} ·
                ${ui.m.consultations.closes} ${ui.instant(p.closesAt, p.timeZone)}
              </li>`,
          )}
        </ul>`;
  const main = html`<p class="meta" lang="en" dir="ltr">
      ${process.parentBody}${process.established ? html` · ${fill(m.setUp, { year: process.established })}` : ''} ·
      ${process.status}
    </p>
    <h1 lang="en" dir="ltr">${process.name}${process.shortName ? html` (${process.shortName})` : ''}</h1>
    ${others.length > 0 ? html`<p>${m.alsoKnownAs}: ${others.join(', ')}.</p>` : ''}
    <h2>${m.mandate}</h2>
    <p lang="en" dir="ltr">${process.mandate}</p>
    ${processMeetingsSection(ctx, process, options.meetings.upcoming, {
      canManage: options.canOpenPeriod,
      following: options.meetings.following,
    })}
    <h2>${m.consultations}</h2>
    ${periodList}
    <p>
      ${options.canOpenPeriod ? html`<a class="button" href="/processes/${process.slug}/consultations/new">${m.openPeriod}</a> · ` : ''}<a
        href="${feed}"
        >${m.feed}</a
      >
    </p>
    <h2>${m.documents}</h2>
    ${
      documents.length === 0
        ? html`<p class="empty">${m.noDocuments}</p>`
        : html`<table class="list">
            <thead>
              <tr>
                <th scope="col">${m.document}</th>
                <th scope="col">${m.kind}</th>
                <th scope="col">${m.versionsAndLanguages}</th>
              </tr>
            </thead>
            <tbody>
              ${documents.map(
                (d) =>
                  html`<tr>
                    <td>
                      ${d.symbol ? html`<span class="symbol">${d.symbol}</span><br />` : ''}<a href="${documentHref(d.id)}">${d.title}</a>
                    </td>
                    <td>${ui.m.documents.kinds[d.kind as keyof typeof ui.m.documents.kinds] ?? documentKindLabel(d.kind)}</td>
                    <td>
                      <ul class="plain">
                        ${d.versions.map(
                          (v) =>
                            html`<li>
                              ${v.label}${v.date ? html` (${ui.date(v.date)})` : ''}${v.public ? '' : html` <em>(${m.notPublic})</em>`}:
                              ${
                                v.languages.length === 0
                                  ? html`<span class="empty">${ui.m.documents.noText}</span>`
                                  : v.languages.map(
                                      (l, i) =>
                                        html`${i > 0 ? ', ' : ''}<a href="${documentHref(d.id, v.seq, l.language)}" hreflang="${l.language}"
                                            >${languageName(l.language, ui.lang).display}</a
                                          >`,
                                    )
                              }
                            </li>`,
                        )}
                      </ul>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return page(ctx, {
    title: process.shortName ?? process.name,
    main,
    crumbs: [{ label: m.title, href: '/' }, { label: process.shortName ?? process.name }],
    links: html`<link rel="alternate" type="application/atom+xml" href="${feed}" title="${m.feed}" />`,
  });
}
