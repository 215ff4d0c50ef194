/** HTML of the operator page: how far each follower of the event log is, and what it fails on. */
import { html } from 'hono/html';
import type { PageContext } from '../web/page-context.ts';
import { fill } from '../web/i18n.ts';
import { page, type Markup } from '../web/layout.ts';
import type { FollowerStatus } from './followers.service.ts';

/** The followers' table, with each failure and its error below it. */
export function followersPage(ctx: PageContext, statuses: FollowerStatus[]): Markup {
  const { ui } = ctx;
  const m = ui.m.followers;
  const rows = statuses.map(
    (s) => html`<tr>
      <th scope="row"><span dir="ltr">${s.name}</span></th>
      <td>${ui.n(s.seq)}</td>
      <td>${ui.n(s.lagEvents)}</td>
      <td>${ui.n(s.lagSeconds)}</td>
      <td>${s.failing ? html`<strong>${m.failing}</strong>` : m.ok}</td>
    </tr>`,
  );
  const failures = statuses.flatMap((s) =>
    s.failing
      ? [
          html`<section aria-labelledby="failing-${s.name}">
            <h2 id="failing-${s.name}">${fill(m.failingTitle, { follower: s.name })}</h2>
            <dl>
              <dt>${m.event}</dt>
              <dd><span dir="ltr">${ui.n(s.failing.seq)}${s.failing.action ? ` · ${s.failing.action} · ${s.failing.subject}` : ''}</span></dd>
              <dt>${m.error}</dt>
              <dd><code dir="ltr">${s.failing.error}</code></dd>
              <dt>${m.attempts}</dt>
              <dd>${ui.n(s.failing.attempts)}</dd>
              <dt>${m.since}</dt>
              <dd><time datetime="${s.failing.since}">${ui.instant(s.failing.since, 'UTC')}</time></dd>
              <dt>${m.retryAt}</dt>
              <dd><time datetime="${s.failing.retryAt}">${ui.instant(s.failing.retryAt, 'UTC')}</time></dd>
            </dl>
          </section>`,
        ]
      : [],
  );
  const main = html`<h1>${m.title}</h1>
    <p>${m.intro}</p>
    ${
      statuses.length === 0
        ? html`<p>${m.none}</p>`
        : html`<table>
          <caption>${m.caption}</caption>
          <thead>
            <tr>
              <th scope="col">${m.follower}</th>
              <th scope="col">${m.position}</th>
              <th scope="col">${m.lagEvents}</th>
              <th scope="col">${m.lagSeconds}</th>
              <th scope="col">${m.state}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>`
    }
    ${failures}`;
  return page(ctx, { title: m.title, main });
}
