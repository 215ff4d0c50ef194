/**
 * The interface in the six UN languages: choosing the reader's language, the catalogues, and
 * formatting of messages, plurals, numbers and dates with Intl.
 */
import { ar } from './i18n/ar.ts';
import { en, type Messages } from './i18n/en.ts';
import { es } from './i18n/es.ts';
import { fr } from './i18n/fr.ts';
import { ru } from './i18n/ru.ts';
import { zh } from './i18n/zh.ts';

export type { Messages, Plural } from './i18n/en.ts';

/** The interface languages, in the UN's order (Arabic, Chinese, English, French, Russian, Spanish). */
export const uiLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** One of the six interface languages. */
export type UiLanguage = (typeof uiLanguages)[number];

const catalogues: Record<UiLanguage, Messages> = { ar, zh, en, fr, ru, es };

/** True when the value names one of the six interface languages. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/** The catalogue of a language. */
export function messagesFor(language: UiLanguage): Messages {
  return catalogues[language];
}

/**
 * The language to answer in: the reader's explicit choice (cookie) first, then the best match in
 * Accept-Language (by quality, "fr-CA" matching "fr", "zh-Hant" matching "zh"), else English.
 */
export function negotiateLanguage(
  choice: string | undefined,
  acceptLanguage: string | undefined,
): UiLanguage {
  if (isUiLanguage(choice)) return choice;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.range && r.q > 0 && !Number.isNaN(r.q))
    .toSorted((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const primary = range.split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

/** A value set inside a sentence, isolated (FSI…PDI) so that an address reads whole in Arabic. */
export function isolated(value: string): string {
  return `\u2068${value}\u2069`;
}

/** Puts parameters into a message: "{n} comments" with {n: 3}. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Everything a view needs to speak the reader's language. */
export interface Ui {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  m: Messages;
  /** A number formatted for the reader: 12 345 in French, ١٢٬٣٤٥ stays 12,345 (latn) in Arabic UI. */
  n(value: number): string;
  /** A plural message chosen with Intl.PluralRules and filled with {n}. */
  plural(
    message: import('./i18n/en.ts').Plural,
    count: number,
    params?: Record<string, string | number>,
  ): string;
  /** A calendar date: "15 July 2020" in the reader's language. */
  date(value: string | null): string;
  /** An instant in a time zone, with the zone's name: "31 Jan 2027, 23:59 GMT-5". */
  instant(value: string, timeZone: string): string;
}

const uiCache = new Map<UiLanguage, Ui>();

/** The formatting helpers of a language (made once per language). */
export function uiFor(lang: UiLanguage): Ui {
  const cached = uiCache.get(lang);
  if (cached) return cached;
  // Latin digits everywhere: UN documents in Arabic print paragraph numbers in them too.
  // UN English writes dates day first ("2 November 2026"), as en-GB does.
  const locale = lang === 'ar' ? 'ar-u-nu-latn' : lang === 'en' ? 'en-GB' : lang;
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(lang);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const instants = new Map<string, Intl.DateTimeFormat>();
  const ui: Ui = {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    m: messagesFor(lang),
    n: (value) => numbers.format(value),
    plural: (message, count, params = {}) => {
      const form = plurals.select(count) as keyof typeof message;
      const template = (count === 0 ? message.zero : undefined) ?? message[form] ?? message.other;
      return fill(template, { n: numbers.format(count), ...params });
    },
    date: (value) => {
      if (!value) return '';
      const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      return Number.isNaN(date.getTime()) ? value : dates.format(date);
    },
    instant: (value, timeZone) => {
      let format = instants.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone,
          timeZoneName: 'shortOffset',
        });
        instants.set(timeZone, format);
      }
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : format.format(date);
    },
  };
  uiCache.set(lang, ui);
  return ui;
}

/**
 * A block address in the reader's language: "para 38(b)" is "par. 38(b)" in French and
 * "الفقرة 38(b)" in Arabic; `§0` is the cover and `§3 ¶2` "section 3, paragraph 2" (with the
 * headings given, "Introduction, paragraph 2").
 */
export function localAddress(
  ui: Ui,
  address: string,
  /** The headings' texts by their address (`§2` → "Introduction"), where the page has them. */
  headings?: ReadonlyMap<string, string>,
): string {
  const m = ui.m.documents;
  const para = /^para (.+)$/.exec(address);
  if (para) return fill(m.paraAddress, { n: para[1]! });
  const fn = /^fn (.+)$/.exec(address);
  if (fn) return fill(m.footnoteAddress, { n: fn[1]! });
  // Front matter and unnumbered blocks, in words a reader understands (issue 19, point 7):
  // `§0` the cover, `§0.2` a part of it, `§3` a section, `§3 ¶2` "Introduction, paragraph 2".
  const section = (part: string): string =>
    headings?.get(`§${part}`) ??
    (part === '0'
      ? m.coverAddress
      : part.startsWith('0.')
        ? fill(m.coverPartAddress, { n: part.slice(2) })
        : fill(m.sectionAddress, { n: part }));
  const inSection = /^§([\dIVXLCDM.]+) ¶(\d+)$/.exec(address);
  if (inSection)
    return fill(m.inSectionAddress, { section: section(inSection[1]!), n: inSection[2]! });
  const heading = /^§([\dIVXLCDM.]+)$/.exec(address);
  if (heading) return section(heading[1]!);
  // An unnumbered block before any heading is part of the cover: "cover, paragraph 1".
  const opening = /^¶(\d+)$/.exec(address);
  if (opening) return fill(m.inSectionAddress, { section: m.coverAddress, n: opening[1]! });
  return address;
}

/** Items joined as a short list in the reader's language ("a, b"; Arabic "a، b"; Chinese "a，b"). */
export function shortList(ui: Ui, items: string[]): string {
  const separator = ui.lang === 'ar' ? '، ' : ui.lang === 'zh' ? '，' : ', ';
  return items.join(separator);
}
