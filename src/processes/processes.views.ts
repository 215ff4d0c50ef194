/** HTML of the process list and a process page. */
import { html } from 'hono/html';
import { documentHref } from '../documents/documents.views.ts';
import type { ProcessWithDocuments } from '../documents/documents.service.ts';
import { documentKindLabel } from '../documents/documents.schema.ts';
import { formatDate, languageName, page, type Markup } from '../web/layout.ts';
import type { Process } from './processes.schema.ts';

/** The home page: every process plenum holds. */
export function processListPage(processes: (Process & { documentCount: number })[]): Markup {
  const main = html`<h1>Processes</h1>
    <p>
      The Internet governance processes followed here, with their drafts and documents, paragraph by
      paragraph.
    </p>
    ${
      processes.length === 0
        ? html`<p class="empty">
            No processes yet. Import a document with <code>plenum import</code>.
          </p>`
        : html`<table class="list">
            <caption class="skip-caption">
              Processes by name
            </caption>
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">Set up by</th>
                <th scope="col">Status</th>
                <th scope="col">Documents</th>
              </tr>
            </thead>
            <tbody>
              ${processes.map(
                (p) =>
                  html`<tr>
                    <td>
                      <a href="/processes/${p.slug}">${p.name}</a
                      >${p.shortName ? html` (${p.shortName})` : ''}${
                        p.aliases.filter((a) => a !== p.shortName).length > 0
                          ? html`<br /><small
                                >Also known as
                                ${p.aliases.filter((a) => a !== p.shortName).join(', ')}</small
                              >`
                          : ''
                      }
                    </td>
                    <td>${p.parentBody}${p.established ? html`, ${p.established}` : ''}</td>
                    <td>${p.status}</td>
                    <td>${p.documentCount}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return page({ title: 'Processes', main });
}

/** A process page: its mandate and its documents, each with versions and languages. */
export function processPage({ process, documents }: ProcessWithDocuments): Markup {
  const others = process.aliases.filter((a) => a !== process.shortName);
  const main = html`<p class="meta">
      ${process.parentBody}${process.established ? html` · set up ${process.established}` : ''} ·
      ${process.status}
    </p>
    <h1>${process.name}${process.shortName ? html` (${process.shortName})` : ''}</h1>
    ${others.length > 0 ? html`<p>Also known as: ${others.join(', ')}.</p>` : ''}
    <h2>Mandate</h2>
    <p>${process.mandate}</p>
    <h2>Documents</h2>
    ${
      documents.length === 0
        ? html`<p class="empty">No documents yet.</p>`
        : html`<table class="list">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Versions and languages</th>
              </tr>
            </thead>
            <tbody>
              ${documents.map(
                (d) =>
                  html`<tr>
                    <td>
                      ${d.symbol ? html`<span class="symbol">${d.symbol}</span><br />` : ''}<a
                        href="${documentHref(d.id)}"
                        >${d.title}</a
                      >
                    </td>
                    <td>${documentKindLabel(d.kind)}</td>
                    <td>
                      <ul class="plain">
                        ${d.versions.map(
                          (v) =>
                            html`<li>
                              ${v.label}${v.date ? html` (${formatDate(v.date)})` : ''}:
                              ${
                                v.languages.length === 0
                                  ? html`<span class="empty">no text yet</span>`
                                  : v.languages.map(
                                      (l, i) =>
                                        html`${i > 0 ? ', ' : ''}<a
                                            href="${documentHref(d.id, v.seq, l.language)}"
                                            hreflang="${l.language}"
                                            >${languageName(l.language).english}</a
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
  return page({
    title: process.shortName ?? process.name,
    main,
    crumbs: [{ label: 'Processes', href: '/' }, { label: process.shortName ?? process.name }],
  });
}
