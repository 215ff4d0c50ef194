import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messagesFor, negotiateLanguage, uiFor, uiLanguages, type UiLanguage } from './i18n.ts';
import { page } from './layout.ts';
import type { PageContext } from './page-context.ts';

const pluralCategories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

type Tree = { [key: string]: string | Tree };

/** A plural message: an object with `other` and nothing but CLDR categories (decided on English). */
function isPlural(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'other' in value &&
    Object.keys(value).every((k) => pluralCategories.has(k))
  );
}

/** Every message of a catalogue by key path; plural messages (as English has them) are leaves. */
function leaves(
  tree: Tree,
  shape: Tree,
  prefix = '',
): Map<string, string | Record<string, string>> {
  const out = new Map<string, string | Record<string, string>>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const model = shape[key];
    if (typeof value === 'string') out.set(path, value);
    else if (isPlural(model)) out.set(path, value as Record<string, string>);
    else if (typeof model === 'object') {
      for (const [p, v] of leaves(value, model, path)) out.set(p, v);
    } else out.set(path, value as Record<string, string>);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].toSorted();
}

const en = messagesFor('en') as unknown as Tree;
const english = leaves(en, en);
const others = uiLanguages.filter((l) => l !== 'en');
const ownNames: Record<UiLanguage, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

test('every page offers the six UN languages in the UN order, each named in itself', async () => {
  const ctx: PageContext = { ui: uiFor('fr'), viewer: null, path: '/processes?x=1', csrf: 't' };
  const markup = String(await page(ctx, { title: 'Processus', main: '' }));
  const offered = [
    ...markup.matchAll(
      /<a (?:aria-current="true" )?lang="(\w+)" hreflang="\1" href="\/language\/\1\?back=%2Fprocesses%3Fx%3D1">([^<]+)<\/a>/g,
    ),
  ];
  assert.deepEqual(
    offered.map((m) => [m[1], m[2]]),
    [
      ['ar', 'العربية'],
      ['zh', '中文'],
      ['en', 'English'],
      ['fr', 'Français'],
      ['ru', 'Русский'],
      ['es', 'Español'],
    ],
  );
  assert.match(markup, /aria-current="true" lang="fr"/);
});

for (const lang of uiLanguages) {
  const catalogue = messagesFor(lang) as unknown as Tree;
  const messages = leaves(catalogue, en);

  test(`${lang}: the same key paths as English`, () => {
    assert.deepEqual([...messages.keys()].toSorted(), [...english.keys()].toSorted());
  });

  test(`${lang}: every message is a non-empty string with the placeholders of English`, () => {
    for (const [path, source] of english) {
      const message = messages.get(path);
      if (typeof source === 'string') {
        assert.equal(typeof message, 'string', `${lang} ${path} is a string`);
        assert.ok((message as string).trim(), `${lang} ${path} is not empty`);
        assert.deepEqual(
          placeholders(message as string),
          placeholders(source),
          `${lang} ${path} keeps the placeholders of "${source}"`,
        );
        continue;
      }
      assert.ok(isPlural(message), `${lang} ${path} is a plural message with an "other" form`);
      const allowed = new Set(placeholders(source.other!));
      for (const [form, text] of Object.entries(message)) {
        assert.ok(pluralCategories.has(form), `${lang} ${path}.${form} is a CLDR category`);
        assert.equal(typeof text, 'string', `${lang} ${path}.${form} is a string`);
        assert.ok(text.trim(), `${lang} ${path}.${form} is not empty`);
        for (const name of placeholders(text)) {
          assert.ok(allowed.has(name), `${lang} ${path}.${form}: {${name}} is not in English`);
        }
      }
      // The forms the language's plural rules can choose, and `zero` where English has it.
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const form of [...needed, ...('zero' in source ? ['zero'] : [])]) {
        assert.ok(form in message, `${lang} ${path} has the "${form}" form`);
      }
    }
  });

  test(`${lang}: the language is named in itself, with no direction marks anywhere`, () => {
    assert.equal(catalogue.languageName, ownNames[lang]);
    for (const [path, message] of messages) {
      for (const text of typeof message === 'string' ? [message] : Object.values(message)) {
        assert.doesNotMatch(text, /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/, `${lang} ${path}`);
      }
    }
  });
}

test('messages the views fill with an empty value and follow with links end with that placeholder', () => {
  for (const lang of uiLanguages) {
    const m = messagesFor(lang);
    for (const [name, text] of Object.entries(m.accounts.roleNames)) {
      if (text.includes('{scope}')) assert.match(text, /\{scope\}$/, `${lang} roleNames.${name}`);
    }
    assert.match(m.submissions.jointWith, /\{list\}$/, `${lang} submissions.jointWith`);
  }
});

for (const lang of others) {
  test(`${lang}: the catalogue is translated, not a copy of English`, () => {
    const messages = leaves(messagesFor(lang) as unknown as Tree, en);
    let differ = 0;
    for (const [path, source] of english) {
      const message = messages.get(path);
      const a = typeof source === 'string' ? source : source.other;
      const b = typeof message === 'string' ? message : message?.other;
      if (a !== b) differ++;
    }
    assert.ok(
      differ / english.size >= 0.8,
      `${lang}: only ${differ} of ${english.size} messages differ from English`,
    );
  });
}

test('negotiateLanguage: the cookie first, then Accept-Language by quality, else English', () => {
  assert.equal(negotiateLanguage(undefined, 'fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(negotiateLanguage(undefined, 'zh-Hant-TW'), 'zh');
  assert.equal(negotiateLanguage(undefined, 'de-DE,de;q=0.9'), 'en');
  assert.equal(negotiateLanguage('ar', 'fr-CA,fr;q=0.9,en;q=0.8'), 'ar');
  assert.equal(negotiateLanguage(undefined, 'ru;q=0.5, es;q=0.9'), 'es');
  assert.equal(negotiateLanguage('xx', 'ru'), 'ru');
  assert.equal(negotiateLanguage(undefined, undefined), 'en');
});

test('Arabic plurals: six forms, each showing the number', () => {
  const ui = uiFor('ar');
  const message = ui.m.documents.numberedParagraphs;
  const seen = new Set<string>();
  for (const count of [0, 1, 2, 3, 11, 100]) {
    const text = ui.plural(message, count);
    assert.ok(text.includes(String(count)), `"${text}" shows ${count}`);
    assert.doesNotMatch(text, /[a-z]/i, `"${text}" is Arabic`);
    seen.add(text.replace(/\d+/g, '#'));
  }
  // 0, 1, 11 and 100 take the singular noun; 2 the dual; 3 to 10 the plural.
  assert.ok(seen.size >= 3, [...seen].join(' | '));
  assert.equal(ui.plural(ui.m.documents.comments, 2), '2 تعليقان');
  assert.equal(ui.plural(ui.m.documents.comments, 3), '3 تعليقات');
  assert.equal(ui.plural(ui.m.documents.comments, 11), '11 تعليقاً');
});

test('Russian plurals: 21, 22 and 25 take different forms', () => {
  const ui = uiFor('ru');
  const forms = [21, 22, 25].map((n) => ui.plural(ui.m.documents.comments, n));
  assert.deepEqual(forms, ['21 замечание', '22 замечания', '25 замечаний']);
  assert.equal(new Set(forms.map((f) => f.replace(/\d+/g, '#'))).size, 3);
  assert.equal(ui.plural(ui.m.documents.comments, 0), 'замечаний нет');
});

test('zero wins for 0 where the catalogue has it; French and Spanish plurals', () => {
  assert.equal(uiFor('fr').plural(uiFor('fr').m.documents.comments, 0), 'aucun commentaire');
  assert.equal(uiFor('fr').plural(uiFor('fr').m.documents.comments, 1), '1 commentaire');
  assert.equal(uiFor('es').plural(uiFor('es').m.documents.comments, 2), '2 comentarios');
  assert.equal(uiFor('zh').plural(uiFor('zh').m.documents.comments, 3), '3 条评论');
});
