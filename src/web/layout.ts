/** The page frame every HTML page shares: head, skip link, header, main, footer. */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup produced by hono's `html` template (escaped by default). */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString> | string;

/** A link in the breadcrumb trail. */
export interface Crumb {
  label: string;
  href?: string;
}

/** A whole HTML page around the given main content. */
export function page(options: {
  title: string;
  main: Markup;
  crumbs?: Crumb[];
  description?: string;
}): Markup {
  const crumbs = options.crumbs ?? [];
  return html`<!doctype html>
    <html lang="en" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · plenum</title>
        ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
        <link rel="stylesheet" href="/static/plenum.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">plenum</a>
          <nav aria-label="Site">
            <ul>
              <li><a href="/">Processes</a></li>
              <li><a href="/api/openapi.json">API</a></li>
            </ul>
          </nav>
        </header>
        ${
          crumbs.length > 0
            ? html`<nav class="crumbs" aria-label="Breadcrumb">
                <ol>
                  ${crumbs.map((c, i) =>
                    c.href && i < crumbs.length - 1
                      ? html`<li><a href="${c.href}">${c.label}</a></li>`
                      : html`<li aria-current="page">${c.label}</li>`,
                  )}
                </ol>
              </nav>`
            : ''
        }
        <main id="main">${options.main}</main>
        <footer class="site">
          <p>
            plenum: open deliberation in Internet governance. ${raw('&middot;')}
            <a href="/api/openapi.json">JSON API (OpenAPI 3.1)</a>
          </p>
        </footer>
      </body>
    </html>`;
}

/** The name of a language in English and in itself: "Arabic · العربية". */
export function languageName(tag: string): { english: string; native: string } {
  const english = safeDisplayName('en', tag) ?? tag;
  const native = safeDisplayName(tag, tag) ?? english;
  return { english, native };
}

function safeDisplayName(locale: string, tag: string): string | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag);
  } catch {
    return undefined;
  }
}

/** The writing direction of a language: right to left for Arabic, Hebrew, Persian, Urdu. */
export function directionOf(tag: string): 'rtl' | 'ltr' {
  try {
    const info = new Intl.Locale(tag) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
    };
    const direction = info.getTextInfo?.().direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
  } catch {
    // fall through to the list below
  }
  return /^(ar|he|fa|ur|ps|sd|yi|dv)(-|$)/i.test(tag) ? 'rtl' : 'ltr';
}

/** A date (YYYY-MM-DD or ISO instant) as "15 July 2020". */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
