/** The HTML page shown for an error. */
import { html } from 'hono/html';
import type { ErrorCode, FieldProblem } from '../errors.ts';
import type { PageContext } from './page-context.ts';
import { errorMessage, errorText } from './error-text.ts';
import { fill } from './i18n.ts';
import { page, type Markup } from './layout.ts';

/** A page that says what went wrong and what to do. */
export function errorPage(
  ctx: PageContext,
  status: number,
  code: ErrorCode,
  detail: string | undefined,
  fields?: FieldProblem[],
): Markup {
  const m = ctx.ui.m.errors;
  const heading = status === 404 ? m.notFound : status >= 500 ? m.serverError : m.badRequest;
  const signIn =
    code === 'SIGN_IN_REQUIRED' && !ctx.viewer
      ? html`<p><a href="/sign-in?back=${encodeURIComponent(ctx.path)}">${ctx.ui.m.site.signIn}</a></p>`
      : '';
  return page(ctx, {
    title: heading,
    main: html`<div class="error-page" role="alert">
      <h1>${heading}</h1>
      ${
        fields?.some((f) => f.key)
          ? html`<p>${errorMessage(ctx.ui, code)}</p>
              <ul>
                ${fields.map(
                  (f) =>
                    html`<li>${f.field ? html`<code>${f.field}</code>: ` : ''}${f.key ? fill(ctx.ui.m.forms[f.key], f.params ?? {}) : html`<span lang="en" dir="ltr">${f.message}</span>`}</li>`,
                )}
              </ul>`
          : html`<p>${errorText(ctx.ui, { code, detail })}</p>`
      }
      ${signIn}
      <p class="meta">${fill(m.code, { code, status })}</p>
      <p><a href="/">${m.back}</a></p>
    </div>`,
  });
}
