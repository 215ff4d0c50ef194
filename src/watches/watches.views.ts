/** HTML of watches: the list with the form, and a watch's page with its matches and deliveries. */
import { html } from 'hono/html';
import type { Concept } from '../concepts/concepts.schema.ts';
import { stakeholderGroups } from '../organisations/organisations.schema.ts';
import type { Process } from '../processes/processes.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { Watch, WatchHit, WebhookDelivery } from './watches.schema.ts';
import { conceptName, passageItem } from '../web/view-parts.ts';

/** The choices the form offers. */
export interface WatchChoices {
  concepts: Concept[];
  processes: Process[];
}

/** Where the form posts, with its heading and button: a new watch, or a change to one. */
interface FormTarget {
  action: string;
  heading: string;
  submit: string;
}

function watchForm(
  ctx: PageContext,
  choices: WatchChoices,
  values: Record<string, string | string[]>,
  problem?: Markup,
  target: FormTarget = {
    action: '/watches',
    heading: ctx.ui.m.watches.newWatch,
    submit: ctx.ui.m.watches.create,
  },
): Markup {
  const m = ctx.ui.m.watches;
  const has = (key: string, value: string): boolean => {
    const v = values[key];
    return Array.isArray(v) ? v.includes(value) : v === value;
  };
  const text = (key: string): string =>
    typeof values[key] === 'string' ? (values[key] as string) : '';
  return html`<h2 id="new">${target.heading}</h2>
    ${problem ? html`<div class="problem" role="alert">${problem}</div>` : ''}
    <form method="post" action="${target.action}">
      ${csrfField(ctx)}
      <p><label for="name">${m.name}</label><br /><input id="name" name="name" required maxlength="120" value="${text('name')}" /></p>
      <p><label for="query">${m.query}</label><br /><input id="query" name="query" maxlength="200" size="50" value="${text('query')}" /></p>
      <fieldset><legend>${m.concepts}</legend>
        ${choices.concepts.map((c) => html`<label class="choice"><input type="checkbox" name="concepts" value="${c.slug}" ${has('concepts', c.slug) ? 'checked' : ''} /> ${conceptName(ctx, c)}</label> `)}
      </fieldset>
      <fieldset><legend>${m.processes}</legend>
        ${choices.processes.map((p) => html`<label class="choice"><input type="checkbox" name="processes" value="${p.slug}" ${has('processes', p.slug) ? 'checked' : ''} /> ${p.shortName ?? p.name}</label> `)}
      </fieldset>
      <fieldset><legend>${m.groups}</legend>
        ${stakeholderGroups.map((g) => html`<label class="choice"><input type="checkbox" name="groups" value="${g}" ${has('groups', g) ? 'checked' : ''} /> ${ctx.ui.m.organisations.groups[g]}</label> `)}
      </fieldset>
      <p><label><input type="checkbox" name="emailDigest" value="on" ${has('emailDigest', 'on') ? 'checked' : ''} /> ${m.emailDigest}</label></p>
      <p><label for="webhookUrl">${m.webhook}</label><br /><input id="webhookUrl" name="webhookUrl" type="url" size="50" dir="ltr" value="${text('webhookUrl')}" /></p>
      <p><button type="submit">${target.submit}</button></p>
    </form>`;
}

/** The form values of an existing watch, to change it. */
export function watchValues(
  watch: Watch,
  choices: WatchChoices,
): Record<string, string | string[]> {
  return {
    name: watch.name,
    query: watch.query ?? '',
    concepts: choices.concepts.filter((c) => watch.conceptIds.includes(c.id)).map((c) => c.slug),
    processes: choices.processes.filter((p) => watch.processIds.includes(p.id)).map((p) => p.slug),
    groups: [...watch.groups],
    emailDigest: watch.emailDigest ? 'on' : '',
    webhookUrl: watch.webhookUrl ?? '',
  };
}

/** The form to change a watch, filled with what it has (or with what was sent, and the problem). */
export function watchChangePage(
  ctx: PageContext,
  data: {
    watch: Watch;
    choices: WatchChoices;
    values: Record<string, string | string[]>;
    problem?: Markup;
  },
): Markup {
  const m = ctx.ui.m.watches;
  const main = html`<h1>${data.watch.name}</h1>
    <p class="meta">${m.changeHint}</p>
    ${watchForm(ctx, data.choices, data.values, data.problem, {
      action: `/watches/${data.watch.id}`,
      heading: m.change,
      submit: m.saveChanges,
    })}`;
  return page(ctx, {
    title: `${m.change}: ${data.watch.name}`,
    main,
    crumbs: [
      { label: m.title, href: '/watches' },
      { label: data.watch.name, href: `/watches/${data.watch.id}` },
      { label: m.change },
    ],
  });
}

/** The viewer's watches and the form for a new one. */
export function watchListPage(
  ctx: PageContext,
  data: {
    watches: Watch[];
    choices: WatchChoices;
    values?: Record<string, string | string[]>;
    problem?: Markup;
  },
): Markup {
  const m = ctx.ui.m.watches;
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    ${
      data.watches.length === 0
        ? html`<p class="empty">${m.none}</p>`
        : html`<ul>${data.watches.map((w) => html`<li><a href="/watches/${w.id}">${w.name}</a>${w.query ? html` · <q>${w.query}</q>` : ''}</li>`)}</ul>`
    }
    ${watchForm(ctx, data.choices, data.values ?? {}, data.problem)}`;
  return page(ctx, { title: m.title, main, crumbs: [{ label: m.title }] });
}

function deliveryItem(ctx: PageContext, d: WebhookDelivery): Markup {
  const m = ctx.ui.m.watches;
  return html`<li><strong>${m.states[d.state]}</strong> · <bdi>${ctx.ui.instant(d.createdAt, 'UTC')}</bdi>
    <ul>${d.attempts.map((a) => html`<li>${fill(m.attempt, { n: a.attempt })} · <bdi>${ctx.ui.instant(a.at, 'UTC')}</bdi> · ${a.status === null ? '' : `HTTP ${a.status}`}${a.error ? html` · <span class="meta">${a.error}</span>` : ''}</li>`)}</ul></li>`;
}

/** A watch: what it follows, its feed, its webhook with the delivery log, and its matches. */
export function watchPage(
  ctx: PageContext,
  data: {
    watch: Watch;
    hits: WatchHit[];
    deliveries: WebhookDelivery[];
    conceptNames: string[];
    processNames: string[];
    /** The feed address, shown once after it is made. */
    feedUrl?: string;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.watches;
  const { watch } = data;
  const main = html`<h1>${watch.name}</h1>
    <dl>
      ${watch.query ? html`<dt>${m.words}</dt><dd><q>${watch.query}</q></dd>` : ''}
      ${data.conceptNames.length ? html`<dt>${ui.m.concepts.title}</dt><dd>${data.conceptNames.join(' · ')}</dd>` : ''}
      ${watch.emailDigest ? html`<dt>${m.digestOn}</dt><dd>✓</dd>` : ''}
      <dt>${m.filters}</dt><dd>${data.processNames.length ? data.processNames.join(' · ') : m.any}${
        watch.groups.length
          ? html` · ${watch.groups.map((g) => ui.m.organisations.groups[g]).join(' · ')}`
          : ''
      }</dd>
    </dl>
    <h2>${m.feed}</h2>
    ${
      data.feedUrl
        ? html`<p class="notice" role="status">${m.feedOnce}</p><p><code class="hash" dir="ltr">${data.feedUrl}</code></p>`
        : ''
    }
    <form method="post" action="/watches/${watch.id}/feed-key">${csrfField(ctx)}<button type="submit">${m.newFeed}</button> <span class="meta">${m.newFeedHint}</span></form>
    ${
      watch.webhookUrl
        ? html`<h2>${m.deliveries}</h2>
            <p dir="ltr"><code>${watch.webhookUrl}</code></p>
            <p>${m.webhookSecret}: <code class="hash" dir="ltr">${watch.webhookSecret}</code></p>
            <p class="meta" dir="ltr">${m.webhookHelp}</p>
            ${data.deliveries.length === 0 ? html`<p class="empty">${m.noDeliveries}</p>` : html`<ol class="deliveries">${data.deliveries.map((d) => deliveryItem(ctx, d))}</ol>`}`
        : ''
    }
    <h2>${m.matches}</h2>
    ${data.hits.length === 0 ? html`<p class="empty">${m.noMatches}</p>` : html`<ol class="passages">${data.hits.map((h) => passageItem(ctx, h, h.date))}</ol>`}
    <p><a href="/watches/${watch.id}/change">${m.change}</a></p>
    <form method="post" action="/watches/${watch.id}/delete">${csrfField(ctx)}<button type="submit">${m.delete}</button></form>`;
  return page(ctx, {
    title: watch.name,
    main,
    crumbs: [{ label: m.title, href: '/watches' }, { label: watch.name }],
  });
}
