/** The page frame every HTML page shares: head, skip link, header, main, footer. */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { PageContext } from './page-context.ts';
import { messagesFor, uiLanguages } from './i18n.ts';

/** Markup produced by hono's `html` template (escaped by default). */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString> | string;

/** A link in the breadcrumb trail. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The language switcher: the six UN languages, each named in itself. */
function languageSwitcher(ctx: PageContext): Markup {
  return html`<nav class="languages" aria-label="${ctx.ui.m.site.language}">
    <ul>
      ${uiLanguages.map((lang) => {
        const name = messagesFor(lang).languageName;
        const back = encodeURIComponent(ctx.path);
        return lang === ctx.ui.lang
          ? html`<li><a aria-current="true" lang="${lang}" hreflang="${lang}" href="/language/${lang}?back=${back}">${name}</a></li>`
          : html`<li><a lang="${lang}" hreflang="${lang}" href="/language/${lang}?back=${back}">${name}</a></li>`;
      })}
    </ul>
  </nav>`;
}

/**
 * The hidden fields every form post sends back: the form token, and the address of the page the
 * form is on (`_page`), where a refused form comes back filled in (src/web/form-refusal.ts).
 */
export function csrfField(ctx: PageContext): Markup {
  return html`<input type="hidden" name="_csrf" value="${ctx.csrf}" /><input
      type="hidden"
      name="_page"
      value="${ctx.path}"
    />`;
}

/** A whole HTML page around the given main content, in the reader's language. */
export function page(
  ctx: PageContext,
  options: {
    title: string;
    main: Markup;
    crumbs?: Crumb[];
    description?: string;
    /** Extra <head> links (feeds). */
    links?: Markup;
  },
): Markup {
  const { ui } = ctx;
  const m = ui.m.site;
  const crumbs = options.crumbs ?? [];
  const account = ctx.viewer
    ? html`<li><a href="/account">${ctx.viewer.name}</a></li>
        <li>
          <form method="post" action="/sign-out" class="inline">
            ${csrfField(ctx)}<button type="submit" class="link">${m.signOut}</button>
          </form>
        </li>`
    : html`<li><a href="/sign-in">${m.signIn}</a></li>
        <li><a href="/sign-up">${m.signUp}</a></li>`;
  return html`<!doctype html>
    <html lang="${ui.lang}" dir="${ui.dir}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · plenum</title>
        ${options.description ? html`<meta name="description" content="${options.description}" />` : ''}
        <link rel="stylesheet" href="/static/plenum.css" />
        <script type="module" src="/static/plenum.js"></script>
        ${options.links ?? ''}
      </head>
      <body>
        <a class="skip" href="#main">${m.skip}</a>
        <header class="site">
          <a class="brand" href="/">plenum</a>
          <nav aria-label="${m.navLabel}">
            <ul>
              <li><a href="/">${m.processes}</a></li>
              <li><a href="/organisations">${m.organisations}</a></li>
              <li><a href="/countries">${ui.m.countries.title}</a></li>
              <li><a href="/concepts">${ui.m.concepts.title}</a></li>
              <li><a href="/registry">${ui.m.registry.nav}</a></li>
              <li><a href="/briefings">${m.briefings}</a></li>
              ${ctx.viewer ? html`<li><a href="/watches">${ui.m.watches.title}</a></li>` : ''}
              <li><a href="/api/openapi.json">${m.api}</a></li>
              ${account}
            </ul>
          </nav>
          <form class="inline" method="get" action="/search" role="search" aria-label="${ctx.ui.m.search.siteLabel}">
            <input type="search" name="q" maxlength="200" aria-label="${ctx.ui.m.search.siteLabel}" />
            <button type="submit">${ctx.ui.m.search.button}</button>
          </form>
          ${languageSwitcher(ctx)}
        </header>
        ${
          crumbs.length > 0
            ? html`<nav class="crumbs" aria-label="${m.breadcrumb}">
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
            ${m.tagline} ${raw('&middot;')}
            <a href="/api/openapi.json">${m.apiLong}</a>
          </p>
        </footer>
      </body>
    </html>`;
}

/** The name of a language in the reader's language and in itself: "arabe", "العربية". */
export function languageName(tag: string, displayIn = 'en'): { display: string; native: string } {
  const display = safeDisplayName(displayIn, tag) ?? tag;
  const native = safeDisplayName(tag, tag) ?? display;
  return { display, native };
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
