/** HTML of a comment period's head, the form that opens one, and periods on other pages. */
import { html } from 'hono/html';
import type { PlenumDocument } from '../documents/documents.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, isolated } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { PeriodContext } from './consultations.service.ts';
import { individualNameRules, submitterRules, type CommentPeriod } from './consultations.schema.ts';
import { utcToZonedTime } from './time-zones.ts';
import { documentHref } from '../web/links.ts';
import { contentString, contentText, instantLabel } from '../web/view-parts.ts';

/**
 * The head of a comment period's page: what it is about, its state, its extensions, and the
 * secretariat's and moderators' links and forms.
 */
export function periodDetails(
  ctx: PageContext,
  context: PeriodContext,
  data: {
    extensions: { at: string; data: unknown }[];
    canManage: boolean;
    canModerate: boolean;
    /** Submissions waiting for a moderator. */
    inReview: number;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.consultations;
  const { period, process, document, version } = context;
  const here = `/consultations/${period.id}`;
  const notice =
    period.state === 'closed'
      ? html`<p class="notice">${fill(m.closedNotice, { close: ui.instant(period.closesAt, period.timeZone) })}</p>`
      : period.state === 'scheduled'
        ? html`<p class="notice">${fill(m.scheduledNotice, { open: ui.instant(period.opensAt, period.timeZone) })}</p>`
        : html`<p><a class="button" href="${here}/submit">${m.submit}</a></p>`;
  return html`<p class="meta"><bdi>${process.shortName ?? contentString(ctx, { type: 'process', id: process.id, field: 'name' }, process.name)}</bdi> · ${m.title}</p>
    <h1>${contentText(ctx, { type: 'period', id: period.id, field: 'title' }, period.title)}</h1>
    <p>${fill(m.on, { document: isolated(document.symbol ?? document.title), version: isolated(contentString(ctx, { type: 'version', id: version.id, field: 'label' }, version.label)) })}:
      <a href="${documentHref(document.id, version.seq)}">${document.title}</a></p>
    ${period.description ? html`<div class="description" dir="auto">${period.description.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>` : ''}
    <dl class="facts">
      <dt>${m.state}</dt><dd><strong>${m.states[period.state]}</strong></dd>
      <dt>${m.opens}</dt><dd>${instantLabel(ctx, period.opensAt, period.timeZone)}</dd>
      <dt>${m.closes}</dt><dd>${instantLabel(ctx, period.closesAt, period.timeZone)}</dd>
      <dt>${m.moderation}</dt><dd>${period.moderation === 'review' ? m.moderationReview : m.moderationImmediate}</dd>
      <dt>${m.submittersLabel}</dt><dd>${m.submitters[period.submitters]}</dd>
      ${period.submitters === 'individuals' ? html`<dt>${m.individualNamesLabel}</dt><dd>${m.individualNames[period.individualNames]}</dd>` : ''}
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
    ${data.canManage && period.state !== 'closed' ? extendForm(ctx, period) : ''}`;
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
      <fieldset>
        <legend>${m.submittersLabel}</legend>
        ${submitterRules.map((rule) => html`<label><input type="radio" name="submitters" value="${rule}"${rule === 'organisations' ? html` checked` : ''} /> ${m.submitters[rule]}</label>`)}
      </fieldset>
      <fieldset>
        <legend>${m.individualNamesLabel}</legend>
        ${individualNameRules.map((rule) => html`<label><input type="radio" name="individualNames" value="${rule}"${rule === 'published' ? html` checked` : ''} /> ${m.individualNames[rule]}</label>`)}
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

/** The comment periods of a process page, with the secretariat's "open a period" and the feed. */
export function processPeriodsSection(
  ctx: PageContext,
  process: Process,
  periods: CommentPeriod[],
  options: { canOpenPeriod: boolean },
): Markup {
  const { ui } = ctx;
  const m = ui.m.processes;
  const feed = `/processes/${process.slug}/feed.atom`;
  const periodList =
    periods.length === 0
      ? html`<p class="empty">${m.noConsultations}</p>`
      : html`<ul>
          ${periods.map(
            (p) =>
              html`<li>
                <a href="/consultations/${p.id}">${contentText(ctx, { type: 'period', id: p.id, field: 'title' }, p.title)}</a> · ${ui.m.consultations.states[p.state]} ·
                ${ui.m.consultations.closes} ${ui.instant(p.closesAt, p.timeZone)}
              </li>`,
          )}
        </ul>`;
  return html`<h2>${m.consultations}</h2>
    ${periodList}
    <p>
      ${options.canOpenPeriod ? html`<a class="button" href="/processes/${process.slug}/consultations/new">${m.openPeriod}</a> · ` : ''}<a
        href="${feed}"
        >${m.feed}</a
      >
    </p>`;
}

/** The notice of a document page while a comment period is open on the version shown. */
export function openPeriodNotice(ctx: PageContext, open: CommentPeriod): Markup {
  const { ui } = ctx;
  const m = ui.m.documents;
  return html`<div class="notice"><p>${fill(m.openPeriodNotice, { close: ui.instant(open.closesAt, open.timeZone) })}
      <a href="/consultations/${open.id}">${open.title}</a> · <a href="/consultations/${open.id}/submit">${m.submitComment}</a></p></div>`;
}
