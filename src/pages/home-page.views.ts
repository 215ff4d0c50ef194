/** HTML of the home page: what is happening now, then every process. */
import { html } from 'hono/html';
import type { CommentPeriod } from '../consultations/consultations.schema.ts';
import type { Concept } from '../concepts/concepts.schema.ts';
import type { RecentVersion } from '../documents/documents.schema.ts';
import type { Meeting } from '../meetings/meetings.schema.ts';
import { meetingHref } from '../meetings/meetings.views.ts';
import type { Process } from '../processes/processes.schema.ts';
import { processTable } from '../processes/processes.views.ts';
import { fill } from '../web/i18n.ts';
import { page, type Markup } from '../web/layout.ts';
import { documentHref } from '../web/links.ts';
import type { PageContext } from '../web/page-context.ts';
import { conceptName, contentText, instantLabel } from '../web/view-parts.ts';

/** What the home page shows, each part read by a bounded query. */
export interface HomeData {
  processes: (Process & { documentCount: number })[];
  openPeriods: CommentPeriod[];
  meetings: Meeting[];
  versions: RecentVersion[];
  concepts: { concept: Concept; passages: number }[];
  conceptWindow: number;
}

/** The short name of a process in a list ("OEWG"), isolated from the sentence around it. */
function processTag(processes: Map<string, Process>, id: string): Markup {
  const p = processes.get(id);
  if (!p) return html``;
  return html` · <a href="/processes/${p.slug}"><bdi>${p.shortName ?? p.name}</bdi></a>`;
}

/** The home page: open periods, this fortnight's meetings, new versions, active concepts, processes. */
export function homePage(ctx: PageContext, data: HomeData): Markup {
  const { ui } = ctx;
  const m = ui.m.home;
  const byId = new Map(data.processes.map((p) => [p.id, p]));
  const section = (id: string, title: string, body: Markup, empty: string, none: boolean) =>
    html`<section aria-labelledby="${id}">
      <h2 id="${id}">${title}</h2>
      ${none ? html`<p class="empty">${empty}</p>` : body}
    </section>`;
  const periods = html`<ul>
    ${data.openPeriods.map(
      (p) =>
        html`<li>
          <a href="/consultations/${p.id}">${contentText(ctx, { type: 'period', id: p.id, field: 'title' }, p.title)}</a>${processTag(byId, p.processId)}
          · ${ui.m.consultations.closes} ${instantLabel(ctx, p.closesAt, p.timeZone)}
        </li>`,
    )}
  </ul>`;
  const meetings = html`<ul>
    ${data.meetings.map(
      (mt) =>
        html`<li>
          <a href="${meetingHref(mt)}" dir="auto">${mt.title}</a>${processTag(byId, mt.processId)}
          · ${instantLabel(ctx, mt.startsAt, mt.timeZone)}${mt.place ? html` · <bdi>${mt.place}</bdi>` : ''}
        </li>`,
    )}
  </ul>`;
  const versions = html`<ul>
    ${data.versions.map(
      (v) =>
        html`<li>
          <a href="${documentHref(v.documentId, v.seq)}"
            ><bdi lang="en">${v.symbol ?? v.title}</bdi></a
          >
          · ${contentText(ctx, { type: 'version', id: v.versionId, field: 'label' }, v.label)}${processTag(byId, v.processId)}
          · ${ui.date(v.date ?? v.createdAt.slice(0, 10))}
        </li>`,
    )}
  </ul>`;
  const concepts = html`<p class="meta">${fill(m.activeConceptsIntro, { n: ui.n(data.conceptWindow) })}</p>
    <ol>
      ${data.concepts.map(
        (c) =>
          html`<li>
            <a href="/concepts/${c.concept.slug}">${conceptName(ctx, c.concept)}</a> ·
            ${ui.plural(m.passages, c.passages)}
          </li>`,
      )}
    </ol>`;
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    <div class="home-grid">
      ${section('open-periods', m.openPeriods, periods, m.openPeriodsNone, data.openPeriods.length === 0)}
      ${section('meetings', m.meetings, meetings, m.meetingsNone, data.meetings.length === 0)}
      ${section('latest', m.latestVersions, versions, m.latestVersionsNone, data.versions.length === 0)}
      ${section('concepts', m.activeConcepts, concepts, m.activeConceptsNone, data.concepts.length === 0)}
    </div>
    <h2 id="processes">${m.allProcesses}</h2>
    <p>${ui.m.processes.intro}</p>
    ${processTable(ctx, data.processes)}`;
  return page(ctx, { title: m.title, main });
}
