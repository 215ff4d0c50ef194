/** HTML of a comment period's page and the form that opens one. */
import { html } from 'hono/html';
import type { PlenumDocument } from '../documents/documents.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import type {
  CampaignGroup,
  RejectionReason,
  Submission,
} from '../submissions/submissions.schema.ts';
import { campaignItem, filterForm, submissionItem } from '../submissions/submissions.views.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { PeriodContext } from './consultations.service.ts';
import type { CommentPeriod } from './consultations.schema.ts';
import { utcToZonedTime } from './time-zones.ts';
import { documentHref } from '../web/links.ts';
import { instantLabel } from '../web/view-parts.ts';

/** The page of a comment period: what it is about, its state, and what was submitted. */
export function consultationPage(
  ctx: PageContext,
  context: PeriodContext,
  data: {
    submissions: Submission[];
    /** The campaigns among them, each shown once (by the member the list holds). */
    campaigns: Map<string, CampaignGroup>;
    next: string | null;
    published: number;
    rejected: Map<RejectionReason, number>;
    extensions: { at: string; data: unknown }[];
    filters: Record<string, string | undefined>;
    filterQuery: string;
    organisations: { slug: string; name: string }[];
    canManage: boolean;
    canModerate: boolean;
    inReview: number;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const { period, process, document, version } = context;
  const here = `/consultations/${period.id}`;
  const rejected = [...data.rejected.entries()].filter(([, n]) => n > 0);
  const exportQuery = data.filterQuery ? `?${data.filterQuery}` : '';
  const notice =
    period.state === 'closed'
      ? html`<p class="notice">${fill(m.closedNotice, { close: ui.instant(period.closesAt, period.timeZone) })}</p>`
      : period.state === 'scheduled'
        ? html`<p class="notice">${fill(m.scheduledNotice, { open: ui.instant(period.opensAt, period.timeZone) })}</p>`
        : html`<p><a class="button" href="${here}/submit">${m.submit}</a></p>`;
  const main = html`<p class="meta">${process.shortName ?? process.name} · ${m.title}</p>
    <h1 dir="auto">${period.title}</h1>
    <p>${fill(m.on, { document: document.symbol ?? document.title, version: version.label })}:
      <a href="${documentHref(document.id, version.seq)}">${document.title}</a></p>
    ${period.description ? html`<div class="description" dir="auto">${period.description.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>` : ''}
    <dl class="facts">
      <dt>${m.state}</dt><dd><strong>${m.states[period.state]}</strong></dd>
      <dt>${m.opens}</dt><dd>${instantLabel(ctx, period.opensAt, period.timeZone)}</dd>
      <dt>${m.closes}</dt><dd>${instantLabel(ctx, period.closesAt, period.timeZone)}</dd>
      <dt>${m.moderation}</dt><dd>${period.moderation === 'review' ? m.moderationReview : m.moderationImmediate}</dd>
      ${
        data.extensions.length > 0
          ? html`<dt>${m.extensions}</dt><dd><ul class="plain">${data.extensions.map((e) => {
              const d = e.data as { to?: string; reason?: string };
              return html`<li>${ui.instant(e.at, period.timeZone)} → ${d.to ? ui.instant(d.to, period.timeZone) : ''}: ${d.reason ?? ''}</li>`;
            })}</ul></dd>`
          : ''
      }
    </dl>
    ${notice}
    ${
      data.canModerate
        ? html`<p><a href="${here}/moderation">${m.moderate}</a> (${ui.n(data.inReview)})</p>`
        : ''
    }
    ${data.canManage && period.state !== 'closed' ? extendForm(ctx, period) : ''}
    <h2>${m.submissions}</h2>
    <p>${ui.plural(m.published, data.published)}.
      ${
        rejected.length > 0
          ? fill(m.rejectedByReason, {
              list: rejected
                .map(([reason, n]) => `${ui.m.submissions.reasons[reason]}: ${ui.n(n)}`)
                .join(', '),
            })
          : m.noneRejected
      }
    </p>
    <p>${m.downloads}: <a href="${here}/submissions.csv${exportQuery}">${m.exportCsv}</a> ·
      <a href="${here}/submissions.json${exportQuery}">${m.exportJson}</a> ·
      <a href="${here}/feed.atom">${m.feed}</a></p>
    ${filterForm(ctx, here, data.filters, data.organisations, m.filters)}
    ${
      data.submissions.length === 0
        ? html`<p class="empty">${m.noSubmissions}</p>`
        : html`<ol class="submissions">${data.submissions.map((s) => {
            const campaign = s.campaignId ? data.campaigns.get(s.campaignId) : undefined;
            return campaign ? campaignItem(ctx, campaign) : submissionItem(ctx, s);
          })}</ol>`
    }
    ${data.next ? html`<p><a href="${here}?${data.filterQuery ? `${data.filterQuery}&` : ''}before=${data.next}">${m.next}</a></p>` : ''}`;
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

function extendForm(ctx: PageContext, period: CommentPeriod): Markup {
  const m = ctx.ui.m.consultations;
  return html`<details class="manage"><summary>${m.extend}</summary>
    <form method="post" action="/consultations/${period.id}/extend" class="stack">
      ${csrfField(ctx)}
      <label>${m.newClose} (${period.timeZone})
        <input type="datetime-local" name="closesAt" required value="${utcToZonedTime(new Date(period.closesAt), period.timeZone)}" />
      </label>
      <label>${m.extendReason} <input name="reason" required maxlength="1000" /></label>
      <button type="submit">${m.extend}</button>
    </form>
  </details>`;
}

/** The secretariat's form to open a comment period on one of the process's document versions. */
export function newPeriodPage(
  ctx: PageContext,
  process: Process,
  documents: PlenumDocument[],
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const main = html`<h1>${m.newTitle}</h1>
    <form method="post" action="/processes/${process.slug}/consultations" class="stack">
      ${csrfField(ctx)}
      <label>${m.fieldVersion}
        <select name="versionId" required>
          ${documents.flatMap((d) =>
            d.versions.map(
              (v) => html`<option value="${v.id}">${d.symbol ?? d.title}: ${v.label}</option>`,
            ),
          )}
        </select>
      </label>
      <label>${m.fieldTitle} <input name="title" required maxlength="300" /></label>
      <label>${m.fieldDescription} <textarea name="description" rows="4" maxlength="5000"></textarea></label>
      <label>${m.fieldOpens} <input type="datetime-local" name="opensAt" required /></label>
      <label>${m.fieldCloses} <input type="datetime-local" name="closesAt" required /></label>
      <label>${m.fieldTimeZone} <input name="timeZone" required value="UTC" maxlength="60" /></label>
      <fieldset>
        <legend>${m.fieldModeration}</legend>
        <label><input type="radio" name="moderation" value="review" checked /> ${m.moderationReview}</label>
        <label><input type="radio" name="moderation" value="immediate" /> ${m.moderationImmediate}</label>
      </fieldset>
      <button type="submit">${m.create}</button>
    </form>`;
  return page(ctx, {
    title: m.newTitle,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: process.shortName ?? process.name, href: `/processes/${process.slug}` },
      { label: m.newTitle },
    ],
  });
}
