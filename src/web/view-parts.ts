/** View parts the pages of several features share: an instant, a concept's name, a passage. */
import { html } from 'hono/html';
import { localAddress } from './i18n.ts';
import { directionOf, type Markup } from './layout.ts';
import type { PageContext, TranslatableSubject } from './page-context.ts';

/**
 * An instant shown once, in the process's time zone (named), with UTC and the reader's own time
 * on demand in a small disclosure: <details> opens without script; with script the reader's time
 * is written into it (plenum.js, from the <time datetime>).
 */
export function instantLabel(ctx: PageContext, iso: string, timeZone: string): Markup {
  const { ui } = ctx;
  const zone = timeZone === 'UTC' ? '' : ` (${timeZone})`;
  const shown = html`<bdi><time datetime="${iso}">${ui.instant(iso, timeZone)}${zone}</time></bdi>`;
  const summary = html`<summary>${ui.m.consultations.otherTimes}</summary>`;
  const local = html`<span data-local="${ui.m.consultations.yourTime}" data-datetime="${iso}"></span>`;
  const utc = html`<bdi>${ui.instant(iso, 'UTC')}</bdi>`;
  return html`${shown}<details class="other-times">${summary}${utc}${local}</details>`;
}

/** The concept's name in the reader's language (English when the reader's is missing). */
export function conceptName(ctx: PageContext, concept: { names: { en: string } }): string {
  return (concept.names as Record<string, string>)[ctx.ui.lang] ?? concept.names.en;
}

/**
 * A found passage as a list item: where it is (document symbol and address, or the submitting
 * organisation), its date, and its text up to 400 characters. Concept and watch pages use it.
 */
export function passageItem(
  ctx: PageContext,
  p: {
    kind: string;
    title: string;
    symbol: string | null;
    address: string | null;
    href: string;
    language: string;
    organisationName: string | null;
    text: string;
  },
  date: string,
): Markup {
  const m = ctx.ui.m.concepts;
  const where =
    p.kind === 'submission'
      ? `${m.submission}${p.organisationName ? `: ${p.organisationName}` : ''}`
      : [p.symbol, p.address ? localAddress(ctx.ui, p.address) : null].filter(Boolean).join(', ');
  const excerpt = p.text.length > 400 ? `${p.text.slice(0, 400)}…` : p.text;
  return html`<li>
    <p class="meta"><a href="${p.href}">${where || p.title}</a> · ${ctx.ui.date(date)}</p>
    <blockquote lang="${p.language}" dir="${directionOf(p.language)}">${excerpt}</blockquote>
  </li>`;
}

/**
 * A process's, period's or version's text in the reader's language: the secretariat's translation
 * when there is one, else the original (English), marked with its language so that a screen
 * reader speaks it as such and a sighted reader sees a small "(English)".
 */
export function contentText(
  ctx: PageContext,
  subject: { type: TranslatableSubject; id: string; field: string },
  original: string,
): Markup {
  const { ui } = ctx;
  if (ui.lang === 'en') return html`${original}`;
  const translated = ctx.translations?.find(subject.type, subject.id, subject.field);
  if (translated) return html`${translated}`;
  return html`<span lang="en" dir="ltr">${original}</span> <small class="fallback">${ui.m.translations.fallbackMark}</small>`;
}

/** contentText as plain text, for titles and attributes (the fallback mark in brackets). */
export function contentString(
  ctx: PageContext,
  subject: { type: TranslatableSubject; id: string; field: string },
  original: string,
): string {
  if (ctx.ui.lang === 'en') return original;
  return ctx.translations?.find(subject.type, subject.id, subject.field) ?? original;
}

/** What a file field says and checks: its limits, written beside it and checked by plenum.js. */
export interface FileFieldParts {
  /** The input's id and name. */
  name: string;
  label: string;
  /** The limits in the reader's language, shown beside the field. */
  help: string;
  /** The extensions and media types the server accepts. */
  accept: string;
  maxBytes: number;
  maxCount: number;
  /** Messages plenum.js shows before anything is sent ({n}, {name} filled in there). */
  tooLarge: string;
  tooMany: string;
  wrongType: string;
}

/**
 * A file field with its limits written beside it; plenum.js checks the chosen files against the
 * same limits (data-max-bytes, data-max-count, accept) before anything is sent, and the server
 * checks them always. The form carrying it posts multipart/form-data.
 */
export function fileField(f: FileFieldParts): Markup {
  return html`<div class="field attachments">
    <label for="${f.name}">${f.label}</label>
    <p class="help" id="${f.name}-help">${f.help}</p>
    <input type="file" id="${f.name}" name="${f.name}" multiple accept="${f.accept}" aria-describedby="${f.name}-help ${f.name}-check"
      data-max-bytes="${f.maxBytes}" data-max-count="${f.maxCount}"
      data-too-large="${f.tooLarge}" data-too-many="${f.tooMany}" data-wrong-type="${f.wrongType}" />
    <p class="problem" id="${f.name}-check" role="alert" hidden></p>
  </div>`;
}
