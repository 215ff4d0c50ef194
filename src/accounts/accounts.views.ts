/** HTML of sign-in, sign-up and the account's own sections of the account page (src/pages/). */
import { html } from 'hono/html';
import type { ApiTokenListing, TokenUse } from './accounts.store.ts';
import {
  defaultTokenScopes,
  tokenLifetimeDays,
  tokenScopes,
  type TokenScope,
} from './accounts.schema.ts';
import type { PageContext } from '../web/page-context.ts';
import { fill, isolated } from '../web/i18n.ts';
import { csrfField, page, type Markup } from '../web/layout.ts';

function problem(message: Markup | undefined): Markup {
  return message ? html`<p class="problem" role="alert">${message}</p>` : '';
}

/** The sign-in form. */
export function signInPage(
  ctx: PageContext,
  options: { email?: string; error?: Markup; back?: string; notice?: string } = {},
): Markup {
  const m = ctx.ui.m.accounts;
  const main = html`<h1>${m.signInTitle}</h1>
    ${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
    ${problem(options.error)}
    <form method="post" action="/sign-in" class="stack narrow">
      ${csrfField(ctx)}<input type="hidden" name="back" value="${options.back ?? '/'}" />
      <label>${m.email} <input type="email" name="email" required autocomplete="username" value="${options.email ?? ''}" /></label>
      <label>${m.password} <input type="password" name="password" required autocomplete="current-password" /></label>
      <button type="submit">${m.signInSubmit}</button>
    </form>
    <p><a href="/forgot-password">${m.forgotPassword}</a></p>
    <p>${m.noAccount} <a href="/sign-up">${m.signUpTitle}</a></p>`;
  return page(ctx, { title: m.signInTitle, main });
}

/** The sign-up form. */
export function signUpPage(
  ctx: PageContext,
  options: { email?: string; name?: string; error?: Markup } = {},
): Markup {
  const m = ctx.ui.m.accounts;
  const main = html`<h1>${m.signUpTitle}</h1>
    ${problem(options.error)}
    <form method="post" action="/sign-up" class="stack narrow">
      ${csrfField(ctx)}
      <label>${m.name} <input name="name" required maxlength="200" autocomplete="name" value="${options.name ?? ''}" /></label>
      <label>${m.email} <input type="email" name="email" required autocomplete="email" value="${options.email ?? ''}" /></label>
      <label>${m.password} <input type="password" name="password" required minlength="10" autocomplete="new-password" aria-describedby="pw-help" /></label>
      <p class="help" id="pw-help">${m.passwordHelp}</p>
      <button type="submit">${m.signUpSubmit}</button>
    </form>
    <p>${m.haveAccount} <a href="/sign-in">${m.signInTitle}</a></p>`;
  return page(ctx, { title: m.signUpTitle, main });
}

/** Development without SMTP: where the messages are read instead. */
function developmentMail(ctx: PageContext, mail: string | undefined): Markup {
  const m = ctx.ui.m.accounts;
  return mail === 'development'
    ? html`<p class="notice">${m.devMail} <a href="/dev/mail">${m.devMailLink}</a></p>`
    : '';
}

/** The head of the account page: who is signed in, and what the last action did. */
export function accountHeading(
  ctx: PageContext,
  data: { message?: string; error?: Markup; mail?: string },
): Markup {
  const m = ctx.ui.m.accounts;
  const viewer = ctx.viewer!;
  return html`<h1>${m.accountTitle}</h1>
    <p>${viewer.name} · <span dir="ltr">${viewer.email}</span></p>
    ${data.message ? html`<p class="notice" role="status">${data.message}</p>` : ''}
    ${problem(data.error)}
    ${viewer.unverified ? unverifiedNotice(ctx, data.mail) : ''}`;
}

/** While the address is unverified: what the account may not do, and the link sent again. */
function unverifiedNotice(ctx: PageContext, mail: string | undefined): Markup {
  const m = ctx.ui.m.accounts;
  return html`<section class="notice" aria-labelledby="unverified">
      <h2 id="unverified">${m.verifyTitle}</h2>
      <p>${fill(m.unverifiedNotice, { email: isolated(ctx.viewer!.email) })}</p>
      <form method="post" action="/account/verification" class="inline">
        ${csrfField(ctx)}<button type="submit">${m.resendLink}</button>
      </form>
      ${developmentMail(ctx, mail)}
    </section>`;
}

/** "Forgot your password?": the form that asks for a link, and what it answers once sent. */
export function forgotPasswordPage(
  ctx: PageContext,
  options: { email?: string; error?: Markup; sent?: boolean; mail?: string | undefined } = {},
): Markup {
  const m = ctx.ui.m.accounts;
  const main = html`<h1>${m.forgotTitle}</h1>
    ${options.sent ? html`<p class="notice" role="status">${m.forgotSent}</p>${developmentMail(ctx, options.mail)}` : ''}
    ${problem(options.error)}
    <p id="forgot-help">${m.forgotIntro}</p>
    <form method="post" action="/forgot-password" class="stack narrow">
      ${csrfField(ctx)}
      <label>${m.email} <input type="email" name="email" required autocomplete="email" aria-describedby="forgot-help" value="${options.email ?? ''}" /></label>
      <button type="submit">${m.forgotSubmit}</button>
    </form>
    <p><a href="/sign-in">${m.signInTitle}</a></p>`;
  return page(ctx, { title: m.forgotTitle, main });
}

/** The form a reset link opens: a new password (the token rides along, hidden). */
export function resetPasswordPage(
  ctx: PageContext,
  options: { token: string; error?: Markup; linkInvalid?: boolean },
): Markup {
  const m = ctx.ui.m.accounts;
  const main = html`<h1>${m.resetTitle}</h1>
    ${problem(options.error)}
    ${
      options.linkInvalid
        ? html`<p><a href="/forgot-password">${m.askAgain}</a></p>`
        : html`<p class="help" id="reset-effect">${m.resetIntro}</p>
          <form method="post" action="/reset-password" class="stack narrow">
            ${csrfField(ctx)}<input type="hidden" name="token" value="${options.token}" />
            <label>${m.newPassword} <input type="password" name="password" required minlength="10" autocomplete="new-password" aria-describedby="reset-effect pw-help" /></label>
            <p class="help" id="pw-help">${m.passwordHelp}</p>
            <button type="submit">${m.resetSubmit}</button>
          </form>`
    }`;
  return page(ctx, { title: m.resetTitle, main });
}

/** The landing page of a verification link: a button that confirms, then what it did. */
export function verifyEmailPage(
  ctx: PageContext,
  options: { token: string; error?: Markup; done?: boolean },
): Markup {
  const m = ctx.ui.m.accounts;
  const main = html`<h1>${m.verifyTitle}</h1>
    ${problem(options.error)}
    ${
      options.done
        ? html`<p class="notice" role="status">${m.verified}</p>
          <p><a href="/account">${m.accountTitle}</a></p>`
        : options.error
          ? html`<p><a href="/account">${m.resendLink}</a></p>`
          : html`<p>${m.verifyIntro}</p>
            <form method="post" action="/verify-email" class="stack narrow">
              ${csrfField(ctx)}<input type="hidden" name="token" value="${options.token}" />
              <button type="submit">${m.verifySubmit}</button>
            </form>`
    }`;
  return page(ctx, { title: m.verifyTitle, main });
}

/** The viewer's roles, each with the process or organisation it is held on. */
export function accountRolesSection(
  ctx: PageContext,
  roles: { role: string; scope: string; href: string }[],
): Markup {
  const { ui } = ctx;
  const m = ui.m.accounts;
  return html`<h2>${m.roles}</h2>
    ${
      roles.length === 0
        ? html`<p class="empty">${m.noRoles} <a href="/organisations/new">${ui.m.organisations.register}</a></p>`
        : html`<ul>${roles.map((r) => html`<li>${fill(m.roleNames[r.role as keyof typeof m.roleNames] ?? r.role, { scope: '' })}<a href="${r.href}">${r.scope}</a></li>`)}</ul>
          <p><a href="/organisations/new">${ui.m.organisations.register}</a></p>`
    }`;
}

/** The form that changes the password. */
export function accountPasswordSection(ctx: PageContext): Markup {
  const m = ctx.ui.m.accounts;
  return html`<h2>${m.changePassword}</h2>
    <form method="post" action="/account/password" class="stack narrow">
      ${csrfField(ctx)}
      <p class="help" id="password-effect">${m.passwordChangeEffect}</p>
      <label>${m.currentPassword} <input type="password" name="current" required autocomplete="current-password" /></label>
      <label>${m.newPassword} <input type="password" name="password" required minlength="10" autocomplete="new-password" aria-describedby="password-effect" /></label>
      <button type="submit">${m.changePassword}</button>
    </form>`;
}

/** A short table of a token's latest uses (none: nothing), the route's pattern left to right. */
function tokenUsesTable(ctx: PageContext, token: ApiTokenListing, uses: TokenUse[]): Markup {
  if (uses.length === 0) return '';
  const { ui } = ctx;
  const m = ui.m.accounts;
  return html`<div class="table-scroll"><table class="token-uses">
      <caption>${fill(m.recentUsesCaption, { name: token.name })}</caption>
      <thead><tr><th scope="col">${m.recentUsesAt}</th><th scope="col">${m.recentUsesMethod}</th><th scope="col">${m.recentUsesRoute}</th><th scope="col">${m.recentUsesStatus}</th></tr></thead>
      <tbody>${uses.map(
        (u) =>
          html`<tr><td>${ui.instant(u.at, 'UTC')}</td><td><code dir="ltr">${u.method}</code></td><td><code dir="ltr">${u.route}</code></td><td><code dir="ltr">${u.status}</code></td></tr>`,
      )}</tbody>
    </table></div>`;
}

/** The viewer's API tokens, the secret of one just made, and the form that makes one. */
export function accountTokensSection(
  ctx: PageContext,
  data: {
    tokens: ApiTokenListing[];
    newToken?: string;
    /** The latest uses of each token listed, by token id (the page shows a few). */
    tokenUses?: ReadonlyMap<string, TokenUse[]>;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.accounts;
  const now = new Date().toISOString();
  const offered = tokenScopes.filter((s) => s !== 'admin' || ctx.viewer?.isAdmin);
  const expiry = (t: ApiTokenListing) =>
    t.expiresAt === null
      ? m.tokenNoExpiry
      : fill(t.expiresAt <= now ? m.tokenExpired : m.tokenExpires, {
          date: ui.instant(t.expiresAt, 'UTC'),
        });
  return html`<h2>${m.tokens}</h2>
    ${data.newToken ? html`<p class="notice" role="status">${m.tokenCreated} <code>${data.newToken}</code></p>` : ''}
    ${
      data.tokens.length === 0
        ? html`<p class="empty">${m.noTokens}</p>`
        : html`<ul>${data.tokens.map(
            (t) =>
              html`<li>${t.name} · ${ui.date(t.createdAt)} · ${
                t.lastUsedAt
                  ? fill(m.tokenLastUsed, { date: ui.instant(t.lastUsedAt, 'UTC') })
                  : m.tokenNeverUsed
              } · ${fill(m.tokenUses, { n: ui.n(t.useCount) })} · ${t.scopes
                .map((s) =>
                  (tokenScopes as readonly string[]).includes(s)
                    ? m.scopeNames[s as TokenScope]
                    : s,
                )
                .join(', ')} · ${expiry(t)}${
                t.revokedAt
                  ? html` · <s>${m.revoke}</s>`
                  : html` <form method="post" action="/account/tokens/${t.id}/revoke" class="inline">${csrfField(ctx)}<button type="submit" class="link">${m.revoke}</button></form>`
              }${tokenUsesTable(ctx, t, data.tokenUses?.get(t.id) ?? [])}</li>`,
          )}</ul>`
    }
    <form method="post" action="/account/tokens" class="inline-form">
      ${csrfField(ctx)}<label>${m.tokenName} <input name="name" maxlength="100" required /></label>
      <fieldset><legend>${m.tokenScopes}</legend><input type="hidden" name="scopes" value="" />${offered.map(
        (s) =>
          html`<label><input type="checkbox" name="scopes" value="${s}"${defaultTokenScopes.includes(s) ? html` checked` : ''} /> ${m.scopeNames[s]}</label> `,
      )}</fieldset>
      <label>${m.tokenLifetime} <input name="expiresInDays" type="number" min="1" max="${tokenLifetimeDays.max}" value="${tokenLifetimeDays.default}" inputmode="numeric" /></label>
      <button type="submit">${m.createToken}</button>
    </form>`;
}
