/** HTML of meetings: a meeting page with its history, the secretariat's forms, the timeline, and the parts other pages show. */
import { html } from 'hono/html';
import { utcToZonedTime } from '../consultations/time-zones.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { Meeting, MeetingChange } from './meetings.schema.ts';
import type { MeetingContext, TimelineEntry } from './meetings.service.ts';
import { documentHref } from '../web/links.ts';
import { instantLabel } from '../web/view-parts.ts';

/** The address of a meeting's page. */
export function meetingHref(meeting: { id: string }): string {
  return `/meetings/${meeting.id}`;
}

function processLabel(process: Process): string {
  return process.shortName ?? process.name;
}

/** When a meeting is: start and end in its zone, in UTC, and (with script) in the reader's zone. */
function whenLabel(ctx: PageContext, meeting: Meeting): Markup {
  return html`${instantLabel(ctx, meeting.startsAt, meeting.timeZone)} –
    ${instantLabel(ctx, meeting.endsAt, meeting.timeZone)}`;
}

/** The status of a meeting as a short phrase, saying when a postponed one has no new dates. */
function statusLabel(ctx: PageContext, meeting: Meeting): string {
  const m = ctx.ui.m.meetings;
  const status = m.statuses[meeting.status];
  return meeting.datesPending ? `${status} (${m.datesToBeAnnounced})` : status;
}

/** A meeting as one line of a list: title, session, when, where and status. */
export function meetingItem(ctx: PageContext, meeting: Meeting): Markup {
  const m = ctx.ui.m.meetings;
  return html`<li>
    <a href="${meetingHref(meeting)}" dir="auto">${meeting.title}</a>${meeting.session ? html` · <bdi>${meeting.session}</bdi>` : ''}
    · ${whenLabel(ctx, meeting)}${meeting.place ? html` · <bdi>${meeting.place}</bdi>` : ''}
    · ${m.formats[meeting.format]}${meeting.status !== 'scheduled' || meeting.datesPending ? html` · <strong>${statusLabel(ctx, meeting)}</strong>` : ''}
  </li>`;
}

/**
 * The meetings section of a process page: upcoming meetings, links to the timeline and the
 * calendar feed, the follow button and (for the secretariat) the link to announce one.
 */
export function processMeetingsSection(
  ctx: PageContext,
  process: Process,
  upcoming: Meeting[],
  options: { canManage: boolean; following: boolean | null },
): Markup {
  const m = ctx.ui.m.meetings;
  const base = `/processes/${process.slug}`;
  const follow =
    options.following === null
      ? ''
      : html`<form method="post" action="${base}/follow" class="inline">
          ${csrfField(ctx)}<input type="hidden" name="follow" value="${options.following ? '0' : '1'}" />
          <button type="submit">${options.following ? m.unfollow : m.follow}</button>
        </form>${options.following ? html` <span class="meta">${m.following}</span>` : ''}`;
  return html`<h2>${m.upcoming}</h2>
    ${
      upcoming.length === 0
        ? html`<p class="empty">${m.noUpcoming}</p>`
        : html`<ul>${upcoming.map((meeting) => meetingItem(ctx, meeting))}</ul>`
    }
    <p>
      ${options.canManage ? html`<a class="button" href="${base}/meetings/new">${m.newTitle}</a> · ` : ''}<a href="${base}/timeline">${m.timeline}</a>
      · <a href="${base}/calendar.ics" type="text/calendar">${m.calendar}</a>
    </p>
    ${follow}`;
}

function changeValue(ctx: PageContext, change: MeetingChange, value: string | null): Markup {
  const m = ctx.ui.m.meetings;
  if (value === null || value === '') return m.none;
  switch (change.field) {
    case 'status':
      return m.statuses[value as Meeting['status']] ?? value;
    case 'kind':
      return m.kinds[value as Meeting['kind']] ?? value;
    case 'format':
      return m.formats[value as Meeting['format']] ?? value;
    case 'dates': {
      if (value === 'confirmed') return m.datesConfirmed;
      if (value === 'pending') return m.datesToBeAnnounced;
      const [start = '', end = ''] = value.split('/');
      return html`${ctx.ui.instant(start, 'UTC')} – ${ctx.ui.instant(end, 'UTC')}`;
    }
    default:
      return html`<bdi>${value}</bdi>`;
  }
}

function historyList(ctx: PageContext, changes: MeetingChange[]): Markup {
  const m = ctx.ui.m.meetings;
  const bySequence = new Map<number, MeetingChange[]>();
  for (const change of changes) {
    const list = bySequence.get(change.sequence) ?? [];
    list.push(change);
    bySequence.set(change.sequence, list);
  }
  return html`<ol class="history">
    ${[...bySequence.values()].map((group) => {
      const first = group[0]!;
      return html`<li>
        <p>${ctx.ui.instant(first.at, 'UTC')} · ${fill(m.by, { name: first.by })}</p>
        <ul class="plain">
          ${group.map(
            (c) =>
              html`<li>${m.fields[c.field]}: ${changeValue(ctx, c, c.from)} → ${changeValue(ctx, c, c.to)}</li>`,
          )}
        </ul>
        ${first.reason ? html`<p>${m.reason}: <span dir="auto">${first.reason}</span></p>` : ''}
      </li>`;
    })}
  </ol>`;
}

/** A meeting's page: what, when, where, its status, the history of its changes, and the secretariat's forms. */
export function meetingPage(
  ctx: PageContext,
  { meeting, process, changes }: MeetingContext,
  options: { canManage: boolean },
): Markup {
  const { ui } = ctx;
  const m = ui.m.meetings;
  const notice =
    meeting.status === 'cancelled'
      ? html`<p class="notice" role="status">${m.cancelledNotice}</p>`
      : meeting.datesPending
        ? html`<p class="notice" role="status">${m.datesPendingNotice}</p>`
        : meeting.status === 'postponed'
          ? html`<p class="notice" role="status">${m.postponedNotice}</p>`
          : meeting.status === 'moved_online'
            ? html`<p class="notice" role="status">${m.movedOnlineNotice}</p>`
            : '';
  const main = html`<p class="meta"><span lang="en" dir="ltr">${processLabel(process)}</span> · ${m.meeting}</p>
    <h1 dir="auto">${meeting.title}</h1>
    ${meeting.session ? html`<p dir="auto">${meeting.session}</p>` : ''}
    ${notice}
    <dl class="facts">
      <dt>${m.status}</dt><dd><strong>${statusLabel(ctx, meeting)}</strong></dd>
      <dt>${m.starts}</dt><dd>${instantLabel(ctx, meeting.startsAt, meeting.timeZone)}</dd>
      <dt>${m.ends}</dt><dd>${instantLabel(ctx, meeting.endsAt, meeting.timeZone)}</dd>
      <dt>${m.kind}</dt><dd>${m.kinds[meeting.kind]}</dd>
      <dt>${m.format}</dt><dd>${m.formats[meeting.format]}</dd>
      ${meeting.place ? html`<dt>${m.place}</dt><dd dir="auto">${meeting.place}</dd>` : ''}
      ${meeting.webcastUrl ? html`<dt>${m.webcast}</dt><dd><a href="${meeting.webcastUrl}" dir="ltr" rel="noopener noreferrer">${meeting.webcastUrl}</a></dd>` : ''}
    </dl>
    <p><a href="/processes/${process.slug}/calendar.ics" type="text/calendar">${m.calendar}</a>
      · <a href="/processes/${process.slug}/timeline">${m.timeline}</a></p>
    <h2>${m.history}</h2>
    <p>${fill(m.announced, { date: ui.instant(meeting.createdAt, 'UTC') })}</p>
    ${changes.length === 0 ? html`<p class="empty">${m.noChanges}</p>` : historyList(ctx, changes)}
    ${options.canManage && meeting.status !== 'cancelled' ? manageForms(ctx, meeting) : ''}`;
  return page(ctx, {
    title: meeting.title,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: processLabel(process), href: `/processes/${process.slug}` },
      { label: meeting.title },
    ],
    links: html`<link rel="alternate" type="text/calendar" href="/processes/${process.slug}/calendar.ics" title="${m.calendar}" />`,
  });
}

/** The fields of a meeting's details, filled with `values` (wall clock in the zone). */
function detailFields(
  ctx: PageContext,
  values: {
    title: string;
    session: string;
    kind: string;
    format: string;
    place: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    webcastUrl: string;
  },
): Markup {
  const m = ctx.ui.m.meetings;
  const radio = (name: string, value: string, label: string, current: string) =>
    html`<label><input type="radio" name="${name}" value="${value}" ${current === value ? 'checked' : ''} /> ${label}</label>`;
  return html`<label>${m.fieldTitle} <input name="title" required maxlength="300" value="${values.title}" /></label>
    <label>${m.fieldSession} <input name="session" maxlength="200" value="${values.session}" /></label>
    <fieldset>
      <legend>${m.kind}</legend>
      ${radio('kind', 'formal', m.kinds.formal, values.kind)}
      ${radio('kind', 'informal', m.kinds.informal, values.kind)}
    </fieldset>
    <fieldset>
      <legend>${m.format}</legend>
      ${radio('format', 'in_person', m.formats.in_person, values.format)}
      ${radio('format', 'virtual', m.formats.virtual, values.format)}
      ${radio('format', 'hybrid', m.formats.hybrid, values.format)}
    </fieldset>
    <label>${m.fieldPlace} <input name="place" maxlength="300" value="${values.place}" /></label>
    <label>${m.fieldStarts} <input type="datetime-local" name="startsAt" required value="${values.startsAt}" /></label>
    <label>${m.fieldEnds} <input type="datetime-local" name="endsAt" required value="${values.endsAt}" /></label>
    <label>${m.fieldTimeZone} <input name="timeZone" required maxlength="60" value="${values.timeZone}" /></label>
    <label>${m.fieldWebcast} <input type="url" name="webcastUrl" maxlength="2000" value="${values.webcastUrl}" /></label>`;
}

function manageForms(ctx: PageContext, meeting: Meeting): Markup {
  const m = ctx.ui.m.meetings;
  const action = `/meetings/${meeting.id}/change`;
  const local = (iso: string) => utcToZonedTime(new Date(iso), meeting.timeZone);
  return html`<h2>${m.manage}</h2>
    <details class="manage"><summary>${m.postpone}</summary>
      <form method="post" action="${action}" class="stack">
        ${csrfField(ctx)}<input type="hidden" name="action" value="postpone" />
        <p class="help">${m.postponeHelp}</p>
        <label>${m.newStarts} (${meeting.timeZone}) <input type="datetime-local" name="startsAt" /></label>
        <label>${m.newEnds} (${meeting.timeZone}) <input type="datetime-local" name="endsAt" /></label>
        <label>${m.fieldReason} <input name="reason" required maxlength="1000" /></label>
        <button type="submit">${m.postpone}</button>
      </form>
    </details>
    <details class="manage"><summary>${m.moveOnline}</summary>
      <form method="post" action="${action}" class="stack">
        ${csrfField(ctx)}<input type="hidden" name="action" value="move_online" />
        <label>${m.fieldWebcast} <input type="url" name="webcastUrl" maxlength="2000" value="${meeting.webcastUrl ?? ''}" /></label>
        <label>${m.fieldReason} <input name="reason" required maxlength="1000" /></label>
        <button type="submit">${m.moveOnline}</button>
      </form>
    </details>
    <details class="manage"><summary>${m.cancel}</summary>
      <form method="post" action="${action}" class="stack">
        ${csrfField(ctx)}<input type="hidden" name="action" value="cancel" />
        <label>${m.fieldReason} <input name="reason" required maxlength="1000" /></label>
        <button type="submit">${m.cancel}</button>
      </form>
    </details>
    <details class="manage"><summary>${m.edit}</summary>
      <form method="post" action="${action}" class="stack">
        ${csrfField(ctx)}<input type="hidden" name="action" value="update" />
        ${detailFields(ctx, {
          title: meeting.title,
          session: meeting.session ?? '',
          kind: meeting.kind,
          format: meeting.format,
          place: meeting.place ?? '',
          startsAt: local(meeting.startsAt),
          endsAt: local(meeting.endsAt),
          timeZone: meeting.timeZone,
          webcastUrl: meeting.webcastUrl ?? '',
        })}
        <label>${m.fieldReasonOptional} <input name="reason" maxlength="1000" /></label>
        <button type="submit">${m.save}</button>
      </form>
    </details>`;
}

/** The secretariat's form to announce a meeting of the process. */
export function newMeetingPage(ctx: PageContext, process: Process): Markup {
  const { ui } = ctx;
  const m = ui.m.meetings;
  const main = html`<h1>${m.newTitle}</h1>
    <form method="post" action="/processes/${process.slug}/meetings" class="stack">
      ${csrfField(ctx)}
      ${detailFields(ctx, {
        title: '',
        session: '',
        kind: 'formal',
        format: 'in_person',
        place: '',
        startsAt: '',
        endsAt: '',
        timeZone: 'UTC',
        webcastUrl: '',
      })}
      <button type="submit">${m.create}</button>
    </form>`;
  return page(ctx, {
    title: m.newTitle,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: processLabel(process), href: `/processes/${process.slug}` },
      { label: m.newTitle },
    ],
  });
}

function timelineItem(ctx: PageContext, entry: TimelineEntry): Markup {
  const { ui } = ctx;
  const m = ui.m.meetings;
  const when = entry.dateOnly
    ? html`<time datetime="${entry.at.slice(0, 10)}">${ui.date(entry.at.slice(0, 10))}</time>`
    : entry.type === 'meeting'
      ? instantLabel(ctx, entry.at, entry.meeting.timeZone)
      : entry.type === 'period'
        ? instantLabel(ctx, entry.at, entry.timeZone)
        : html`<time datetime="${entry.at}">${ui.instant(entry.at, 'UTC')}</time>`;
  let what: Markup;
  if (entry.type === 'meeting') {
    const meeting = entry.meeting;
    what = html`<a href="${meetingHref(meeting)}" dir="auto">${meeting.title}</a>${meeting.session ? html` · <bdi>${meeting.session}</bdi>` : ''}${meeting.place ? html` · <bdi>${meeting.place}</bdi>` : ''}${meeting.status !== 'scheduled' || meeting.datesPending ? html` · <strong>${statusLabel(ctx, meeting)}</strong>` : ''}`;
  } else if (entry.type === 'period') {
    what = html`<a href="/consultations/${entry.id}" dir="auto">${entry.title}</a>
      (${fill(m.until, { close: ui.instant(entry.closesAt, entry.timeZone) })})`;
  } else {
    what = html`${entry.symbol ? html`<span class="symbol">${entry.symbol}</span> ` : ''}<a href="${documentHref(entry.documentId, entry.seq)}">${entry.title}</a>, ${entry.label}`;
  }
  return html`<li class="timeline-${entry.type}">
    <p class="meta">${when} · ${m.timelineTypes[entry.type]}</p>
    <p>${what}</p>
  </li>`;
}

/** The timeline of a process: meetings, documents, versions and comment periods in date order. */
export function timelinePage(ctx: PageContext, process: Process, entries: TimelineEntry[]): Markup {
  const { ui } = ctx;
  const m = ui.m.meetings;
  const main = html`<p class="meta" lang="en" dir="ltr">${process.name}</p>
    <h1>${m.timeline}</h1>
    <p>${m.timelineIntro}</p>
    <p><a href="/processes/${process.slug}/calendar.ics" type="text/calendar">${m.calendar}</a></p>
    ${
      entries.length === 0
        ? html`<p class="empty">${m.timelineEmpty}</p>`
        : html`<ol class="timeline">${entries.map((e) => timelineItem(ctx, e))}</ol>`
    }`;
  return page(ctx, {
    title: `${m.timeline}: ${processLabel(process)}`,
    main,
    crumbs: [
      { label: ui.m.site.processes, href: '/' },
      { label: processLabel(process), href: `/processes/${process.slug}` },
      { label: m.timeline },
    ],
    links: html`<link rel="alternate" type="text/calendar" href="/processes/${process.slug}/calendar.ics" title="${m.calendar}" />`,
  });
}

/** The account page's section on followed processes and the secret calendar address. */
export function accountCalendarSection(
  ctx: PageContext,
  data: {
    followed: Process[];
    address: { createdAt: string } | undefined;
    /** The full address of a calendar just made: shown once. */
    newAddress?: string;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.meetings;
  return html`<h2>${m.followed}</h2>
    ${
      data.followed.length === 0
        ? html`<p class="empty">${m.followedNone}</p>`
        : html`<ul>${data.followed.map((p) => html`<li><a href="/processes/${p.slug}" lang="en" dir="ltr">${processLabel(p)}</a></li>`)}</ul>`
    }
    <h2>${m.yourCalendar}</h2>
    <p>${m.yourCalendarHelp}</p>
    ${
      data.newAddress
        ? html`<p class="notice" role="status">${m.calendarCreated} <code dir="ltr">${data.newAddress}</code></p>`
        : data.address
          ? html`<p>${fill(m.calendarMade, { date: ui.date(data.address.createdAt) })}</p>`
          : html`<p class="empty">${m.calendarNone}</p>`
    }
    <form method="post" action="/account/calendar" class="inline-form">
      ${csrfField(ctx)}<button type="submit">${m.newAddress}</button>
    </form>`;
}
