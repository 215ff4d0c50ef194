/** HTML of the outbox's operator page and of the development mailbox. */
import { html } from 'hono/html';
import { siteMarker, type OutboxMessage } from '../mail/mail.store.ts';
import type { PageContext } from '../web/page-context.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';
import type { OutboxStatus } from './notifications.service.ts';

/** The operator page: how mail leaves, the outbox by state, and each message given up. */
export function outboxPage(ctx: PageContext, status: OutboxStatus): Markup {
  const { ui } = ctx;
  const m = ui.m.mail;
  const transport = {
    smtp: m.transportSmtp,
    development: m.transportDevelopment,
    none: m.transportNone,
  }[status.mode];
  const states = ['pending', 'sending', 'sent', 'failed'] as const;
  const main = html`<h1>${m.adminTitle}</h1>
    <p class="${status.mode === 'smtp' ? 'notice' : 'problem'}" role="status">${transport}
      ${status.mode === 'development' ? html` <a href="/dev/mail">${m.devTitle}</a>` : ''}</p>
    <p>${m.adminIntro}</p>
    <table>
      <caption>${m.stateCaption}</caption>
      <thead><tr><th scope="col">${m.state}</th><th scope="col">${m.count}</th></tr></thead>
      <tbody>
        ${states.map((s) => html`<tr><th scope="row">${m[s]}</th><td>${ui.n(status.counts[s])}</td></tr>`)}
      </tbody>
    </table>
    <h2>${m.failedTitle}</h2>
    ${
      status.failed.length === 0
        ? html`<p class="empty">${m.noFailed}</p>`
        : html`<ul class="stack">${status.failed.map(
            (f) => html`<li>
              <dl>
                <dt>${m.recipient}</dt><dd><span dir="ltr">${f.recipient}</span></dd>
                <dt>${m.kind}</dt><dd><span dir="ltr">${f.kind}</span> · ${f.subject}</dd>
                <dt>${m.attempts}</dt><dd>${ui.n(f.attempts)}</dd>
                <dt>${m.lastError}</dt><dd><code dir="ltr">${f.lastError ?? ''}</code></dd>
              </dl>
              <form method="post" action="/admin/mail/${f.id}/retry" class="inline">${csrfField(ctx)}<button type="submit">${m.retry}</button></form>
            </li>`,
          )}</ul>`
    }`;
  return page(ctx, { title: m.adminTitle, main });
}

/** Development only: the newest messages with their text, links completed for this site. */
export function developmentMailboxPage(
  ctx: PageContext,
  data: { messages: OutboxMessage[]; site: string },
): Markup {
  const m = ctx.ui.m.mail;
  const linked = (text: string) =>
    text
      .replaceAll(siteMarker, data.site)
      .split(/(https?:\/\/\S+)/)
      .map((part, i) => (i % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`));
  const main = html`<h1>${m.devTitle}</h1>
    <p class="problem" role="status">${m.devIntro}</p>
    ${
      data.messages.length === 0
        ? html`<p class="empty">${m.devEmpty}</p>`
        : data.messages.map(
            (
              message,
            ) => html`<article lang="${message.language}" dir="${message.language === 'ar' ? 'rtl' : 'ltr'}">
              <h2>${message.subject}</h2>
              <p><span dir="ltr">${message.recipient}</span> · <span dir="ltr">${message.kind}</span></p>
              <pre class="mail">${linked(message.text)}</pre>
            </article>`,
          )
    }`;
  return page(ctx, { title: m.devTitle, main });
}
